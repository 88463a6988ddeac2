package scheduler

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"youthbot"
	"youthbot/storage"
)

// JobPrune forgets the idempotency keys of messages that no job can queue
// again (outbox_keys would otherwise grow by a key per message for ever: a
// daily reminder to 100,000 members adds 100,000 a day).
const JobPrune = "prune_outbox_keys"

// pruneCron runs it daily, at a quiet hour (bot time zone).
const pruneCron = "40 3 * * *"

// pruneChunk is how many keys one pruning transaction looks at, so that the
// single writer is never held for long.
const pruneChunk = 5000

// pruneMargin is added to every retention below: a clock set back, or a
// bot down for days, re-runs nothing older than this.
const pruneMargin = 7 * 24 * time.Hour

// tallyLookBack is how far back a tally schedule's firing still decides
// the month due (lastFiring looks back a year).
const tallyLookBack = 366 * 24 * time.Hour

// keyRule says when a key of one type can no longer be queued again: a
// key is kept as long as the job that queues its type could still come to
// the same key, plus pruneMargin. Keys of a type without a rule are kept.
type keyRule struct {
	prefix string
	// until is the time after which no job can queue key again; ok false
	// for a key this rule cannot read (kept).
	until func(s *Scheduler, key string, queued time.Time) (t time.Time, ok bool)
}

var keyRules = []keyRule{
	// tally/<UNIT>/<YYYY-MM>/<chat>[/...]: RunTally queues the month
	// before the tally schedule's latest firing, looking back a year: month
	// M can be due as long as a firing in month M+1 is within that year,
	// whatever YOUTHBOT_TALLY_CRON is or becomes (a yearly one, say). So a
	// tally's keys stay some 14 months; there are few of them (a unit's
	// secretaries and groups, once a month).
	{"tally/", func(s *Scheduler, key string, _ time.Time) (time.Time, bool) {
		for _, part := range strings.Split(key, "/")[2:] {
			if p, err := youthbot.ParsePeriod(part); err == nil && p.IsMonth() {
				next := p.End(s.loc) // the first day of month M+1
				return youthbot.MonthPeriod(next.Year(), next.Month()).End(s.loc).Add(tallyLookBack), true
			}
		}
		return time.Time{}, false
	}},
	// camp/<ID>/<firing unix>/<chat>: RunCampaigns queues a firing at most
	// ReminderGrace after it, and only the latest one after the last
	// handled.
	{"camp/", func(_ *Scheduler, key string, _ time.Time) (time.Time, bool) {
		parts := strings.Split(key, "/")
		if len(parts) < 4 {
			return time.Time{}, false
		}
		unix, err := strconv.ParseInt(parts[len(parts)-2], 10, 64)
		if err != nil {
			return time.Time{}, false
		}
		return time.Unix(unix, 0).Add(ReminderGrace), true
	}},
	// proj/<CODE>/<start YYYY-MM-DD>/<member>: RunProjectReminders
	// queues a project's reminder on the day before its start only.
	{"proj/", func(s *Scheduler, key string, _ time.Time) (time.Time, bool) {
		return dayInKey(s, key)
	}},
	// digest/<YYYY-MM-DD>/<secretary>: RunDigest queues a day's digest on
	// that day only.
	{"digest/", func(s *Scheduler, key string, _ time.Time) (time.Time, bool) {
		return dayInKey(s, key)
	}},
	// bc/<broadcast>/<member>: a broadcast is queued when its secretary
	// presses Send (the dialog it comes from is gone in the same
	// transaction); the key is kept a week after.
	{"bc/", func(_ *Scheduler, _ string, queued time.Time) (time.Time, bool) {
		return queued, !queued.IsZero()
	}},
}

// dayInKey reads the YYYY-MM-DD date second from the end of key and
// returns the end of that day.
func dayInKey(s *Scheduler, key string) (time.Time, bool) {
	parts := strings.Split(key, "/")
	if len(parts) < 3 {
		return time.Time{}, false
	}
	d, err := time.ParseInLocation("2006-01-02", parts[len(parts)-2], s.loc)
	if err != nil {
		return time.Time{}, false
	}
	return d.AddDate(0, 0, 1), true
}

// RunPrune forgets the idempotency keys that no job can queue again at now
// (keyRules), pruneChunk keys looked at per transaction, and logs how many
// it forgot. It queues nothing (queued is 0).
func (s *Scheduler) RunPrune(ctx context.Context, now time.Time) (int, error) {
	if err := s.applyDueTreeChanges(now); err != nil { // daily, like the pruning (tree.go)
		return 0, err
	}
	pruned := 0
	for _, r := range keyRules {
		due := func(key string, queued time.Time) bool {
			until, ok := r.until(s, key, queued)
			return ok && now.After(until.Add(pruneMargin))
		}
		var after []byte
		for {
			if err := ctx.Err(); err != nil {
				return 0, err
			}
			var n int
			err := s.db.Update(func(tx *storage.Tx) error {
				var err error
				n, after, err = tx.PruneOutboxKeys(r.prefix, after, pruneChunk, due)
				return err
			})
			if err != nil {
				return 0, fmt.Errorf("prune %s keys after %d pruned: %w", r.prefix, pruned, err)
			}
			pruned += n
			if after == nil {
				break
			}
		}
	}
	sent := 0
	for {
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		var n int
		err := s.db.Update(func(tx *storage.Tx) error {
			var err error
			n, err = tx.PruneSent(now.Add(-storage.SentRetention), pruneChunk)
			return err
		})
		if err != nil {
			return 0, fmt.Errorf("prune sent message ids after %d: %w", sent, err)
		}
		if sent += n; n < pruneChunk {
			break
		}
	}
	err := s.db.Update(func(tx *storage.Tx) error {
		return putJob(tx, JobPrune, now, func(st *storage.JobState) { st.Queued = 0 })
	})
	s.log.Info("outbox keys pruned", "keys", pruned, "sent_ids", sent)
	return 0, err
}
