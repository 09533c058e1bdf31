package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestEvalOutputToDeviceKeepsDevice guards against writing -o through a
// temporary file and renaming it over the target: for /dev/null that
// replaced the device with a regular file.
func TestEvalOutputToDeviceKeepsDevice(t *testing.T) {
	info, err := os.Stat("/dev/null")
	if err != nil || info.Mode()&os.ModeCharDevice == 0 {
		t.Skip("/dev/null is not a character device on this machine")
	}
	in := filepath.Join(t.TempDir(), "e.csv")
	if err := os.WriteFile(in, []byte("episode;code;date\nE1;VH310;2024-01-01\nE1;VH350;2024-01-20\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"eval", "-o", "/dev/null", in}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	info, err = os.Stat("/dev/null")
	if err != nil || info.Mode()&os.ModeCharDevice == 0 {
		t.Fatalf("/dev/null is no longer a device: %v %v", info.Mode(), err)
	}
}
