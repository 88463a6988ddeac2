package storage

import (
	"errors"
	"slices"
	"testing"
	"time"

	"youthbot"
	"youthbot/storage/internal/kv"
)

func day(y, m, d int) youthbot.Date { return youthbot.Date{Year: y, Month: time.Month(m), Day: d} }

// dump returns every key and value of the units, their children index,
// the members and the history: what a refused change must leave alone.
func dump(t *testing.T, db *DB) map[string]string {
	t.Helper()
	out := map[string]string{}
	view(t, db, func(tx *Tx) error {
		for _, name := range [][]byte{kv.Units, kv.UnitChildren, kv.Members, kv.Stints, kv.Tree} {
			b := tx.tx.Bucket(name)
			if b == nil {
				continue
			}
			b.ForEach(func(k, v []byte) error {
				out[string(name)+"/"+string(k)] = string(v)
				return nil
			})
		}
		return nil
	})
	return out
}

// withMember is the test tree with an approved member in VT-A since 2023.
func withMember(t *testing.T, loc *time.Location) *DB {
	db := withTree(t)
	update(t, db, func(tx *Tx) error {
		at := day(2023, 1, 10).Time(loc)
		m := youthbot.Member{UserID: 7, Unit: "VT-A", FullName: "Trần Thị Bình", Status: youthbot.StatusApproved, RegisteredAt: at, DecidedAt: at}
		if err := tx.PutMember(m); err != nil {
			return err
		}
		return tx.OpenStint(7, "VT-A", at, true)
	})
	return db
}

func applyChanges(db *DB, today youthbot.Date, loc *time.Location, cs ...youthbot.UnitChange) (ChangeCounts, error) {
	var n ChangeCounts
	err := db.Update(func(tx *Tx) error {
		var err error
		n, err = tx.ApplyUnitChanges(cs, today, loc)
		return err
	})
	return n, err
}

func TestUnitChangesRefusedWithTheirRow(t *testing.T) {
	loc := time.UTC
	d := day(2025, 7, 1)
	ch := func(row int, kind youthbot.ChangeKind, unit, target string) youthbot.UnitChange {
		return youthbot.UnitChange{Row: row, Date: d, Kind: kind, Unit: unit, Target: target}
	}
	good := ch(2, youthbot.ChangeRename, "PH", "")
	good.NewName = "Huyện đoàn mới"
	later := func(c youthbot.UnitChange) youthbot.UnitChange { c.Date = day(2025, 8, 1); return c }
	tests := []struct {
		name   string
		before []youthbot.UnitChange // applied first, successfully
		bad    youthbot.UnitChange
		key    string
	}{
		{"cycle", nil, ch(3, youthbot.ChangeMove, "HG", "VT"), "tree.cycle"},
		{"dissolve with children", nil, ch(3, youthbot.ChangeDissolve, "VT", ""), "tree.has_children"},
		{"dissolve with members", nil, ch(3, youthbot.ChangeDissolve, "VT-A", ""), "tree.has_members"},
		{"move under a branch", nil, ch(3, youthbot.ChangeMove, "PH-C", "VT-A"), "tree.under_branch"},
		{"found under a branch", nil, youthbot.UnitChange{Row: 3, Date: d, Kind: youthbot.ChangeFound, Unit: "NEW", Target: "VT-A", NewName: "Mới", UnitKind: youthbot.KindBranch}, "tree.under_branch"},
		{"merge into its own subtree", nil, ch(3, youthbot.ChangeMerge, "VT", "VT-A"), "tree.merge_into_own"},
		{"merge members into no branch", nil, ch(3, youthbot.ChangeMerge, "VT-A", "PH"), "tree.members_need_branch"},
		{"unknown unit", nil, ch(3, youthbot.ChangeMove, "XX", "HG"), "tree.unknown"},
		{"unknown target", nil, ch(3, youthbot.ChangeMerge, "PH", "XX"), "tree.unknown"},
		{"found with a code taken", nil, youthbot.UnitChange{Row: 3, Date: d, Kind: youthbot.ChangeFound, Unit: "VT", Target: "HG", NewName: "x", UnitKind: youthbot.KindDistrict}, "tree.code_taken"},
		{"rename to a code taken", nil, ch(3, youthbot.ChangeRename, "PH", "VT"), "tree.code_taken"},
		{"before the unit existed", []youthbot.UnitChange{{Date: d, Kind: youthbot.ChangeFound, Unit: "NEW", Target: "HG", NewName: "Mới", UnitKind: youthbot.KindDistrict}},
			youthbot.UnitChange{Row: 3, Date: day(2025, 1, 1), Kind: youthbot.ChangeMove, Unit: "NEW", Target: "VT"}, "tree.before_born"},
		{"before the unit's last change", []youthbot.UnitChange{later(ch(0, youthbot.ChangeMove, "PH-C", "VT"))},
			ch(3, youthbot.ChangeMove, "PH-C", "PH"), "tree.before_last"},
		{"a dissolved unit", []youthbot.UnitChange{ch(0, youthbot.ChangeDissolve, "PH-C", "")},
			later(ch(3, youthbot.ChangeMove, "PH-C", "VT")), "tree.gone"},
		{"a merged unit as target", []youthbot.UnitChange{ch(0, youthbot.ChangeMerge, "VT", "HG")},
			later(ch(3, youthbot.ChangeMove, "PH-C", "VT")), "tree.gone"},
		{"a different change under a recorded key", []youthbot.UnitChange{ch(0, youthbot.ChangeMove, "PH-C", "VT")},
			ch(3, youthbot.ChangeMove, "PH-C", "HG"), "tree.conflict"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := withMember(t, loc)
			if len(tt.before) > 0 {
				if _, err := applyChanges(db, d, loc, tt.before...); err != nil {
					t.Fatalf("before: %v", err)
				}
			}
			was := dump(t, db)
			_, err := applyChanges(db, d, loc, good, tt.bad)
			var ce *ChangeError
			if !errors.As(err, &ce) {
				t.Fatalf("err = %v, want a *ChangeError", err)
			}
			if len(ce.Problems) != 1 || ce.Problems[0].Row != 3 || ce.Problems[0].Err.Key != tt.key {
				t.Fatalf("problems = %+v, want row 3 %s", ce.Problems, tt.key)
			}
			if youthbot.ErrorCode(err) != youthbot.EINVALID {
				t.Errorf("code %s, want invalid", youthbot.ErrorCode(err))
			}
			if now := dump(t, db); !mapsEqual(was, now) {
				t.Errorf("a refused batch changed the database")
			}
		})
	}
}

func mapsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

func TestMergeMovesChildrenAndMembersOnItsDate(t *testing.T) {
	loc := time.UTC
	db := withMember(t, loc)
	d := day(2025, 7, 1)
	cs := []youthbot.UnitChange{
		{Row: 2, Date: d, Kind: youthbot.ChangeMerge, Unit: "VT-A", Target: "VT-B", Decision: "12-QĐ"},
		{Row: 3, Date: d, Kind: youthbot.ChangeMerge, Unit: "VT", Target: "PH"},
		{Row: 4, Date: d, Kind: youthbot.ChangeRename, Unit: "PH", Target: "PH2", NewName: "Phụng Hiệp mới"},
	}
	n, err := applyChanges(db, d, loc, cs...)
	if err != nil || n.Applied != 3 {
		t.Fatalf("apply: %+v %v", n, err)
	}
	was := dump(t, db)
	if n, err := applyChanges(db, d, loc, cs...); err != nil || n.Unchanged != 3 || n.Applied != 0 {
		t.Fatalf("second apply: %+v %v", n, err)
	}
	if !mapsEqual(was, dump(t, db)) {
		t.Errorf("a second import of the same changes changed the database")
	}
	view(t, db, func(tx *Tx) error {
		if got := tx.ChildCodes("PH"); !slices.Equal(got, []string{"PH-C", "VT-B"}) {
			t.Errorf("PH's children today %v", got)
		}
		if got := tx.ChildCodes("HG"); !slices.Equal(got, []string{"PH"}) {
			t.Errorf("HG's children today %v", got)
		}
		m, _ := tx.Member(7)
		if m.Unit != "VT-B" {
			t.Errorf("member in %s, want VT-B", m.Unit)
		}
		for _, tc := range []struct {
			unit string
			p    youthbot.Period
			want int
		}{
			{"VT-A", youthbot.MonthPeriod(2025, 6), 1}, {"VT-B", youthbot.MonthPeriod(2025, 6), 0},
			{"VT-A", youthbot.MonthPeriod(2025, 7), 0}, {"VT-B", youthbot.MonthPeriod(2025, 7), 1},
		} {
			f, err := tx.Figures(tc.unit, tc.p, loc) // a unit without children: its own stints
			if err != nil {
				t.Fatal(err)
			}
			if f.MembersTotal != tc.want {
				t.Errorf("%s %s: %d members, want %d", tc.unit, tc.p, f.MembersTotal, tc.want)
			}
		}
		for code, want := range map[string]string{"PH2": "PH", "ph": "PH", "VT": "VT"} {
			if id, err := tx.ResolveUnit(code); err != nil || id != want {
				t.Errorf("resolve %s = %s %v, want %s", code, id, err, want)
			}
		}
		if got := tx.UnitCode("PH", day(2025, 6, 30)); got != "PH" {
			t.Errorf("PH's code before the rename %s", got)
		}
		if got := tx.UnitCode("PH", d); got != "PH2" {
			t.Errorf("PH's code after the rename %s", got)
		}
		if gone, ok := tx.UnitGone("VT"); !ok || gone != d {
			t.Errorf("VT gone %v %v", gone, ok)
		}
		return nil
	})
}

