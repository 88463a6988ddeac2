package storage

import (
	"encoding/binary"
	"path/filepath"
	"testing"
	"time"

	"youthbot"
	"youthbot/storage/internal/kv"
)

// TestMigrationGivesOldDoneProjectsTheirLevel: a done project indexed
// before F7 (kind and value only) counts at its unit's level once the
// database is migrated, and in the figures as before.
func TestMigrationGivesOldDoneProjectsTheirLevel(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	update(t, db, func(tx *Tx) error {
		for _, u := range tree {
			if err := tx.PutUnit(u); err != nil {
				return err
			}
		}
		old := make([]byte, 9)
		old[0] = 'w'
		binary.BigEndian.PutUint64(old[1:], 7_000_000)
		if err := tx.Bolt().Bucket(kv.ProjectsDone).Put(kv.Join([]byte("VT"), []byte("202505"), []byte("P1")), old); err != nil {
			return err
		}
		return tx.Bolt().Bucket(kv.Meta).Put(kv.KeySchema, kv.U64Key(7)) // as the build before F7 left it
	})
	db.Close()
	db, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	view(t, db, func(tx *Tx) error {
		if v := tx.Bolt().Bucket(kv.ProjectsDone).Get(kv.Join([]byte("VT"), []byte("202505"), []byte("P1"))); len(v) != 10 || v[9] != kv.LevelCodes[youthbot.KindDistrict] {
			t.Errorf("entry after the migration: %x", v)
		}
		f, err := tx.Figures("HG", youthbot.YearPeriod(2025), time.UTC)
		if err != nil {
			return err
		}
		if f.WorksCompleted != 1 || f.ValueVND != 7_000_000 || f.WorksByLevel != (youthbot.LevelCounts{District: 1}) {
			t.Errorf("figures: %d works, %d VND, levels %+v", f.WorksCompleted, f.ValueVND, f.WorksByLevel)
		}
		return nil
	})
}
