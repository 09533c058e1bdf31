// Package safefile writes files so that a failure never destroys the file
// written to: the new content goes to a temporary file beside the target,
// which replaces the target only when it is complete and on disk (written,
// fsynced, renamed over the target, directory fsynced). A crash, a full
// disk, a file-size limit or a signal at any moment leaves either the old
// file or the new one, never a mix or a truncated file.
//
// The target keeps what the user set up around it:
//   - its mode (a new file gets 0666 less the umask, as other tools give);
//   - a symbolic link stays a link: the file it points to gets the new
//     content (the temporary file is made beside that file, so the rename
//     stays within one file system);
//   - a file with several hard links keeps them: renaming would give the
//     name a new inode and leave the other names with the old content, so
//     the complete temporary file is written and synced first (a full disk
//     shows there, before the target is touched), room for the new size is
//     reserved in the target, and only then is it copied into the target
//     in place. This was chosen over refusing because a user who linked a
//     file on purpose expects all its names to change, as with an editor
//     that saves in place; the cost is that a crash (not a signal, which
//     waits for the copy) during the copy can leave that one file mixed;
//   - a target that is not a regular file (/dev/null, a pipe, a terminal)
//     is written directly: renaming over it would replace the device.
//
// Temporary files are registered while they exist. HandleSignals removes
// them on SIGINT, SIGTERM, SIGHUP and SIGPIPE before the program exits,
// and RemoveTemps removes them after a recovered panic.
package safefile

import (
	"errors"
	"fmt"
	"github.com/rcc/svfrules/internal/msg"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// File is an output being written for a target path. Write to it, then
// call Commit to put it in place, or Abort to drop it; Abort after Commit
// does nothing, so `defer f.Abort()` is safe.
type File struct {
	target string   // the path as the caller gave it, for messages
	path   string   // the file written: target with symbolic links resolved
	f      *os.File // the temporary file, or the target itself when direct
	tmp    string   // name of the temporary file; "" when direct
	direct bool     // the target is not a regular file: written in place
	// inPlace: the target has several hard links; the finished temporary
	// file is copied into it instead of renamed over it.
	inPlace bool
	existed bool  // the target existed before
	oldSize int64 // the target's size before, for inPlace
	err     error // the first write error
	done    bool  // committed or aborted
}

// Create starts writing target. Nothing is changed at target until
// Commit; the error names target.
func Create(target string) (*File, error) {
	w := &File{target: target, path: target}
	linfo, err := os.Lstat(target)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, w.fail("", err, true)
	}
	w.existed = err == nil
	if err == nil && linfo.Mode()&os.ModeSymlink != 0 {
		resolved, err := filepath.EvalSymlinks(target)
		if err != nil {
			return nil, w.fail(msg.FileLinkBroken, err, true)
		}
		w.path = resolved
	}
	info, err := os.Stat(w.path)
	w.existed = err == nil
	switch {
	case errors.Is(err, os.ErrNotExist):
		// A new file: created with 0666, the kernel applies the umask.
		f, name, err := createTemp(w.path, 0o666)
		if err != nil {
			return nil, w.fail(msg.FileCreateTemp, err, true)
		}
		w.f, w.tmp = f, name
		return w, nil
	case err != nil:
		return nil, w.fail("", err, true)
	case info.IsDir():
		w.direct = true // nothing to say about its content
		return nil, w.fail("", errIsDir, true)
	case !info.Mode().IsRegular():
		f, err := os.OpenFile(w.path, os.O_WRONLY, 0)
		if err != nil {
			return nil, w.fail("", err, true)
		}
		w.f, w.direct = f, true
		return w, nil
	}
	// Renaming would replace a file the user may not write (a read-only
	// file, protected on purpose); writing it in place would fail.
	if err := writable(w.path, info); err != nil {
		return nil, w.fail("", err, true)
	}
	f, name, err := createTemp(w.path, 0o600)
	if err != nil {
		return nil, w.fail(msg.FileCreateTemp, err, true)
	}
	w.f, w.tmp = f, name
	// The umask applies at creation, so the mode is set explicitly.
	keep := info.Mode() & (os.ModePerm | os.ModeSetuid | os.ModeSetgid | os.ModeSticky)
	if err := f.Chmod(keep); err != nil {
		w.Abort()
		return nil, w.fail(msg.FileCreateTemp, err, true)
	}
	keepOwner(f, info)
	if linkCount(info) > 1 {
		w.inPlace, w.oldSize = true, info.Size()
	}
	return w, nil
}

var errIsDir = errors.New(msg.FileIsDir)

// Name is the target path as given to Create.
func (w *File) Name() string { return w.target }

// Write writes to the temporary file (or the non-regular target). After
// the first error every Write returns it, and Commit fails.
func (w *File) Write(p []byte) (int, error) {
	if w.err != nil {
		return 0, w.err
	}
	n, err := w.f.Write(p)
	if err != nil {
		w.err = err
	}
	return n, err
}

// Err is the first write error, or nil.
func (w *File) Err() error { return w.err }

