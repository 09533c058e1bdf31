package main

// Messages about output safety and inputs, in Swedish, in one place for
// the message catalogue to come. Each is printed after "svfrules CMD: ".
const (
	// msgStdoutName names standard output in messages.
	msgStdoutName = "standardutdata"
	// msgCannotWriteStdout: the output could not be written (%s: why).
	msgCannotWriteStdout = "kan inte skriva till " + msgStdoutName + ": %s"
	// msgOutputIsInput: -o names a file that is also read (%s: -o, the input).
	msgOutputIsInput = "-o %s är samma fil som indatafilen %s och skulle skrivas över; ingenting är läst eller ändrat. Skriv resultatet till en annan fil."
	// msgOutputIsRuleFile: -o names a file of the --rules folder (-o, the rule file).
	msgOutputIsRuleFile = "-o %s är samma fil som regelfilen %s och skulle skrivas över; ingenting är läst eller ändrat. Skriv resultatet till en annan fil."
	// msgOutputIsStdin: -o names the file standard input comes from.
	msgOutputIsStdin = "-o %s är samma fil som standard input (-) och skulle skrivas över; ingenting är läst eller ändrat. Skriv resultatet till en annan fil."
	// msgInputTwice: the same path given twice.
	msgInputTwice = "%s är angiven två gånger; ange varje fil en gång (annars räknas samma rader två gånger)"
	// msgSameFileTwice: two paths that name one file (link, ./, ..).
	msgSameFileTwice = "%s och %s är samma fil; ange den en gång (annars räknas samma rader två gånger)"
	// msgInternalError: a panic, recovered in main.
	msgInternalError = "svfrules: internt fel (ett fel i programmet, inte i dina filer): %v\nTemporära filer är borttagna, så ingen fil är halvskriven. Rapportera felet med kommandot du körde.\n"
)

// Messages about reading values (--date-order).
const (
	// msgDateOrder: the value given.
	msgDateOrder = "okänd --date-order %q; ange dmy (dagen först: 7/3/2024 är 7 mars) eller ymd (bara år först, standard)"
)

// Messages about columns.
const (
	// msgReportUnchecked heads report's list of the rules it could not
	// check (the lines follow, from runtime.WriteUncheckedText).
	msgReportUnchecked = "svfrules report: rapportens fynd saknar regler som inte kunde kontrolleras (ange kolumnen, eller --column, och kör igen):"
	// msgDiffUnchecked heads diff --episodes' list of the rules that
	// could not be checked in either version.
	msgDiffUnchecked = "svfrules diff: jämförelsen av förloppen saknar regler som inte kunde kontrolleras (ange kolumnen, eller --column, och kör igen):"
)
