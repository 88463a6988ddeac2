package scheduler

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"math/rand/v2"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"youthbot"
	"youthbot/bot"
	"youthbot/storage"
)

// Caller makes Bot API calls; *bot.API is one.
type Caller interface {
	Call(method string, params map[string]string) (json.RawMessage, error)
	Upload(method string, params map[string]string, field, name string, data []byte) (json.RawMessage, error)
}

// SenderConfig configures a Sender.
type SenderConfig struct {
	DB   *storage.DB
	API  Caller
	Rate float64 // notifications per second, all chats together (YOUTHBOT_SEND_RATE)
	// Concurrency bounds the API calls in flight; 0 means 16.
	Concurrency int
	Log         *slog.Logger
	// Render builds the file of a message that names one (Outgoing.Render)
	// at delivery time; Scheduler.New sets it to the tally builder's.
	Render func(ctx context.Context, r *youthbot.Render) (*youthbot.OutFile, error)
	// Hooks run in the transaction that settles a message, after the
	// sender's own bookkeeping (a blocked group is unlinked, a migrated
	// group's link moves to the supergroup: storage.Tx.UnlinkGroup and
	// MoveGroup), so that other state can follow atomically.
	OnBlocked  func(tx *storage.Tx, chat int64) error
	OnMigrated func(tx *storage.Tx, from, to int64) error
}

// Per-chat limits of notifications (Telegram's Bots FAQ, PRODUCT.md §6).
const (
	chatRate       = 1.0 // per second, sustained
	chatBurst      = 3
	groupPerMinute = 20
)

// globalBurst is the global limiter's burst: 50 ms worth of messages (at
// least 1). A pump delayed by a loaded machine makes up at most that much,
// so the rate holds over a second even when the process is not scheduled
// on time, and any second carries at most rate + burst messages.
func globalBurst(r float64) int { return max(1, int(r/20)) }

// renderAttempts is how many times in a row building a message's file
// (Outgoing.Render) may fail before the message is dropped.
const renderAttempts = 5

// idleSweep is how often queues of chats with nothing left to send are
// forgotten (once their limiters are full again).
const idleSweep = 10 * time.Second

// Sender delivers the outbox. Each chat has its own ordered queues (replies
// before notifications) served by one goroutine while it has work, so a
// slow or rate-limited chat never holds up the others.
//
// Rates: a notification first waits for its chat's limiters (1/s, burst 3;
// 20/min for a group), then for a call slot (Concurrency), then takes a
// token of the global rate (YOUTHBOT_SEND_RATE). One pump goroutine issues
// those tokens with a rate.Limiter through an unbuffered channel: a token
// exists only when a chat ready to send takes it, so whenever enough chats
// wait every token is used the moment it comes (notifications leave evenly
// spaced at the full rate), and no slot is reserved ahead to be used late:
// after a stall (GC, a slow disk, a loaded machine) at most the limiter's
// small burst (globalBurst: 50 ms worth) goes at once. Replies skip the
// limiters.
//
// Exactly-once: a message is deleted from the outbox only after Telegram
// accepted it, and a chat's next message is sent only after that deletion
// committed. A crash between Telegram's answer and the commit resends that
// one message after the restart: at most one duplicate per chat, never a
// loss. Deletions are group-committed: delivered messages are acknowledged
// together every ackInterval, and a chat with its next message ready waits
// for that commit — so a burst to many chats costs one fsync per interval,
// not one per message. Transient faults (429, 5xx, timeouts, resets) are retried: with
// retry_after for a 429, with backoff and jitter otherwise; only a refusal
// (4xx other than 429) drops a message, and a 403 drops the chat's whole
// queue and marks it unreachable.
type Sender struct {
	cfg    SenderConfig
	log    *slog.Logger
	global *rate.Limiter
	tokens chan struct{} // the global rate's tokens, handed by pump
	sem    chan struct{}

	mu        sync.Mutex
	chats     map[int64]*chatQueue
	queued    map[uint64]bool
	ctx       context.Context
	wg        sync.WaitGroup
	idle      *sync.Cond
	active    int
	lastSweep time.Time
	render    func(ctx context.Context, r *youthbot.Render) (*youthbot.OutFile, error)
	acked     []uint64 // delivered messages whose deletion is not committed yet
	ackGen    uint64   // generation of the acked list: flushAcked takes it as ackGen+1
	flushed   uint64   // the last generation committed
	flushMu   sync.Mutex
}

// ackInterval is how often delivered messages are deleted from the outbox
// when no chat is waiting for it.
const ackInterval = 20 * time.Millisecond

