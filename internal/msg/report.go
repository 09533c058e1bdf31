package msg

// The lead-time report (runtime/report): what it says about its own
// coverage and the inclusion measure.

// Which pathways the report can measure.
const (
	// ReportCoverage: the number of pathways with national lead-time
	// definitions, the number of pathways in the guide, their names
	// ("Hjärntumörer och Livmoderkroppscancer").
	ReportCoverage = "Ledtider finns för %d av %d vårdförlopp i dessa regler (%s); bara de har ledtidsavsnitt nedan."
	// ReportCoverageNone: the number of pathways in the guide.
	ReportCoverageNone = "Ledtider finns för 0 av %d vårdförlopp i dessa regler; rapporten har därför inga ledtider."
	// ReportCoverageWithout: the names of the input's pathways without
	// lead-time definitions.
	ReportCoverageWithout = " Underlagets förlopp i %s har inga ledtidsdefinitioner och räknas bara i tabellen över förlopp."
	// ReportAnd joins the last two names of a list.
	ReportAnd = " och "
)
