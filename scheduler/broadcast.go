package scheduler

import (
	"context"
	"fmt"
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
				return tx.DeleteBroadcast(bc.ID)
			}
			return tx.PutBroadcast(bc)
		})
		if err != nil {
			return queued, err
		}
		queued += len(added)
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
