package storage

import (
	"testing"
	"time"

	"youthbot"
)

func TestMemberCountsCountsEveryUnitByStatus(t *testing.T) {
	db := open(t)
	members := []youthbot.Member{
		{UserID: 1, Unit: "A", Status: youthbot.StatusApproved},
		{UserID: 2, Unit: "A", Status: youthbot.StatusPending},
		{UserID: 3, Unit: "B", Status: youthbot.StatusApproved},
		{UserID: 4, Unit: "B", Status: youthbot.StatusRejected},
	}
	err := db.Update(func(tx *Tx) error {
		for _, m := range members {
			m.RegisteredAt = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
			if err := tx.PutMember(m); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	db.View(func(tx *Tx) error {
		got := tx.MemberCounts()
		want := map[youthbot.MemberStatus]int{youthbot.StatusApproved: 2, youthbot.StatusPending: 1, youthbot.StatusRejected: 1}
		if len(got) != len(want) {
			t.Errorf("got %v, want %v", got, want)
		}
		for s, n := range want {
			if got[s] != n {
				t.Errorf("got %d %s, want %d", got[s], s, n)
			}
		}
		if tx.Size() <= 0 {
			t.Errorf("got size %d, want > 0", tx.Size())
		}
		return nil
	})
}
