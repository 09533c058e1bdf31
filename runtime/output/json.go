package output

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/rcc/svfrules/runtime"
)

type jsonRenderer struct{}

func (jsonRenderer) WantsLists() bool { return true }

func (jsonRenderer) Episode(buf *bytes.Buffer, r *runtime.EpisodeResult) {
	buf.WriteString("    ")
	writeEpisodeJSON(buf, r)
	buf.WriteString(",\n")
}

// Wrap writes {"summary": …, "episodes": [ … ]}; the episodes were
// written with a comma after each, and the last one is dropped here while
// copying, so the document is never held in memory.
func (jsonRenderer) Wrap(sum *runtime.Summary, episodes io.Reader, w io.Writer) error {
	s, err := json.MarshalIndent(sum, "  ", "  ")
	if err != nil {
		return err
	}
	if _, err := fmt.Fprintf(w, "{\n  \"summary\": %s,\n  \"episodes\": [\n", s); err != nil {
		return err
	}
	wrote, err := copyTrimSuffix(w, episodes, []byte(",\n"))
	if err != nil {
		return err
	}
	if wrote {
		if _, err := io.WriteString(w, "\n"); err != nil {
			return err
		}
	}
	_, err = io.WriteString(w, "  ]\n}\n")
	return err
}

// copyTrimSuffix copies r to w, leaving out suffix when r ends with it. It
// reports whether it wrote anything.
func copyTrimSuffix(w io.Writer, r io.Reader, suffix []byte) (bool, error) {
	buf := make([]byte, 64<<10)
	var held []byte // the last bytes read: possibly the suffix
	wrote := false
	for {
		n, err := r.Read(buf)
		if n > 0 {
			data := append(held, buf[:n]...)
			keep := min(len(suffix), len(data))
			if len(data) > keep {
				if _, err := w.Write(data[:len(data)-keep]); err != nil {
					return wrote, err
				}
				wrote = true
			}
			held = append([]byte(nil), data[len(data)-keep:]...)
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return wrote, err
		}
	}
	if len(held) > 0 && !bytes.Equal(held, suffix) {
		if _, err := w.Write(held); err != nil {
			return wrote, err
		}
		wrote = true
	}
	return wrote, nil
}
