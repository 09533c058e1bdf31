package compiler

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/rcc/svfrules/lang"
	"github.com/rcc/svfrules/rules"
)

// The embedded guide versions are parsed and checked when svfrules is
// built (go generate ./rules, which writes rules/parsed/VERSION.bin with
// EncodeEmbedded), so that a run loads the checked model without the
// parser and without the checks (see guideform.go): parsing 10.6 takes
// about 30 ms, decoding and checking its parsed files took about 8 ms,
// decoding the model takes well under one. A loaded guide is the one the
// text gives in every respect (TestEmbeddedParsed compares them, and
// fails when a generated file is stale); only check runs the lint on it.
//
// A generated file starts with a digest of the version's rule files: a
// file whose digest does not match the text embedded beside it (a rule
// file edited without go generate) is not used, and the text is parsed.
//
// Layout: the 32-byte SHA-256 digest (see digest), the header's date and
// title (each a uvarint length and the bytes), then the model
// (encodeGuide).

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

// digest is the SHA-256 of the rule files (names in order, each with its
// length and text).
func digest(names []string, src lang.Sources) [sha256.Size]byte {
	h := sha256.New()
	var n [binary.MaxVarintLen64]byte
	for _, name := range names {
		for _, b := range [][]byte{[]byte(name), src[name]} {
			h.Write(n[:binary.PutUvarint(n[:], uint64(len(b)))])
			h.Write(b)
		}
	}
	var d [sha256.Size]byte
	h.Sum(d[:0])
	return d
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
	d := digest(names, src)
	out := append([]byte(nil), d[:]...)
	for _, s := range []string{g.Date, g.Title} {
		out = binary.AppendUvarint(out, uint64(len(s)))
		out = append(out, s...)
	}
	return append(out, form...), nil
}

// embeddedDigest is digest(embeddedSources(v)), computed by streaming
// the rule files through the hash: svfrules versions checks every
// version's generated form against its text, and copying all of them
// (1.3 MB) onto the heap cost more than the rest of the command.
func embeddedDigest(v string) (d [sha256.Size]byte, err error) {
	entries, err := fs.ReadDir(rules.FS(), v)
	if err != nil {
		return d, err
	}
	var names []string // in the order of the shown names, which share a prefix
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), Ext) {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	h := sha256.New()
	var n [binary.MaxVarintLen64]byte
	buf := make([]byte, 32<<10)
	for _, name := range names {
		shown := path.Join(embeddedDisplay(v), name)
		h.Write(n[:binary.PutUvarint(n[:], uint64(len(shown)))])
		h.Write([]byte(shown))
		f, err := rules.FS().Open(path.Join(v, name))
		if err != nil {
			return d, err
		}
		st, err := f.Stat()
		if err == nil {
			h.Write(n[:binary.PutUvarint(n[:], uint64(st.Size()))])
			_, err = io.CopyBuffer(h, f, buf)
		}
		f.Close()
		if err != nil {
			return d, err
		}
	}
	h.Sum(d[:0])
	return d, nil
}

// parsedHeader reads the date and title of the generated form of v
// alone, when its digest is d.
func parsedHeader(v string, d [sha256.Size]byte) (date, title string, err error) {
	f, err := rules.OpenParsed(v)
	if err != nil {
		return "", "", err
	}
	defer f.Close()
	head := make([]byte, 4<<10)
	k, err := io.ReadFull(f, head)
	if err != nil && err != io.ErrUnexpectedEOF {
		return "", "", err
	}
	head = head[:k]
	if len(head) < len(d) || !bytes.Equal(head[:len(d)], d[:]) {
		return "", "", errStale
	}
	rest := head[len(d):]
	var header [2]string
	for i := range header {
		n, k := binary.Uvarint(rest)
		if k <= 0 || n > uint64(len(rest)-k) {
			return "", "", errStale // or longer than read: the caller loads the version
		}
		header[i] = string(rest[k : k+int(n)])
		rest = rest[k+int(n):]
	}
	return header[0], header[1], nil
}

// errStale is never shown: the files are parsed instead.
var errStale = errors.New("generated file does not match the rule files (run go generate ./rules)") // for developers

// embeddedParsed returns the header and the encoded files of the
// generated form of v, when there is one that matches the rule files.
func embeddedParsed(v string, names []string, src lang.Sources) (date, title string, rest []byte, err error) {
	data, ok := rules.Parsed(v)
	if !ok {
		return "", "", nil, fs.ErrNotExist
	}
	d := digest(names, src)
	if len(data) < len(d) || !bytes.Equal(data[:len(d)], d[:]) {
		return "", "", nil, errStale
	}
	rest = data[len(d):]
	var header [2]string
	for i := range header {
		n, k := binary.Uvarint(rest)
		if k <= 0 || n > uint64(len(rest)-k) {
			return "", "", nil, errStale
		}
		header[i] = string(rest[k : k+int(n)])
		rest = rest[k+int(n):]
	}
	return header[0], header[1], rest, nil
}

// LoadEmbedded loads embedded guide version v as Load(rules.FS(), v,
// "rules/"+v) does, with the same result, from its generated form when
// there is a current one.
func LoadEmbedded(v string) (*Guide, lang.Diagnostics, lang.Sources) {
	return loadGenerated(v, true)
}

// LoadEmbeddedUnlinted is LoadEmbedded without the lint (Lint): the same
// guide, and the same diagnostics but the lint's warnings, for commands
// that show no warnings (all but check), which need not pay for it.
func LoadEmbeddedUnlinted(v string) (*Guide, lang.Diagnostics, lang.Sources) {
	return loadGenerated(v, false)
}

func loadGenerated(v string, lint bool) (*Guide, lang.Diagnostics, lang.Sources) {
	display := embeddedDisplay(v)
	names, src, err := embeddedSources(v)
	if err == nil {
		if _, _, rest, err := embeddedParsed(v, names, src); err == nil {
			if g, err := decodeGuide(string(rest), src); err == nil {
				// Checked without a diagnostic when it was generated.
				if !lint {
					return g, nil, src
				}
				var diags lang.Diagnostics
				diags = append(diags, Lint(g, folderName(display))...)
				diags.Sort()
				return g, diags, src
			}
		}
	}
	return Load(rules.FS(), v, display)
}

// EmbeddedHeader returns the date and title of embedded version v. From a
// current generated form it reads only those (svfrules versions lists
// every version in a few milliseconds); otherwise it loads the version,
// and ok is false when the version has errors.
func EmbeddedHeader(v string) (date, title string, ok bool) {
	if d, err := embeddedDigest(v); err == nil {
		if date, title, err := parsedHeader(v, d); err == nil {
			return date, title, true
		}
	}
	g, _, _ := Load(rules.FS(), v, embeddedDisplay(v))
	if g == nil {
		return "", "", false
	}
	return g.Date, g.Title, true
}
