package storage

import (
	"testing"
	"time"

	"youthbot"
)

func TestGroupLinksFollowRelinksMovesAndUnlinks(t *testing.T) {
	db := open(t)
	err := db.Update(func(tx *Tx) error {
		for _, l := range []youthbot.GroupLink{{Chat: -10, Unit: "A"}, {Chat: -11, Unit: "A"}, {Chat: -10, Unit: "B"}} {
			if err := tx.LinkGroup(l); err != nil {
				return err
			}
		}
		a, _ := tx.UnitGroups("A")
		b, _ := tx.UnitGroups("B")
		if len(a) != 1 || a[0].Chat != -11 || len(b) != 1 || b[0].Chat != -10 {
			t.Errorf("after relinking -10 to B: A %v, B %v", a, b)
		}
		if err := tx.MoveGroup(-10, -1001); err != nil {
			return err
		}
		if err := tx.MoveGroup(-10, -1001); err != nil { // the second report of the migration
			return err
		}
		if _, found, _ := tx.GroupLink(-10); found {
			t.Error("old id still linked")
		}
		b, _ = tx.UnitGroups("B")
		if len(b) != 1 || b[0].Chat != -1001 || b[0].Unit != "B" {
			t.Errorf("after the move: B %v", b)
		}
		l, found, err := tx.UnlinkGroup(-11)
		if err != nil || !found || l.Unit != "A" {
			t.Errorf("unlink: %v %v %v", l, found, err)
		}
		if a, _ := tx.UnitGroups("A"); len(a) != 0 {
			t.Errorf("A still has %v", a)
		}
		if _, found, _ := tx.UnlinkGroup(-11); found {
			t.Error("unlinked twice")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestJobStateAndForgottenKeys(t *testing.T) {
	db := open(t)
	now := time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)
	err := db.Update(func(tx *Tx) error {
		if _, found, _ := tx.Job("tally"); found {
			t.Error("a job that never ran has a state")
		}
		if err := tx.PutJob("tally", JobState{LastRun: now, Period: "2026-02", Queued: 3}); err != nil {
			return err
		}
		st, found, err := tx.Job("tally")
		if err != nil || !found || st.Period != "2026-02" || !st.LastRun.Equal(now) {
			t.Errorf("job state %+v %v %v", st, found, err)
		}
		o := &youthbot.Outgoing{Chat: 1, Method: "sendMessage", Key: "k", Queued: now}
		if added, err := tx.Enqueue(o); err != nil || !added {
			t.Fatalf("enqueue: %v %v", added, err)
		}
		if err := tx.ForgetOutboxKey("k"); err != nil {
			return err
		}
		if tx.OutboxKeySeen("k") {
			t.Error("key still seen")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
