package msg

// What `svfrules explain` says about the change kinds `svfrules diff`
// prints in brackets ([code-kind-changed]) and about its levels. One
// constant per kind, ChangeKind + the kind's id in CamelCase: what
// changed in the guide and what it means for those who code; the level
// comes from the kind (ChangeLevel…), and for the kinds whose level
// depends on the change, ChangeKind…Level says how.

// The head and sections of an explained change kind.
const (
	// ExplainChangeKindHead heads an explained change kind (%s: its id).
	ExplainChangeKindHead = "Ändringstyp %s i svfrules diff\n"
	// ExplainChangeKindWhat heads what the change is.
	ExplainChangeKindWhat = "\nVad som ändrats och vad det betyder:\n"
	// ExplainChangeKindLevel heads the change's level.
	ExplainChangeKindLevel = "\nNivå:\n"
	// ExplainChangeKindOpposite names the kind the same change has read
	// from the newer version to the older (%s: its id).
	ExplainChangeKindOpposite = "\nÅt andra hållet (diff NYARE ÄLDRE) heter samma ändring %s.\n"
	// ExplainChangeKindMeta: the kind is about the version, not its content.
	ExplainChangeKindMeta = "\nGäller versionsuppgifterna, inte vad vägledningen säger: räknas inte som en ändring och kommer inte med i ändringsloggen.\n"
	// ExplainChangeKindDo says how to see the changes of a kind.
	ExplainChangeKindDo = "\nSe ändringarna med svfrules diff ÄLDRE NYARE (t.ex. svfrules diff 10.5 10.6); --level och --ignore väljer vilka som visas.\n"
)

// The levels of diff, as explain tells them (svfrules explain action).
const (
	// ChangeLevelAction explains the level action (åtgärd).
	ChangeLevelAction = "åtgärd (action): ni som kodar måste koda annorlunda, annars uppstår fel i rapporteringen; läs ändringen och ändra rutinerna före versionens startdatum."
	// ChangeLevelReview explains the level review (granska).
	ChangeLevelReview = "granska (review): vägledningen eller en definition har ändrats; någon bör läsa ändringen och avgöra om den påverkar er kodning."
	// ChangeLevelInfo explains the level info.
	ChangeLevelInfo = "notera (info): redaktionell ändring (ordalydelse, namn, källhänvisning) eller en detalj i regelfilerna; kodningen påverkas inte."
	// ExplainLevelHead heads an explained level (%s: the level's id, %s: its Swedish word).
	ExplainLevelHead = "Nivå %s (%s) i svfrules diff\n\n"
	// ExplainLevelKinds heads the change kinds that can have the level.
	ExplainLevelKinds = "\nÄndringstyper med den här nivån (svfrules explain TYP förklarar var och en):\n"
	// ExplainSeverityInfo adds, for info, that findings have a severity
	// of that name too.
	ExplainSeverityInfo = "\nInfo är också en allvarlighetsgrad för fynd i eval: upplysningar som inte är fel i kodningen (t.ex. ett förlopp som ännu saknar avslutskod).\n"
)

