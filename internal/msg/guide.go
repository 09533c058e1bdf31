package msg

// Messages of the guide text in the rule files (`section`, `changelog`)
// and of `svfrules guide`, the guide rendered from the rule files.

// Diagnostics of the compiler on sections and change-log entries.
const (
	// SectionUnknownCode is the summary when `codes` names a code the
	// folder does not declare; %s is the code as written ("22").
	SectionUnknownCode = "koden %s finns inte i regelfilerna"
	// SectionUnknownCodeDetail says what to do about it.
	SectionUnknownCodeDetail = "ett avsnitt kan bara räkna upp koder som deklareras med `code NN`; rätta numret eller deklarera koden"
	// SectionCodeTwice is the summary when a code stands in two sections
	// (or twice in one); %s is the code, %s the place of the first.
	SectionCodeTwice = "koden %s står redan i ett avsnitt (%s)"
	// SectionCodeTwiceDetail says what to do about it.
	SectionCodeTwiceDetail = "varje kod står i ett avsnitt, som i vägledningen; ta bort den ena"
	// SectionCodeMissing is the summary when sections exist but a code
	// is in none of them; %s is the code.
	SectionCodeMissing = "koden %s står inte i något avsnitt"
	// SectionCodeMissingDetail says why that matters and what to do.
	SectionCodeMissingDetail = "mappen har avsnitt (`section`), så den renderade vägledningen skulle sakna koden; lägg till den i avsnittets `codes`"
	// SectionPathwaysTwice is the summary when two sections say
	// `pathways`; %s is the place of the first.
	SectionPathwaysTwice = "förteckningen över vårdförloppen står redan i ett avsnitt (%s)"
	// SectionPathwaysTwiceDetail says what to do about it.
	SectionPathwaysTwiceDetail = "vägledningen har förteckningen en gång, under \"Kodernas uppbyggnad\"; ta bort den ena `pathways`"
	// SectionTextTwice is the summary when a section has two `text`.
	SectionTextTwice = "avsnittet har två `text`"
	// SectionTextTwiceDetail says what to do about it; %d is the line of
	// the first.
	SectionTextTwiceDetail = "den första står på rad %d; skriv avsnittets text i ett textblock, med tomma rader mellan styckena"
	// ChangeLogTwice is the summary when the header has two `changelog`.
	ChangeLogTwice = "huvudet har två `changelog`"
	// ChangeLogTwiceDetail says what to do about it; %d is the line of the
	// first.
	ChangeLogTwiceDetail = "den första står på rad %d; en version har en post i ändringsloggen, skriv alla punkter i samma textblock"
	// ChangeLogBadDate is the summary when a change-log date is not a
	// real day; %s is the date as written.
	ChangeLogBadDate = "%s är inget datum"
	// ChangeLogBadDateDetail says what to do about it.
	ChangeLogBadDateDetail = "skriv datumet som ändringsloggen anger, ÅÅÅÅ-MM-DD"
)
