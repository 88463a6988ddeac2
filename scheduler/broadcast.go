package scheduler

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"youthbot"
	"youthbot/i18n"
	"youthbot/service"
	"youthbot/storage"
)

// JobBroadcasts fans out the broadcasts secretaries confirmed.
const JobBroadcasts = "broadcasts"

// broadcastTick runs the broadcast job every minute besides the kicks
// (ServeBroadcasts): a fan-out a failing write stopped is taken up again.
const broadcastTick = "* * * * *"

// broadcastChunk is how many members one transaction of a fan-out
// examines (reachable or not): the writer is held for a few milliseconds
// at a time, whatever the audience.
const broadcastChunk = 1000

// BroadcastKey is the idempotency key of a broadcast's message to a member.
func BroadcastKey(id string, member int64) string { return fmt.Sprintf("bc/%s/%d", id, member) }

// RunBroadcasts fans out every broadcast recorded (storage.Broadcast) into
// the outbox: to each approved member of its units' subtrees who can be
// reached, in their language, keyed BroadcastKey. Each transaction queues
// the messages of broadcastChunk members and moves the broadcast's cursor;
// the last one deletes the broadcast. Stopped anywhere (a crash, a
// restart, a cancelled context), the next run goes on from the cursor
// committed, and the keys make sure that runs concurrent or repeated
// queue no message twice. The audience is read chunk by chunk: a member
// approved during the fan-out, in a unit it has not reached yet, gets the
// broadcast; one who left before it reached them does not.
func (s *Scheduler) RunBroadcasts(ctx context.Context, now time.Time) (int, error) {
	var list []storage.Broadcast
	if err := s.db.View(func(tx *storage.Tx) (err error) { list, err = tx.Broadcasts(); return err }); err != nil {
		return 0, err
	}
	queued := 0
	for _, bc := range list {
		n, err := s.fanOut(ctx, bc.ID, now)
		queued += n
		if err != nil {
			return queued, fmt.Errorf("broadcast %s: %w", bc.ID, err)
		}
	}
	return queued, nil
}

// fanOut queues broadcast id chunk by chunk until it is all queued.
func (s *Scheduler) fanOut(ctx context.Context, id string, now time.Time) (int, error) {
	queued := 0
	for {
		if err := ctx.Err(); err != nil {
			return queued, err
		}
		var added []*youthbot.Outgoing
		var done bool
		var bc storage.Broadcast
		err := s.db.Update(func(tx *storage.Tx) error {
			added, done = nil, false
			var found bool
			var err error
			if bc, found, err = tx.Broadcast(id); err != nil || !found {
				done = true // !found: another run queued the last chunk
				return err
			}
			var msgs []*youthbot.Outgoing
			next, end, err := tx.ScanRecipients(tx.RecipientScope(bc.Units), bc.Cursor, broadcastChunk, func(u youthbot.User, found bool) error {
				lang := service.Lang(u, found, s.cfg.Lang)
				r := recipient{chat: u.ID, lang: lang}
				msgs = append(msgs, message(r, BroadcastKey(bc.ID, u.ID), "broadcast", i18n.T(lang, "bc.message", bc.From, bc.Text), now))
				return nil
			})
			if err != nil {
				return err
			}
			if added, err = enqueue(tx, msgs); err != nil {
				return err
			}
			bc.Cursor, bc.Queued = next, bc.Queued+len(added)
			if done = end; done {
				report, err := s.broadcastReport(tx, bc, now)
				if err != nil {
					return err
				}
				if report != nil {
					added = append(added, report...)
				}
				return tx.DeleteBroadcast(bc.ID)
			}
			return tx.PutBroadcast(bc)
		})
		if err != nil {
			return queued, err
		}
		queued += countBroadcastMessages(added)
		if len(added) > 0 && s.cfg.Outbox != nil {
			s.cfg.Outbox.Push(added)
		}
		if done {
			if bc.ID != "" {
				s.log.Info("broadcast queued", "broadcast", bc.ID, "messages", bc.Queued, "counted", bc.Counted)
			}
			return queued, nil
		}
	}
}

// BroadcastReportKey is the idempotency key of the report a broadcast's
// author gets when its fan-out is complete.
func BroadcastReportKey(id string) string { return "bcr/" + id }

// broadcastReport queues, in the transaction of a fan-out's last chunk,
// the report to its author: how many members' messages were queued, of
// how many approved members in its scope, and how many of those the bot
// cannot reach (they blocked it, so nothing was queued for them). The
// figures are those of the fan-out, so the report says "queued", not
// "delivered". An author who blocked the bot gets nothing.
func (s *Scheduler) broadcastReport(tx *storage.Tx, bc storage.Broadcast, now time.Time) ([]*youthbot.Outgoing, error) {
	r, ok, err := s.userRecipient(tx, bc.Author)
	if err != nil || !ok {
		return nil, err
	}
	blocked, err := unreachableIn(tx, tx.RecipientScope(bc.Units))
	if err != nil {
		return nil, err
	}
	n := func(v int) string { return i18n.Number(r.lang, int64(v)) }
	text := i18n.T(r.lang, "bc.report", n(bc.Queued), n(bc.Queued+blocked), bc.From)
	if blocked > 0 {
		text += "\n" + i18n.T(r.lang, "bc.report_blocked", n(blocked))
	}
	return enqueue(tx, []*youthbot.Outgoing{message(r, BroadcastReportKey(bc.ID), "broadcast", text, now)})
}

// unreachableIn counts the approved members of the units of scope (sorted)
// who blocked the bot.
func unreachableIn(tx *storage.Tx, scope []string) (int, error) {
	ids, err := tx.UnreachableUsers()
	if err != nil {
		return 0, err
	}
	n := 0
	for id := range ids {
		m, err := tx.Member(id)
		if youthbot.ErrorCode(err) == youthbot.ENOTFOUND {
			continue
		}
		if err != nil {
			return 0, err
		}
		if _, in := slices.BinarySearch(scope, m.Unit); in && m.Status == youthbot.StatusApproved {
			n++
		}
	}
	return n, nil
}

// countBroadcastMessages counts the members' messages among msgs, leaving
// out the author's report.
func countBroadcastMessages(msgs []*youthbot.Outgoing) int {
	n := 0
	for _, m := range msgs {
		if !strings.HasPrefix(m.Key, "bcr/") {
			n++
		}
	}
	return n
}

// KickBroadcasts wakes ServeBroadcasts: a broadcast was recorded. It never
// blocks; kicks while a run goes on make one more run after it.
func (s *Scheduler) KickBroadcasts() {
	select {
	case s.kick <- struct{}{}:
	default:
	}
}

// ServeBroadcasts runs the broadcast job at once, then each time
// KickBroadcasts is called, until ctx ends: a confirmed broadcast starts
// going out at once, not at the next minute. Start runs it; without Start
// (tests), run it in a goroutine of your own.
func (s *Scheduler) ServeBroadcasts(ctx context.Context) {
	for {
		s.run(ctx, JobBroadcasts, s.RunBroadcasts, true)
		select {
		case <-ctx.Done():
			return
		case <-s.kick:
		}
	}
}