// Commit puts the written content at the target. On error the target is
// unchanged unless the error says otherwise (see Error.Unchanged).
func (w *File) Commit() error {
	if w.done {
		return nil
	}
	if w.err != nil {
		w.Abort()
		return w.fail("", w.err, !w.direct)
	}
	w.done = true
	if w.direct {
		if err := w.f.Close(); err != nil {
			return w.fail("", err, false)
		}
		return nil
	}
	if err := w.f.Sync(); err != nil {
		w.drop()
		return w.fail("", err, true)
	}
	if w.inPlace {
		return w.copyInPlace()
	}
	if err := w.f.Close(); err != nil {
		w.drop()
		return w.fail("", err, true)
	}
	if err := renameTemp(w.tmp, w.path); err != nil {
		w.drop()
		return w.fail(msg.FileRename, err, true)
	}
	if err := syncDir(filepath.Dir(w.path)); err != nil {
		return w.fail(msg.FileSyncDir, err, false)
	}
	return nil
}

// Abort drops what was written: the temporary file is removed and the
// target stays as it was. It does nothing after Commit or Abort.
func (w *File) Abort() {
	if w.done {
		return
	}
	w.done = true
	if w.direct {
		w.f.Close()
		return
	}
	w.drop()
}

// drop closes and removes the temporary file.
func (w *File) drop() {
	w.f.Close()
	removeTemp(w.tmp)
}

// copyInPlace copies the complete, synced temporary file into a target
// with several hard links, so that every link sees the new content.
func (w *File) copyInPlace() error {
	defer w.drop()
	size, err := w.f.Seek(0, io.SeekEnd)
	if err != nil {
		return w.fail("", err, true)
	}
	dst, err := os.OpenFile(w.path, os.O_WRONLY, 0)
	if err != nil {
		return w.fail("", err, true)
	}
	defer dst.Close()
	// Reserve the blocks first where the system can, so that the copy
	// does not run out of room halfway.
	if err := reserve(dst, size); err != nil {
		return w.fail(msg.FileReserve, err, true)
	}
	// A signal now waits until the target is whole again.
	return withTempsLocked(func() error {
		if size > w.oldSize {
			// Extending is the other place the disk can be full; the old
			// bytes are not touched yet, and cutting the tail off again
			// restores the file.
			tail := io.NewSectionReader(w.f, w.oldSize, size-w.oldSize)
			if _, err := io.Copy(io.NewOffsetWriter(dst, w.oldSize), tail); err != nil {
				dst.Truncate(w.oldSize)
				return w.fail(msg.FileReserve, err, true)
			}
		}
		head := io.NewSectionReader(w.f, 0, min(size, w.oldSize))
		if _, err := io.Copy(io.NewOffsetWriter(dst, 0), head); err != nil {
			return w.fail(msg.FileInPlace, err, false)
		}
		if err := dst.Truncate(size); err != nil {
			return w.fail(msg.FileInPlace, err, false)
		}
		if err := dst.Sync(); err != nil {
			return w.fail(msg.FileInPlace, err, false)
		}
		return nil
	})
}

// WriteFile writes data to target through a File: all of it or, on
// error, nothing.
func WriteFile(target string, data []byte) error {
	w, err := Create(target)
	if err != nil {
		return err
	}
	defer w.Abort()
	if _, err := w.Write(data); err != nil {
		return w.fail("", err, true)
	}
	return w.Commit()
}

// Error is a failed write of Path.
type Error struct {
	Path string // the target as given
	// Step says which step failed when it helps the user (a message from
	// this package), else "".
	Step string
	Err  error
	// Unchanged is true when Path still holds what it held before (or
	// still does not exist).
	Unchanged bool
	device    bool // Path is not a regular file: "unchanged" says nothing
	existed   bool // Path existed before
}

func (e *Error) Error() string {
	s := fmt.Sprintf(msg.FileCannotWrite, e.Path)
	if e.Step != "" {
		s += ": " + e.Step
	}
	reason := Describe(e.Err)
	if e.Step == msg.FileCreateTemp && errors.Is(e.Err, fs.ErrNotExist) && folderExists(e.Err) {
		// The folder is there but takes no new file (/proc, a special
		// file system): "mappen finns inte" would be untrue.
		reason = msg.FileNoNewFiles
	}
	s += ": " + reason
	switch {
	case e.device:
	case e.Unchanged && !e.existed:
		s += fmt.Sprintf(msg.FileNotCreated, e.Path)
	case e.Unchanged:
		s += fmt.Sprintf(msg.FileUnchanged, e.Path)
	default:
		s += fmt.Sprintf(msg.FileMaybeChanged, e.Path)
	}
	// A device (/dev/full) is no folder to change, and a broken link
	// points at a file elsewhere: no step.
	if step := nextStep(e.Err); step != "" && !e.device && e.Step != msg.FileLinkBroken {
		if step == msg.FileStepOtherFolder && e.existed {
			// The file itself may be what cannot be written.
			step = msg.FileStepOtherFile
		}
		s += "; " + step
	}
	return s
}

func (e *Error) Unwrap() error { return e.Err }

func (w *File) fail(step string, err error, unchanged bool) error {
	var e *Error
	if errors.As(err, &e) {
		return err
	}
	return &Error{Path: w.target, Step: step, Err: err, Unchanged: unchanged, device: w.direct, existed: w.existed}
}
