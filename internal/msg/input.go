package msg

// Messages of the episode readers (runtime/input): why a row of a CSV
// file was rejected, and what to do. They follow file:row and the field
// in the rejection's text.
const (
	// InputQuoteNoBreak: a quoted value in a column the reader uses (the
	// id, code, date or an attribute), which never holds a line break,
	// does not close on its line. Verbs: the column's number (from 1),
	// its header as written.
	InputQuoteNoBreak = "citattecknet som öppnas i kolumn %d (%s) stängs inte på raden, och den kolumnen kan inte ha radbrytningar; raden avvisades och nästa rad lästes som en egen rad; stäng citattecknet eller ta bort det"
	// InputQuoteBeyond: a quoted value past the header's last column does
	// not close on its line. Verbs: the column's number (from 1), the
	// number of columns of the header.
	InputQuoteBeyond = "citattecknet som öppnas i kolumn %d stängs inte på raden, och rubriken har bara %d kolumner; raden avvisades och nästa rad lästes som en egen rad; stäng citattecknet eller ta bort det"
	// InputQuoteOpen: a quoted value in a column the reader does not use
	// may hold line breaks (an Excel cell of several lines), but this one
	// does not make a whole row with the lines after it. Verbs: the
	// column's number (from 1), its header as written, the most lines a
	// row may have.
	InputQuoteOpen = "citattecknet som öppnas i kolumn %d (%s) stängs inte så att raden blir hel (inom %d rader, med lika många fält som rubriken och utan text efter citattecknet); raden avvisades och raderna efter den lästes som egna rader; stäng citattecknet eller ta bort det"
	// InputIDQuote: an episode id with a quote in it, which is most often
	// the end of a quoted value on a line before it. Verbs: the id,
	// quoted.
	InputIDQuote = "förlopps-id:t %s innehåller ett citattecken, vilket ett id aldrig gör; raden är troligen slutet på ett värde inom citattecken på en rad före den; stäng citattecknet där, eller ta bort det"
	// InputAfterQuote: a quoted value is followed by text before the
	// next separator, so the row cannot be split. Verbs: the column's
	// header, quoted, and number (from 1).
	InputAfterQuote = "kolumnen %q (kolumn %d) har text efter sitt stängande citattecken; skriv hela värdet inom citattecknen"
	// InputQuoteInValue: a value without quotes around it has a quote
	// and the separator in it (=HYPERLINK("http://x";"y")), which split
	// the row. Verbs: the column's header, quoted, its number (from 1),
	// the separator.
	InputQuoteInValue = "kolumnen %q (kolumn %d) har ett värde med citattecken men utan citattecken runt sig, och ett \"%c\" i det delar raden; skriv hela värdet inom citattecken och citattecknen i det dubbla (\"\")"
	// InputAfterQuoteBeyond: InputAfterQuote in a piece after the
	// header's last column. Verbs: the piece's number, the header's
	// columns.
	InputAfterQuoteBeyond = "fält %d på raden (rubriken har %d kolumner) har text efter sitt stängande citattecken; kontrollera avgränsarna och citattecknen på raden"
	// InputFieldCount: a row splits into another number of fields than
	// the header has columns. Verbs: the row's fields, the header's
	// columns.
	InputFieldCount = "raden har %d fält men rubriken har %d kolumner; kontrollera avgränsarna och citattecknen på raden"
)