func TestFutureChangesWaitForTheirDate(t *testing.T) {
	loc := time.UTC
	db := withMember(t, loc)
	d := day(2026, 3, 1)
	n, err := applyChanges(db, day(2026, 1, 15), loc, youthbot.UnitChange{Date: d, Kind: youthbot.ChangeMove, Unit: "VT", Target: "PH"},
		youthbot.UnitChange{Date: d, Kind: youthbot.ChangeMerge, Unit: "VT-A", Target: "PH-C"})
	if err != nil || n.Waiting != 2 {
		t.Fatalf("apply: %+v %v", n, err)
	}
	check := func(parent string, unit string) {
		t.Helper()
		view(t, db, func(tx *Tx) error {
			if u, _ := tx.Unit("VT"); u.Parent != parent {
				t.Errorf("VT under %s, want %s", u.Parent, parent)
			}
			if m, _ := tx.Member(7); m.Unit != unit {
				t.Errorf("member in %s, want %s", m.Unit, unit)
			}
			return nil
		})
	}
	check("HG", "VT-A")
	for _, today := range []youthbot.Date{day(2026, 2, 28), day(2026, 3, 1), day(2026, 3, 2)} {
		update(t, db, func(tx *Tx) error { _, err := tx.ApplyDueChanges(today, loc); return err })
	}
	check("PH", "PH-C")
}

func TestExistedDuring(t *testing.T) {
	loc := time.UTC
	db := withMember(t, loc)
	if _, err := applyChanges(db, day(2026, 1, 1), loc,
		youthbot.UnitChange{Date: day(2025, 7, 1), Kind: youthbot.ChangeMerge, Unit: "PH", Target: "VT"},
		youthbot.UnitChange{Date: day(2025, 3, 10), Kind: youthbot.ChangeFound, Unit: "NEW", Target: "HG", NewName: "Mới", UnitKind: youthbot.KindDistrict}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		unit string
		p    youthbot.Period
		want bool
	}{
		{"PH", youthbot.MonthPeriod(2025, 6), true}, // its last month is still tallied
		{"PH", youthbot.MonthPeriod(2025, 7), false},
		{"PH", youthbot.YearPeriod(2025), true},
		{"NEW", youthbot.MonthPeriod(2025, 2), false},
		{"NEW", youthbot.MonthPeriod(2025, 3), true},
		{"VT", youthbot.MonthPeriod(2020, 1), true},
	}
	view(t, db, func(tx *Tx) error {
		for _, tt := range tests {
			if got := tx.ExistedDuring(tt.unit, tt.p); got != tt.want {
				t.Errorf("%s during %s: %v, want %v", tt.unit, tt.p, got, tt.want)
			}
		}
		return nil
	})
}

func TestPutUnitRefusesACeasedUnit(t *testing.T) {
	db := withMember(t, time.UTC)
	if _, err := applyChanges(db, day(2025, 7, 1), time.UTC, youthbot.UnitChange{Date: day(2025, 7, 1), Kind: youthbot.ChangeMerge, Unit: "PH", Target: "VT"}); err != nil {
		t.Fatal(err)
	}
	err := db.Update(func(tx *Tx) error {
		return tx.PutUnit(youthbot.Unit{Code: "PH", Name: "PH", Parent: "HG", Kind: youthbot.KindDistrict})
	})
	if youthbot.ErrorCode(err) != youthbot.EINVALID {
		t.Fatalf("put a merged unit: %v", err)
	}
	view(t, db, func(tx *Tx) error {
		if kids := tx.ChildCodes("HG"); !slices.Equal(kids, []string{"VT"}) {
			t.Errorf("HG's children %v", kids)
		}
		return nil
	})
}
