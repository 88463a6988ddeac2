package outbox

import (
	"context"
	"encoding/json"
	"log/slog"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"youthbot"
	"youthbot/storage"
)

// Caller makes Bot API calls; *telegram.API is one. Its failures are
// *telegram.APIError (classified: retry, blocked, flood wait, migrated).
type Caller interface {
	Call(method string, params map[string]string) (json.RawMessage, error)
	Upload(method string, params map[string]string, field, name string, data []byte) (json.RawMessage, error)
}

// SendRecorder is told what the Sender does that monitoring should see;
// *metrics.Registry implements it.
type SendRecorder interface {
	// FloodWait records a 429 taken as the bot's own flood limit (the
	// chat's limits were respected): every chat waited retryAfter.
	FloodWait(retryAfter time.Duration)
}

// SenderConfig configures a Sender.
type SenderConfig struct {
	DB  *storage.DB
	API Caller
	// Rate is the messages per second, all chats and both lanes together
	// (YOUTHBOT_SEND_RATE): replies take it first, notifications get what
	// is left.
	Rate float64
	// Concurrency bounds the API calls in flight; 0 means 16. A quarter of
	// them (at least one when there are 4) is kept for replies.
	Concurrency int
	Log         *slog.Logger
	Recorder    SendRecorder // nil: nobody
	// Render builds the file of a message that names one (Outgoing.Render)
	// at delivery time: the scheduler's tally builder
	// (scheduler.Scheduler.Tallies().Render), given with SetRender once the
	// scheduler exists.
	Render func(ctx context.Context, r *youthbot.Render) (*youthbot.OutFile, error)
	// CoalesceGap spaces the deliveries of messages of one Coalesce name
	// (a live summary's edits): 0 means 5 s.
	CoalesceGap time.Duration
	// MergeHold is how long a chat's notifications wait after a mergeable
	// notice (Outgoing.Merge) is pushed for it, for others to join it, so
	// that the jobs of one minute (two campaigns' reminders and a tally,
	// say) reach a group as one message: 0 means 2 s, below 0 none.
	MergeHold time.Duration
}

// Per-chat limits (Telegram's Bots FAQ: about 1 message a second in a chat, 20 a minute in a group).
const (
	chatRate       = 1.0 // per second, sustained
	chatBurst      = 3
	groupPerMinute = 20
)

// globalBurst is the global limiter's burst: 50 ms worth of messages (at
// least 1). A dispatcher delayed by a loaded machine makes up at most that
// much, so the rate holds over a second even when the process is not
// scheduled on time, and any second carries at most rate + burst messages.
func globalBurst(r float64) int { return max(1, int(r/20)) }

// renderAttempts is how many times in a row building a message's file
// (Outgoing.Render) may fail before the message is dropped.
const renderAttempts = 5

// idleSweep is how often the state of chats with nothing left to send is
// forgotten (once their limits are at rest again).
const idleSweep = 2 * time.Second

// ackInterval is how often delivered messages are deleted from the outbox.
const ackInterval = 20 * time.Millisecond

// Sender delivers the outbox.
//
// One dispatcher picks every message that goes: the oldest ready reply of
// any chat first, else the oldest ready notification. A chat is ready when
// nothing of it is in flight, its previous message's deletion committed,
// its retry wait is over and, for a notification, its own limits (1/s,
// burst 3; 20/min for a group) allow one more. The dispatcher takes a token
// of the global rate (YOUTHBOT_SEND_RATE) only once a message can go, and
// picks the message after it got the token: a reply that arrived meanwhile
// goes first. Replies thus take the rate first, notifications get what is
// left, and nothing waits holding a call slot: a slot is taken only for the
// call itself, and a quarter of them are kept for replies, so a reply never
// waits behind notifications (a tally's files being built, say). Tokens are
// not reserved ahead to be used late: after a stall (GC, a slow disk, a
// loaded machine) at most the limiter's small burst (globalBurst: 50 ms
// worth) goes at once.
//
// A 429 for a chat whose own limits were respected is the bot's flood
// limit: every chat waits its retry_after (counted, SendRecorder). A 429
// after a chat went over its limit (replies may) is that chat's.
//
// Paging: notifications are not held in memory. The sender reads the
// outbox in queue order (storage.Tx.OutboxHeads: sequence, chat, lane)
// while fewer than windowChats chats have notifications in hand, keeps
// only their sequences, and reads each message when it sends it. Replies
// (few, and urgent) are held: they come with Push, and Load finds those a
// previous run left. Memory therefore stays flat however large a
// broadcast, and a message removed from the outbox meanwhile (an erasure)
// is not sent.
//
// Exactly-once: a message is deleted from the outbox only after Telegram
// accepted it, and a chat's next message is sent only after that deletion
// committed. A crash between Telegram's answer and the commit resends that
// one message after the restart: at most one duplicate per chat, never a
// loss. Deletions are group-committed: delivered messages are acknowledged
// together every ackInterval, and a chat with its next message ready waits
// for that commit — so a burst to many chats costs one fsync per interval,
// not one per message. Transient faults (429, 5xx, timeouts, resets) are
// retried: with retry_after for a 429, with backoff and jitter otherwise;
// only a refusal (4xx other than 429) drops a message (a photo with
// buttons is sent as text instead), and a 403 drops the chat's messages in
// hand and marks it unreachable.
type Sender struct {
	cfg         SenderConfig
	log         *slog.Logger
	global      *rate.Limiter
	notifySlots int // call slots notifications may use

	mu        sync.Mutex
	ctx       context.Context
	render    func(ctx context.Context, r *youthbot.Render) (*youthbot.OutFile, error)
	chats     map[int64]*chatQueue
	ready     [2]chatHeap // ready chats by lane, oldest head first
	timers    timerHeap   // chats waiting for a time
	ackWait   []*chatQueue
	inflight  [2]int    // calls in flight by lane
	pause     time.Time // bot-wide flood wait: nothing goes before
	lastSweep time.Time
	wake      chan struct{} // the dispatcher's
	idle      *sync.Cond
	wg        sync.WaitGroup

	// held counts the messages taken from the outbox and not yet deleted
	// from it (queued, in flight, or acknowledged and not committed).
	held    int
	replies map[uint64]bool // replies held, by sequence

	coalesced map[string]time.Time // when a message of each Coalesce name was last delivered

	page pager // paging of notifications (sender_page.go)

	acked   []uint64 // delivered messages whose deletion is not committed yet
	sent    []sentID // ids of delivered messages to keep, committed with acked
	ackGen  uint64   // generation of the acked list: flushAcked takes it as ackGen+1
	flushed uint64   // the last generation committed
	flushMu sync.Mutex
}

