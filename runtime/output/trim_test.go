package output

import (
	"bytes"
	"io"
	"strings"
	"testing"
)

func TestCopyTrimSuffix(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""}, {",\n", ""}, {"a,\n", "a"}, {"a,\nb,\n", "a,\nb"}, {"ab", "ab"}, {"a", "a"},
		{strings.Repeat("x", 70000) + ",\n", strings.Repeat("x", 70000)},
	} {
		var out bytes.Buffer
		// One byte at a time splits the suffix across reads.
		wrote, err := copyTrimSuffix(&out, io.LimitReader(oneByte{strings.NewReader(tc.in)}, 1<<30), []byte(",\n"))
		if err != nil || out.String() != tc.want || wrote != (tc.want != "") {
			t.Errorf("copyTrimSuffix(%q) = %q, %v, %v", tc.in[:min(len(tc.in), 10)], out.String()[:min(out.Len(), 10)], wrote, err)
		}
	}
}

type oneByte struct{ r io.Reader }

func (o oneByte) Read(p []byte) (int, error) { return o.r.Read(p[:min(len(p), 1)]) }
