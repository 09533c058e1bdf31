package msg

// Texts of the lint in `svfrules check` (compiler/lint.go): warnings about
// rule files that compile but say something the quality group almost
// certainly did not mean. They never stop a command; CI requires the
// embedded versions to have none.

// LintRuleNeverFires is the summary of a rule whose condition cannot hold
// in a pathway it applies to, because it needs a code the pathway's table
// leaves empty. Verbs: the rule id, the pathway's name, the pathway's key,
// the reason (LintReasonCode, LintReasonSet or LintReasonQualifier).
const LintRuleNeverFires = "regeln %s kan aldrig slå till i %s (%s): %s"

// LintRuleNeverFiresDetail is the detail of LintRuleNeverFires. No verbs.
const LintRuleNeverFiresDetail = "ett förlopp som kodas enligt tabellen har aldrig koden, så villkoret kan inte bli sant och regeln ger aldrig något fynd där; rätta tabellen, koden i villkoret eller regelns pathway-rad"

// LintRuleNeverFiresAnywhere is the summary of a rule for every pathway
// whose condition cannot hold in any of them. Verbs: the rule id, the
// reason in the first pathway (LintReasonCode, LintReasonSet or
// LintReasonQualifier).
const LintRuleNeverFiresAnywhere = "regeln %s kan aldrig slå till i något vårdförlopp: %s"

// LintRuleAlwaysFires is the summary of a rule that every episode of a
// pathway coded as the table says must break: its condition holds when a
// code is missing that the table does not allow there. Verbs: the rule id,
// the pathway's name, the pathway's key, the reason (LintReasonCode,
// LintReasonSet or LintReasonQualifier).
const LintRuleAlwaysFires = "regeln %s slår till för varje rätt kodat förlopp i %s (%s): %s"

// LintRuleAlwaysFiresDetail is the detail of LintRuleAlwaysFires. No verbs.
const LintRuleAlwaysFiresDetail = "villkoret kräver att koden saknas, och ett förlopp som kodas enligt tabellen har den aldrig, så varje sådant förlopp får fyndet; rätta tabellen, villkoret eller regelns pathway-rad"

// LintLeadTimeNeverApplies is the summary of a lead time whose condition
// cannot hold in its pathway. Verbs: the lead time's id, the pathway's
// name, the pathway's key, the reason (LintReasonCode, LintReasonSet or
// LintReasonQualifier).
const LintLeadTimeNeverApplies = "ledtiden %s kan aldrig gälla i %s (%s): %s"

// LintLeadTimeNeverAppliesDetail is the detail of LintLeadTimeNeverApplies.
// No verbs.
const LintLeadTimeNeverAppliesDetail = "ett förlopp som kodas enligt tabellen har aldrig koden, så villkoret efter `when` kan inte bli sant och ledtiden räknas aldrig; rätta tabellen eller villkoret"

// LintReasonCode says which code a condition needs and which table leaves
// it out. Verbs: the code with the pathway's prefix (VL250), the code's
// two-digit suffix (50).
const LintReasonCode = "tabellen för VXX%[2]s lämnar cellen tom, så %[1]s förekommer inte"

// LintReasonSet says that a named code set of a condition is empty in the
// pathway. Verbs: the set's name as the rule files write it (treatment).
const LintReasonSet = "tabellerna tillåter ingen kod i mängden %s"

// LintReasonQualifier says that no table cell of the pathway carries the
// qualifier a condition names. Verbs: the qualifier's name (kur).
const LintReasonQualifier = "ingen cell i tabellerna har kvalificeringen %s"

// LintRuleUntested is the summary of a rule that no test shows firing and
// none shows not firing. Verbs: the rule id.
const LintRuleUntested = "regeln %s har inget testfall"

// LintRuleUntestedDetail is the detail of LintRuleUntested. Verbs: the
// rule id.
const LintRuleUntestedDetail = "lägg till två test (i tester.svf): ett förlopp där regeln ska slå till, med `expect findings %s`, och ett liknande där den inte ska det, med `expect no findings` eller de andra reglernas fynd; kör dem med svfrules test"

// LintRuleNoFiringTest is the summary of a rule that no test shows
// firing. Verbs: the rule id.
const LintRuleNoFiringTest = "regeln %s har inget testfall där den slår till"

// LintRuleNoFiringTestDetail is the detail of LintRuleNoFiringTest. Verbs:
// the rule id.
const LintRuleNoFiringTestDetail = "lägg till ett test (i tester.svf) med ett förlopp där regeln ska ge fynd och `expect findings %s`; kör det med svfrules test"

// LintRuleNoQuietTest is the summary of a rule that no test of a pathway
// it applies to shows not firing. Verbs: the rule id.
const LintRuleNoQuietTest = "regeln %s har inget testfall där den inte slår till"

// LintRuleNoQuietTestDetail is the detail of LintRuleNoQuietTest. No verbs.
const LintRuleNoQuietTestDetail = "lägg till ett test (i tester.svf) med ett förlopp i ett vårdförlopp som regeln gäller, rätt kodat, med `expect no findings` eller de fynd andra regler ger; kör det med svfrules test"

// LintVersionFolder is the summary of a header whose version is not the
// version the folder is named after. Verbs: the header's version, the
// folder's name.
const LintVersionFolder = "huvudet säger version %s men mappen heter %s"

// LintVersionFolderDetail is the detail of LintVersionFolder. Verbs: the
// folder's name.
const LintVersionFolderDetail = "en versions regelfiler ligger i en mapp med versionens nummer (rules/10.6 har guide \"10.6\"); skriv guide \"%s\" i huvudet, eller byt namn på mappen"

// LintSourceVersion is the summary of a header source that names another
// version than the header's. Verbs: the version the source names, the
// header's version.
const LintSourceVersion = "källan anger version %s men huvudet säger version %s"

// LintSourceVersionDetail is the detail of LintSourceVersion. No verbs.
const LintSourceVersionDetail = "source ska ange dokumentet för just denna version: rätta versionsnumret och datumet i källan, eller inled den med \"Rekonstruerad från\" om versionen är återskapad ur en annan versions ändringslogg"

// LintNoteEmptyCell is the summary of a note attached to a pathway whose
// cell in the code's table is empty. Verbs: the code (VXX50), the
// pathway's name, the pathway's key.
const LintNoteEmptyCell = "anmärkningen under %s gäller %s (%s), men tabellen lämnar cellen tom"

// LintNoteEmptyCellDetail is the detail of LintNoteEmptyCell. Verbs: the
// cell's place (file:line:col), the code with the pathway's prefix
// (VL250).
const LintNoteEmptyCellDetail = "tabellraden står på %s; kryssa i cellen om koden används i vårdförloppet, eller flytta anmärkningen till rätt kod eller vårdförlopp; en anmärkning som förklarar varför koden saknas nämner koden (%s) i sin text"
