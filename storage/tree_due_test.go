package storage

import (
	"slices"
	"testing"
	"time"

	"youthbot"
)

// A waiting change is checked again on its date against today's tree:
// one that no longer holds is refused and not applied; the others are.
func TestDueChangesCheckedAgainOnTheirDate(t *testing.T) {
	loc := time.UTC
	d := day(2026, 3, 1)
	cases := []struct {
		name   string
		change youthbot.UnitChange
		since  func(tx *Tx) error // what happens between recording and the date
		reason string
		check  func(tx *Tx) bool // today's tree untouched by the refused change
	}{
		{"a member joined the unit to dissolve", youthbot.UnitChange{Date: d, Kind: youthbot.ChangeDissolve, Unit: "VT-B", Decision: "12/QĐ"},
			func(tx *Tx) error {
				at := day(2026, 2, 1).Time(loc)
				return tx.PutMember(youthbot.Member{UserID: 9, Unit: "VT-B", FullName: "Lê Văn Cường", Status: youthbot.StatusApproved, RegisteredAt: at, DecidedAt: at})
			}, "tree.has_members",
			func(tx *Tx) bool { return slices.Contains(tx.ChildCodes("VT"), "VT-B") }},
		{"the new parent moved under the unit", youthbot.UnitChange{Date: d, Kind: youthbot.ChangeMove, Unit: "VT", Target: "PH"},
			func(tx *Tx) error {
				return tx.PutUnit(youthbot.Unit{Code: "PH", Name: "Huyện đoàn Phụng Hiệp", Parent: "VT", Kind: youthbot.KindDistrict})
			}, "tree.cycle",
			func(tx *Tx) bool { u, _ := tx.Unit("VT"); return u.Parent == "HG" }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			db := withMember(t, loc)
			sound := youthbot.UnitChange{Date: d, Kind: youthbot.ChangeRename, Unit: "HG", NewName: "Tỉnh đoàn mới"}
			if n, err := applyChanges(db, day(2026, 1, 15), loc, tc.change, sound); err != nil || n.Waiting != 2 {
				t.Fatalf("record: %+v %v", n, err)
			}
			update(t, db, tc.since)
			var got DueCounts
			update(t, db, func(tx *Tx) error { var err error; got, err = tx.ApplyDueChanges(d, loc); return err })
			if got.Applied != 1 || len(got.Refused) != 1 || got.Refused[0].Err.Key != tc.reason || got.Refused[0].Change.Decision != tc.change.Decision {
				t.Fatalf("due: %+v, want 1 applied and refused by %s", got, tc.reason)
			}
			view(t, db, func(tx *Tx) error {
				if !tc.check(tx) {
					t.Error("the refused change was applied to today's tree")
				}
				if u, _ := tx.Unit("HG"); u.Name != sound.NewName {
					t.Errorf("the sound change was not applied: %q", u.Name)
				}
				if n := tx.DueChanges(day(2026, 4, 1)); n != 0 {
					t.Errorf("%d changes still waiting", n)
				}
				return nil
			})
			update(t, db, func(tx *Tx) error { var err error; got, err = tx.ApplyDueChanges(d.AddDays(1), loc); return err })
			if got.Applied != 0 || len(got.Refused) != 0 {
				t.Errorf("second run: %+v, want nothing", got)
			}
		})
	}
}
