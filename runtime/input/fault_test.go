package input

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestFileTruncatedWhileRead: a file that shrinks after it was opened (a
// program writing it again) gives an error naming it, on one goroutine
// and on several; it killed the process with SIGBUS when it was mapped.
func TestFileTruncatedWhileRead(t *testing.T) {
	name := filepath.Join(t.TempDir(), "in.csv")
	data := benchCSV(20000)
	for _, workers := range []int{1, 3} {
		if err := os.WriteFile(name, data, 0o600); err != nil {
			t.Fatal(err)
		}
		rc, err := openFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.Truncate(name, int64(len(data)/3)); err != nil {
			t.Fatal(err)
		}
		err = Read(context.Background(), name, rc, Options{Workers: workers, BlockSize: 4 << 10}, &countSink{})
		rc.Close()
		want := name + ": filen ändrades medan den lästes; "
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("%d workers: error %v, want one starting %q", workers, err, want)
		}
	}
}

// TestOneLongEpisodeIsLinear: an episode whose rows cross many block
// edges costs memory in proportion to its rows. Joining it at each edge
// parsed its growing tail again, so eight times the rows allocated about
// 64 times the bytes (42 s and 9 GB for 100 MB).
func TestOneLongEpisodeIsLinear(t *testing.T) {
	allocated := func(rows int) uint64 {
		var b strings.Builder
		b.WriteString("episode;code;date\n")
		for i := range rows {
			fmt.Fprintf(&b, "E1;VL2%d0;2024-01-%02d\n", 1+i%6, 1+i%28)
		}
		input := b.String()
		var s countSink
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		if err := Read(context.Background(), "in.csv", strings.NewReader(input), Options{Workers: 3, BlockSize: 1 << 10}, &s); err != nil {
			t.Fatal(err)
		}
		runtime.ReadMemStats(&after)
		if s.rows != rows || s.events != rows || s.rejected != 0 {
			t.Fatalf("%d rows: read %d rows, %d events, %d rejected", rows, s.rows, s.events, s.rejected)
		}
		return after.TotalAlloc - before.TotalAlloc
	}
	small, large := allocated(5000), allocated(40000)
	if large > 16*small {
		t.Errorf("one episode of 5000 rows allocated %d bytes, of 40000 rows %d: %.0f times as much", small, large, float64(large)/float64(small))
	}
}