type chatQueue struct {
	id        int64
	reply     []*youthbot.Outgoing
	notify    []*youthbot.Outgoing
	running   bool
	notBefore time.Time
	failures  int
	renderErr int
	ackWant   uint64 // the ack generation that deletes its last delivered message
	perChat   *rate.Limiter
	perGroup  *rate.Limiter
	wake      chan struct{}
}

// NewSender returns a Sender; call Load, then Run.
func NewSender(cfg SenderConfig) *Sender {
	if cfg.Concurrency <= 0 {
		cfg.Concurrency = 16
	}
	if cfg.Rate <= 0 {
		cfg.Rate = 25
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	s := &Sender{
		cfg:    cfg,
		log:    cfg.Log,
		global: rate.NewLimiter(rate.Limit(cfg.Rate), globalBurst(cfg.Rate)),
		tokens: make(chan struct{}),
		sem:    make(chan struct{}, cfg.Concurrency),
		chats:  map[int64]*chatQueue{},
		queued: map[uint64]bool{},
		render: cfg.Render,
	}
	s.idle = sync.NewCond(&s.mu)
	return s
}

// SetRender sets the builder of rendered files (SenderConfig.Render); call
// it before Run.
func (s *Sender) SetRender(fn func(ctx context.Context, r *youthbot.Render) (*youthbot.OutFile, error)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.render = fn
}

// Load queues everything the outbox holds (left by a previous run).
func (s *Sender) Load() error {
	var msgs []*youthbot.Outgoing
	err := s.cfg.DB.View(func(tx *storage.Tx) error {
		var err error
		msgs, err = tx.Outbox()
		return err
	})
	if err != nil {
		return err
	}
	s.Push(msgs)
	if len(msgs) > 0 {
		s.log.Info("outbox loaded", "messages", len(msgs))
	}
	return nil
}

// Push queues committed messages for delivery. Messages already queued (by
// sequence) are ignored.
func (s *Sender) Push(msgs []*youthbot.Outgoing) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, m := range msgs {
		if s.queued[m.Seq] {
			continue
		}
		s.queued[m.Seq] = true
		q := s.chat(m.Chat)
		if m.Lane == youthbot.LaneReply {
			q.reply = append(q.reply, m)
			select {
			case q.wake <- struct{}{}:
			default:
			}
		} else {
			q.notify = append(q.notify, m)
		}
		s.start(q)
	}
}

func (s *Sender) chat(id int64) *chatQueue {
	q, ok := s.chats[id]
	if !ok {
		q = &chatQueue{id: id, perChat: rate.NewLimiter(chatRate, chatBurst), wake: make(chan struct{}, 1)}
		if id < 0 {
			q.perGroup = rate.NewLimiter(rate.Limit(groupPerMinute/60.0), chatBurst)
		}
		s.chats[id] = q
	}
	return q
}

// start runs q's goroutine if Run has started and q has none. mu is held.
func (s *Sender) start(q *chatQueue) {
	if q.running || s.ctx == nil || s.ctx.Err() != nil || len(q.reply)+len(q.notify) == 0 {
		return
	}
	q.running = true
	s.active++
	s.wg.Add(1)
	go s.serve(s.ctx, q)
}

// Run delivers until ctx ends, then waits for the calls in flight. What is
// still queued stays in the outbox for the next start.
func (s *Sender) Run(ctx context.Context) error {
	s.mu.Lock()
	s.ctx = ctx
	s.wg.Add(1)
	go s.pump(ctx)
	for _, q := range s.chats {
		s.start(q)
	}
	s.mu.Unlock()
	t := time.NewTicker(ackInterval)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			s.flushAcked()
		case <-ctx.Done():
			s.wg.Wait()
			if s.flushAcked() != nil {
				s.log.Error("delivered messages stay in the outbox; they will be sent again after the restart")
			}
			return nil
		}
	}
}

