package scheduler_test

import (
	"fmt"
	"testing"
	"time"

	"youthbot"
	"youthbot/scheduler"
	"youthbot/storage"
)

func (w *jobWorld) queueKey(key string, queued time.Time) {
	w.t.Helper()
	w.update(func(tx *storage.Tx) error {
		_, err := tx.Enqueue(&youthbot.Outgoing{Chat: 1, Lane: youthbot.LaneNotify, Method: "sendMessage", Key: key, Queued: queued})
		return err
	})
}

func (w *jobWorld) keySeen(key string) bool {
	var seen bool
	w.db.View(func(tx *storage.Tx) error { seen = tx.OutboxKeySeen(key); return nil })
	return seen
}

// TestPruneKeepsEachKeyWhileAJobCouldQueueItAgain: each type of key is
// kept for as long as the job that queues it could come to it again (plus
// a week's margin), then forgotten; keys of an unknown type are kept.
func TestPruneKeepsEachKeyWhileAJobCouldQueueItAgain(t *testing.T) {
	feb := youthbot.MonthPeriod(2026, time.February)
	firing := at("2026-03-10 19:00:00")
	start := youthbot.Date{Year: 2026, Month: 3, Day: 12}
	day := youthbot.Date{Year: 2026, Month: 3, Day: 10}
	cases := []struct {
		name   string
		key    string
		queued time.Time
		kept   time.Time // still there when pruned at this time
		gone   time.Time // forgotten when pruned at this time
	}{
		// A yearly tally schedule that fired on 1/03/2026 still makes
		// February due until 1/03/2027: kept past that.
		{"tally", scheduler.TallyKey("VT", feb, 501), at("2026-03-01 08:00:00"), at("2027-03-01 07:00:00"), at("2027-04-10 00:00:00")},
		{"tally chart", scheduler.TallyKey("VT-CDCD-CNTT", feb, -502) + "/chart", at("2026-03-01 08:00:00"), at("2027-03-20 00:00:00"), at("2027-04-10 00:00:00")},
		{"campaign", scheduler.CampaignKey("C1", firing, 503), firing, firing.Add(6 * 24 * time.Hour), firing.Add(8 * 24 * time.Hour)},
		{"project", scheduler.ProjectReminderKey("P1", start, 504), at("2026-03-11 18:00:00"), at("2026-03-19 23:00:00"), at("2026-03-20 01:00:00")},
		{"digest", scheduler.DigestKey(day, 505), at("2026-03-10 09:00:00"), at("2026-03-17 23:00:00"), at("2026-03-18 01:00:00")},
		{"broadcast", "bc/AbCd1234/506", at("2026-03-10 10:00:00"), at("2026-03-17 09:00:00"), at("2026-03-17 11:00:00")},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			w := newJobWorld(t, "0 8 1 * *")
			w.queueKey(tc.key, tc.queued)
			w.queueKey("other/"+tc.key, tc.queued) // a type without a rule
			w.run(w.s.RunPrune, tc.kept)
			if !w.keySeen(tc.key) {
				t.Fatalf("%s forgotten at %v: a job could still queue it again", tc.key, tc.kept)
			}
			w.run(w.s.RunPrune, tc.gone)
			if w.keySeen(tc.key) {
				t.Errorf("%s still kept at %v", tc.key, tc.gone)
			}
			if !w.keySeen("other/" + tc.key) {
				t.Errorf("a key of an unknown type was forgotten")
			}
		})
	}
}

// TestPruneKeepsTalliesExactlyOnceWithAYearlySchedule: with a tally
// schedule firing once a year, last February's tally is due all year;
// pruning every month and running the tally after it queue it to nobody
// again, until the next firing makes the next February due.
func TestPruneKeepsTalliesExactlyOnceWithAYearlySchedule(t *testing.T) {
	w := newJobWorld(t, "0 8 1 3 *")
	w.secretary("VT", "vi")
	if n := w.run(w.s.RunTally, at("2026-03-01 08:00:00")); n == 0 {
		t.Fatal("no tally queued")
	}
	w.out.take()
	for m := 1; m <= 12; m++ {
		now := at("2026-03-01 09:00:00").AddDate(0, m, -1)
		w.run(w.s.RunPrune, now)
		if n := w.run(w.s.RunTally, now); n != 0 {
			t.Fatalf("at %v, after pruning, the tally of February 2026 was queued again (%d messages)", now, n)
		}
	}
	if n := w.run(w.s.RunTally, at("2027-03-01 08:00:00")); n == 0 {
		t.Error("the next firing queued nothing")
	}
}

// TestPruneWorksInChunks: many keys go in bounded transactions, all of them.
func TestPruneWorksInChunks(t *testing.T) {
	w := newJobWorld(t, "0 8 1 * *")
	queued := at("2026-03-10 10:00:00")
	const n = 12_000
	w.update(func(tx *storage.Tx) error {
		for i := range n {
			if _, err := tx.Enqueue(&youthbot.Outgoing{Chat: int64(i), Key: fmt.Sprintf("bc/B1/%d", i), Queued: queued}); err != nil {
				return err
			}
		}
		return nil
	})
	// One transaction looks at most at limit keys.
	w.db.Update(func(tx *storage.Tx) error {
		deleted, next, err := tx.PruneOutboxKeys("bc/", nil, 5000, func(string, time.Time) bool { return true })
		if err != nil || deleted != 5000 || next == nil {
			t.Errorf("one chunk: %d deleted, next %q, err %v; want 5000 and where to go on", deleted, next, err)
		}
		return fmt.Errorf("roll back") // the trial only
	})
	w.run(w.s.RunPrune, queued.Add(15*24*time.Hour))
	var left int
	w.db.View(func(tx *storage.Tx) error {
		for i := range n {
			if tx.OutboxKeySeen(fmt.Sprintf("bc/B1/%d", i)) {
				left++
			}
		}
		return nil
	})
	if left != 0 {
		t.Errorf("%d of %d keys left", left, n)
	}
}

// TestPruneForgetsOldSentMessageIds: the ids of tracked messages are kept
// SentRetention, then forgotten by the nightly prune, in chunks.
func TestPruneForgetsOldSentMessageIds(t *testing.T) {
	w := newJobWorld(t, "0 8 1 * *")
	now := at("2026-03-20 03:40:00")
	old, recent := now.Add(-storage.SentRetention-time.Hour), now.Add(-time.Hour)
	const n = 6_000 // more than one chunk
	w.update(func(tx *storage.Tx) error {
		for i := range n {
			if err := tx.PutSent(fmt.Sprintf("act/%d", i), 501, int64(i+1), old); err != nil {
				return err
			}
		}
		return tx.PutSent("act/new", 501, 1, recent)
	})
	w.run(w.s.RunPrune, now)
	w.db.View(func(tx *storage.Tx) error {
		for _, i := range []int{0, n / 2, n - 1} {
			if _, ok := tx.Sent(fmt.Sprintf("act/%d", i), 501); ok {
				t.Errorf("act/%d, sent %s, still kept", i, old)
			}
		}
		if _, ok := tx.Sent("act/new", 501); !ok {
			t.Error("a message sent an hour ago was forgotten")
		}
		return nil
	})
}
