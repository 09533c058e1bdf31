package compiler

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/rcc/svfrules/lang"
	"github.com/rcc/svfrules/rules"
)

// The embedded guide versions are parsed and checked when svfrules is
// built (go generate ./rules, which writes rules/parsed/guides.bin with
// EncodeEmbedded), so that a run loads the checked model without the
// parser and without the checks (see guideform.go): parsing 10.6 takes
// about 30 ms, decoding and checking its parsed files took about 8 ms,
// decoding the model about one. A loaded guide is the one the
// text gives in every respect (TestEmbeddedParsed compares them, and
// fails when a generated file is stale); only check runs the lint on it.
//
// A generated file starts with a stamp of the version's rule files (see
// stamp): a file whose stamp does not match the files embedded beside it
// (a rule file added, removed or resized without go generate) is not
// used, and the text is parsed.
//
// Layout: the stamp, the header's date and title, the table of the
// pathways' code entries (see rowtable.go), each a uvarint length and the
// bytes, then the model (encodeGuide).

// embeddedDisplay is how the files of an embedded version are named in
// diagnostics: rules/10.6/regler.svf.
func embeddedDisplay(v string) string { return "rules/" + v }

// embeddedSources reads the rule files of embedded version v in name
// order, keyed by their shown names.
func embeddedSources(v string) (names []string, src lang.Sources, err error) {
	entries, err := fs.ReadDir(rules.FS(), v)
	if err != nil {
		return nil, nil, err
	}
	src = lang.Sources{}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), Ext) {
			continue
		}
		data, err := fs.ReadFile(rules.FS(), path.Join(v, e.Name()))
		if err != nil {
			return nil, nil, err
		}
		shown := path.Join(embeddedDisplay(v), e.Name())
		names = append(names, shown)
		src[shown] = data
	}
	sort.Strings(names)
	return names, src, nil
}

// stamp identifies the rule files of a version as the generated form
// was made from: their shown names in order, each with its size. It is
// read from the embedded folder's listing alone: reading the text of the
// files (1.2 MB for all versions, each page of it a page fault the first
// time) to hash it was most of what svfrules versions did (issue 16). A
// rule file edited to the same size without go generate is not noticed
// here; TestEmbeddedParsed fails on it, byte for byte.
func stamp(names []string, size func(name string) int64) []byte {
	var out []byte
	for _, name := range names {
		out = binary.AppendUvarint(out, uint64(len(name)))
		out = append(out, name...)
		out = binary.AppendUvarint(out, uint64(size(name)))
	}
	return out
}

// sourcesStamp is the stamp of files read (embeddedSources).
func sourcesStamp(names []string, src lang.Sources) []byte {
	return stamp(names, func(name string) int64 { return int64(len(src[name])) })
}

// embeddedStamp is the stamp of embedded version v, from the listing of
// its folder without reading the files.
func embeddedStamp(v string) ([]byte, error) {
	// fs.ReadDir gives the files sorted by name, the order of the shown
	// names, which share their folder: the stamp is written as they come,
	// without the map, sort and path.Join per file of stamp's other
	// callers (a third of the 34 k instructions this took, issue 16).
	// TestEmbeddedParsed checks it is sourcesStamp's.
	entries, err := fs.ReadDir(rules.FS(), v)
	if err != nil {
		return nil, err
	}
	folder := embeddedDisplay(v) + "/"
	var out []byte
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, Ext) {
			continue
		}
		info, err := e.Info()
		if err != nil {
			return nil, err
		}
		out = binary.AppendUvarint(out, uint64(len(folder)+len(name)))
		out = append(append(out, folder...), name...)
		out = binary.AppendUvarint(out, uint64(info.Size()))
	}
	return out, nil
}

// EncodeEmbedded parses and checks embedded version v and returns its
// generated form (see above). A version that does not parse and pass the
// checks without any diagnostic (the lint aside) has none: it is parsed
// on every load, which reports its diagnostics.
func EncodeEmbedded(v string) ([]byte, error) {
	names, src, err := embeddedSources(v)
	if err != nil {
		return nil, err
	}
	var files []*lang.File
	for _, name := range names {
		f, ds := lang.Parse(name, src[name])
		if len(ds) > 0 {
			return nil, fmt.Errorf("%s: %s", name, ds[0].Summary)
		}
		files = append(files, f)
	}
	g, ds := checkParsed(files, nil, src)
	if g == nil || len(ds) > 0 {
		// The compiled form carries no diagnostics.
		return nil, fmt.Errorf("rules/%s does not pass the checks without a diagnostic (%d diagnostics)", v, len(ds)) // for developers: go generate
	}
	form, err := encodeGuide(g)
	if err != nil {
		return nil, err
	}
	p := Compile(g)
	p.rowTable = "" // worked out here, not read from the file being made
	rows := appendRowTable(nil, p.CompileAll())
	st := sourcesStamp(names, src)
	var out []byte
	for _, s := range []string{string(st), g.Date, g.Title, string(rows)} {
		out = binary.AppendUvarint(out, uint64(len(s)))
		out = append(out, s...)
	}
	return append(out, form...), nil
}

// The parts of a generated form before the model, in their order.
const (
	partStamp = iota
	partDate
	partTitle
	partRows
	generatedParts
)

