package storage

import (
	"errors"
	"maps"
	"reflect"
	"strings"
	"testing"
	"time"

	"youthbot"
	"youthbot/storage/internal/kv"
)

// Dates of the tests of waiting changes: recorded on recordDay, something
// happens on meanwhile, the change's date is dueDay.
var (
	recordDay = day(2026, 1, 15)
	meanwhile = day(2026, 2, 1)
	dueDay    = day(2026, 3, 1)
)

// waitTree is withMember with a history: HG renamed in 2025 and a
// grassroots union NEW founded under PH.
func waitTree(t *testing.T) *DB {
	db := withMember(t, time.UTC)
	if _, err := applyChanges(db, recordDay, time.UTC,
		youthbot.UnitChange{Row: 2, Date: day(2025, 1, 1), Kind: youthbot.ChangeRename, Unit: "HG", NewName: "Tỉnh đoàn Hậu Giang mới"},
		youthbot.UnitChange{Row: 3, Date: day(2025, 6, 1), Kind: youthbot.ChangeFound, Unit: "NEW", Target: "PH", NewName: "Đoàn xã Mới", UnitKind: youthbot.KindGrassroots}); err != nil {
		t.Fatal(err)
	}
	return db
}

// stateOf is what a change must leave as if it had never been recorded:
// today's tree, members and stints, and the history but for the waiting
// and refused lists.
func stateOf(t *testing.T, db *DB) map[string]string {
	t.Helper()
	out := dump(t, db)
	maps.DeleteFunc(out, func(k, _ string) bool {
		return strings.HasPrefix(k, string(kv.Tree)+"/p\x00") || strings.HasPrefix(k, string(kv.Tree)+"/r\x00")
	})
	return out
}

// readings are what reports and `units history` read of a database: every
// unit's versions and changes, and the province's figures of periods
// after dueDay with the period's tree and today's.
func readings(t *testing.T, db *DB) map[string]any {
	t.Helper()
	out := map[string]any{}
	view(t, db, func(tx *Tx) error {
		units, err := tx.Units()
		if err != nil {
			return err
		}
		for _, u := range units {
			h, err := tx.UnitHistory(u.Code)
			if err != nil {
				return err
			}
			out["history "+u.Code] = []any{h.ID, h.Versions, h.Changes}
		}
		for _, mode := range []youthbot.TreeMode{youthbot.TreePeriod, youthbot.TreeCurrent} {
			tx.UseTree(mode)
			for _, p := range []youthbot.Period{youthbot.MonthPeriod(2026, 4), youthbot.YearPeriod(2026)} {
				for _, unit := range []string{"HG", "VT", "PH", "NEW"} {
					f, err := tx.FiguresTree(unit, p, time.UTC)
					if err != nil {
						return err
					}
					out["figures "+string(mode)+" "+p.String()+" "+unit] = f
				}
			}
		}
		return nil
	})
	return out
}

func joinMember(id int64, unit string) func(tx *Tx) error {
	return func(tx *Tx) error {
		at := meanwhile.Time(time.UTC)
		m := youthbot.Member{UserID: id, Unit: unit, FullName: "Lê Văn Cường", Status: youthbot.StatusApproved, RegisteredAt: at, DecidedAt: at}
		if err := tx.PutMember(m); err != nil {
			return err
		}
		return tx.OpenStint(id, unit, at, true)
	}
}

func changeMeanwhile(c youthbot.UnitChange) func(tx *Tx) error {
	return func(tx *Tx) error {
		c.Date = meanwhile
		_, err := tx.ApplyUnitChanges([]youthbot.UnitChange{c}, meanwhile, time.UTC)
		return err
	}
}

func putUnit(u youthbot.Unit) func(tx *Tx) error {
	return func(tx *Tx) error { return tx.PutUnit(u) }
}

