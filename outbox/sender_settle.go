package outbox

import (
	"context"
	"errors"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"youthbot"
	"youthbot/service"
	"youthbot/storage"
	"youthbot/telegram"
)

// settle records the outcome of one attempt and lets the chat go on.
func (s *Sender) settle(ctx context.Context, sd send, m *youthbot.Outgoing, err error) {
	q := sd.q
	var ae *telegram.APIError
	errors.As(err, &ae)
	var re *renderError
	var rd *readError
	switch {
	case errors.As(err, &re):
		q.renderErr++
		if q.renderErr >= renderAttempts {
			s.log.Error("cannot build the file of a message, dropping it", "chat", m.Chat, "notice", m.Notice, "err", err)
			q.renderErr = 0
			s.ack(sd)
			return
		}
		s.retry(sd, retryWait(q.renderErr))
		s.log.Warn("cannot build the file of a message, will retry", "chat", m.Chat, "notice", m.Notice, "err", err)
	case errors.As(err, &rd):
		s.log.Error("cannot read a queued message, will retry", "chat", q.id, "err", err)
		s.retry(sd, retryWait(1))
	case err == nil:
		q.failures, q.renderErr = 0, 0
		s.ack(sd)
	case ae != nil && ae.MigrateTo != 0:
		s.migrate(ctx, sd, ae.MigrateTo)
	case ae != nil && ae.Blocked():
		s.log.Info("chat unreachable, dropping its queue", "chat", m.Chat, "err", err)
		s.blocked(ctx, sd)
	case ae == nil || ae.Temporary:
		q.failures++
		wait := retryWait(q.failures)
		if ae != nil && ae.RetryAfter > 0 {
			wait = ae.RetryAfter
			if ae.Code == 429 && sd.within {
				s.floodWait(wait)
			}
		}
		s.log.Warn("send failed, will retry", "chat", m.Chat, "method", m.Method, "notice", m.Notice, "retry_in", wait, "err", err)
		s.retry(sd, wait)
	default:
		if fb := resendFallback(m, ae.Description); fb != nil && ae.Code == 400 {
			s.log.Info("summary cannot be edited any more, sending it anew", "chat", m.Chat, "notice", m.Notice)
			s.commit(ctx, func(tx *storage.Tx) error { return tx.DeleteSent(m.Track, m.Chat) }) // latestTarget sends it then
			s.rewrite(ctx, sd, fb)
			return
		}
		if fb := textFallback(m); fb != nil && ae.Code == 400 {
			s.log.Warn("photo refused, sending the text with its buttons", "chat", m.Chat, "notice", m.Notice, "err", err)
			s.rewrite(ctx, sd, fb)
			return
		}
		if !strings.Contains(ae.Description, "message is not modified") {
			s.log.Warn("send refused, dropping message", "chat", m.Chat, "method", m.Method, "notice", m.Notice, "err", err)
		}
		s.ack(sd)
	}
}

// floodWait makes every chat wait d: a 429 although the chat's own limits
// were respected is the bot's flood limit.
func (s *Sender) floodWait(d time.Duration) {
	s.mu.Lock()
	s.pause = later(s.pause, time.Now().Add(d))
	s.mu.Unlock()
	s.log.Warn("flood control for the whole bot, every chat waits", "retry_in", d)
	if s.cfg.Recorder != nil {
		s.cfg.Recorder.FloodWait(d)
	}
}

// done ends an attempt: the chat may send again. mu is held.
func (s *Sender) done(sd send) {
	sd.q.inflight = false
	s.inflight[sd.lane]--
	s.place(sd.q, time.Now())
	s.kick()
	s.idle.Broadcast()
}

// retry has the chat try the same message again after wait.
func (s *Sender) retry(sd send, wait time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sd.q.notBefore = later(sd.q.notBefore, time.Now().Add(wait))
	s.done(sd)
}

