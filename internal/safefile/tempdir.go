package safefile

import "os"

// tempDirs are the registered temporary directories (TempDir), guarded
// by mu like temps.
var tempDirs = map[string]bool{}

// TempDir creates a new directory in dir ("" is os.TempDir()), named by
// pattern as os.MkdirTemp names it and readable by the user alone, for
// temporary files that another library makes and removes itself (excelize
// unpacks large sheets of a workbook there). It is registered like a
// temporary file: the signal handler and RemoveTemps remove it with all
// it holds, so an interrupted read leaves no copy of the data behind.
// cleanup removes it and unregisters it.
func TempDir(dir, pattern string) (path string, cleanup func(), err error) {
	mu.Lock()
	defer mu.Unlock()
	path, err = os.MkdirTemp(dir, pattern)
	if err != nil {
		return "", nil, err
	}
	tempDirs[path] = true
	return path, func() {
		mu.Lock()
		defer mu.Unlock()
		os.RemoveAll(path)
		delete(tempDirs, path)
	}, nil
}

// removeDirs removes the registered directories; mu is held.
func removeDirs() {
	for path := range tempDirs {
		os.RemoveAll(path)
		delete(tempDirs, path)
	}
}
