// Command baseline is the plain Go program bench/run.sh compares svfrules
// eval with: it reads an episode file with encoding/csv (';' separator, one
// record buffer reused), counts the data rows and the runs of adjacent rows
// with the same episode id, and prints
//
//	rows N episodes M
//
// It evaluates nothing: it is the cost of reading and grouping the rows,
// the floor an evaluator that also checks the rules is measured against.
//
//	go run ./testdata/bench/baseline FILE
package main

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: baseline FILE")
		os.Exit(2)
	}
	rows, episodes, err := count(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "baseline:", err)
		os.Exit(1)
	}
	fmt.Printf("rows %d episodes %d\n", rows, episodes)
}

// count reads the file and returns its data rows (the header excluded)
// and the number of runs of adjacent rows with the same episode id.
func count(name string) (rows, episodes int, err error) {
	f, err := os.Open(name)
	if err != nil {
		return 0, 0, err
	}
	defer f.Close()
	r := csv.NewReader(bufio.NewReaderSize(f, 1<<16))
	r.Comma = ';'
	r.ReuseRecord = true
	r.FieldsPerRecord = -1
	if _, err := r.Read(); err != nil { // the header
		if errors.Is(err, io.EOF) {
			return 0, 0, nil
		}
		return 0, 0, err
	}
	prev, started := "", false
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return rows, episodes, nil
		}
		if err != nil {
			return rows, episodes, err
		}
		rows++
		// The strings of a record stay valid when the record slice is
		// reused: only the slice is shared.
		if !started || rec[0] != prev {
			episodes++
			prev, started = rec[0], true
		}
	}
}
