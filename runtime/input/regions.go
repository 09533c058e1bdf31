package input

import "github.com/rcc/svfrules/internal/lazy"

// The 21 regions (and counties: a region has its county's code, Region
// Stockholm 01 … Region Norrbotten 25), by code and by the names exports
// and files of estimates write: "Stockholm", "Region Stockholm",
// "Stockholms län", in any case, with or without å, ä and ö. One table
// for every reader of regions: the episode readers (region, county,
// referring region) and the inclusion measure's beräkningsunderlag.

// regions: code, the name rows show, and the other names (folded as
// foldName folds them; "region " before a name is dropped before
// looking up, so it is not listed).
var regions = [...]struct {
	code  int
	name  string
	other []string
}{
	{1, "Stockholm", []string{"stockholm", "stockholms lan"}},
	{3, "Uppsala", []string{"uppsala", "uppsala lan"}},
	{4, "Sörmland", []string{"sormland", "sodermanland", "sodermanlands lan"}},
	{5, "Östergötland", []string{"ostergotland", "ostergotlands lan"}},
	{6, "Jönköpings län", []string{"jonkopings lan", "jonkoping"}},
	{7, "Kronoberg", []string{"kronoberg", "kronobergs lan"}},
	{8, "Kalmar län", []string{"kalmar lan", "kalmar"}},
	{9, "Gotland", []string{"gotland", "gotlands lan"}},
	{10, "Blekinge", []string{"blekinge", "blekinge lan"}},
	{12, "Skåne", []string{"skane", "skane lan"}},
	{13, "Halland", []string{"halland", "hallands lan"}},
	{14, "Västra Götaland", []string{"vastra gotaland", "vastra gotalands lan", "vastra gotalandsregionen"}},
	{17, "Värmland", []string{"varmland", "varmlands lan"}},
	{18, "Örebro län", []string{"orebro lan", "orebro"}},
	{19, "Västmanland", []string{"vastmanland", "vastmanlands lan"}},
	{20, "Dalarna", []string{"dalarna", "dalarnas lan"}},
	{21, "Gävleborg", []string{"gavleborg", "gavleborgs lan"}},
	{22, "Västernorrland", []string{"vasternorrland", "vasternorrlands lan"}},
	{23, "Jämtland Härjedalen", []string{"jamtland harjedalen", "jamtland", "jamtlands lan"}},
	{24, "Västerbotten", []string{"vasterbotten", "vasterbottens lan"}},
	{25, "Norrbotten", []string{"norrbotten", "norrbottens lan"}},
}

// regionByName maps a folded name to its code's number. It is made the
// first time a name is looked up: most exports write codes, and every
// command paid for the map at start-up (issue 16).
var regionByName = lazy.Value[map[string]int]{New: func() map[string]int {
	m := map[string]int{}
	for _, r := range regions {
		for _, n := range r.other {
			m[n] = r.code
		}
	}
	return m
}}

// maxRegionName bounds the length of a name worth folding: the longest
// name with "Region " before it, and room for spaces.
const maxRegionName = 48

// foldName folds a region's name into buf for looking up: lower case,
// å ä and ö (and é) as a a o (e), "-" and "_" as spaces, runs of spaces
// as one, no space at either end, and "region " at the start dropped.
// ok is false for a name too long to be one. It allocates nothing, for
// the readers call it for rows.
func foldName(v []byte, buf *[maxRegionName]byte) (n int, ok bool) {
	space := true // at the start: drop leading spaces
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case c == 0xC3 && i+1 < len(v):
			i++
			switch v[i] {
			case 0x85, 0xA5, 0x84, 0xA4: // Å å Ä ä
				c = 'a'
			case 0x96, 0xB6: // Ö ö
				c = 'o'
			case 0x89, 0xA9: // É é
				c = 'e'
			default:
				return 0, false
			}
		case c-'A' < 26:
			c += 'a' - 'A'
		case c == ' ' || c == '-' || c == '_' || c == '\t' || c == 0xA0:
			c = ' '
		}
		if c == ' ' {
			if space {
				continue
			}
			space = true
		} else {
			space = false
		}
		if n == len(buf) {
			return 0, false
		}
		buf[n] = c
		n++
	}
	if n > 0 && buf[n-1] == ' ' {
		n--
	}
	if n > len("region ") && string(buf[:len("region ")]) == "region " {
		copy(buf[:], buf[len("region "):n])
		n -= len("region ")
	}
	return n, true
}

// regionNumber is the code's number of a region named v (as foldName
// folds it), 0 for none.
func regionNumber(v []byte) int {
	var buf [maxRegionName]byte
	n, ok := foldName(v, &buf)
	if !ok {
		return 0
	}
	return regionByName.Get()[string(buf[:n])]
}

// RegionCode is the two-digit code of a region or county given by its
// code (1 or 01) or its name ("Stockholm", "Region Stockholm",
// "Stockholms län", any case, å ä ö or not).
func RegionCode(s string) (string, bool) {
	c, ok := normCounty([]byte(s))
	return string(c), ok
}

// RegionName is the name of a region by its two-digit code ("01" is
// "Stockholm"); "" for a code no region has.
func RegionName(code string) string {
	for _, r := range regions {
		if c := countyCodes[r.code]; string(c) == code {
			return r.name
		}
	}
	return ""
}

// RegionCodes are the two-digit codes of the 21 regions (and counties),
// in order: the values --by region and --by county can have besides
// "okänd", which the report lists whether an export has them or not.
func RegionCodes() []string {
	codes := make([]string, 0, len(regions))
	for _, r := range regions {
		codes = append(codes, string(countyCodes[r.code]))
	}
	return codes
}
