package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"youthbot/demo"
	"youthbot/storage"
)

// runMain runs Main with args and no environment but env.
func runMain(t *testing.T, env map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Main(context.Background(), args, strings.NewReader(""), &out, &errb, func(k string) string { return env[k] })
	return code, out.String(), errb.String()
}

func writeTemp(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func countUnits(t *testing.T, path string) int {
	t.Helper()
	db, err := storage.Open(path, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	db.View(func(tx *storage.Tx) error {
		units, err := tx.Units()
		n = len(units)
		return err
	})
	return n
}

func TestUnitsImport(t *testing.T) {
	db := filepath.Join(t.TempDir(), "y.db")
	csv := writeTemp(t, "units.csv", demo.UnitsCSV)
	code, out, errs := runMain(t, nil, "units", "import", csv, "--db", db)
	if code != 0 || !strings.Contains(out, "12 created") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
	// Again: nothing changes; --db before the file works too.
	code, out, _ = runMain(t, nil, "units", "import", "--db", db, csv)
	if code != 0 || !strings.Contains(out, "0 created, 0 updated, 12 unchanged") {
		t.Fatalf("second import: exit %d, %q", code, out)
	}
	t.Run("MalformedFileChangesNothing", func(t *testing.T) {
		bad := writeTemp(t, "bad.csv", "code,name,parent,kind\nNEW1,Chi đoàn Mới,VT,branch\nNEW2,,VT,branch\nNEW3,X,NOPE,branch\nNEW4,Y,VT,galaxy\n")
		code, _, errs := runMain(t, nil, "units", "import", bad, "--db", db)
		if code != 1 {
			t.Errorf("exit %d, want 1", code)
		}
		for _, want := range []string{"line 3", "line 5", "nothing imported"} {
			if !strings.Contains(errs, want) {
				t.Errorf("stderr lacks %q:\n%s", want, errs)
			}
		}
		if n := countUnits(t, db); n != 12 {
			t.Errorf("%d units after a failed import, want 12", n)
		}
	})
	t.Run("UnknownParentChangesNothing", func(t *testing.T) {
		bad := writeTemp(t, "bad2.csv", "code,name,parent,kind\nNEW1,Chi đoàn Mới,VT,branch\nNEW3,Chi đoàn X,NOPE,branch\n")
		if code, _, errs := runMain(t, nil, "units", "import", bad, "--db", db); code != 1 || !strings.Contains(errs, "NOPE") {
			t.Errorf("exit %d, stderr %q", code, errs)
		}
		if n := countUnits(t, db); n != 12 {
			t.Errorf("%d units, want 12", n)
		}
	})
	t.Run("MissingFile", func(t *testing.T) {
		if code, _, _ := runMain(t, nil, "units", "import", filepath.Join(t.TempDir(), "none.csv"), "--db", db); code != 1 {
			t.Errorf("exit %d, want 1", code)
		}
	})
	t.Run("NoFileArgument", func(t *testing.T) {
		if code, _, _ := runMain(t, nil, "units", "import", "--db", db); code != 2 {
			t.Errorf("exit %d, want 2", code)
		}
	})
}

func TestLockedDatabaseFailsFast(t *testing.T) {
	path := filepath.Join(t.TempDir(), "locked.db")
	db, err := storage.Open(path, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	csv := writeTemp(t, "units.csv", demo.UnitsCSV)
	start := time.Now()
	code, _, errs := runMain(t, nil, "units", "import", csv, "--db", path)
	if code != 1 || !strings.Contains(errs, "in use by another process") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %v, want under 5 s", d)
	}
}

func TestBackupAndRestoreWithoutARunningBot(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "y.db")
	csv := writeTemp(t, "units.csv", demo.UnitsCSV)
	if code, _, errs := runMain(t, nil, "units", "import", csv, "--db", db); code != 0 {
		t.Fatal(errs)
	}
	copyPath := filepath.Join(dir, "backup.db")
	if code, out, errs := runMain(t, map[string]string{"YOUTHBOT_DB": db}, "backup", copyPath); code != 0 || !strings.Contains(out, "bytes written") {
		t.Fatalf("backup: exit %d %q %q", code, out, errs)
	}
	if err := storage.Verify(copyPath); err != nil {
		t.Fatalf("backup does not verify: %v", err)
	}
	// Lose the database, restore it.
	os.Remove(db)
	if code, _, errs := runMain(t, nil, "restore", copyPath, "--db", db); code != 0 {
		t.Fatalf("restore: %s", errs)
	}
	if n := countUnits(t, db); n != 12 {
		t.Errorf("restored %d units, want 12", n)
	}
	t.Run("RestoreRefusesJunk", func(t *testing.T) {
		junk := writeTemp(t, "junk.db", strings.Repeat("x", 10000))
		if code, _, errs := runMain(t, nil, "restore", junk, "--db", db); code != 1 || !strings.Contains(errs, "not a usable backup") {
			t.Errorf("exit %d, %q", code, errs)
		}
		if n := countUnits(t, db); n != 12 {
			t.Errorf("database damaged: %d units", n)
		}
	})
	t.Run("BackupOfMissingDatabase", func(t *testing.T) {
		if code, _, _ := runMain(t, nil, "backup", filepath.Join(dir, "b2.db"), "--db", filepath.Join(dir, "none.db")); code != 1 {
			t.Errorf("exit %d, want 1", code)
		}
	})
}