// flushAcked deletes the delivered messages from the outbox in one commit.
// On failure they are kept for the next try: a message is never resent
// while the process lives. Concurrent callers queue; each commits what was
// acknowledged before it got its turn.
func (s *Sender) flushAcked() error {
	s.flushMu.Lock()
	defer s.flushMu.Unlock()
	s.mu.Lock()
	seqs := s.acked
	s.acked = nil
	s.ackGen++
	gen := s.ackGen
	s.mu.Unlock()
	if len(seqs) == 0 {
		s.mu.Lock()
		s.flushed = gen
		s.idle.Broadcast()
		s.mu.Unlock()
		return nil
	}
	err := s.cfg.DB.Update(func(tx *storage.Tx) error {
		for _, seq := range seqs {
			if err := tx.DeleteOutgoing(seq); err != nil {
				return err
			}
		}
		return nil
	})
	s.mu.Lock()
	defer s.mu.Unlock()
	if err != nil {
		s.log.Error("outbox commit failed, retrying", "err", err)
		s.acked = append(seqs, s.acked...)
		return err
	}
	s.flushed = gen
	for _, seq := range seqs {
		delete(s.queued, seq)
	}
	s.idle.Broadcast()
	return nil
}

// awaitAck waits until the chat's last delivered message is deleted from
// the outbox by the next group commit (at most ackInterval away); false if
// ctx ends first. Only a chat with its next message ready waits, so the
// commits stay one per interval however many chats are served.
func (s *Sender) awaitAck(ctx context.Context, q *chatQueue) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.flushed >= q.ackWant {
		return true
	}
	stop := context.AfterFunc(ctx, func() {
		s.mu.Lock()
		s.idle.Broadcast()
		s.mu.Unlock()
	})
	defer stop()
	for s.flushed < q.ackWant && ctx.Err() == nil {
		s.idle.Wait()
	}
	return ctx.Err() == nil
}

// pump hands out the global rate's tokens, one to each notification ready
// to go, at most YOUTHBOT_SEND_RATE a second.
func (s *Sender) pump(ctx context.Context) {
	defer s.wg.Done()
	for {
		if err := s.global.Wait(ctx); err != nil {
			return
		}
		select {
		case s.tokens <- struct{}{}:
		case <-ctx.Done():
			return
		}
	}
}

// WaitIdle blocks until nothing is queued or ctx ends (tests, shutdown
// drains).
func (s *Sender) WaitIdle(ctx context.Context) error {
	stop := context.AfterFunc(ctx, func() {
		s.mu.Lock()
		s.idle.Broadcast()
		s.mu.Unlock()
	})
	defer stop()
	s.mu.Lock()
	defer s.mu.Unlock()
	for len(s.queued) > 0 && ctx.Err() == nil {
		s.idle.Wait()
	}
	return ctx.Err()
}

// Queued returns how many messages wait for delivery.
func (s *Sender) Queued() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.queued)
}

// serve delivers q's messages in order until it has none or ctx ends.
func (s *Sender) serve(ctx context.Context, q *chatQueue) {
	defer s.wg.Done()
	for {
		m, ok := s.next(q)
		if !ok || ctx.Err() != nil {
			s.stop(q)
			return
		}
		if wait := time.Until(q.notBefore); wait > 0 {
			if !sleep(ctx, wait, nil) {
				continue
			}
		}
		if !s.awaitAck(ctx, q) {
			continue
		}
		if m.Lane == youthbot.LaneNotify {
			if !s.notifySlot(ctx, q) {
				continue // a reply arrived first, or we are stopping
			}
		} else {
			select {
			case s.sem <- struct{}{}:
			case <-ctx.Done():
				continue
			}
		}
		err := s.deliver(ctx, m)
		<-s.sem
		s.settle(ctx, q, m, err)
	}
}

func (s *Sender) next(q *chatQueue) (*youthbot.Outgoing, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(q.reply) > 0 {
		return q.reply[0], true
	}
	if len(q.notify) > 0 {
		return q.notify[0], true
	}
	return nil, false
}

func (s *Sender) stop(q *chatQueue) {
	s.mu.Lock()
	defer s.mu.Unlock()
	q.running = false
	s.active--
	now := time.Now()
	if len(q.reply)+len(q.notify) == 0 {
		// A chat's limiters and retry_after outlive its queue until they
		// are back to rest: a chat that just had its burst must not get a
		// fresh one from a new queue.
		if q.rested(now) && q.ackWant <= s.flushed {
			delete(s.chats, q.id)
		}
	} else if s.ctx.Err() == nil {
		s.start(q) // raced with a Push
	}
	if now.Sub(s.lastSweep) > idleSweep {
		s.lastSweep = now
		for id, c := range s.chats {
			if !c.running && len(c.reply)+len(c.notify) == 0 && c.rested(now) && c.ackWant <= s.flushed {
				delete(s.chats, id)
			}
		}
	}
	s.idle.Broadcast()
}

// rested reports whether a chat's limits are as if it had sent nothing.
func (q *chatQueue) rested(now time.Time) bool {
	return !now.Before(q.notBefore) && q.perChat.TokensAt(now) >= chatBurst &&
		(q.perGroup == nil || q.perGroup.TokensAt(now) >= chatBurst)
}

