package storage

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"

	"youthbot/storage/internal/boltfile"
)

// damagedFile writes a database with a bucket "t" of 3,000 keys (a branch
// page over leaves) and zeroes the page of that bucket chosen by pick
// (given its root page, its first leaf and its last).
func damagedFile(t *testing.T, pick func(root, first, last uint64) uint64) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "d.db")
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var root uint64
	err = db.Bolt().Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucket([]byte("t"))
		if err != nil {
			return err
		}
		for i := range 3000 {
			if err := b.Put(fmt.Appendf(nil, "k%05d", i), make([]byte, 100)); err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil {
		err = db.Bolt().View(func(tx *bolt.Tx) error { root = uint64(tx.Bucket([]byte("t")).Root()); return nil })
	}
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// Down the first and the last children to the leaves.
	buf := make([]byte, 4096)
	descend := func(last bool) uint64 {
		id := root
		for {
			if _, err := f.ReadAt(buf, int64(id)*4096); err != nil {
				t.Fatal(err)
			}
			if binary.LittleEndian.Uint16(buf[8:]) != boltfile.FlagBranch {
				return id
			}
			i := 0
			if last {
				i = int(binary.LittleEndian.Uint16(buf[10:])) - 1
			}
			id = binary.LittleEndian.Uint64(buf[boltfile.PageHeader+i*boltfile.BranchElement+8:])
		}
	}
	first, lastLeaf := descend(false), descend(true)
	if first == root {
		t.Fatal("the bucket's root is a leaf")
	}
	if _, err := f.WriteAt(make([]byte, 4096), int64(pick(root, first, lastLeaf))*4096); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestOpenFindsADamagedTreePage: a bucket's root page, or the first leaf
// below a branch, zeroed: Open says the file is damaged (bbolt would panic
// on first reading it).
func TestOpenFindsADamagedTreePage(t *testing.T) {
	for name, pick := range map[string]func(root, first, last uint64) uint64{
		"root":       func(root, _, _ uint64) uint64 { return root },
		"first leaf": func(_, first, _ uint64) uint64 { return first },
	} {
		t.Run(name, func(t *testing.T) {
			path := damagedFile(t, pick)
			for _, ro := range []bool{false, true} {
				db, err := Open(path, Options{ReadOnly: ro})
				if err == nil {
					db.Close()
				}
				if !errors.Is(err, ErrDamaged) {
					t.Errorf("read-only %v: Open gave %v, want ErrDamaged", ro, err)
				}
			}
		})
	}
}

// TestDamagedLeafIsAnErrorWhenRead: a leaf Open does not read is found
// when a transaction reads it: View and Update return an error wrapping
// ErrDamaged (not a panic, and not ErrWrite: no retry helps), and
// Damaged is closed.
func TestDamagedLeafIsAnErrorWhenRead(t *testing.T) {
	path := damagedFile(t, func(_, _, last uint64) uint64 { return last })
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatalf("Open: %v (the last leaf is not read when opening)", err)
	}
	defer db.Close()
	select {
	case <-db.Damaged():
		t.Fatal("damaged before any read")
	default:
	}
	scan := func(tx *Tx) error {
		return tx.Bolt().Bucket([]byte("t")).ForEach(func(k, v []byte) error { return nil })
	}
	if err := db.View(scan); !errors.Is(err, ErrDamaged) {
		t.Errorf("View: %v, want ErrDamaged", err)
	}
	if err := db.Update(scan); !errors.Is(err, ErrDamaged) || errors.Is(err, ErrWrite) {
		t.Errorf("Update: %v, want ErrDamaged and not ErrWrite", err)
	}
	select {
	case <-db.Damaged():
	default:
		t.Error("Damaged not closed")
	}
	if !errors.Is(db.DamageErr(), ErrDamaged) {
		t.Errorf("DamageErr: %v", db.DamageErr())
	}
}

// TestOtherPanicsGoOn: a panic of the caller's own code inside a
// transaction is not taken for damage.
func TestOtherPanicsGoOn(t *testing.T) {
	db, err := Open(filepath.Join(t.TempDir(), "p.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	defer func() {
		if p := recover(); p != "boom" {
			t.Errorf("recovered %v, want the caller's panic", p)
		}
	}()
	db.View(func(*Tx) error { panic("boom") })
}

// BenchmarkOpenCheck times Open's quick check (checkPages) of the file
// named by YOUTHBOT_BENCH_DB (a seeded database: youthbot seed --units 500
// --members 100000 --activities 1000000), against bbolt's open alone.
func BenchmarkOpenCheck(b *testing.B) {
	path := os.Getenv("YOUTHBOT_BENCH_DB")
	if path == "" {
		b.Skip("YOUTHBOT_BENCH_DB not set")
	}
	b.Run("bbolt.Open", func(b *testing.B) {
		for b.Loop() {
			db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, FreelistType: bolt.FreelistMapType})
			if err != nil {
				b.Fatal(err)
			}
			db.Close()
		}
	})
	b.Run("Open", func(b *testing.B) {
		for b.Loop() {
			db, err := Open(path, Options{ReadOnly: true})
			if err != nil {
				b.Fatal(err)
			}
			db.Close()
		}
	})
}
