package main

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"youthbot"
	"youthbot/seed"
	"youthbot/storage"
)

func TestSeedCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "seed.db")
	code, out, errs := runMain(t, nil, "seed", "--units", "12", "--members", "80", "--activities", "400", "--db", db)
	if code != 0 || !strings.Contains(out, "12 units") || !strings.Contains(out, "400 activities") {
		t.Fatalf("seed: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	d, err := storage.Open(db, storage.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	err = d.View(func(tx *storage.Tx) error {
		units, err := tx.Units()
		if len(units) != 12 {
			t.Errorf("%d units, want 12", len(units))
		}
		loc, _ := time.LoadLocation(DefaultTZ)
		f, err2 := tx.Figures(seed.RootCode, youthbot.YearPeriod(time.Now().In(loc).Year()), loc)
		if err2 == nil && f.MembersTotal == 0 {
			t.Error("no members in the seeded province")
		}
		return errors.Join(err, err2)
	})
	d.Close()
	if err != nil {
		t.Fatal(err)
	}

	t.Run("RefusesASeededDatabase", func(t *testing.T) {
		code, _, errs := runMain(t, nil, "seed", "--units", "12", "--db", db)
		if code != 1 || !strings.Contains(errs, "seeded already") {
			t.Errorf("second seed: exit %d, stderr %q", code, errs)
		}
	})
	t.Run("RefusesBadSizes", func(t *testing.T) {
		for _, args := range [][]string{{"--units", "3"}, {"--members", "-1"}, {"--members", "0", "--activities", "10"}, {"--units", "x"}} {
			code, _, errs := runMain(t, nil, append([]string{"seed", "--db", filepath.Join(t.TempDir(), "x.db")}, args...)...)
			if code != 2 || errs == "" {
				t.Errorf("seed %v: exit %d, stderr %q; want 2 and a message", args, code, errs)
			}
		}
	})
	t.Run("RefusesADatabaseInUse", func(t *testing.T) {
		held, err := storage.Open(db, storage.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer held.Close()
		start := time.Now()
		code, _, errs := runMain(t, nil, "seed", "--db", db)
		if code != 1 || !strings.Contains(errs, "in use") || time.Since(start) > 5*time.Second {
			t.Errorf("seed on a database in use: exit %d after %v, stderr %q", code, time.Since(start), errs)
		}
	})
}

// A database with units of its own (imported, or the console's demo) is not
// seeded: a second root would break report, so seed refuses with a line.
func TestSeedRefusesADatabaseWithUnits(t *testing.T) {
	db := filepath.Join(t.TempDir(), "units.db")
	csv := writeTemp(t, "units.csv", "code,name,parent,kind\nVT,Tỉnh đoàn Vĩnh Thịnh,,province\nVT-Q1,Quận đoàn 1,VT,district\n")
	if code, _, errs := runMain(t, nil, "units", "import", csv, "--db", db); code != 0 {
		t.Fatalf("units import: exit %d, stderr %q", code, errs)
	}
	code, out, errs := runMain(t, nil, "seed", "--units", "12", "--members", "10", "--activities", "0", "--db", db)
	if code != 1 || !strings.Contains(errs, "already has 2 units") || !strings.Contains(errs, "VT") || strings.Contains(out, "written") {
		t.Errorf("seed over imported units: exit %d, stdout %q, stderr %q; want exit 1 and a line naming the units", code, out, errs)
	}
	if n := countUnits(t, db); n != 2 {
		t.Errorf("%d units after the refused seed, want the 2 imported", n)
	}
}

// seed --flat has no district; seed --merge-districts leaves a history
// that `units history` tells; both together are refused.
func TestSeedShapes(t *testing.T) {
	flat := filepath.Join(t.TempDir(), "flat.db")
	if code, _, errs := runMain(t, nil, "seed", "--units", "150", "--members", "50", "--activities", "0", "--flat", "--db", flat); code != 0 {
		t.Fatalf("seed --flat: exit %d, %s", code, errs)
	}
	d, err := storage.Open(flat, storage.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	d.View(func(tx *storage.Tx) error {
		for _, k := range tx.ChildCodes(seed.RootCode) {
			if u, _ := tx.Unit(k); u.Kind != youthbot.KindGrassroots {
				t.Errorf("%s (%s) under the province of a flat seed", k, u.Kind)
			}
		}
		return nil
	})
	d.Close()
	merged := filepath.Join(t.TempDir(), "merged.db")
	if code, _, errs := runMain(t, nil, "seed", "--units", "150", "--members", "50", "--activities", "0", "--merge-districts", "--db", merged); code != 0 {
		t.Fatalf("seed --merge-districts: exit %d, %s", code, errs)
	}
	if code, out, errs := runMain(t, nil, "units", "history", seed.RootCode+"-H01", "--db", merged); code != 0 || !strings.Contains(out, "1-QĐ/TĐTN") {
		t.Errorf("history of the merged district: exit %d, %q %q", code, out, errs)
	}
	if code, _, errs := runMain(t, nil, "seed", "--flat", "--merge-districts", "--db", filepath.Join(t.TempDir(), "x.db")); code != 2 || errs == "" {
		t.Errorf("--flat --merge-districts: exit %d, %q", code, errs)
	}
}
