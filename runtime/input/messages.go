package input

// Messages of the readers that people read, in Swedish, kept together so
// that they can move into one catalogue. (Older messages of the readers
// are still English, where they are written.)
const (
	// msgSpool: the input's name, the directory, the error.
	msgSpool = "%s: kan inte mellanlagra indata i en temporär fil i %s: %w; se till att det finns plats där (eller ange en annan katalog med TMPDIR)"
	// msgSpoolRead: the input's name, the error.
	msgSpoolRead = "kan inte läsa %s: %w"
	// msgChanged: the input's name, errChanged.
	msgChanged = "%s: %w; vänta tills programmet som skriver filen är klart och kör igen"
	// msgUTF16, msgNotText: the input's name. A workbook (.xlsx) never
	// gets here: it is recognised by its zip signature first.
	msgUTF16   = "%s är text i UTF-16, som inte kan läsas; spara den som CSV UTF-8 (i Excel: Spara som, CSV UTF-8) eller som .xlsx"
	msgNotText = "%s innehåller NUL-byte och är alltså ingen textfil (och ingen .xlsx-arbetsbok); spara exporten som CSV UTF-8 (i Excel: Spara som, CSV UTF-8) eller som .xlsx"
)

// Messages about values (values.go): dates, sex, county and region
// codes, blank and total rows.
const (
	// msgDayFirst: the date, quoted.
	msgDayFirst = "datumet %s står med dagen eller månaden först, och det går inte att veta vilket; står dagen först (D/M/ÅÅÅÅ, som svenska Excel skriver), ange --date-order dmy, eller skriv datumen som ÅÅÅÅ-MM-DD"
	// msgSex: the value, quoted.
	msgSex = "kön %s är inget känt värde; skriv M eller K, Man eller Kvinna, eller 1 (man) eller 2 (kvinna) som i de nationella registren, eller lämna tomt"
	// msgCode: what (län, region, remitterande region), the value
	// quoted, countyList.
	msgCode = "%s %s är ingen länskod; giltiga koder är %s (en inledande nolla får saknas: 1 läses som 01)"
	// msgTotalRow: for a total row (Excel's Totalt or Summa).
	msgTotalRow = "raden är en summarad (Totalt/Summa), inte data; ta bort den ur exporten"
)

// Messages of the xlsx reader.
const (
	// msgXLSXBroken: the input's name, the error.
	msgXLSXBroken = "%s: arbetsboken kan inte läsas (%w); öppna den i Excel och spara den igen som .xlsx, eller som CSV UTF-8"
	// msgXLSXNotWorkbook: the input's name.
	msgXLSXNotWorkbook = "%s: filen är en zip-fil men ingen Excel-arbetsbok (.xlsx); öppna den i sitt program och spara den som .xlsx eller som CSV UTF-8"
	// msgXLS: the input's name.
	msgXLS = "%s: filen är en arbetsbok i det gamla formatet .xls (eller skyddad med lösenord), som inte kan läsas; öppna den i Excel och spara den som .xlsx (Excel-arbetsbok) eller CSV UTF-8, utan lösenord"
	// msgXLSM: the input's name.
	msgXLSM = "%s: filen är en arbetsbok med makron (.xlsm), som inte läses; öppna den i Excel och spara den som .xlsx (Excel-arbetsbok) eller CSV UTF-8"
	// msgXLSXTooBig: the input's name, the bound in MiB.
	msgXLSXTooBig = "%s: arbetsboken är större än %d MiB; spara bladet som CSV UTF-8, som kan vara hur stort som helst"
	// msgXLSXBomb: the input's name, the part of the workbook.
	msgXLSXBomb = "%s: delen %q av arbetsboken packas upp till mer än en export kan innehålla (eller har en cell som är för stor), så den läses inte; är filen verkligen en export? spara bladet som CSV UTF-8"
	// msgXLSXNoSheets: the input's name.
	msgXLSXNoSheets = "%s: arbetsboken har inga blad"
	// msgXLSXNoSheet: the input's name, the sheet asked for, the sheets.
	msgXLSXNoSheet = "%s: arbetsboken har inget blad som heter %q; den har bladen %s; ange ett av dem med --sheet"
	// msgXLSXEmpty: the input's name, the sheet.
	msgXLSXEmpty = "%s: bladet %q är tomt: det har ingen rubrikrad; den första raden med värden ska namnge kolumnerna, t.ex. förlopp, kod och datum"
	// msgXLSXOtherSheets: the error about the header, the sheet read,
	// the workbook's sheets.
	msgXLSXOtherSheets = "%w (bladet %q, det första, lästes; arbetsboken har bladen %s: ange ett annat med --sheet)"
)
