// Package boltfile is the bbolt file below storage's transactions: its
// damage found and turned into errors, the wiping of its free pages and
// its compacted copy.
package boltfile

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"strings"

	bolt "go.etcd.io/bbolt"
)

// ErrDamaged marks a database file whose pages do not make sense: it must
// be replaced by a backup (youthbot restore).
var ErrDamaged = errors.New("the database file is damaged")

// Damage. bbolt trusts its pages: one that does not make sense (a disk
// error, a copy cut short, a stray write) makes it panic with an assertion,
// or fault on a page past the end of the map. Open looks at the file's
// structure cheaply (CheckPages); every transaction turns a panic raised
// inside bbolt, and a fault, into an error wrapping ErrDamaged; the
// operator restores a backup.

// DamagePanic returns an error wrapping ErrDamaged when p, just recovered
// by the caller's deferred function, was raised inside bbolt (an assertion
// on a page, an index out of range, a fault reading the map), and nil for
// any other panic. Call it directly from the deferred function, while the
// panicking frames are still on the stack.
func DamagePanic(p any) error {
	if p == nil {
		return nil
	}
	pcs := make([]uintptr, 64)
	n := runtime.Callers(2, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	panicking := false
	for {
		f, more := frames.Next()
		switch {
		case f.Function == "runtime.gopanic" || f.Function == "runtime.sigpanic":
			panicking = true
		case panicking && strings.HasPrefix(f.Function, "runtime."):
			// runtime.panicIndex and the like: keep looking
		case panicking:
			if strings.HasPrefix(f.Function, "go.etcd.io/bbolt") {
				return fmt.Errorf("%w: %s", ErrDamaged, OneLine(fmt.Sprint(p)))
			}
			return nil
		}
		if !more {
			return nil
		}
	}
}

// OneLine makes a message of bbolt's (a panic's value, a check's finding)
// one short line.
func OneLine(s string) string {
	s = strings.Join(strings.Fields(strings.ReplaceAll(s, "panic: ", "")), " ")
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}

// Guard runs fn, turning a panic raised inside bbolt into an error
// wrapping ErrDamaged (other panics go on), with faults on the map made
// panics for the time of fn.
func Guard(fn func() error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if p := recover(); p != nil {
			if derr := DamagePanic(p); derr != nil {
				err = derr
				return
			}
			panic(p)
		}
	}()
	return fn()
}

// Page layout (bbolt's on-disk format): a 16-byte header (id uint64, flags
// uint16, count uint16, overflow uint32), then a branch page's elements of
// 16 bytes (pos uint32, ksize uint32, pgid uint64).
const (
	PageHeader      = 16
	BranchElement   = 16
	FlagBranch      = 0x01
	FlagLeaf        = 0x02
	maxCheckedPages = 50_000 // bounds CheckPages on a huge file
)

// CheckPages is Open's quick look at the file: each top-level bucket's
// root page and every branch page below it must say it is the page it is
// and of a tree's kind, and every page a branch points to must lie within
// the file. Leaves, most of the file, are not read: a damaged leaf is
// found when it is read (Guard). bbolt itself has checked the meta pages'
// checksums and read the freelist.
func CheckPages(path string, tx *bolt.Tx) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("check %s: %w", path, err)
	}
	defer f.Close()
	pageSize := tx.DB().Info().PageSize
	hwm := uint64(tx.Size()) / uint64(pageSize)
	buf := make([]byte, pageSize)
	budget := maxCheckedPages
	// walk checks page id, at depth, and the branch pages below it; leaf
	// reports that id is a leaf. A bucket's tree is balanced: once a leaf
	// is seen at some depth (leafDepth), pages there are not read.
	var leafDepth int
	var walk func(id uint64, depth int, what string) (leaf bool, err error)
	walk = func(id uint64, depth int, what string) (bool, error) {
		if budget--; budget < 0 {
			return true, nil
		}
		if id < 2 || id >= hwm {
			return false, fmt.Errorf("%w: %s points to page %d, outside the file's %d pages", ErrDamaged, what, id, hwm)
		}
		if _, err := f.ReadAt(buf, int64(id)*int64(pageSize)); err != nil {
			return false, fmt.Errorf("%w: %s, page %d: %v", ErrDamaged, what, id, err)
		}
		self := binary.LittleEndian.Uint64(buf[0:])
		flags := binary.LittleEndian.Uint16(buf[8:])
		count := int(binary.LittleEndian.Uint16(buf[10:]))
		if self != id || (flags != FlagBranch && flags != FlagLeaf) {
			return false, fmt.Errorf("%w: %s, page %d says it is page %d with flags %#x", ErrDamaged, what, id, self, flags)
		}
		if flags == FlagLeaf {
			leafDepth = depth
			return true, nil
		}
		if count == 0 || PageHeader+count*BranchElement > pageSize {
			return false, fmt.Errorf("%w: %s, branch page %d holds %d elements", ErrDamaged, what, id, count)
		}
		children := make([]uint64, count)
		for i := range children {
			children[i] = binary.LittleEndian.Uint64(buf[PageHeader+i*BranchElement+8:])
		}
		for _, c := range children {
			if c < 2 || c >= hwm {
				return false, fmt.Errorf("%w: %s, branch page %d points to page %d, outside the file's %d pages", ErrDamaged, what, id, c, hwm)
			}
		}
		if leafDepth == depth+1 {
			return false, nil
		}
		for i, c := range children {
			leaf, err := walk(c, depth+1, what)
			if err != nil || (leaf && i == 0) {
				return false, err
			}
		}
		return false, nil
	}
	return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
		if root := uint64(b.Root()); root != 0 {
			leafDepth = 0
			_, err := walk(root, 1, fmt.Sprintf("bucket %q", name))
			return err
		}
		return nil
	})
}