// NewSender returns a Sender; call Load, then Run.
func NewSender(cfg SenderConfig) *Sender {
	if cfg.Concurrency <= 0 {
		cfg.Concurrency = 16
	}
	if cfg.Rate <= 0 {
		cfg.Rate = 25
	}
	if cfg.CoalesceGap <= 0 {
		cfg.CoalesceGap = 5 * time.Second
	}
	if cfg.MergeHold == 0 {
		cfg.MergeHold = 2 * time.Second
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	s := &Sender{
		cfg:         cfg,
		log:         cfg.Log,
		global:      rate.NewLimiter(rate.Limit(cfg.Rate), globalBurst(cfg.Rate)),
		notifySlots: max(1, cfg.Concurrency-cfg.Concurrency/4),
		chats:       map[int64]*chatQueue{},
		replies:     map[uint64]bool{},
		coalesced:   map[string]time.Time{},
		render:      cfg.Render,
		wake:        make(chan struct{}, 1),
	}
	s.page.init()
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

// Load takes over what the outbox holds (left by a previous run): the
// replies, which go first, and where the notifications start, which are
// then read page by page as they are sent.
func (s *Sender) Load() error {
	var replies []*youthbot.Outgoing
	var notes int
	var last uint64
	err := s.cfg.DB.View(func(tx *storage.Tx) error {
		var seqs []uint64
		err := tx.OutboxHeads(0, func(seq uint64, _ int64, lane youthbot.Lane) bool {
			last = seq
			if lane == youthbot.LaneReply {
				seqs = append(seqs, seq)
			} else {
				notes++
			}
			return true
		})
		if err != nil {
			return err
		}
		for _, seq := range seqs {
			m, found, err := tx.Outgoing(seq)
			if err != nil {
				return err
			}
			if found {
				replies = append(replies, m)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	s.mu.Lock()
	s.page.loaded(last, notes)
	s.mu.Unlock()
	s.Push(replies)
	if len(replies)+notes > 0 {
		s.log.Info("outbox loaded", "replies", len(replies), "notifications", notes)
	}
	return nil
}

// Push hands committed messages to the sender. Replies are taken as they
// are (one already held, by sequence, is ignored); notifications are read
// from the outbox in their turn.
func (s *Sender) Push(msgs []*youthbot.Outgoing) {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := time.Now()
	var notes bool
	for _, m := range msgs {
		if m.Lane != youthbot.LaneReply {
			s.gather(m, now)
			s.page.pushed(m.Seq)
			notes = true
			continue
		}
		if s.replies[m.Seq] {
			continue
		}
		s.replies[m.Seq] = true
		s.held++
		q := s.chat(m.Chat)
		q.replies = append(q.replies, m)
		s.place(q, now)
	}
	if notes {
		s.page.kick()
	}
	s.kick()
}

// Run delivers until ctx ends, then waits for the calls in flight. What is
// still queued stays in the outbox for the next start.
func (s *Sender) Run(ctx context.Context) error {
	s.mu.Lock()
	s.ctx = ctx
	s.wg.Add(2)
	go s.dispatch(ctx)
	go s.scan(ctx)
	s.mu.Unlock()
	t := time.NewTicker(ackInterval)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			s.flushAcked()
			s.sweep(time.Now())
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
	seqs, sent := s.acked, s.sent
	s.acked, s.sent = nil, nil
	s.ackGen++
	gen := s.ackGen
	s.mu.Unlock()
	var err error
	if len(seqs) > 0 || len(sent) > 0 {
		err = s.cfg.DB.Update(func(tx *storage.Tx) error {
			for _, seq := range seqs {
				if err := tx.DeleteOutgoing(seq); err != nil {
					return err
				}
			}
			for _, m := range sent {
				if err := tx.PutSent(m.name, m.chat, m.id, m.delivered); err != nil {
					return err
				}
			}
			return nil
		})
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err != nil {
		s.log.Error("outbox commit failed, retrying", "err", err)
		s.acked = append(seqs, s.acked...)
		s.sent = append(sent, s.sent...)
		return err
	}
	s.flushed = gen
	s.held -= len(seqs)
	for _, seq := range seqs {
		delete(s.replies, seq)
	}
	if len(s.ackWait) > 0 {
		now := time.Now()
		waiting := s.ackWait
		s.ackWait = nil
		for _, q := range waiting {
			q.where = nowhere
			s.place(q, now)
		}
		s.kick()
	}
	s.idle.Broadcast()
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
	for (s.held > 0 || !s.page.caughtUp()) && ctx.Err() == nil {
		s.idle.Wait()
	}
	return ctx.Err()
}

// Queued returns how many messages wait for delivery: those in hand and
// those known to wait in the outbox.
func (s *Sender) Queued() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.held + s.page.unread()
}