// notifySlot waits until the chat's and the group's limits allow one more
// notification, then for a call slot, then for a token of the global rate.
// On success it holds a call slot (s.sem). A reply pushed meanwhile
// interrupts the wait.
func (s *Sender) notifySlot(ctx context.Context, q *chatQueue) bool {
	now := time.Now()
	rs := []*rate.Reservation{q.perChat.ReserveN(now, 1)}
	if q.perGroup != nil {
		rs = append(rs, q.perGroup.ReserveN(now, 1))
	}
	var delay time.Duration
	for _, r := range rs {
		delay = max(delay, r.DelayFrom(now))
	}
	if delay > 0 && !sleep(ctx, delay, q.wake) {
		for _, r := range rs {
			r.Cancel()
		}
		return false
	}
	select {
	case s.sem <- struct{}{}:
	case <-q.wake:
		return false
	case <-ctx.Done():
		return false
	}
	select {
	case <-s.tokens:
		return true
	case <-q.wake:
	case <-ctx.Done():
	}
	<-s.sem
	return false
}

// sleep waits d; it returns false early if ctx ends or wake fires.
func sleep(ctx context.Context, d time.Duration, wake chan struct{}) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	case <-wake:
		return false
	}
}

// renderError is a failure to build a message's file (Outgoing.Render).
type renderError struct{ err error }

func (e *renderError) Error() string { return "render: " + e.err.Error() }
func (e *renderError) Unwrap() error { return e.err }

func (s *Sender) deliver(ctx context.Context, m *youthbot.Outgoing) error {
	file := m.File
	if file == nil && m.Render != nil {
		s.mu.Lock()
		render := s.render
		s.mu.Unlock()
		if render == nil {
			return &renderError{errors.New("no renderer configured")}
		}
		f, err := render(ctx, m.Render)
		if err != nil {
			return &renderError{err}
		}
		file = f
	}
	var err error
	if file != nil {
		_, err = s.cfg.API.Upload(m.Method, m.Params, file.Field, file.Name, file.Data)
	} else {
		_, err = s.cfg.API.Call(m.Method, m.Params)
	}
	return err
}

// settle records the outcome of one attempt.
func (s *Sender) settle(ctx context.Context, q *chatQueue, m *youthbot.Outgoing, err error) {
	var ae *bot.APIError
	errors.As(err, &ae)
	var re *renderError
	switch {
	case errors.As(err, &re):
		q.renderErr++
		if q.renderErr >= renderAttempts {
			s.log.Error("cannot build the file of a message, dropping it", "chat", m.Chat, "notice", m.Notice, "err", err)
			q.renderErr = 0
			s.finish(ctx, q, m, nil)
			return
		}
		q.notBefore = time.Now().Add(retryWait(q.renderErr))
		s.log.Warn("cannot build the file of a message, will retry", "chat", m.Chat, "notice", m.Notice, "err", err)
	case err == nil:
		q.failures, q.renderErr = 0, 0
		s.finish(ctx, q, m, nil)
	case ae != nil && ae.MigrateTo != 0:
		s.migrate(ctx, q, ae.MigrateTo)
	case ae != nil && ae.Blocked():
		s.log.Info("chat unreachable, dropping its queue", "chat", m.Chat, "err", err)
		s.blocked(ctx, q)
	case ae == nil || ae.Temporary:
		q.failures++
		wait := retryWait(q.failures)
		if ae != nil && ae.RetryAfter > 0 {
			wait = ae.RetryAfter
		}
		q.notBefore = time.Now().Add(wait)
		s.log.Warn("send failed, will retry", "chat", m.Chat, "method", m.Method, "notice", m.Notice, "retry_in", wait, "err", err)
	default:
		if !strings.Contains(ae.Description, "message is not modified") {
			s.log.Warn("send refused, dropping message", "chat", m.Chat, "method", m.Method, "notice", m.Notice, "err", err)
		}
		s.finish(ctx, q, m, nil)
	}
}

// retryWait is the backoff after n consecutive failures: 1s doubling to 5
// minutes, with jitter.
func retryWait(n int) time.Duration {
	d := time.Second << min(n-1, 9)
	d = min(d, 5*time.Minute)
	return d/2 + time.Duration(rand.Int64N(int64(d/2)+1))
}

