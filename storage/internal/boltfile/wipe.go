package boltfile

import (
	"errors"
	"fmt"
	"os"

	bolt "go.etcd.io/bbolt"
)

// ErrReadersOpen is returned by WipeFree while read transactions that
// began before it are open: the pages they see may not be overwritten.
var ErrReadersOpen = errors.New("read transactions are open")

// WipeFree overwrites with zeros the free pages of b, the file at path;
// tx is a write transaction that has changed nothing yet (its own freed
// pages are still in use). It fails with ErrReadersOpen while a read
// transaction is open.
func WipeFree(b *bolt.DB, path string, tx *bolt.Tx) (int, error) {
	if b.Stats().OpenTxN > 0 {
		return 0, ErrReadersOpen
	}
	pageSize := int64(b.Info().PageSize)
	pages := tx.Size() / pageSize
	var runs [][2]int64 // first page, count
	for id := int64(2); id < pages; id++ {
		info, err := tx.Page(int(id))
		if err != nil {
			return 0, fmt.Errorf("wipe: page %d: %w", id, err)
		}
		if info == nil || info.Type != "free" {
			continue
		}
		if n := len(runs); n > 0 && runs[n-1][0]+runs[n-1][1] == id {
			runs[n-1][1]++
		} else {
			runs = append(runs, [2]int64{id, 1})
		}
	}
	if len(runs) == 0 {
		return 0, nil
	}
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return 0, fmt.Errorf("wipe: %w", err)
	}
	defer f.Close()
	zero := make([]byte, 64*pageSize)
	cleared := 0
	for _, r := range runs {
		for off, end := r[0]*pageSize, (r[0]+r[1])*pageSize; off < end; {
			n := min(int64(len(zero)), end-off)
			if _, err := f.WriteAt(zero[:n], off); err != nil {
				return cleared, fmt.Errorf("wipe: %w", err)
			}
			off += n
		}
		cleared += int(r[1])
	}
	if err := f.Sync(); err != nil {
		return cleared, fmt.Errorf("wipe: %w", err)
	}
	return cleared, nil
}

// Compact copies every bucket of src into dst, committing dst every
// maxSize bytes, all inside one read transaction of src. (bbolt.Compact
// makes its last commit after its read transaction has ended, with values
// still pointing into src's memory map: on a database that is being
// written, a remap meanwhile makes it read unmapped memory.)
func Compact(dst, src *bolt.DB, maxSize int64) error {
	return src.View(func(stx *bolt.Tx) error {
		tx, err := dst.Begin(true)
		if err != nil {
			return err
		}
		defer func() {
			if tx != nil {
				tx.Rollback()
			}
		}()
		var size int64
		// bucket finds the bucket at path in tx (again after a commit).
		bucket := func(path [][]byte) *bolt.Bucket {
			b := tx.Bucket(path[0])
			for _, k := range path[1:] {
				b = b.Bucket(k)
			}
			b.FillPercent = 1.0
			return b
		}
		var copyBucket func(from *bolt.Bucket, path [][]byte) error
		copyBucket = func(from *bolt.Bucket, path [][]byte) error {
			var to *bolt.Bucket
			if len(path) == 1 {
				to, err = tx.CreateBucket(path[0])
			} else {
				to, err = bucket(path[:len(path)-1]).CreateBucket(path[len(path)-1])
			}
			if err != nil {
				return fmt.Errorf("bucket %q: %w", path, err)
			}
			if err := to.SetSequence(from.Sequence()); err != nil {
				return err
			}
			to.FillPercent = 1.0
			c := from.Cursor()
			for k, v := c.First(); k != nil; k, v = c.Next() {
				if v == nil {
					if err := copyBucket(from.Bucket(k), append(append([][]byte(nil), path...), k)); err != nil {
						return err
					}
					to = bucket(path)
					continue
				}
				if size += int64(len(k) + len(v)); size > maxSize {
					if err := tx.Commit(); err != nil {
						return err
					}
					if tx, err = dst.Begin(true); err != nil {
						return err
					}
					size = int64(len(k) + len(v))
					to = bucket(path)
				}
				if err := to.Put(k, v); err != nil {
					return err
				}
			}
			return nil
		}
		if err := stx.ForEach(func(name []byte, b *bolt.Bucket) error {
			return copyBucket(b, [][]byte{name})
		}); err != nil {
			return err
		}
		err = tx.Commit()
		tx = nil
		return err
	})
}