// Messages of the episode readers about a row's values: the reason a
// row was rejected, shown after file:row and the field.
const (
	// InputCodeEmpty: a row without a KVÅ code. No verbs.
	InputCodeEmpty = "koden är tom; varje rad behöver en KVÅ-kod, t.ex. VL210"
	// InputCodeNotKVA: a code that is not a KVÅ code. Verbs: the code,
	// quoted.
	InputCodeNotKVA = "koden %s är ingen KVÅ-kod; en kod är V, två bokstäver eller siffror och två siffror, t.ex. VL210"
	// InputDateEmpty: a row without a date. No verbs.
	InputDateEmpty = "datumet är tomt; skriv datum som ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD"
	// InputDateNoDay: a date in the right form whose month or day does
	// not exist (2024-02-30). Verbs: the date, quoted.
	InputDateNoDay = "datumet %s finns inte; skriv datum som ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD"
	// InputDateImplausible: a real date whose year is outside what an
	// export can hold (0001-01-01, often an empty date in the source
	// system). Verbs: the date, quoted; the first and the last year read.
	InputDateImplausible = "datumet %s är inte ett rimligt datum (året ska vara mellan %d och %d); ett tomt datum i källsystemet blir ofta så, rätta datumet där"
	// InputDateForm: a date that cannot be read as a date. Verbs: the
	// date, quoted.
	InputDateForm = "%s går inte att läsa som ett datum; skriv datum som ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD"
	// InputDateSerial: a date that is a whole number Excel could show as
	// a date (a date column formatted as a number). Verbs: the value,
	// quoted; the date Excel would show, YYYY-MM-DD.
	InputDateSerial = "%s går inte att läsa som ett datum men ser ut som ett datumnummer från Excel (%s): formatera kolumnen som datum (markera kolumnen, högerklicka, Formatera celler → Tal → Datum, ÅÅÅÅ-MM-DD) och spara igen"
	// InputAge: an age that is not a whole number of years. Verbs: the
	// value, quoted.
	InputAge = "åldern %s är inget heltal från 0 till 130; skriv åldern i hela år, eller lämna tomt"
	// InputIntent: an intent that is neither kur nor pal. Verbs: the
	// value, quoted.
	InputIntent = "behandlingsintentionen %s är varken kur eller pal; skriv kur (kurativ), pal (palliativ) eller lämna tomt"
	// InputEpisodeEmpty: a CSV row without an episode id; the episodes
	// next to it in the file are not judged. No verbs.
	InputEpisodeEmpty = "förlopps-id:t är tomt; varje rad behöver ett. Raden kan höra till förloppet närmast före eller efter den i filen, så de bedöms inte: skriv förloppets id på raden (på alla förloppets rader, även om exporten bara skriver det på den första) och kör igen"
	// InputConflict: an attribute that differs between rows of one
	// episode. Verbs: the attribute, the row's value quoted, the earlier
	// value quoted, the earlier row's number, the attribute again.
	InputConflict = "%s %s skiljer sig från %s på rad %d i samma förlopp; ett förlopp har ett enda värde för %s, rätta raderna"
	// InputNotUTF8: a row that is not UTF-8. No verbs.
	InputNotUTF8 = "raden är inte giltig UTF-8; är filen i Windows-1252? ange --encoding windows-1252"
	// InputRowTooLong: a row past the longest one read. Verbs: the
	// bound in MiB.
	InputRowTooLong = "raden är längre än %d MiB och lästes inte; saknas en radbrytning?"
	// InputNUL: a row with a NUL byte. No verbs.
	InputNUL = "raden innehåller en NUL-byte, vilket text aldrig gör; filen kan vara skadad, exportera den igen"
)

// Messages of the JSON Lines reader about a line.
const (
	// InputJSONEpisodeEmpty: a line without "episode"; the episodes
	// next to it in the file are not judged. No verbs.
	InputJSONEpisodeEmpty = `förlopps-id:t är tomt eller saknas; varje rad behöver "episode". Raden kan höra till förloppet närmast före eller efter den i filen, så de bedöms inte: ange förloppets id i "episode" och kör igen`
	// InputJSONNoEvents: a line whose "events" is empty. No verbs.
	InputJSONNoEvents = `förloppet har inga händelser; ange dess koder och datum i "events"`
	// InputJSONSyntax: a line that is not JSON. Verbs: the character
	// (from 1) where reading stopped.
	InputJSONSyntax = "raden är inte giltig JSON (fel vid tecken %d); varje rad ska vara ett helt JSON-objekt"
	// InputJSONNotObject: a line that is JSON but no object. Verbs:
	// the JSON type in Swedish (en text, ett tal …).
	InputJSONNotObject = `raden är %s i JSON; varje rad ska vara ett JSON-objekt, som {"episode": "E1", "events": [...]}`
	// InputJSONFieldType: a field of the wrong JSON type. Verbs: the
	// field quoted, its JSON type in Swedish, the type it must have.
	InputJSONFieldType = "%q är %s i JSON men ska vara %s"
	// InputJSONOther: a line encoding/json refused for another reason.
	// No verbs.
	InputJSONOther = "raden kan inte läsas som JSON; varje rad ska vara ett helt JSON-objekt"
	// InputJSONText … InputJSONNull name JSON types in the messages above.
	InputJSONText   = "en text"
	InputJSONNumber = "ett tal"
	InputJSONBool   = "ett sanningsvärde (true/false)"
	InputJSONArray  = "en lista"
	InputJSONObject = "ett objekt"
	InputJSONNull   = "null"
	// InputJSONTextOrNumber: what a field of an episode or event must be.
	InputJSONTextOrNumber = "en text eller ett tal"
)

