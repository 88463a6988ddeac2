package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"youthbot"
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

// TestRestoreErasesAgainWhoAskedAfterTheBackup: a backup made before a
// member asked to be forgotten, restored, holds nothing of them (the
// erasure log of the database it replaces is applied again), and keeps
// everyone else.
func TestRestoreErasesAgainWhoAskedAfterTheBackup(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "y.db")
	csv := writeTemp(t, "units.csv", demo.UnitsCSV)
	if code, _, errs := runMain(t, nil, "units", "import", csv, "--db", path); code != 0 {
		t.Fatal(errs)
	}
	const gone, stays = int64(880123457), int64(870001)
	now := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	db, err := storage.Open(path, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *storage.Tx) error {
		for _, m := range []youthbot.Member{
			{UserID: gone, Unit: "VT-P5-KV1", FullName: "Trần Văn Xoá", Phone: "+84901234567", Status: youthbot.StatusApproved, RegisteredAt: now, DecidedAt: now},
			{UserID: stays, Unit: "VT-P5-KV1", FullName: "Lê Thị Còn", Phone: "+84987654321", Status: youthbot.StatusApproved, RegisteredAt: now, DecidedAt: now},
		} {
			if err := tx.PutMember(m); err != nil {
				return err
			}
			if err := tx.PutUser(youthbot.User{ID: m.UserID, FirstSeen: now}); err != nil {
				return err
			}
			if err := tx.OpenStint(m.UserID, m.Unit, now, true); err != nil {
				return err
			}
		}
		return tx.AddActivity(&youthbot.Activity{Member: gone, Unit: "VT-P5-KV1", Date: youthbot.Date{Year: 2026, Month: 3, Day: 2},
			Tenths: 20, Description: "Dọn rác kênh Xáng", Status: youthbot.ActivityConfirmed, Source: youthbot.SourceLog,
			CreatedAt: now, DecidedAt: now, DecidedBy: stays})
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(dir, "before.db")
	if code, _, errs := runMain(t, nil, "backup", backup, "--db", path); code != 0 {
		t.Fatal(errs)
	}
	// The member asks to be forgotten after the backup.
	db, err = storage.Open(path, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *storage.Tx) error { _, err := tx.Erase(gone, now, "(erased)"); return err }); err != nil {
		t.Fatal(err)
	}
	db.Close()

	code, out, errs := runMain(t, nil, "restore", backup, "--db", path)
	if code != 0 || !strings.Contains(out, "1 erased again") {
		t.Fatalf("restore: exit %d %q %q", code, out, errs)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"Trần Văn Xoá", "84901234567", "0901234567", "880123457", "Xáng"} {
		if strings.Contains(string(raw), s) {
			t.Errorf("the restored file still holds %q", s)
		}
	}
	db, err = storage.Open(path, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	db.View(func(tx *storage.Tx) error {
		if m, err := tx.Member(stays); err != nil || m.FullName != "Lê Thị Còn" {
			t.Errorf("the other member after restore: %+v, %v", m, err)
		}
		if _, err := tx.Member(gone); err == nil {
			t.Error("the forgotten member is back")
		}
		ms, err := tx.MembersOf("VT-P5-KV1")
		if err != nil || len(ms) != 2 {
			t.Errorf("members of the branch: %d, %v; want the other and an anonymous record", len(ms), err)
		}
		if len(tx.ErasureLog()) != 1 {
			t.Errorf("erasure log after restore: %d entries, want 1", len(tx.ErasureLog()))
		}
		return nil
	})
	db.Close()
	// Restoring the same backup again erases them again: the log survived.
	if code, out, _ := runMain(t, nil, "restore", backup, "--db", path); code != 0 || !strings.Contains(out, "1 erased again") {
		t.Errorf("second restore: %q", out)
	}
}
