package runtime

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSpool: what is written comes back whole and in order, by Read and
// by WriteTo, whether it stayed in memory, filled several chunks or went
// on into the file; after reset only what is written next comes back.
func TestSpool(t *testing.T) {
	var data []byte
	for i := 0; len(data) < 3*spoolChunk+12345; i++ {
		data = append(data, strings.Repeat(string(rune('a'+i%26)), 1+i%997)...)
	}
	for _, c := range []struct {
		name  string
		limit int
		size  int
	}{
		{"nothing", spoolMem, 0},
		{"in one chunk", spoolMem, 1000},
		{"the first chunk exactly", spoolMem, spoolFirstChunk},
		{"past the first chunk", spoolMem, spoolFirstChunk + 1},
		{"several chunks", spoolMem, len(data)},
		{"a chunk exactly", spoolMem, spoolChunk},
		{"into the file", spoolChunk + 77, len(data)},
		{"all in the file", 0, len(data)},
	} {
		t.Run(c.name, func(t *testing.T) {
			sp := newSpool(t.TempDir())
			defer sp.release()
			sp.limit = c.limit
			write := func(b []byte) {
				t.Helper()
				for len(b) > 0 { // in pieces of uneven size, as batches come
					k := min(len(b), 1+len(b)%4099+len(b)/3)
					if n, err := sp.Write(b[:k]); n != k || err != nil {
						t.Fatalf("Write = %d, %v, want %d, nil", n, err, k)
					}
					b = b[k:]
				}
			}
			// A first pass, dropped by reset, then the one that counts.
			write(bytes.ToUpper(data[:c.size/2]))
			if err := sp.reset(); err != nil {
				t.Fatal(err)
			}
			write(data[:c.size])
			for _, how := range []string{"WriteTo", "Read"} {
				r, err := sp.reader()
				if err != nil {
					t.Fatal(err)
				}
				var got bytes.Buffer
				if how == "WriteTo" {
					_, err = io.Copy(&got, r)
				} else {
					_, err = io.Copy(&got, struct{ io.Reader }{r})
				}
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got.Bytes(), data[:c.size]) {
					t.Errorf("%s: got %d bytes, want the %d written", how, got.Len(), c.size)
				}
			}
			// Seeking, as the workbook's second pass does: to places in a
			// chunk, at a chunk's end, in the file, from the end.
			r, err := sp.reader()
			if err != nil {
				t.Fatal(err)
			}
			if _, err := io.Copy(io.Discard, r); err != nil {
				t.Fatal(err)
			}
			rs := r.(io.ReadSeeker)
			for _, at := range []int{0, 1, spoolChunk - 1, spoolChunk, spoolChunk + 76, spoolChunk + 77, 2*spoolChunk + 5, c.size - 3, c.size} {
				if at < 0 || at > c.size {
					continue
				}
				whence, off := io.SeekStart, int64(at)
				if at%2 == 1 {
					whence, off = io.SeekEnd, int64(at-c.size)
				}
				if pos, err := rs.Seek(off, whence); pos != int64(at) || err != nil {
					t.Fatalf("Seek(%d, %d) = %d, %v, want %d", off, whence, pos, err, at)
				}
				if pos, err := rs.Seek(0, io.SeekCurrent); pos != int64(at) || err != nil {
					t.Fatalf("Seek(0, current) after seeking to %d = %d, %v", at, pos, err)
				}
				got, err := io.ReadAll(struct{ io.Reader }{rs})
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got, data[at:c.size]) {
					t.Errorf("after seeking to %d: got %d bytes, want the %d from there", at, len(got), c.size-at)
				}
			}
			if inMem := min(c.size, c.limit); sp.mem != inMem {
				t.Errorf("%d bytes in memory, want %d", sp.mem, inMem)
			}
		})
	}
}

// TestSpoolFileOnlyWhenNeeded: the spool makes its file when the output
// first passes what memory keeps, not before; a folder that cannot hold
// the file is said then, with what to do, and not for an output that
// memory holds.
func TestSpoolFileOnlyWhenNeeded(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "saknas")
	sp := newSpool(missing) // no file yet, so no error
	defer sp.release()
	data := bytes.Repeat([]byte("förlopp;kod\n"), 1000)
	if n, err := sp.Write(data); n != len(data) || err != nil {
		t.Fatalf("Write = %d, %v, want %d, nil (memory holds it)", n, err, len(data))
	}
	r, err := sp.reader()
	if err != nil {
		t.Fatal(err)
	}
	if got, err := io.ReadAll(r); err != nil || !bytes.Equal(got, data) {
		t.Fatalf("read back %d bytes, %v, want the %d written", len(got), err, len(data))
	}

	// In a folder that can hold it, the file is made when needed, and
	// has no name there.
	dir := t.TempDir()
	held := newSpool(dir)
	defer held.release()
	held.limit = 0
	if n, err := held.Write(data); n != len(data) || err != nil {
		t.Fatalf("Write into the file = %d, %v, want %d, nil", n, err, len(data))
	}
	if !held.spilt || held.f == nil {
		t.Fatal("nothing went to the file past a limit of 0")
	}
	if names, err := os.ReadDir(dir); err != nil || len(names) != 0 {
		t.Errorf("the spool's folder holds %v (%v), want nothing: the file has no name", names, err)
	}

	sp.limit = len(data) // what comes next goes to the file
	_, err = sp.Write([]byte("mer\n"))
	if err == nil {
		t.Fatal("Write past memory into a missing folder: no error")
	}
	for _, want := range []string{"kan inte skapa en temporär fil för utdata i " + missing, "se till att det finns plats där"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q, want it to contain %q", err, want)
		}
	}
}