// Messages of the episode readers about a whole file. Each starts with
// the file's name.
const (
	// InputEncoding: an unknown --encoding. Verbs: the file, the value.
	InputEncoding = "%s: teckenkodningen %q är okänd; ange utf-8 eller windows-1252, eller utelämna den så att den känns igen"
	// InputDateOrder: an unknown --date-order. Verbs: the file, the
	// value.
	InputDateOrder = "%s: datumordningen %q är okänd; ange ymd eller dmy, eller utelämna den"
	// InputEmpty: a file without a header line. Verbs: the file.
	InputEmpty = "%s är tom: den har ingen rubrikrad; första raden ska namnge kolumnerna, t.ex. förlopp;kod;datum"
	// InputFirstLineTooLong: a first line past the longest one read.
	// Verbs: the file, the bound in MiB.
	InputFirstLineTooLong = "%s: första raden är längre än %d MiB; det ser inte ut som en CSV- eller JSON Lines-fil"
	// InputCannotRead: a read that failed. Verbs: the file, the error.
	InputCannotRead = "kan inte läsa %s: %w; kontrollera att filen finns, går att läsa och är hel"
	// InputCROnly: lines that end with CR alone. Verbs: the file.
	InputCROnly = "%s: raderna slutar med bara CR (ett gammalt Mac-format), så filen läses som en enda rad; spara den igen som CSV UTF-8"
	// InputHeaderQuote: a quote not closed in the header. Verbs: the
	// file.
	InputHeaderQuote = "%s: ett citattecken i rubrikraden stängs inte; rätta första raden, som ska namnge kolumnerna"
	// InputHeaderMissing: a header without the episode, code or date
	// column. Verbs: the file, the missing columns (FieldEpisode,
	// FieldCode, FieldDate joined by InputAnd), the columns found.
	InputHeaderMissing = "%s: rubrikraden saknar kolumn för %s (hittade %s)"
	// InputHeaderHint: a hint for a header name. Verbs: the name as
	// written, the hint.
	InputHeaderHint = "; för %q: %s"
	// InputHeaderNeed: what the header must name. No verbs.
	InputHeaderNeed = "; första raden ska namnge minst kolumnerna förlopp, kod och datum (episode, code och date går också)"
	// InputHeaderSeparators: for a header read as one column. No verbs.
	InputHeaderSeparators = ", åtskilda av ; eller , eller tabb"
	// InputHeaderNotUTF8: for a header that is not UTF-8. No verbs.
	InputHeaderNotUTF8 = "; rubrikraden är inte giltig UTF-8: är filen i Windows-1252? ange --encoding windows-1252"
	// InputAnd joins the last two items of a list. No verbs.
	InputAnd = " och "
	// InputMore ends a shortened list. Verbs: how many more.
	InputMore = " och %d till"
	// InputNoColumns stands for an empty list of columns. No verbs.
	InputNoColumns = "inga kolumner"
	// InputXLSXLongText, InputXLSXManyStrings and InputXLSXManyCells
	// say why a workbook is refused, inside the message about it.
	InputXLSXLongText    = "en text är för lång"
	InputXLSXManyStrings = "för många delade texter"
	InputXLSXManyCells   = "för många celler på en rad"
	// InputXLSXNotZip: a file that begins like a zip file but is not
	// one. Verbs: the file.
	InputXLSXNotZip = "%s: filen börjar som en zip-fil (som .xlsx) men är trasig; spara den igen som .xlsx eller som CSV UTF-8"
)

// Messages of the readers about the input as a whole: spooling it,
// a file that changes while it is read, text that is not text.
const (
	// InputFileChanged: why a file that changed while it was read
	// stopped the read. No verbs.
	InputFileChanged = "filen ändrades medan den lästes"
	// InputSpool: the input's name, the directory, the error.
	InputSpool = "%s: kan inte mellanlagra indata i en temporär fil i %s: %w; se till att det finns plats där (eller ange en annan katalog med TMPDIR)"
	// InputSpoolRead: the input's name, the error.
	InputSpoolRead = "kan inte läsa %s: %w"
	// InputChanged: the input's name, InputFileChanged.
	InputChanged = "%s: %w; vänta tills programmet som skriver filen är klart och kör igen"
	// InputUTF16, InputNotText: the input's name. A workbook (.xlsx) never
	// gets here: it is recognised by its zip signature first.
	InputUTF16   = "%s är text i UTF-16, som inte kan läsas; spara den som CSV UTF-8 (i Excel: Spara som, CSV UTF-8) eller som .xlsx"
	InputNotText = "%s innehåller NUL-byte och är alltså ingen textfil (och ingen .xlsx-arbetsbok); spara exporten som CSV UTF-8 (i Excel: Spara som, CSV UTF-8) eller som .xlsx"
)

