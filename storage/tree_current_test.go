package storage

import (
	"slices"
	"testing"
	"time"

	"youthbot"
)

// TestCurrentUnitsLeaveCeasedOnesOut: a merged unit leaves CurrentUnits
// and its secretary's CurrentSecretaryUnits on the merger's date, not
// before; SecretaryUnits keeps it for the tallies of its past.
func TestCurrentUnitsLeaveCeasedOnesOut(t *testing.T) {
	loc := time.UTC
	db := withMember(t, loc)
	update(t, db, func(tx *Tx) error { return tx.AddSecretary(9, "VT-A") })
	if _, err := applyChanges(db, day(2025, 6, 30), loc, youthbot.UnitChange{Row: 2, Date: day(2025, 7, 1), Kind: youthbot.ChangeMerge, Unit: "VT-A", Target: "VT-B"}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		today youthbot.Date
		gone  bool
	}{
		{"before the date", day(2025, 6, 30), false},
		{"on the date", day(2025, 7, 1), true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			update(t, db, func(tx *Tx) error { _, err := tx.ApplyDueChanges(tc.today, loc); return err })
			db.View(func(tx *Tx) error {
				units, err := tx.CurrentUnits()
				if err != nil {
					t.Fatal(err)
				}
				codes := []string{}
				for _, u := range units {
					codes = append(codes, u.Code)
				}
				if got := slices.Contains(codes, "VT-A"); got == tc.gone {
					t.Errorf("CurrentUnits %v: VT-A listed %v", codes, got)
				}
				if got := slices.Contains(tx.CurrentSecretaryUnits(9), "VT-A"); got == tc.gone {
					t.Errorf("CurrentSecretaryUnits: VT-A listed %v", got)
				}
				if !slices.Contains(tx.SecretaryUnits(9), "VT-A") {
					t.Error("SecretaryUnits lost VT-A")
				}
				return nil
			})
		})
	}
}
