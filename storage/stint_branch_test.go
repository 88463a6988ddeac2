package storage

import (
	"path/filepath"
	"testing"
	"time"

	"youthbot"
)

func TestBranchDuringFollowsTheStints(t *testing.T) {
	db, err := Open(filepath.Join(t.TempDir(), "y.db"), Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	day := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }
	// Approved in A on 1 March, moved to B on 15 March at noon, to C on
	// 1 April.
	m := youthbot.Member{UserID: 42, Unit: "C", Past: []string{"A", "B"}}
	err = db.Update(func(tx *Tx) error {
		steps := []struct {
			unit     string
			from, to time.Time
		}{
			{"A", day("2026-03-01"), day("2026-03-15").Add(12 * time.Hour)},
			{"B", day("2026-03-15").Add(12 * time.Hour), day("2026-04-01")},
			{"C", day("2026-04-01"), time.Time{}},
		}
		for i, s := range steps {
			if err := tx.OpenStint(42, s.unit, s.from, i == 0); err != nil {
				return err
			}
			if !s.to.IsZero() {
				if err := tx.CloseStint(42, s.unit, s.to); err != nil {
					return err
				}
			}
		}
		return tx.OpenStint(43, "A", day("2026-01-01"), true) // someone else
	})
	if err != nil {
		t.Fatal(err)
	}
	db.View(func(tx *Tx) error {
		for _, tt := range []struct{ day, want string }{
			{"2026-02-27", ""}, // before approval
			{"2026-03-01", "A"},
			{"2026-03-10", "A"},
			{"2026-03-15", "B"}, // the day of the move: the branch they moved to
			{"2026-03-31", "B"},
			{"2026-04-01", "C"},
			{"2026-11-30", "C"},
		} {
			d := day(tt.day)
			if got := tx.BranchDuring(m, d, d.Add(24*time.Hour)); got != tt.want {
				t.Errorf("%s: %q, want %q", tt.day, got, tt.want)
			}
		}
		return nil
	})
}