// The change kinds, in the order of changes.Kinds.
const (
	// ChangeKindGuideVersionChanged: guide-version-changed.
	ChangeKindGuideVersionChanged = "Versionsnumret i regelfilernas huvud har ändrats. Det säger vilken version av kodningsvägledningen filerna motsvarar; kodningen påverkas inte."
	// ChangeKindGuideDateChanged: guide-date-changed.
	ChangeKindGuideDateChanged = "Publiceringsdatumet i huvudet har ändrats; kodningen påverkas inte."
	// ChangeKindGuideTitleChanged: guide-title-changed.
	ChangeKindGuideTitleChanged = "Vägledningens titel i huvudet har ändrats; kodningen påverkas inte."
	// ChangeKindGuideSourcesChanged: guide-sources-changed.
	ChangeKindGuideSourcesChanged = "Källhänvisningarna i huvudet (vilka dokument reglerna bygger på) har ändrats; kodningen påverkas inte."
	// ChangeKindGuideChangelogChanged: guide-changelog-changed.
	ChangeKindGuideChangelogChanged = "Versionens egen post i vägledningens ändringslogg har ändrats. Läs den: den sammanfattar vad kvalitetssäkringsgruppen ändrade i versionen."
	// ChangeKindGuideNotesChanged: guide-notes-changed.
	ChangeKindGuideNotesChanged = "Anmärkningarna om versionen i huvudet har ändrats (t.ex. hur en äldre version återskapats ur ändringsloggen); kodningen påverkas inte."
	// ChangeKindSectionAdded: section-added.
	ChangeKindSectionAdded = "Ett nytt avsnitt i vägledningens text (en rubrik med sin text). Läs det: det kan ge nya förtydliganden om hur koderna används."
	// ChangeKindSectionRemoved: section-removed.
	ChangeKindSectionRemoved = "Ett avsnitt i vägledningens text har tagits bort. Kontrollera att era rutiner inte bygger på det."
	// ChangeKindSectionChanged: section-changed.
	ChangeKindSectionChanged = "Texten under en rubrik i vägledningen har ändrats; diff visar orden som lagts till och tagits bort. Läs ändringen och avgör om den påverkar er kodning."
	// ChangeKindQualifierAdded: qualifier-added.
	ChangeKindQualifierAdded = "En ny kvalificering för tabellernas celler (som kur eller all) har definierats; cellerna som använder den visas som qualifier-changed."
	// ChangeKindQualifierRemoved: qualifier-removed.
	ChangeKindQualifierRemoved = "En kvalificering för tabellernas celler finns inte längre."
	// ChangeKindQualifierLegendChanged: qualifier-legend-changed.
	ChangeKindQualifierLegendChanged = "Förklaringen under tabellerna till en kvalificering (vad t.ex. kur betyder) har ändrats. Läs den: den avgör när koderna i de cellerna får användas."
	// ChangeKindPathwayAdded: pathway-added.
	ChangeKindPathwayAdded = "Ett nytt standardiserat vårdförlopp med de koder dess tabeller tillåter. Berörda enheter behöver börja koda det."
	// ChangeKindPathwayRemoved: pathway-removed.
	ChangeKindPathwayRemoved = "Ett vårdförlopp finns inte längre. Dess koder ska inte användas för nya förlopp."
	// ChangeKindPathwayKeyChanged: pathway-key-changed.
	ChangeKindPathwayKeyChanged = "Vårdförloppets nyckel i regelfilerna (t.ex. hjarntumorer) har ändrats; förloppet känns igen på sina prefix. Bara regelfilerna påverkas."
	// ChangeKindPathwayRenamed: pathway-renamed.
	ChangeKindPathwayRenamed = "Vårdförloppets namn har ändrats; koderna är desamma."
	// ChangeKindPathwayPrefixChanged: pathway-prefix-changed.
	ChangeKindPathwayPrefixChanged = "Vårdförloppets kodprefix (t.ex. VL2) har ändrats: varje kod i förloppet får ett nytt prefix, så kodningen måste ändras."
	// ChangeKindPathwayIcd10Changed: pathway-icd10-changed.
	ChangeKindPathwayIcd10Changed = "Diagnoskoderna (ICD-10) som förloppsbeskrivningen anger för vårdförloppet har ändrats. Granska om fler eller färre patienter ska in i förloppet."
	// ChangeKindCodeAdded: code-added.
	ChangeKindCodeAdded = "En ny kod (ett nytt kodnummer) med de vårdförlopp vars tabell tillåter den."
	// ChangeKindCodeAddedLevel: how code-added's level is chosen.
	ChangeKindCodeAddedLevel = "åtgärd för en startkod eller obligatorisk kod (den måste kodas), annars granska."
	// ChangeKindCodeRemoved: code-removed.
	ChangeKindCodeRemoved = "En kod finns inte längre. Använd den inte; eval ger fel för förlopp som har den."
	// ChangeKindCodeKindChanged: code-kind-changed.
	ChangeKindCodeKindChanged = "Vad koden gör har ändrats: om den startar förloppet, är obligatorisk, avslutar det vid start av behandling eller av annan orsak, eller är frivillig. Exempel: VXX73 flyttades 2022 från avslut av annan orsak till start av behandling. Det kan ändra vilka förlopp som räknas som avslutade, vilka ledtider som mäts och vilka fel eval ger."
	// ChangeKindCodeKindChangedLevel: how code-kind-changed's level is chosen.
	ChangeKindCodeKindChangedLevel = "åtgärd när koden börjar starta eller avsluta förlopp, eller måste kodas där den inte behövde förut, eller när en regel läser en kodgrupp som koden kommer in i eller lämnar; annars granska."
	// ChangeKindCodeRenamed: code-renamed.
	ChangeKindCodeRenamed = "Kodens rubrik i vägledningen har ändrats; koden och när den används är desamma."
	// ChangeKindCodeDescriptionChanged: code-description-changed.
	ChangeKindCodeDescriptionChanged = "Texten under kodens rubrik (när koden används) har ändrats; diff visar orden. Läs den och avgör om ni behöver koda annorlunda."
	// ChangeKindCodeScopeChanged: code-scope-changed.
	ChangeKindCodeScopeChanged = "Koden har gått från att gälla alla vårdförlopp till att styras av en tabell, eller tvärtom; cellerna som ändrats följer som egna ändringar."
	// ChangeKindLocalNameAdded: local-name-added.
	ChangeKindLocalNameAdded = "Koden har fått ett eget namn i ett vårdförlopp (som VL244); kodningen påverkas inte."
	// ChangeKindLocalNameRemoved: local-name-removed.
	ChangeKindLocalNameRemoved = "Kodens egna namn i ett vårdförlopp har tagits bort; koden heter som i övriga förlopp."
	// ChangeKindLocalNameChanged: local-name-changed.
	ChangeKindLocalNameChanged = "Kodens egna namn i ett vårdförlopp har formulerats om; kodningen påverkas inte."
	// ChangeKindCellAllowed: cell-allowed.
	ChangeKindCellAllowed = "En cell i kodens tabell har fått kryss: koden får nu användas i vårdförloppet."
	// ChangeKindCellAllowedLevel: how cell-allowed's level is chosen.
	ChangeKindCellAllowedLevel = "åtgärd för en startkod eller obligatorisk kod (den måste nu kodas där), annars granska."
	// ChangeKindCellDisallowed: cell-disallowed.
	ChangeKindCellDisallowed = "En cell i kodens tabell har förlorat sitt kryss: koden får inte längre användas i vårdförloppet, och eval ger fel för förlopp som har den."
	// ChangeKindQualifierChanged: qualifier-changed.
	ChangeKindQualifierChanged = "En cells kvalificering (kur, all) har ändrats: när koden får användas i vårdförloppet (t.ex. bara vid kurativ intention)."
	// ChangeKindQualifierChangedLevel: how qualifier-changed's level is chosen.
	ChangeKindQualifierChangedLevel = "åtgärd när cellen får eller byter kvalificering (en ny begränsning), granska när den förlorar den."
	// ChangeKindNoteAdded: note-added.
	ChangeKindNoteAdded = "Ett nytt förtydligande eller en ny avvikelse (Förtydliganden eller avvikelser) för en kod, generellt eller för vissa vårdförlopp. Läs det: det kan ändra hur ni kodar."
	// ChangeKindNoteRemoved: note-removed.
	ChangeKindNoteRemoved = "Ett förtydligande eller en avvikelse för en kod har tagits bort. Kontrollera att era rutiner inte bygger på det."
	// ChangeKindNoteChanged: note-changed.
	ChangeKindNoteChanged = "Texten eller rubriken i ett förtydligande för en kod har ändrats; diff visar orden."
	// ChangeKindNoteChangedLevel: how note-changed's level is chosen.
	ChangeKindNoteChangedLevel = "granska när texten ändrats, info när bara rubriken ändrats."
	// ChangeKindNotePathwaysChanged: note-pathways-changed.
	ChangeKindNotePathwaysChanged = "Samma förtydligande gäller nu andra vårdförlopp än förut. Granska om det nu gäller era förlopp."
	// ChangeKindRuleAdded: rule-added.
	ChangeKindRuleAdded = "En ny kontroll: eval hittar något den inte hittade förut. Förlopp som kodats som förut kan nu få fynd; läs kontrollens meddelande (svfrules explain REGEL-ID)."
	// ChangeKindRuleAddedLevel: how rule-added's level is chosen.
	ChangeKindRuleAddedLevel = "åtgärd för en kontroll med allvarlighetsgraden fel eller varning, granska för info."
	// ChangeKindRuleRemoved: rule-removed.
	ChangeKindRuleRemoved = "En kontroll finns inte längre: det den hittade rapporteras inte längre."
	// ChangeKindRuleChanged: rule-changed.
	ChangeKindRuleChanged = "En kontrolls villkor har ändrats: den kan hitta andra förlopp än förut."
	// ChangeKindRuleChangedLevel: how rule-changed's level is chosen.
	ChangeKindRuleChangedLevel = "åtgärd för en kontroll med allvarlighetsgraden fel eller varning, granska för info."
	// ChangeKindRuleSeverityChanged: rule-severity-changed.
	ChangeKindRuleSeverityChanged = "En kontrolls allvarlighetsgrad (fel, varning, info) har ändrats. Ett fel stoppar rapporteringen; en varning eller info gör det inte."
	// ChangeKindRuleSeverityChangedLevel: how rule-severity-changed's level is chosen.
	ChangeKindRuleSeverityChangedLevel = "åtgärd när den höjts (info → varning → fel), granska när den sänkts."
	// ChangeKindRulePathwaysChanged: rule-pathways-changed.
	ChangeKindRulePathwaysChanged = "Vilka vårdförlopp en kontroll gäller har ändrats."
	// ChangeKindRulePathwaysChangedLevel: how rule-pathways-changed's level is chosen.
	ChangeKindRulePathwaysChangedLevel = "åtgärd när kontrollen nu gäller ett vårdförlopp den inte gällde förut, granska när den bara gäller färre."
	// ChangeKindRuleRenamed: rule-renamed.
	ChangeKindRuleRenamed = "En kontrolls svenska namn har ändrats; vad den hittar är detsamma."
	// ChangeKindRuleMessageChanged: rule-message-changed.
	ChangeKindRuleMessageChanged = "En kontrolls meddelande (texten i fynden) har formulerats om; vad den hittar är detsamma."
	// ChangeKindRuleRefChanged: rule-ref-changed.
	ChangeKindRuleRefChanged = "Var i vägledningen en kontroll har sin grund (källhänvisningen) har ändrats; vad den hittar är detsamma."
	// ChangeKindLeadtimeAdded: leadtime-added.
	ChangeKindLeadtimeAdded = "En ny ledtid mäts. Den kommer med i rapporten och i listan över ledtider över mål."
	// ChangeKindLeadtimeRemoved: leadtime-removed.
	ChangeKindLeadtimeRemoved = "En ledtid mäts inte längre."
	// ChangeKindLeadtimeTargetChanged: leadtime-target-changed.
	ChangeKindLeadtimeTargetChanged = "En ledtids mål i kalenderdagar har ändrats. Fler eller färre förlopp hamnar över målet; planera efter det nya målet."
	// ChangeKindLeadtimeTargetChangedLevel: how leadtime-target-changed's level is chosen.
	ChangeKindLeadtimeTargetChangedLevel = "åtgärd när målet förkortats, granska när det förlängts."
	// ChangeKindLeadtimeTargetAdded: leadtime-target-added.
	ChangeKindLeadtimeTargetAdded = "En ledtid som saknade mål har fått ett. Förlopp kan nu hamna över målet."
	// ChangeKindLeadtimeTargetRemoved: leadtime-target-removed.
	ChangeKindLeadtimeTargetRemoved = "En ledtids mål har tagits bort (inget mål kan anges); ledtiden mäts men bedöms inte mot något mål."
	// ChangeKindLeadtimeChanged: leadtime-changed.
	ChangeKindLeadtimeChanged = "En ledtids definition har ändrats: vårdförloppet, från- eller till-koderna, eller villkoret för när den mäts. Granska om mätningen av era förlopp ändras."
	// ChangeKindLeadtimeRenamed: leadtime-renamed.
	ChangeKindLeadtimeRenamed = "En ledtids namn har ändrats; mätningen är densamma."
	// ChangeKindLeadtimeRefChanged: leadtime-ref-changed.
	ChangeKindLeadtimeRefChanged = "Var en ledtid är definierad (källhänvisningen) har ändrats; mätningen är densamma."
	// ChangeKindTestAdded: test-added.
	ChangeKindTestAdded = "Ett nytt testfall i regelfilerna (ett exempelförlopp med det väntade utfallet). Bara för kvalitetssäkringsgruppen; kodningen påverkas inte."
	// ChangeKindTestRemoved: test-removed.
	ChangeKindTestRemoved = "Ett testfall i regelfilerna har tagits bort. Bara för kvalitetssäkringsgruppen; kodningen påverkas inte."
	// ChangeKindTestChanged: test-changed.
	ChangeKindTestChanged = "Ett testfall i regelfilerna har ändrats (egenskaper, händelser eller väntat utfall). Bara för kvalitetssäkringsgruppen; kodningen påverkas inte."
)
