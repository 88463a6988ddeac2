package storage

import (
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"youthbot"
	"youthbot/storage/internal/kv"
)

// testdata/waiting-history-written.db was written by the build before a
// waiting change's history waited for its date (commit 6b62ee2): the test
// tree with a member in VT-A, and recorded on 15/01/2026 changes dated
// 01/03/2026, VT merged into PH (5/QĐ-TWĐTN) and HG renamed "Tỉnh đoàn mới"
// (6/QĐ-TWĐTN), and dated 01/04/2026, HG renamed again with a new code CT
// (7/QĐ-TWĐTN), and the branch PH-D founded under PH on 01/03/2026
// (8/QĐ-TWĐTN), their history written at once. Migrated, it waits as
// before and on the dates ends exactly where this build ends when the same
// changes are recorded now (written again, HG's first rename would have
// cut its history at the second).
func TestWaitingChangesOfTheBuildBeforeTakeEffectOnTheirDate(t *testing.T) {
	loc := time.UTC
	d := day(2026, 3, 1)
	legacy := openCopy(t, "testdata/waiting-history-written.db")

	// The reference: the same tree and changes recorded by this build.
	fresh := withMember(t, loc)
	if n, err := applyChanges(fresh, day(2026, 1, 15), loc,
		youthbot.UnitChange{Row: 2, Date: d, Kind: youthbot.ChangeMerge, Unit: "VT", Target: "PH", Decision: "5/QĐ-TWĐTN"},
		youthbot.UnitChange{Row: 3, Date: d, Kind: youthbot.ChangeRename, Unit: "HG", NewName: "Tỉnh đoàn mới", Decision: "6/QĐ-TWĐTN"},
		youthbot.UnitChange{Row: 4, Date: day(2026, 4, 1), Kind: youthbot.ChangeRename, Unit: "HG", NewName: "Thành đoàn Cần Thơ", Target: "CT", Decision: "7/QĐ-TWĐTN"},
		youthbot.UnitChange{Row: 5, Date: d, Kind: youthbot.ChangeFound, Unit: "PH-D", Target: "PH", NewName: "Chi đoàn D", UnitKind: youthbot.KindBranch, Decision: "8/QĐ-TWĐTN"}); err != nil || n.Waiting != 4 {
		t.Fatalf("record: %+v %v", n, err)
	}

	view(t, legacy, func(tx *Tx) error {
		units, err := tx.CurrentUnits()
		if err != nil {
			return err
		}
		if !slices.ContainsFunc(units, func(u youthbot.Unit) bool { return u.Code == "VT" }) {
			t.Error("before its date, VT left today's units (pickers, invites)")
		}
		tx.UseTree(youthbot.TreeCurrent)
		f, err := tx.FiguresTree("HG", youthbot.MonthPeriod(2026, 2), loc)
		if err != nil {
			return err
		}
		if f.MembersTotal != 1 {
			t.Errorf("HG's February with today's tree counts %d members, want 1 (VT's counted twice?)", f.MembersTotal)
		}
		return nil
	})
	t.Run("AnotherChangeIsCheckedAgainstTheWaitingOnes", func(t *testing.T) {
		for _, db := range []*DB{legacy, fresh} {
			bad := youthbot.UnitChange{Row: 2, Date: day(2026, 4, 1), Kind: youthbot.ChangeMove, Unit: "VT-B", Target: "VT"}
			if _, err := applyChanges(db, day(2026, 1, 20), loc, bad); err == nil {
				t.Error("a move under VT, merged away on 01/03, was taken")
			}
		}
	})

	for _, db := range []*DB{legacy, fresh} {
		for _, due := range []struct {
			date youthbot.Date
			want int
		}{{d, 3}, {day(2026, 4, 1), 1}} {
			date, want := due.date, due.want
			var n DueCounts
			update(t, db, func(tx *Tx) error { var err error; n, err = tx.ApplyDueChanges(date, loc); return err })
			if n.Applied != want || len(n.Refused) != 0 {
				t.Fatalf("on %s: %+v, want %d applied", date, n, want)
			}
		}
	}
	got, want := dump(t, legacy), dump(t, fresh)
	for _, k := range slices.Sorted(maps.Keys(want)) {
		if got[k] != want[k] {
			t.Errorf("%s: %q, want %q", k, got[k], want[k])
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("%s: %q, not in this build's", k, got[k])
		}
	}
	view(t, legacy, func(tx *Tx) error {
		if u, err := tx.Unit("PH-D"); err != nil || u.Parent != "PH" {
			t.Errorf("the founded PH-D: %+v, %v", u, err)
		}
		if u, _ := tx.Unit("VT-A"); u.Parent != "PH" {
			t.Errorf("VT-A is under %q, want PH", u.Parent)
		}
		h, err := tx.UnitHistory("HG")
		if err != nil {
			return err
		}
		if len(h.Versions) != 3 || h.Versions[1].Name != "Tỉnh đoàn mới" || h.Versions[2].Code != "CT" || h.Versions[1].To != day(2026, 4, 1) {
			t.Errorf("HG's history: %+v", h.Versions)
		}
		return nil
	})
}

// openCopy opens a copy of the database file at path.
func openCopy(t *testing.T, path string) *DB {
	t.Helper()
	in, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	dst := filepath.Join(t.TempDir(), "copy.db")
	out, err := os.Create(dst)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
	db, err := Open(dst, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// TestAnUnreadableRefusedChangeFailsTheImport: a refused change that does
// not decode fails an import of a change of its day, rather than reading as
// never recorded (the change would be recorded a second time).
func TestAnUnreadableRefusedChangeFailsTheImport(t *testing.T) {
	loc := time.UTC
	db := withTree(t)
	d := day(2026, 3, 1)
	if _, err := applyChanges(db, day(2026, 1, 15), loc, youthbot.UnitChange{Date: d, Kind: youthbot.ChangeRename, Unit: "PH", NewName: "Huyện đoàn mới"}); err != nil {
		t.Fatal(err)
	}
	update(t, db, func(tx *Tx) error {
		return tx.tx.Bucket(kv.Tree).Put([]byte("r\x0020260301\x00ffffffffffffffff"), []byte("{not json"))
	})
	_, err := applyChanges(db, day(2026, 1, 16), loc, youthbot.UnitChange{Date: d, Kind: youthbot.ChangeRename, Unit: "VT", NewName: "Thành đoàn mới"})
	if err == nil || !strings.Contains(err.Error(), "decode a refused change of the unit tree") {
		t.Errorf("import over an unreadable refused change: %v", err)
	}
}