// Messages about values (values.go): dates, sex, county and region
// codes, blank and total rows.
const (
	// InputDayFirstSure: a day-first date whose first number is over
	// 12, so it can only be day/month/year. Verbs: the date, quoted.
	InputDayFirstSure = "datumet %s skrivs dag/månad/år; ange --date-order dmy så läses sådana datum, eller skriv datumen som ÅÅÅÅ-MM-DD"
	// SummaryDateOrder: the summary's last line when rows were rejected
	// for a day-first date. Verbs: how many rows.
	SummaryDateOrder = "  ange --date-order dmy: %d rader avvisades för datumordningen (datum som 29/1/2024 med dagen först läses bara så)\n"
	// SummaryDateOrderOne is SummaryDateOrder for one row. No verbs.
	SummaryDateOrderOne = "  ange --date-order dmy: 1 rad avvisades för datumordningen (datum som 29/1/2024 med dagen först läses bara så)\n"
	// InputDayFirst: the date, quoted.
	InputDayFirst = "datumet %s står med dagen eller månaden först, och det går inte att veta vilket; står dagen först (D/M/ÅÅÅÅ, som Excel med t.ex. brittiska inställningar skriver), ange --date-order dmy, eller skriv datumen som ÅÅÅÅ-MM-DD"
	// InputSex: the value, quoted.
	InputSex = "kön %s är inget känt värde; skriv M eller K, Man eller Kvinna, eller 1 (man) eller 2 (kvinna) som i de nationella registren, eller lämna tomt"
	// InputCounty: the county of residence that is no county. Verbs:
	// the value quoted, the valid codes.
	InputCounty = "länet %s är ingen länskod och inget länsnamn; giltiga koder är %s (en inledande nolla får saknas: 1 läses som 01), eller skriv länets namn (Stockholms län, Stockholm)"
	// InputRegion: a region (the reporting or the referring one) that
	// is no region. Verbs: which (InputRegionReporting or
	// InputRegionReferring), the value quoted, the valid codes.
	InputRegion = "%s %s är ingen regionkod och inget regionnamn; giltiga koder är %s (en inledande nolla får saknas: 1 läses som 01), eller skriv regionens namn (Stockholm, Region Stockholm)"
	// InputRegionReporting names the reporting region in InputRegion.
	InputRegionReporting = "regionen"
	// InputRegionReferring names the referring region in InputRegion.
	InputRegionReferring = "den remitterande regionen"
	// InputTotalRow: for a total row (Excel's Totalt or Summa).
	InputTotalRow = "raden är en summarad (Totalt/Summa), inte data; ta bort den ur exporten"
)

// Messages of the xlsx reader.
const (
	// InputXLSXBroken: a workbook whose reading stopped on a fault of
	// the reader itself (a panic, recovered). Verbs: the input's name,
	// the fault's text (Go's, English, so it stands last, marked as a
	// technical detail for whoever helps the user: see TechnicalEnglish,
	// which internal/english does not count).
	InputXLSXBroken = "%s: arbetsboken kan inte läsas: den är skadad eller har något som Excel inte skriver; öppna den i Excel och spara den igen som .xlsx, eller som CSV UTF-8" + TechnicalEnglish
	// TechnicalEnglish ends a message with the English text of an error
	// from a library (for whoever helps the user find the cause); the
	// message before it says in Swedish what is wrong and what to do.
	// Verbs: the error.
	TechnicalEnglish = " (teknisk uppgift, på engelska: %w)"
	// InputXLSXNotWorkbook: the input's name.
	InputXLSXNotWorkbook = "%s: filen är en zip-fil men ingen Excel-arbetsbok (.xlsx); öppna den i sitt program och spara den som .xlsx eller som CSV UTF-8"
	// InputXLS: the input's name.
	InputXLS = "%s: filen är en arbetsbok i det gamla formatet .xls (eller skyddad med lösenord), som inte kan läsas; öppna den i Excel och spara den som .xlsx (Excel-arbetsbok) eller CSV UTF-8, utan lösenord"
	// InputXLSM: the input's name.
	InputXLSM = "%s: filen är en arbetsbok med makron (.xlsm), som inte läses; öppna den i Excel och spara den som .xlsx (Excel-arbetsbok) eller CSV UTF-8"
	// InputXLSXTooBig: the input's name, the bound in MiB.
	InputXLSXTooBig = "%s: arbetsboken är större än %d MiB; spara bladet som CSV UTF-8, som kan vara hur stort som helst"
	// InputXLSXBomb: the input's name, the part of the workbook.
	InputXLSXBomb = "%s: delen %q av arbetsboken packas upp till mer än en export kan innehålla (eller har en cell som är för stor), så den läses inte; är filen verkligen en export? spara bladet som CSV UTF-8"
	// InputXLSXNoSheets: the input's name.
	InputXLSXNoSheets = "%s: arbetsboken har inga blad"
	// InputXLSXNoSheet: the input's name, the sheet asked for, the sheets.
	InputXLSXNoSheet = "%s: arbetsboken har inget blad som heter %q; den har bladen %s; ange ett av dem med --sheet"
	// InputXLSXEmpty: the input's name, the sheet.
	InputXLSXEmpty = "%s: bladet %q är tomt: det har ingen rubrikrad; den första raden med värden ska namnge kolumnerna, t.ex. förlopp, kod och datum"
	// InputXLSXOtherSheets: the error about the header, the sheet read,
	// the workbook's sheets.
	InputXLSXOtherSheets = "%w (bladet %q, det första, lästes; arbetsboken har bladen %s: ange ett annat med --sheet)"
)