// finish deletes a settled message from the outbox (group-committed with
// the other chats' deletions) and then from the queue. extra runs in the
// same transaction. A failing commit is retried until ctx ends; then the
// message stays in the outbox (and in the queue) for the next start.
func (s *Sender) finish(ctx context.Context, q *chatQueue, m *youthbot.Outgoing, extra func(*storage.Tx) error) bool {
	if extra == nil {
		// The usual case: acknowledged with others (flushAcked); the
		// chat's next message waits for it (awaitAck).
		s.mu.Lock()
		defer s.mu.Unlock()
		if len(q.reply) > 0 && q.reply[0] == m {
			q.reply = q.reply[1:]
		} else if len(q.notify) > 0 && q.notify[0] == m {
			q.notify = q.notify[1:]
		}
		s.acked = append(s.acked, m.Seq) // stays queued until flushAcked commits
		q.ackWant = s.ackGen + 1
		return true
	}
	for wait := time.Duration(0); ; {
		err := s.cfg.DB.Batch(func(tx *storage.Tx) error {
			if err := tx.DeleteOutgoing(m.Seq); err != nil {
				return err
			}
			if extra != nil {
				return extra(tx)
			}
			return nil
		})
		if err == nil {
			break
		}
		wait = min(max(wait*2, 100*time.Millisecond), 10*time.Second)
		s.log.Error("outbox commit failed, retrying", "err", err, "retry_in", wait)
		if !sleep(ctx, wait, nil) {
			return false
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(q.reply) > 0 && q.reply[0] == m {
		q.reply = q.reply[1:]
	} else if len(q.notify) > 0 && q.notify[0] == m {
		q.notify = q.notify[1:]
	}
	delete(s.queued, m.Seq)
	s.idle.Broadcast()
	return true
}

// blocked drops everything queued for a chat that refuses the bot: a
// private chat's user is marked unreachable, a group's link is removed.
// The dropped messages' idempotency keys are forgotten, so that a job may
// queue them again once the chat is reachable (a tally not yet received).
func (s *Sender) blocked(ctx context.Context, q *chatQueue) {
	s.mu.Lock()
	msgs := append(append([]*youthbot.Outgoing{}, q.reply...), q.notify...)
	s.mu.Unlock()
	for i, m := range msgs {
		extra := func(tx *storage.Tx) error { return tx.ForgetOutboxKey(m.Key) }
		if i == 0 {
			extra = func(tx *storage.Tx) error {
				if err := tx.ForgetOutboxKey(m.Key); err != nil {
					return err
				}
				if q.id > 0 {
					if err := markUnreachable(tx, q.id); err != nil {
						return err
					}
				} else if _, _, err := tx.UnlinkGroup(q.id); err != nil {
					return err
				}
				if s.cfg.OnBlocked != nil {
					return s.cfg.OnBlocked(tx, q.id)
				}
				return nil
			}
		}
		if !s.finish(ctx, q, m, extra) {
			return
		}
	}
}

func markUnreachable(tx *storage.Tx, id int64) error {
	u, found, err := tx.User(id)
	if err != nil || u.Unreachable {
		return err
	}
	if !found {
		u = youthbot.User{ID: id}
	}
	u.Unreachable = true
	return tx.PutUser(u)
}

// migrate moves what waits for a group (the message refused first among it)
// to the supergroup the group became, with the group's link.
func (s *Sender) migrate(ctx context.Context, q *chatQueue, to int64) {
	s.mu.Lock()
	msgs := append(append([]*youthbot.Outgoing{}, q.reply...), q.notify...)
	s.mu.Unlock()
	s.log.Info("group migrated, moving its queue", "from", q.id, "to", to)
	moved := make([]*youthbot.Outgoing, 0, len(msgs))
	for i, old := range msgs {
		n := *old
		n.Chat = to
		n.Params = make(map[string]string, len(old.Params))
		for k, v := range old.Params {
			n.Params[k] = v
		}
		n.Params["chat_id"] = strconv.FormatInt(to, 10)
		extra := func(tx *storage.Tx) error {
			n.Seq = 0
			n.Key = "" // the key stays recorded for the old message
			if _, err := tx.Enqueue(&n); err != nil {
				return err
			}
			if i > 0 {
				return nil
			}
			if err := tx.MoveGroup(q.id, to); err != nil {
				return err
			}
			if s.cfg.OnMigrated != nil {
				return s.cfg.OnMigrated(tx, q.id, to)
			}
			return nil
		}
		if !s.finish(ctx, q, old, extra) {
			break
		}
		moved = append(moved, &n)
	}
	s.Push(moved)
}
