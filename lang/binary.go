package lang

import (
	"encoding/binary"
	"errors"
	"fmt"
	"reflect"
	"sync/atomic"

	"github.com/rcc/svfrules/internal/pair"
)

// The binary form of parsed files lets a program load rule files that were
// parsed when it was built (the embedded guide versions, see package rules)
// without the parser: decoding takes a fraction of the time parsing does.
//
// The form is the version of the form, the number of files plus one (0 for
// nil) and each file as its length and its bytes, so that the files can be
// decoded at the same time (DecodeFiles does on two processors). A file
// follows the AST's Go types: a pointer or a slice is a presence mark (a
// slice's length plus one) followed by its elements, a struct its fields
// in order, an integer a varint, a string an index into the file's strings
// seen so far or, the first time, its bytes (file names repeat in every
// position). Nil and empty are kept apart, so that the decoded files are
// equal (reflect.DeepEqual) to the ones encoded. The form carries no
// description of the types: it is only read by the program it was written
// by, or one whose AST types are the same, which the test of the generated
// files checks (compiler.TestEmbeddedParsed).

// binaryVersion changes whenever the form or the AST types change in a way
// that old encodings would be misread.
const binaryVersion = 2

// errBinary is never shown: the rule files are parsed instead.
var errBinary = errors.New("parsed rule files: damaged or from another version of svfrules") // for developers

// EncodeFiles returns the binary form of files.
func EncodeFiles(files []*File) []byte {
	out := binary.AppendUvarint(nil, binaryVersion)
	if files == nil {
		return binary.AppendUvarint(out, 0)
	}
	out = binary.AppendUvarint(out, uint64(len(files))+1)
	for _, f := range files {
		e := &encoder{strings: map[string]int{}}
		e.value(reflect.ValueOf(f))
		out = binary.AppendUvarint(out, uint64(len(e.buf)))
		out = append(out, e.buf...)
	}
	return out
}

// DecodeFiles decodes what EncodeFiles wrote.
func DecodeFiles(data []byte) ([]*File, error) {
	d := &decoder{buf: data}
	if d.uint() != binaryVersion {
		return nil, errBinary
	}
	n := d.uint()
	if d.err != nil || n > uint64(len(d.buf)) {
		return nil, errBinary
	}
	if n == 0 {
		if len(d.buf) != 0 {
			return nil, errBinary
		}
		return nil, nil
	}
	segs := make([][]byte, n-1)
	for i := range segs {
		k := d.uint()
		if d.err != nil || k > uint64(len(d.buf)) {
			return nil, errBinary
		}
		segs[i], d.buf = d.buf[:k], d.buf[k:]
	}
	if len(d.buf) != 0 {
		return nil, errBinary
	}
	files := make([]*File, len(segs))
	var next atomic.Int64
	var failed atomic.Bool
	work := func() {
		for {
			i := int(next.Add(1)) - 1
			if i >= len(segs) {
				return
			}
			f, err := decodeFile(segs[i])
			if err != nil {
				failed.Store(true)
			}
			files[i] = f
		}
	}
	// Decoding is most of loading an embedded version before it is
	// checked; the files share nothing.
	pair.Run(work)
	if failed.Load() {
		return nil, errBinary
	}
	return files, nil
}

// decodeFile decodes one file of the form.
func decodeFile(data []byte) (f *File, err error) {
	d := &decoder{buf: data}
	defer func() {
		// A damaged encoding must not stop the program: reflect panics on
		// impossible lengths are turned into the error too.
		if r := recover(); r != nil {
			f, err = nil, errBinary
		}
	}()
	d.value(reflect.ValueOf(&f).Elem())
	if d.err != nil || len(d.buf) != 0 {
		return nil, errBinary
	}
	return f, nil
}

type encoder struct {
	buf     []byte
	strings map[string]int
}

func (e *encoder) uint(x uint64) { e.buf = binary.AppendUvarint(e.buf, x) }

func (e *encoder) value(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			e.uint(0)
			return
		}
		e.uint(1)
		e.value(v.Elem())
	case reflect.Slice:
		if v.IsNil() {
			e.uint(0)
			return
		}
		e.uint(uint64(v.Len()) + 1)
		for i := 0; i < v.Len(); i++ {
			e.value(v.Index(i))
		}
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < v.NumField(); i++ {
			if !t.Field(i).IsExported() {
				panic(fmt.Sprintf("lang: binary form: unexported field %s.%s", t, t.Field(i).Name))
			}
			e.value(v.Field(i))
		}
	case reflect.String:
		s := v.String()
		if k, ok := e.strings[s]; ok {
			e.uint(uint64(k) + 1)
			return
		}
		e.strings[s] = len(e.strings)
		e.uint(0)
		e.uint(uint64(len(s)))
		e.buf = append(e.buf, s...)
	case reflect.Bool:
		if v.Bool() {
			e.uint(1)
		} else {
			e.uint(0)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		e.buf = binary.AppendVarint(e.buf, v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		e.uint(v.Uint())
	default:
		// The AST has none of the other kinds; a new field of such a kind
		// must be added here (the generator panics before writing).
		panic(fmt.Sprintf("lang: binary form: %s not supported", v.Type())) // for developers: a bug
	}
}

type decoder struct {
	buf     []byte
	strings []string
	err     error
}

func (d *decoder) uint() uint64 {
	x, n := binary.Uvarint(d.buf)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.buf = d.buf[n:]
	return x
}

func (d *decoder) fail() {
	if d.err == nil {
		d.err = errBinary
	}
	d.buf = nil
}

func (d *decoder) value(v reflect.Value) {
	if d.err != nil {
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		if d.uint() == 0 {
			return
		}
		p := reflect.New(v.Type().Elem())
		d.value(p.Elem())
		v.Set(p)
	case reflect.Slice:
		n := d.uint()
		if n == 0 {
			return
		}
		n--
		if n > uint64(len(d.buf)) { // every element takes a byte at least
			d.fail()
			return
		}
		s := reflect.MakeSlice(v.Type(), int(n), int(n))
		for i := 0; i < int(n); i++ {
			d.value(s.Index(i))
		}
		v.Set(s)
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			d.value(v.Field(i))
		}
	case reflect.String:
		k := d.uint()
		if k > 0 {
			if k > uint64(len(d.strings)) {
				d.fail()
				return
			}
			v.SetString(d.strings[k-1])
			return
		}
		n := d.uint()
		if n > uint64(len(d.buf)) {
			d.fail()
			return
		}
		s := string(d.buf[:n])
		d.buf = d.buf[n:]
		d.strings = append(d.strings, s)
		v.SetString(s)
	case reflect.Bool:
		v.SetBool(d.uint() != 0)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		x, n := binary.Varint(d.buf)
		if n <= 0 {
			d.fail()
			return
		}
		d.buf = d.buf[n:]
		v.SetInt(x)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(d.uint())
	default:
		panic(fmt.Sprintf("lang: binary form: %s not supported", v.Type())) // for developers: a bug
	}
}
