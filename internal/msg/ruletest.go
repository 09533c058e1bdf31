package msg

// Failures of the rule files' own test cases (runtime.RunTests), as
// `svfrules test` prints them under "FEL id (place)", each after the
// expectation's place and line: what the test expected, then what the
// rules gave.

const (
	// TestNotACode: a test event's code the rules do not know (%s: the
	// event's place, %s: the code).
	TestNotACode = "%s: %s är ingen kod i reglerna"
	// TestWantFindings: the findings differ (%s: the rule ids expected,
	// %s: the rule ids found; each joined by ", ").
	TestWantFindings = "väntade fynd [%s], fick [%s]"
	// TestWantLeadTimeNone: an expected lead time was not measured (%s:
	// its id, %d: the days expected, %s: the lead times measured,
	// TestLeadTimeList).
	TestWantLeadTimeNone = "väntade ledtiden %s på %d dagar, fick ingen (ledtider: %s)"
	// TestWantLeadTimeDays: a lead time of other days (%s: its id, %d:
	// the days expected, %d: the days measured).
	TestWantLeadTimeDays = "väntade ledtiden %s på %d dagar, fick %d dagar"
	// TestWantNoLeadTime: a lead time that should not be measured was
	// (%s: its id, %d: its days).
	TestWantNoLeadTime = "väntade ingen ledtid %s, fick %d dagar"
	// TestWantNoLeadTimes: lead times where none should be (%s: them,
	// TestLeadTimeList).
	TestWantNoLeadTimes = "väntade inga ledtider, fick %s"
	// TestWantReportable: reportable or not, other than expected (%s: the
	// expected, %s: the got; TestReportable or TestUnreportable).
	TestWantReportable = "väntade %s, fick %s"
	// TestReportable: the episode is reported.
	TestReportable = "rapporterbart"
	// TestUnreportable: the episode is not reported.
	TestUnreportable = "inte rapporterbart"
	// TestWantReportedAs: reported as another diagnosis (%s: the prefix
	// expected, %s: the prefix got or TestNotReported).
	TestWantReportedAs = "väntade rapporterat som %s, fick %s"
	// TestNotReported: reported as nothing.
	TestNotReported = "inte rapporterat"
	// TestNoLeadTimes: no lead time measured, in TestLeadTimeList's place.
	TestNoLeadTimes = "inga"
	// TestLeadTimeDays: one national lead time measured (%s: its id, %d:
	// its days); joined by ", ".
	TestLeadTimeDays = "%s %d dagar"
	// TestLocalLeadTimeDays: one local lead time measured (%s: its id,
	// %d: its days).
	TestLocalLeadTimeDays = "%s %d dagar (lokal)"
)
