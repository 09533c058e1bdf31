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
	// number (from 1).
	InputAfterQuote = "kolumn %d har text efter sitt stängande citattecken; skriv hela värdet inom citattecknen"
	// InputFieldCount: a row splits into another number of fields than
	// the header has columns. Verbs: the row's fields, the header's
	// columns.
	InputFieldCount = "raden har %d fält men rubriken har %d kolumner; kontrollera avgränsarna och citattecknen på raden"
)