// pop removes the head of sd's lane from its chat. mu is held.
func (s *Sender) pop(sd send) {
	q := sd.q
	if sd.lane == laneReply {
		q.replies[0] = nil
		q.replies = q.replies[1:]
		return
	}
	q.notify = q.notify[1:]
	s.page.taken(q)
}

// ack settles a delivered (or dropped) message: its deletion is committed
// with the other chats' (flushAcked), and the chat's next message waits for
// that commit.
func (s *Sender) ack(sd send) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pop(sd)
	s.acked = append(s.acked, sd.seq) // held until flushAcked commits
	s.ackMerged(sd)
	if sd.sent != nil {
		s.sent = append(s.sent, *sd.sent)
	}
	sd.q.ackWant = s.ackGen + 1
	s.done(sd)
}

// gone settles a notification no longer in the outbox.
func (s *Sender) gone(sd send) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pop(sd)
	s.held--
	if sd.lane == laneReply {
		delete(s.replies, sd.seq)
	}
	s.done(sd)
}

// retryWait is the backoff after n consecutive failures: 1s doubling to 5
// minutes, with jitter.
func retryWait(n int) time.Duration {
	d := time.Second << min(n-1, 9)
	d = min(d, 5*time.Minute)
	return d/2 + time.Duration(rand.Int64N(int64(d/2)+1))
}

// commit runs fn in a write transaction, retrying a failing commit until
// ctx ends (false).
func (s *Sender) commit(ctx context.Context, fn func(tx *storage.Tx) error) bool {
	for wait := time.Duration(0); ; {
		err := s.cfg.DB.Update(fn)
		if err == nil {
			return true
		}
		wait = min(max(wait*2, 100*time.Millisecond), 10*time.Second)
		s.log.Error("outbox commit failed, retrying", "err", err, "retry_in", wait)
		if !sleep(ctx, wait) {
			return false
		}
	}
}

// sleep waits d; false if ctx ends first.
func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

// inHand returns what the chat has in hand, replies first, as the outbox
// holds them now (those gone are skipped).
func inHand(tx *storage.Tx, q *chatQueue, replies []*youthbot.Outgoing, notes []uint64) ([]*youthbot.Outgoing, error) {
	// Replies are read again too: an erasure may have removed or rewritten
	// them since they were pushed.
	seqs := make([]uint64, 0, len(replies)+len(notes))
	for _, m := range replies {
		seqs = append(seqs, m.Seq)
	}
	var out []*youthbot.Outgoing
	for _, seq := range append(seqs, notes...) {
		m, found, err := tx.Outgoing(seq)
		if err != nil {
			return nil, err
		}
		if found {
			out = append(out, m)
		}
	}
	return out, nil
}

// drop removes what the chat has in hand from it once their deletion
// committed. mu is held.
func (s *Sender) drop(q *chatQueue, replies []*youthbot.Outgoing, notes []uint64) {
	for _, m := range replies {
		delete(s.replies, m.Seq)
	}
	s.held -= len(replies) + len(notes)
	q.replies = q.replies[len(replies):]
	q.notify = q.notify[len(notes):]
	s.page.dropped(q, len(notes))
	s.idle.Broadcast()
}

// blocked drops everything in hand for a chat that refuses the bot: a
// private chat's user is marked unreachable, a group's link is removed.
// The dropped messages' idempotency keys are forgotten, so that a job may
// queue them again once the chat is reachable (a tally not yet received).
// Messages for it read from the outbox later meet the same refusal.
func (s *Sender) blocked(ctx context.Context, sd send) {
	q := sd.q
	s.mu.Lock()
	replies, notes := append([]*youthbot.Outgoing(nil), q.replies...), append([]uint64(nil), q.notify...)
	s.mu.Unlock()
	ok := s.commit(ctx, func(tx *storage.Tx) error {
		msgs, err := inHand(tx, q, replies, notes)
		if err != nil {
			return err
		}
		for _, m := range msgs {
			if err := tx.ForgetOutboxKey(m.Key); err != nil {
				return err
			}
			if err := tx.DeleteOutgoing(m.Seq); err != nil {
				return err
			}
		}
		if q.id > 0 {
			if err := service.SetBlocked(tx, q.id, true); err != nil {
				return err
			}
		} else if _, _, err := tx.UnlinkGroup(q.id); err != nil {
			return err
		}
		return nil
	})
	s.mu.Lock()
	defer s.mu.Unlock()
	if ok {
		s.drop(q, replies, notes)
	}
	s.done(sd)
}

