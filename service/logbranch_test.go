package service_test

import (
	"testing"

	"youthbot"
	"youthbot/service"
	"youthbot/storage"
)

// TestLogBranchIsTheBranchOfTheDay: after member 7 moved from VT-A to VT-B
// today, a participation of last week is credited to VT-A, today's to
// VT-B; before the member was approved, to their branch today.
func TestLogBranchIsTheBranchOfTheDay(t *testing.T) {
	db, tr := transferSetup(t) // 7 approved in VT-A a week before now
	update(t, db, func(tx *storage.Tx) error {
		_, _, err := service.DecideTransfer(tx, sec, tr.ID, true, at)
		return err
	})
	today := at.Today
	db.View(func(tx *storage.Tx) error {
		m, err := tx.Member(7)
		if err != nil || m.Unit != "VT-B" {
			t.Fatalf("member 7: %+v, %v; want moved to VT-B", m, err)
		}
		for _, tt := range []struct {
			day  youthbot.Date
			want string
		}{
			{today.AddDays(-3), "VT-A"},
			{today.AddDays(-1), "VT-A"},
			{today, "VT-B"},
			{today.AddDays(-30), "VT-B"}, // before the approval
		} {
			if got := service.LogBranch(tx, m, tt.day, loc); got != tt.want {
				t.Errorf("%s: %s, want %s", tt.day, got, tt.want)
			}
		}
		return nil
	})
}
