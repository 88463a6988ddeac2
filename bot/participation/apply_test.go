package participation_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"testing"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"youthbot/storage"
)

// fillDisk fills the database up to its MaxSize, growing the file a page
// at a time (bbolt's AllocSize) so that raising MaxSize by a page gives
// exactly one page back: values go into a "filler" bucket, smaller and
// smaller, until not even a small one fits. The free pages left inside the
// file are used up too: the last writes happen behind the read
// transaction returned, which keeps the pages they free from being reused
// until it ends (the map, larger than MaxSize, never has to grow, which
// would wait for the reader).
func fillDisk(t *testing.T, db *storage.DB) *bolt.Tx {
	t.Helper()
	db.Bolt().AllocSize = pageSize
	n := 0
	var reader *bolt.Tx
	for _, size := range []int{6000, 3000, 1000, 200, 20, 1} {
		if size == 200 {
			var err error
			if reader, err = db.Bolt().Begin(false); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { reader.Rollback() })
		}
		for ; ; n++ {
			err := db.Bolt().Update(func(tx *bolt.Tx) error {
				name := "filler"
				if size == 1 {
					name = "filler-small" // a write of few pages
				}
				b, err := tx.CreateBucketIfNotExists([]byte(name))
				if err != nil {
					return err
				}
				return b.Put([]byte(fmt.Sprintf("f%06d", n)), make([]byte, size))
			})
			if errors.Is(err, berrors.ErrMaxSizeReached) {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
		}
	}
	return reader
}

const pageSize = 4096

// TestFullDiskLosesNoUpdate: with the disk full (bbolt's MaxSize), a batch
// of a good /log and a refused one: the good one is never recorded as
// applied without its effects. Space comes back a page at a time (MaxSize
// raised, as when an operator clears the disk): every round until the good
// /log fits fails with a database error, leaving the update to come again,
// and WriteFailure (healthz) reports it; then it is applied, exactly once. Before, the good /log's failed commit was taken for a
// handler failure and a smaller transaction recorded it as applied with an
// "internal error" answer: the member's /log was lost.
func TestFullDiskLosesNoUpdate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "full.db")
	h := newHarnessOpts(t, path, storage.Options{MaxSize: 1 << 20, InitialMmapSize: 2 << 20})
	an := h.ptMember(601, ptBranch, "Nguyễn Văn An")
	h.makeSecretary(610, ptBranch)
	binh := h.ptMember(602, ptBranch, "Trần Thị Bình")
	for i := range 150 { // buckets big enough to have pages of their own
		h.apply(msgUpdate(binh, fmt.Sprintf("/log 09/03 1h Việc %d", i)))
	}
	reader := fillDisk(t, h.db)

	batch := []tgbotapi.Update{msgUpdate(an, "/log 09/03 3h Dọn vệ sinh kênh xáng"), msgUpdate(an, "/log 25h Dọn kênh")}
	batch[0].UpdateID, batch[1].UpdateID = 1001, 1002
	failures := 0
	for round := 0; ; round++ {
		err := h.bot.Apply(context.Background(), batch)
		if err == nil {
			break
		}
		if !storage.IsFailure(err) {
			t.Fatalf("round %d: %v, want a database failure", round, err)
		}
		failures++
		if h.bot.WriteFailure() == nil {
			t.Fatalf("round %d: Apply failed (%v) but WriteFailure is nil", round, err)
		}
		var seen bool
		h.db.View(func(tx *storage.Tx) error { seen = tx.UpdateSeen(1001); return nil })
		if n := len(h.ptActivities(601)); seen != (n == 1) {
			t.Fatalf("round %d: the good /log recorded as applied: %v, with %d activities stored (Apply: %v)", round, seen, n, err)
		}
		if round < 50 {
			h.db.Bolt().MaxSize += pageSize // a page of space comes back
		} else {
			reader.Rollback() // all of it
			h.db.Bolt().MaxSize = 0
		}
		if round > 60 {
			t.Fatalf("the batch never went in: %v", err)
		}
	}
	reader.Rollback()
	if failures == 0 {
		st := h.db.Bolt().Stats()
		t.Fatalf("the disk was never full for the /log: the test proves nothing (free %d, pending %d)", st.FreePageN, st.PendingPageN)
	}
	if err := h.bot.WriteFailure(); err != nil {
		t.Errorf("after a commit WriteFailure is %v, want nil", err)
	}
	// Telegram delivers the batch again (its offset was never confirmed
	// while Apply failed): nothing is applied twice.
	if err := h.bot.Apply(context.Background(), batch); err != nil {
		t.Fatal(err)
	}
	acts := h.ptActivities(601)
	if len(acts) != 1 || acts[0].Description != "Dọn vệ sinh kênh xáng" {
		t.Fatalf("after %d failed rounds: activities %+v, want the /log once", failures, acts)
	}
}
