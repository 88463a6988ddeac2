package storage

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"

	"youthbot"
	"youthbot/storage/internal/boltfile"
	"youthbot/storage/internal/kv"
)

// ErrReadersOpen is returned by WipeFreePages while read transactions that
// began before it are open: the pages they see may not be overwritten.
var ErrReadersOpen = boltfile.ErrReadersOpen

// WipeFreePages overwrites with zeros every page of the file that bbolt
// holds free. bbolt never clears a page it frees, so the old copies of
// rewritten and deleted records (an erased member's name and phone) stay
// in the file until the page is used again; this removes them.
//
// It runs in a write transaction (no other writer meanwhile) and only when
// no read transaction is open: a free or pending page is then reachable
// from no transaction, and one beginning meanwhile sees the committed tree,
// which has none. It writes nothing through bbolt and ends the transaction
// without a commit. It returns how many pages it cleared.
func (db *DB) WipeFreePages() (int, error) {
	tx, err := db.bolt.Begin(true)
	if err != nil {
		return 0, fmt.Errorf("wipe: %w", err)
	}
	defer tx.Rollback()
	return boltfile.WipeFree(db.bolt, db.path, tx)
}

// WipeIfDue wipes the free pages (WipeFreePages) after an erasure, and
// keeps it due until the messages queued up to the erasure (the answer
// confirming it goes to the erased person's chat) have left the outbox and
// their pages were wiped too. It reports whether nothing remains due. It
// is cheap when nothing is due; the bot calls it every few seconds and
// before each backup.
func (db *DB) WipeIfDue() (done bool, err error) {
	err = db.noteDamage(boltfile.Guard(func() error {
		done, err = db.wipeIfDue()
		return err
	}))
	return done, err
}

func (db *DB) wipeIfDue() (done bool, err error) {
	var due uint64
	if err := db.bolt.View(func(tx *bolt.Tx) error {
		if b := tx.Bucket(kv.Erasures); b != nil {
			if v := b.Get(kv.KeyWipeDue); len(v) == 8 {
				due = binary.BigEndian.Uint64(v)
			}
		}
		return nil
	}); err != nil || due == 0 {
		return err == nil, err
	}
	tx, err := db.bolt.Begin(true)
	if err != nil {
		return false, fmt.Errorf("wipe: %w", err)
	}
	defer tx.Rollback()
	// The answer confirming the erasure was queued with its time.
	settled := outboxQueuedAfter(tx, time.Unix(0, int64(due)))
	if _, err := boltfile.WipeFree(db.bolt, db.path, tx); err != nil {
		return false, err
	}
	if !settled {
		return false, nil
	}
	// Only now change anything: what this transaction frees is in use
	// until it commits.
	b := tx.Bucket(kv.Erasures)
	if v := b.Get(kv.KeyWipeDue); len(v) != 8 || binary.BigEndian.Uint64(v) != due {
		return false, nil
	}
	if err := b.Delete(kv.KeyWipeDue); err != nil {
		return false, fmt.Errorf("wipe: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("wipe: %w", err)
	}
	return true, nil
}

// outboxQueuedAfter reports whether every message in the outbox was queued
// after at (the outbox is in queue order, so the first one tells).
func outboxQueuedAfter(tx *bolt.Tx, at time.Time) bool {
	k, v := tx.Bucket(kv.Outbox).Cursor().First()
	if k == nil {
		return true
	}
	var o youthbot.Outgoing
	if json.Unmarshal(v, &o) != nil {
		return false
	}
	return o.Queued.After(at)
}

// Backup writes a compacted copy of the database to w: only what the
// database holds, never the freed pages of the file (where erased data may
// linger), and without holding a read transaction while w is slow: the
// copy is made into a temporary file beside the database first.
func (db *DB) Backup(w io.Writer) (int64, error) {
	tmp, err := os.CreateTemp(filepath.Dir(db.path), "."+filepath.Base(db.path)+".backup-*")
	if err != nil {
		return 0, fmt.Errorf("backup: %w", err)
	}
	name := tmp.Name()
	tmp.Close()
	defer os.Remove(name)
	if err := db.CompactTo(name); err != nil {
		return 0, err
	}
	f, err := os.Open(name)
	if err != nil {
		return 0, fmt.Errorf("backup: %w", err)
	}
	defer f.Close()
	n, err := io.Copy(w, f)
	if err != nil {
		return n, fmt.Errorf("backup: %w", err)
	}
	return n, nil
}

// CompactTo writes a compacted copy of the database to the file at path
// (replaced), synced to disk.
func (db *DB) CompactTo(path string) error {
	if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("compact: %w", err)
	}
	dst, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second, NoSync: true, FreelistType: bolt.FreelistMapType})
	if err != nil {
		return fmt.Errorf("compact: %w", err)
	}
	// A damaged page is an error, never bbolt's panic (boltfile/damage.go).
	if err := db.noteDamage(boltfile.Guard(func() error { return boltfile.Compact(dst, db.bolt, 64<<20) })); err != nil {
		dst.Close()
		return fmt.Errorf("compact: %w", err)
	}
	if err := dst.Sync(); err != nil {
		dst.Close()
		return fmt.Errorf("compact: %w", err)
	}
	if err := dst.Close(); err != nil {
		return fmt.Errorf("compact: %w", err)
	}
	return nil
}