// recordTwice records c again and checks it changes nothing, and that a
// different change under its key (day, kind, unit) is refused.
func recordTwice(t *testing.T, db *DB, c youthbot.UnitChange, today youthbot.Date) {
	t.Helper()
	before := dump(t, db)
	if n, err := applyChanges(db, today, time.UTC, c); err != nil || n != (ChangeCounts{Unchanged: 1}) {
		t.Errorf("second import on %s: %+v %v, want unchanged", today, n, err)
	}
	other := c
	other.Decision += " (sửa)"
	var ce *ChangeError
	if _, err := applyChanges(db, today, time.UTC, other); !errors.As(err, &ce) || ce.Problems[0].Err.Key != "tree.conflict" {
		t.Errorf("a different change under the same key on %s: %v, want tree.conflict", today, err)
	}
	if after := dump(t, db); !reflect.DeepEqual(after, before) {
		t.Errorf("a second import on %s changed the database", today)
	}
}

// TestRefusedWaitingChangeLeavesNoTrace: a change recorded for a date to
// come and refused on it leaves the history, UnitHistory and the figures
// of later periods, with the period's tree and today's, exactly as a
// database where it was never recorded; its record stays, with its
// reason, and a second import of it changes nothing before and after.
func TestRefusedWaitingChangeLeavesNoTrace(t *testing.T) {
	cases := []struct {
		name   string
		change youthbot.UnitChange
		since  func(tx *Tx) error // on meanwhile, in both databases
		reason string
	}{
		{"dissolve, a member joined", youthbot.UnitChange{Kind: youthbot.ChangeDissolve, Unit: "VT-B"},
			joinMember(9, "VT-B"), "tree.has_members"},
		{"merge, the target merged away", youthbot.UnitChange{Kind: youthbot.ChangeMerge, Unit: "VT-B", Target: "NEW"},
			changeMeanwhile(youthbot.UnitChange{Kind: youthbot.ChangeMerge, Unit: "NEW", Target: "VT"}), "tree.unknown"},
		{"merge, the target dissolved", youthbot.UnitChange{Kind: youthbot.ChangeMerge, Unit: "VT-B", Target: "PH-C"},
			changeMeanwhile(youthbot.UnitChange{Kind: youthbot.ChangeDissolve, Unit: "PH-C"}), "tree.unknown"},
		{"merge, a member joined and the target is no branch", youthbot.UnitChange{Kind: youthbot.ChangeMerge, Unit: "VT-B", Target: "PH"},
			joinMember(9, "VT-B"), "tree.members_need_branch"},
		{"move, the target merged away", youthbot.UnitChange{Kind: youthbot.ChangeMove, Unit: "VT-B", Target: "NEW"},
			changeMeanwhile(youthbot.UnitChange{Kind: youthbot.ChangeMerge, Unit: "NEW", Target: "PH"}), "tree.unknown"},
		{"move, the target became a branch", youthbot.UnitChange{Kind: youthbot.ChangeMove, Unit: "VT-B", Target: "NEW"},
			putUnit(youthbot.Unit{Code: "NEW", Name: "Chi đoàn Mới", Parent: "PH", Kind: youthbot.KindBranch}), "tree.under_branch"},
		{"move, a cycle", youthbot.UnitChange{Kind: youthbot.ChangeMove, Unit: "VT", Target: "NEW"},
			putUnit(youthbot.Unit{Code: "NEW", Name: "Đoàn xã Mới", Parent: "VT", Kind: youthbot.KindGrassroots}), "tree.cycle"},
		{"found, the code taken", youthbot.UnitChange{Kind: youthbot.ChangeFound, Unit: "VT-D", Target: "VT", NewName: "Chi đoàn D", UnitKind: youthbot.KindBranch},
			putUnit(youthbot.Unit{Code: "VT-D", Name: "Chi đoàn D", Parent: "PH", Kind: youthbot.KindBranch}), "tree.code_taken"},
		{"rename, the new code taken", youthbot.UnitChange{Kind: youthbot.ChangeRename, Unit: "VT-B", Target: "VT-D", NewName: "Chi đoàn D"},
			putUnit(youthbot.Unit{Code: "VT-D", Name: "Chi đoàn D", Parent: "PH", Kind: youthbot.KindBranch}), "tree.code_taken"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := tc.change
			c.Row, c.Date, c.Decision = 2, dueDay, "15-QĐ/TĐTN"
			never, got := waitTree(t), waitTree(t)
			if n, err := applyChanges(got, recordDay, time.UTC, c); err != nil || n != (ChangeCounts{Waiting: 1}) {
				t.Fatalf("record: %+v %v", n, err)
			}
			recordTwice(t, got, c, recordDay)
			for _, db := range []*DB{never, got} {
				update(t, db, tc.since)
			}
			var due DueCounts
			update(t, got, func(tx *Tx) error { var err error; due, err = tx.ApplyDueChanges(dueDay, time.UTC); return err })
			if due.Applied != 0 || len(due.Refused) != 1 || due.Refused[0].Err.Key != tc.reason {
				t.Fatalf("on its date: %+v, want refused by %s", due, tc.reason)
			}
			update(t, never, func(tx *Tx) error { _, err := tx.ApplyDueChanges(dueDay, time.UTC); return err })
			recordTwice(t, got, c, dueDay.AddDays(3))
			if a, b := stateOf(t, got), stateOf(t, never); !reflect.DeepEqual(a, b) {
				for k := range maps.Keys(a) {
					if a[k] != b[k] {
						t.Errorf("%q: %q, never recorded %q", k, a[k], b[k])
					}
				}
				for k := range maps.Keys(b) {
					if _, ok := a[k]; !ok {
						t.Errorf("%q missing", k)
					}
				}
			}
			if a, b := readings(t, got), readings(t, never); !reflect.DeepEqual(a, b) {
				for k := range a {
					if !reflect.DeepEqual(a[k], b[k]) {
						t.Errorf("%s: %+v, never recorded %+v", k, a[k], b[k])
					}
				}
			}
			view(t, got, func(tx *Tx) error {
				for _, code := range []string{c.Unit, c.Target} {
					if code == "" || c.Kind == youthbot.ChangeRename && code == c.Target {
						continue
					}
					h, err := tx.UnitHistory(code)
					if err != nil {
						return err
					}
					if len(h.Waiting) != 0 || len(h.Refused) != 1 || !h.Refused[0].Change.Same(c) || h.Refused[0].Err.Key != tc.reason ||
						!reflect.DeepEqual(h.Refused[0].Err.Args, due.Refused[0].Err.Args) {
						t.Errorf("history of %s: waiting %+v refused %+v, want the refusal by %s %v", code, h.Waiting, h.Refused, tc.reason, due.Refused[0].Err.Args)
					}
				}
				return nil
			})
		})
	}
}