// splitParts returns the parts of a generated form before the model, and
// the model; false when the form is cut short.
func splitParts(data string) (parts [generatedParts]string, rest string, ok bool) {
	for i := range parts {
		n, k := rules.Uvarint(data)
		if k <= 0 || n > uint64(len(data)-k) {
			return parts, "", false
		}
		parts[i] = data[k : k+int(n)]
		data = data[k+int(n):]
	}
	return parts, data, true
}

// splitGenerated returns the header and the model of a generated form
// whose stamp is st; errStale when the stamp differs or the form is cut
// short.
func splitGenerated(data string, st []byte) (date, title, rest string, err error) {
	parts, rest, ok := splitParts(data)
	if !ok || parts[partStamp] != string(st) {
		return "", "", "", errStale
	}
	return parts[partDate], parts[partTitle], rest, nil
}

// embeddedRowTable returns the table of code entries in the generated
// form of embedded version v ("" when there is none). It is not checked
// against the rule files: loadRows uses an entry only for the sets it was
// made from.
func embeddedRowTable(v string) string {
	data, ok := rules.Parsed(v)
	if !ok {
		return ""
	}
	parts, _, ok := splitParts(data)
	if !ok {
		return ""
	}
	return parts[partRows]
}

// parsedHeader reads the date and title of the generated form of v
// alone (the pages of the embedded file it reads are all it touches),
// when its stamp is st.
func parsedHeader(v string, st []byte) (date, title string, err error) {
	data, ok := rules.Parsed(v)
	if !ok {
		return "", "", fs.ErrNotExist
	}
	date, title, _, err = splitGenerated(data, st)
	return date, title, err
}

// errStale is never shown: the files are parsed instead.
var errStale = errors.New("generated file does not match the rule files (run go generate ./rules)") // for developers

// LoadEmbedded loads embedded guide version v as Load(rules.FS(), v,
// "rules/"+v) does, with the same result, from its generated form when
// there is a current one.
func LoadEmbedded(v string) (*Guide, lang.Diagnostics, lang.Sources) {
	return loadGenerated(v, true, true)
}

// LoadEmbeddedUnlinted is LoadEmbedded without the lint (Lint): the same
// guide, and the same diagnostics but the lint's warnings, for commands
// that show no warnings (all but check), which need not pay for it.
func LoadEmbeddedUnlinted(v string) (*Guide, lang.Diagnostics, lang.Sources) {
	return loadGenerated(v, false, true)
}

// LoadEmbeddedModel is LoadEmbeddedUnlinted for commands that show no
// text of the rule files and run no test cases (eval, report): from a
// current generated form the guide comes without Files and Tests and no
// sources are returned, so that the text is not read (copying it was a
// tenth of a 100-row eval's loading, issue 16) and the test cases not
// decoded (a third of the decoding); only the lint reads Files, and
// check, test, diff and the language server Tests. It also comes
// without the conditions' syntax (Rule.When, LeadTime.When), Places,
// the positions of the cells (Cell.Pos) and of the conditions' nodes,
// the codes' notes (Code.Notes, Rule.GuideNotes) and the guide's
// sections (Guide.Sections), which only explain, diff, fmt, guide, the
// lint and the language server read (see decodeGuideTests). Otherwise
// it is Load's result.
func LoadEmbeddedModel(v string) (*Guide, lang.Diagnostics, lang.Sources) {
	return loadGenerated(v, false, false)
}

func loadGenerated(v string, lint, text bool) (*Guide, lang.Diagnostics, lang.Sources) {
	display := embeddedDisplay(v)
	if g, err := decodeEmbedded(v, text); err == nil {
		// Checked without a diagnostic when it was generated.
		if !lint {
			return g, nil, g.Files
		}
		var diags lang.Diagnostics
		diags = append(diags, Lint(g, folderName(display))...)
		diags.Sort()
		return g, diags, g.Files
	}
	return Load(rules.FS(), v, display)
}

// decodeEmbedded decodes the generated form of v when it matches the
// rule files, with the files' text as Files and the test cases when text
// is true.
func decodeEmbedded(v string, text bool) (*Guide, error) {
	st, err := embeddedStamp(v)
	if err != nil {
		return nil, err
	}
	data, ok := rules.Parsed(v)
	if !ok {
		return nil, fs.ErrNotExist
	}
	_, _, rest, err := splitGenerated(data, st)
	if err != nil {
		return nil, err
	}
	var src lang.Sources
	if text {
		if _, src, err = embeddedSources(v); err != nil {
			return nil, err
		}
	}
	// The model's strings are parts of the embedded file, not copies.
	return decodeGuideTests(rest, src, text)
}

// EmbeddedHeader returns the date and title of embedded version v. From a
// current generated form it reads only those (svfrules versions lists
// every version in a few milliseconds); otherwise it loads the version,
// and ok is false when the version has errors.
func EmbeddedHeader(v string) (date, title string, ok bool) {
	if st, err := embeddedStamp(v); err == nil {
		if date, title, err := parsedHeader(v, st); err == nil {
			return date, title, true
		}
	}
	g, _, _ := Load(rules.FS(), v, embeddedDisplay(v))
	if g == nil {
		return "", "", false
	}
	return g.Date, g.Title, true
}
