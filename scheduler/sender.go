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
	// Hooks run in the transaction that settles a message, so a group's
	// link follows its migration atomically with the message.
	OnBlocked  func(tx *storage.Tx, chat int64) error
	OnMigrated func(tx *storage.Tx, from, to int64) error
}

// Per-chat limits of notifications (Telegram's Bots FAQ, PRODUCT.md §6).
const (
	chatRate       = 1.0 // per second, sustained
	chatBurst      = 3
	groupPerMinute = 20
)

// Sender delivers the outbox. Each chat has its own ordered queues (replies
// before notifications) served by one goroutine while it has work, so a
// slow or rate-limited chat never holds up the others.
//
// Exactly-once: a message is deleted from the outbox only after Telegram
// accepted it, and a chat's next message is sent only after that deletion
// committed. A crash between Telegram's answer and the commit resends that
// one message after the restart: at most one duplicate per chat, never a
// loss.
type Sender struct {
	cfg    SenderConfig
	log    *slog.Logger
	global *rate.Limiter
	sem    chan struct{}

	mu     sync.Mutex
	chats  map[int64]*chatQueue
	queued map[uint64]bool
	ctx    context.Context
	wg     sync.WaitGroup
	idle   *sync.Cond
	active int
}

type chatQueue struct {
	id        int64
	reply     []*youthbot.Outgoing
	notify    []*youthbot.Outgoing
	running   bool
	notBefore time.Time
	failures  int
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
		global: rate.NewLimiter(rate.Limit(cfg.Rate), 1),
		sem:    make(chan struct{}, cfg.Concurrency),
		chats:  map[int64]*chatQueue{},
		queued: map[uint64]bool{},
	}
	s.idle = sync.NewCond(&s.mu)
	return s
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
	for _, q := range s.chats {
		s.start(q)
	}
	s.mu.Unlock()
	<-ctx.Done()
	s.wg.Wait()
	return nil
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
		if m.Lane == youthbot.LaneNotify && !s.notifySlot(ctx, q) {
			continue // a reply arrived first, or we are stopping
		}
		select {
		case s.sem <- struct{}{}:
		case <-ctx.Done():
			continue
		}
		err := s.deliver(m)
		<-s.sem
		s.settle(q, m, err)
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
	if len(q.reply)+len(q.notify) == 0 {
		delete(s.chats, q.id) // its limiters are back to full after a second anyway
	} else if s.ctx.Err() == nil {
		s.start(q) // raced with a Push
	}
	s.idle.Broadcast()
}

// notifySlot waits until the chat's, the group's and the global rate allow
// one more notification. A reply pushed meanwhile interrupts the wait.
func (s *Sender) notifySlot(ctx context.Context, q *chatQueue) bool {
	now := time.Now()
	rs := []*rate.Reservation{q.perChat.ReserveN(now, 1)}
	if q.perGroup != nil {
		rs = append(rs, q.perGroup.ReserveN(now, 1))
	}
	rs = append(rs, s.global.ReserveN(now, 1))
	var delay time.Duration
	for _, r := range rs {
		delay = max(delay, r.DelayFrom(now))
	}
	if delay == 0 || sleep(ctx, delay, q.wake) {
		return true
	}
	for _, r := range rs {
		r.Cancel()
	}
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

func (s *Sender) deliver(m *youthbot.Outgoing) error {
	var err error
	if m.File != nil {
		_, err = s.cfg.API.Upload(m.Method, m.Params, m.File.Field, m.File.Name, m.File.Data)
	} else {
		_, err = s.cfg.API.Call(m.Method, m.Params)
	}
	return err
}

// settle records the outcome of one attempt.
func (s *Sender) settle(q *chatQueue, m *youthbot.Outgoing, err error) {
	var ae *bot.APIError
	errors.As(err, &ae)
	switch {
	case err == nil:
		q.failures = 0
		s.finish(q, m, nil)
	case ae != nil && ae.MigrateTo != 0:
		s.migrate(q, m, ae.MigrateTo)
	case ae != nil && ae.Blocked():
		s.log.Info("chat unreachable, dropping its queue", "chat", m.Chat, "err", err)
		s.blocked(q)
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
		s.finish(q, m, nil)
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
// same transaction.
func (s *Sender) finish(q *chatQueue, m *youthbot.Outgoing, extra func(*storage.Tx) error) {
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
		time.Sleep(wait)
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
}

// blocked drops everything queued for a chat that refuses the bot and marks
// a private chat's user unreachable.
func (s *Sender) blocked(q *chatQueue) {
	s.mu.Lock()
	msgs := append(append([]*youthbot.Outgoing{}, q.reply...), q.notify...)
	s.mu.Unlock()
	for i, m := range msgs {
		var extra func(*storage.Tx) error
		if i == 0 {
			extra = func(tx *storage.Tx) error {
				if q.id > 0 {
					if err := markUnreachable(tx, q.id); err != nil {
						return err
					}
				}
				if s.cfg.OnBlocked != nil {
					return s.cfg.OnBlocked(tx, q.id)
				}
				return nil
			}
		}
		s.finish(q, m, extra)
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

// migrate moves a message (and what else waits for the chat) to the
// supergroup the group became.
func (s *Sender) migrate(q *chatQueue, m *youthbot.Outgoing, to int64) {
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
		var extra func(*storage.Tx) error
		extra = func(tx *storage.Tx) error {
			n.Seq = 0
			n.Key = "" // the key stays recorded for the old message
			if _, err := tx.Enqueue(&n); err != nil {
				return err
			}
			if i == 0 && s.cfg.OnMigrated != nil {
				return s.cfg.OnMigrated(tx, q.id, to)
			}
			return nil
		}
		s.finish(q, old, extra)
		moved = append(moved, &n)
	}
	s.Push(moved)
}