// TestAcceptedWaitingChangeAsIfRecordedOnItsDate: a change recorded for a
// date to come leaves, once applied on it, the same database and the same
// readings as the change recorded on its date; until then the history
// does not tell it, UnitHistory lists it as waiting, and later rows are
// checked against the tree it will make.
func TestAcceptedWaitingChangeAsIfRecordedOnItsDate(t *testing.T) {
	cases := []struct {
		name   string
		change youthbot.UnitChange
		after  youthbot.UnitChange // a later row, checked against the tree the change will make
	}{
		{"dissolve", youthbot.UnitChange{Kind: youthbot.ChangeDissolve, Unit: "VT-B"},
			youthbot.UnitChange{Kind: youthbot.ChangeFound, Unit: "VT-D", Target: "VT", NewName: "Chi đoàn D", UnitKind: youthbot.KindBranch}},
		{"merge with a member", youthbot.UnitChange{Kind: youthbot.ChangeMerge, Unit: "VT-A", Target: "PH-C"},
			youthbot.UnitChange{Kind: youthbot.ChangeDissolve, Unit: "VT-B"}},
		{"merge with children", youthbot.UnitChange{Kind: youthbot.ChangeMerge, Unit: "VT", Target: "PH"},
			youthbot.UnitChange{Kind: youthbot.ChangeMove, Unit: "VT-A", Target: "NEW"}},
		{"move", youthbot.UnitChange{Kind: youthbot.ChangeMove, Unit: "VT", Target: "NEW"},
			youthbot.UnitChange{Kind: youthbot.ChangeRename, Unit: "NEW", NewName: "Đoàn xã Mới (có VT)"}},
		{"rename with a new code", youthbot.UnitChange{Kind: youthbot.ChangeRename, Unit: "VT-B", Target: "VT-D", NewName: "Chi đoàn D"},
			youthbot.UnitChange{Kind: youthbot.ChangeMove, Unit: "VT-D", Target: "PH"}},
		{"found", youthbot.UnitChange{Kind: youthbot.ChangeFound, Unit: "VT-D", Target: "VT", NewName: "Chi đoàn D", UnitKind: youthbot.KindBranch},
			youthbot.UnitChange{Kind: youthbot.ChangeMove, Unit: "VT-D", Target: "PH"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := tc.change
			c.Row, c.Date, c.Decision = 2, dueDay, "15-QĐ/TĐTN"
			later := tc.after
			later.Row, later.Date = 3, dueDay.AddDays(10)
			early, onTime := waitTree(t), waitTree(t)
			before := stateOf(t, early)
			if n, err := applyChanges(early, recordDay, time.UTC, c); err != nil || n != (ChangeCounts{Waiting: 1}) {
				t.Fatalf("record: %+v %v", n, err)
			}
			if !reflect.DeepEqual(stateOf(t, early), before) {
				t.Error("a waiting change is in the history or today's tree before its date")
			}
			view(t, early, func(tx *Tx) error {
				h, err := tx.UnitHistory(c.Unit)
				if err != nil || len(h.Waiting) != 1 || !h.Waiting[0].Same(c) || len(h.Refused) != 0 {
					t.Errorf("history of %s before the date: %+v %v, want the change waiting", c.Unit, h, err)
				}
				return nil
			})
			if n, err := applyChanges(early, recordDay, time.UTC, later); err != nil || n.Waiting != 1 {
				t.Fatalf("a later row against the waiting change: %+v %v", n, err)
			}
			recordTwice(t, early, c, recordDay)
			for _, today := range []youthbot.Date{dueDay.AddDays(-1), dueDay, dueDay.AddDays(10)} {
				update(t, early, func(tx *Tx) error {
					due, err := tx.ApplyDueChanges(today, time.UTC)
					if err == nil && len(due.Refused) > 0 {
						t.Errorf("on %s: refused %+v", today, due.Refused)
					}
					return err
				})
			}
			if n, err := applyChanges(onTime, dueDay, time.UTC, c); err != nil || n != (ChangeCounts{Applied: 1}) {
				t.Fatalf("record on the date: %+v %v", n, err)
			}
			if n, err := applyChanges(onTime, later.Date, time.UTC, later); err != nil || n != (ChangeCounts{Applied: 1}) {
				t.Fatalf("the later row on its date: %+v %v", n, err)
			}
			recordTwice(t, early, c, dueDay.AddDays(20))
			if a, b := stateOf(t, early), stateOf(t, onTime); !reflect.DeepEqual(a, b) {
				for k := range maps.Keys(a) {
					if a[k] != b[k] {
						t.Errorf("%q: %q, recorded on its date %q", k, a[k], b[k])
					}
				}
			}
			if a, b := readings(t, early), readings(t, onTime); !reflect.DeepEqual(a, b) {
				t.Error("readings differ from those of the change recorded on its date")
			}
		})
	}
}