// migrate moves what the chat has in hand (the message refused first among
// it) to the supergroup the group became, with the group's link. Messages
// for the old id read from the outbox later are moved when refused in turn.
func (s *Sender) migrate(ctx context.Context, sd send, to int64) {
	q := sd.q
	s.mu.Lock()
	replies, notes := append([]*youthbot.Outgoing(nil), q.replies...), append([]uint64(nil), q.notify...)
	s.mu.Unlock()
	s.log.Info("group migrated, moving its queue", "from", q.id, "to", to)
	var moved []*youthbot.Outgoing
	ok := s.commit(ctx, func(tx *storage.Tx) error {
		moved = nil
		msgs, err := inHand(tx, q, replies, notes)
		if err != nil {
			return err
		}
		for _, old := range msgs {
			n := *old
			n.Chat = to
			n.Params = make(map[string]string, len(old.Params))
			for k, v := range old.Params {
				n.Params[k] = v
			}
			n.Params["chat_id"] = strconv.FormatInt(to, 10)
			n.Seq = 0
			n.Key = "" // the key stays recorded for the old message
			if _, err := tx.Enqueue(&n); err != nil {
				return err
			}
			if err := tx.DeleteOutgoing(old.Seq); err != nil {
				return err
			}
			moved = append(moved, &n)
		}
		return tx.MoveGroup(q.id, to)
	})
	s.mu.Lock()
	if ok {
		s.drop(q, replies, notes)
	}
	s.done(sd)
	s.mu.Unlock()
	if ok {
		s.Push(moved)
	}
}

// textFallback is the text form of a photo with buttons (an activity's
// confirmation request): its caption as the text, the same buttons. It is
// nil for other messages.
func textFallback(m *youthbot.Outgoing) *youthbot.Outgoing {
	if m.Method != "sendPhoto" || m.Params["caption"] == "" || m.Params["reply_markup"] == "" {
		return nil
	}
	n := *m
	n.Method, n.File, n.Render = "sendMessage", nil, nil
	n.Params = make(map[string]string, len(m.Params))
	for k, v := range m.Params {
		switch k {
		case "photo", "caption", "show_caption_above_media", "has_spoiler":
		case "caption_entities":
			n.Params["entities"] = v
		default:
			n.Params[k] = v
		}
	}
	n.Params["text"] = m.Params["caption"]
	return &n
}

// rewrite replaces a queued message by m (same sequence) and lets the chat
// send it at once.
func (s *Sender) rewrite(ctx context.Context, sd send, m *youthbot.Outgoing) {
	ok := s.commit(ctx, func(tx *storage.Tx) error {
		if _, found, err := tx.Outgoing(m.Seq); err != nil || !found {
			return err
		}
		return tx.PutOutgoing(m)
	})
	s.mu.Lock()
	defer s.mu.Unlock()
	if ok && sd.lane == laneReply {
		sd.q.replies[0] = m
	}
	s.done(sd)
}

// readError is a failure to read a message from the outbox.
type readError struct{ err error }

func (e *readError) Error() string { return "read outbox: " + e.err.Error() }
func (e *readError) Unwrap() error { return e.err }

// renderError is a failure to build a message's file (Outgoing.Render).
type renderError struct{ err error }

func (e *renderError) Error() string { return "render: " + e.err.Error() }
func (e *renderError) Unwrap() error { return e.err }
