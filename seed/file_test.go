package seed_test

import (
	"path/filepath"
	"testing"

	"youthbot/seed"
	"youthbot/storage"
)

func TestFileGeneratesOnceAndReusesTheFile(t *testing.T) {
	opts := seed.Benchmark()
	opts.Units, opts.Members, opts.Activities = 8, 50, 200
	path := filepath.Join(t.TempDir(), "s.db")
	took, err := seed.File(path, opts)
	if err != nil || took == 0 {
		t.Fatalf("first call: took %v, err %v; want a generation", took, err)
	}
	if took, err := seed.File(path, opts); err != nil || took != 0 {
		t.Fatalf("second call: took %v, err %v; want the file reused", took, err)
	}
	db, err := storage.Open(path, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.View(func(tx *storage.Tx) error {
		if units, _ := tx.Units(); len(units) != opts.Units {
			t.Errorf("%d units, want %d", len(units), opts.Units)
		}
		return nil
	})
}