// Messages about --column and the columns of a header.
const (
	// InputColumnForm: the flag's value.
	InputColumnForm = "--column %q: skriv FÄLT=RUBRIK, t.ex. --column intent=Behandlingsintention"
	// InputColumnAttr: the flag's value, the attribute, a did-you-mean
	// hint ("" or InputDidYouMean), the valid names.
	InputColumnAttr = "--column %q: %q är inget attribut%s; attributen är %s"
	// InputDidYouMean: the closest name; appended to a message.
	InputDidYouMean = "; " + DidYouMean
	// InputColumnTwice: the attribute, the two headers.
	InputColumnTwice = "--column anger två kolumner för %s: %q och %q; ange en"
	// InputColumnHeaderTwice: the header, the two attributes.
	InputColumnHeaderTwice = "--column anger kolumnen %q för både %s och %s; ange en"
	// InputColumnNotInFile: the file, the header, the attribute, the
	// file's columns, a did-you-mean hint.
	InputColumnNotInFile = "%s: kolumnen %q (--column %s=…) finns inte i filen; kolumnerna är %s%s"
	// InputColumnsBoth: the file, the two headers, the field (FieldCode
	// …), the field as --column writes it (FieldFlag).
	InputColumnsBoth = "%s: kolumnerna %q och %q ger båda %s; välj den som ska läsas med --column %s=RUBRIK, eller byt namn på eller ta bort den andra"
	// InputColumnHint: a hint for a missing column: a header of the file
	// that may be it. Verbs: the header, the field as --column writes it,
	// the header again.
	InputColumnHint = "; är det kolumnen %q? ange då --column %s=%s"
	// SummaryIDColumn: the summary's line when the episode id is read
	// from a column headed ID, which is often something else (a row
	// number, a patient id). Verbs: the header.
	SummaryIDColumn = "    kolumnen %s lästes som förlopps-id; är det fel kolumn, välj rätt med --column förlopp=RUBRIK\n"
)

// The fields of an episode row in Swedish, as messages name them and as
// --column accepts them (FIELD=HEADER; a space may be written "_").
const (
	// FieldEpisode: the episode id's column.
	FieldEpisode = "förlopp"
	// FieldCode: the KVÅ code's column.
	FieldCode = "kod"
	// FieldDate: the event date's column.
	FieldDate = "datum"
	// FieldRegion: the reporting region's column.
	FieldRegion = "region"
	// FieldAge: the age's column.
	FieldAge = "ålder"
	// FieldSex: the sex's column.
	FieldSex = "kön"
	// FieldCounty: the county of residence's column.
	FieldCounty = "län"
	// FieldReferring: the referring region's column.
	FieldReferring = "remitterande region"
	// FieldDiagnosis: the ICD-10 diagnosis's column.
	FieldDiagnosis = "diagnos"
	// FieldIntent: the treatment intention's column.
	FieldIntent = "intention"
	// FieldWithHeader: a field and the file's own header for it, where
	// they differ. Verbs: the field (FieldAge …), the header quoted.
	FieldWithHeader = "%s (kolumnen %s)"
)
