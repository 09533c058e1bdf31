package msg

// Workbooks (internal/workbook): what its writer and reader say when a
// workbook cannot be written or read. The reader's texts are wrapped by
// InputXLSXUnreadable.

const (
	// InputXLSXUnreadable: a workbook the reader cannot read. Verbs: the
	// input's name, what is wrong (one of the Workbook messages below).
	InputXLSXUnreadable = "%s: arbetsboken kan inte läsas: %w; öppna den i Excel och spara den igen som .xlsx, eller som CSV UTF-8"
	// WorkbookNoSheets: a workbook to write with no sheet (a program error).
	WorkbookNoSheets = "en arbetsbok måste ha minst ett blad"
	// WorkbookUnknownSheet: the sheet's name, one not named when the
	// workbook was started or written twice (a program error).
	WorkbookUnknownSheet = "bladet %q finns inte i arbetsboken eller är redan skrivet"
	// WorkbookTooManyRows: the sheet, Excel's number of rows a sheet.
	WorkbookTooManyRows = "bladet %q får fler rader än de %d som Excel kan visa; begränsa utdata (t.ex. med --severity) eller välj formatet csv"
	// WorkbookNotZip: a workbook to read that is not a ZIP file (an
	// xlsx is one).
	WorkbookNotZip = "filen är ingen zip-fil, vilket en .xlsx-arbetsbok är"
	// WorkbookMissingPart: the part of the package that is missing.
	WorkbookMissingPart = "delen %q saknas"
	// WorkbookBadXML: the part, the line of the part where the XML
	// breaks off.
	WorkbookBadXML = "delen %q är inte korrekt XML (fel på rad %d)"
	// WorkbookBadPart: the part, which the ZIP file does not unpack
	// (its data is damaged or cut short).
	WorkbookBadPart = "delen %q går inte att packa upp: filen är skadad eller avklippt"
	// WorkbookBadRow: the part, the row number found where a later one
	// was due, or beyond Excel's last row.
	WorkbookBadRow = "delen %q har radnumret %d, som inte går att använda (det är inte större än föregående rads eller större än Excels sista rad)"
	// WorkbookBadCell: the part, the cell reference.
	WorkbookBadCell = "delen %q har cellreferensen %q, som inte går att använda (en kolumn bortom Excels sista eller före föregående cells)"
	// WorkbookBadString: the part, the shared string's number.
	WorkbookBadString = "delen %q hänvisar till den delade texten nummer %q, som inte finns"
	// WorkbookNoSheetPart: the sheet's name.
	WorkbookNoSheetPart = "bladet %q har ingen del i arbetsboken"
)
