package storage

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"youthbot"
	"youthbot/storage/internal/boltfile"
)

// TestWipeFreePages: the old copy of a rewritten record stays in a freed
// page of the file until the wipe; the wipe waits for read transactions
// that could still see it.
func TestWipeFreePages(t *testing.T) {
	db := open(t)
	secret := "Nguyễn Văn Bí Mật 0901234567"
	now := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	update(t, db, func(tx *Tx) error {
		for id := int64(1); id <= 300; id++ {
			if err := tx.PutMember(youthbot.Member{UserID: id, Unit: "U", FullName: secret, Status: youthbot.StatusPending, RegisteredAt: now}); err != nil {
				return err
			}
		}
		return nil
	})
	update(t, db, func(tx *Tx) error {
		for id := int64(1); id <= 300; id++ {
			if err := tx.PutMember(youthbot.Member{UserID: id, Unit: "U", FullName: "Nguyễn Văn Khác", Status: youthbot.StatusPending, RegisteredAt: now}); err != nil {
				return err
			}
		}
		return nil
	})
	update(t, db, func(tx *Tx) error { return tx.Touch(now) }) // the pages freed above are released
	raw, _ := os.ReadFile(db.Path())
	if !bytes.Contains(raw, []byte(secret)) {
		t.Fatal("the old copy is not in the file: the test shows nothing")
	}
	reader, err := db.Bolt().Begin(false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.WipeFreePages(); !errors.Is(err, ErrReadersOpen) {
		t.Errorf("wipe with a reader open: %v, want ErrReadersOpen", err)
	}
	reader.Rollback()
	n, err := db.WipeFreePages()
	if err != nil || n == 0 {
		t.Fatalf("wipe: %d pages, %v", n, err)
	}
	raw, _ = os.ReadFile(db.Path())
	if bytes.Contains(raw, []byte(secret)) {
		t.Error("the old copy is still in the file after the wipe")
	}
	view(t, db, func(tx *Tx) error {
		if m, err := tx.Member(5); err != nil || m.FullName != "Nguyễn Văn Khác" {
			t.Errorf("after the wipe: %+v, %v", m, err)
		}
		return nil
	})
}

// TestWipeStaysDueWhileTheErasureAnswerWaits: the answer confirming an
// erasure goes to the person's chat and holds their id until it is sent;
// the wipe stays due until then.
func TestWipeStaysDueWhileTheErasureAnswerWaits(t *testing.T) {
	db := open(t)
	now := time.Date(2026, 3, 10, 9, 0, 0, 123456789, time.UTC) // a clock's time, not a whole second
	const id = int64(880123457)
	answer := &youthbot.Outgoing{Chat: id, Method: "sendMessage", Queued: now, Params: map[string]string{"chat_id": "880123457", "text": "done"}}
	update(t, db, func(tx *Tx) error {
		if err := tx.PutUser(youthbot.User{ID: id, FirstSeen: now}); err != nil {
			return err
		}
		if _, err := tx.Erase(id, now, "-"); err != nil {
			return err
		}
		_, err := tx.Enqueue(answer)
		return err
	})
	if done, err := db.WipeIfDue(); err != nil || done {
		t.Fatalf("with the answer queued: done %v, %v; want due", done, err)
	}
	update(t, db, func(tx *Tx) error { return tx.DeleteOutgoing(answer.Seq) })
	update(t, db, func(tx *Tx) error { return tx.Touch(now) })
	if done, err := db.WipeIfDue(); err != nil || !done {
		t.Fatalf("after it was sent: done %v, %v", done, err)
	}
	raw, _ := os.ReadFile(db.Path())
	if bytes.Contains(raw, []byte("880123457")) {
		t.Error("the id is still in the file")
	}
	if done, err := db.WipeIfDue(); err != nil || !done {
		t.Errorf("nothing due: done %v, %v", done, err)
	}
	view(t, db, func(tx *Tx) error {
		if n := len(tx.ErasureLog()); n != 1 || tx.Erasures() != 1 {
			t.Errorf("erasure log: %d entries, count %d; want 1", n, tx.Erasures())
		}
		return nil
	})
}

// TestCompactCopiesEverything: a compacted copy, committed in many small
// transactions, has every bucket (nested ones too), key, value and
// sequence of the original.
func TestCompactCopiesEverything(t *testing.T) {
	db := open(t)
	err := db.Bolt().Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucket([]byte("test_outer"))
		if err != nil {
			return err
		}
		b.SetSequence(41)
		inner, err := b.CreateBucket([]byte("inner"))
		if err != nil {
			return err
		}
		inner.SetSequence(7)
		for i := range 500 {
			if err := b.Put(fmt.Appendf(nil, "k%04d", i), bytes.Repeat([]byte{byte(i)}, 100)); err != nil {
				return err
			}
			if err := inner.Put(fmt.Appendf(nil, "i%04d", i), []byte("v")); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "copy.db")
	dst, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := boltfile.Compact(dst, db.Bolt(), 4096); err != nil {
		t.Fatal(err)
	}
	dump := func(b *bolt.DB) string {
		var sb strings.Builder
		var walk func(bk *bolt.Bucket, path string)
		walk = func(bk *bolt.Bucket, path string) {
			fmt.Fprintf(&sb, "%s seq %d\n", path, bk.Sequence())
			bk.ForEach(func(k, v []byte) error {
				if v == nil {
					walk(bk.Bucket(k), path+"/"+string(k))
				} else {
					fmt.Fprintf(&sb, "%s %x %x\n", path, k, v)
				}
				return nil
			})
		}
		b.View(func(tx *bolt.Tx) error {
			return tx.ForEach(func(name []byte, bk *bolt.Bucket) error { walk(bk, string(name)); return nil })
		})
		return sb.String()
	}
	want, got := dump(db.Bolt()), dump(dst)
	if dst.Stats().TxN < 1 || got != want {
		t.Errorf("the compacted copy differs from the original (%d and %d bytes of dump)", len(got), len(want))
	}
	if !strings.Contains(got, "test_outer seq 41") || !strings.Contains(got, "test_outer/inner seq 7") {
		t.Error("sequences not copied")
	}
	dst.Close()
}
