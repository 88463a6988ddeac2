package scheduler_test

import (
	"slices"
	"testing"

	"youthbot"
	"youthbot/storage"
)

// TestNoProjectReminderOfACeasedUnit: the evening before a project
// starts, its joined members are reminded while its unit exists; once the
// unit is merged into another (F8), the project reminders leave it out
// like every schedule built from today's units.
func TestNoProjectReminderOfACeasedUnit(t *testing.T) {
	tests := []struct {
		name   string
		merged bool
		want   int // reminders
	}{
		{"unit exists", false, 1},
		{"unit merged", true, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := newJobWorld(t, "")
			joined := w.member("VT-P5-KV1", youthbot.StatusApproved, at("2026-01-05 10:00:00"))
			p := youthbot.Project{Kind: youthbot.ProjectWork, Title: "Đường hoa", Unit: "VT-P5", Start: youthbot.Date{Year: 2026, Month: 3, Day: 11},
				End: youthbot.Date{Year: 2026, Month: 3, Day: 20}, Capacity: 1}
			w.update(func(tx *storage.Tx) error {
				if err := tx.NewProject(&p); err != nil {
					return err
				}
				if err := tx.PutSeat(p.Code, youthbot.Participant{Member: joined, State: youthbot.SeatJoined, JoinedAt: at("2026-03-01 10:00:00")}); err != nil {
					return err
				}
				if !tc.merged {
					return nil
				}
				d := youthbot.Date{Year: 2026, Month: 3, Day: 5}
				_, err := tx.ApplyUnitChanges([]youthbot.UnitChange{{Row: 2, Date: d, Kind: youthbot.ChangeMerge, Unit: "VT-P5", Target: "PH-TB"}}, d, hcm)
				return err
			})
			w.run(w.s.RunProjectReminders, at("2026-03-10 18:00:00"))
			if got := chats(w.out.take()); len(got) != tc.want || (tc.want == 1 && !slices.Equal(got, []int64{joined})) {
				t.Errorf("reminded %v, want %d to %d", got, tc.want, joined)
			}
		})
	}
}
