package outbox

import (
	"container/heap"
	"context"
	"encoding/json"
	"errors"
	"time"

	"youthbot"
	"youthbot/storage"
)

// Lanes index the sender's per-lane state.
const (
	laneReply  = int(youthbot.LaneReply)
	laneNotify = int(youthbot.LaneNotify)
)

// Where a chat waits.
const (
	nowhere   = iota
	inReady   // s.ready[lane]: it can send now
	inTimers  // s.timers: until readyAt
	inAckWait // s.ackWait: until its last delivery's deletion commits
)

// chatQueue is a chat's state: what it has in hand (its replies, the
// sequences of its notifications), its limits and retry wait.
type chatQueue struct {
	id        int64
	replies   []*youthbot.Outgoing
	notify    []uint64 // sequences, in queue order; read at delivery
	inflight  bool
	notBefore time.Time // retry wait
	failures  int
	renderErr int
	gatherAt  time.Time // a mergeable notice was pushed: notifications wait to MergeHold after it
	ackWant   uint64    // the ack generation that deletes its last delivered message
	perChat   bucket
	perGroup  bucket // groups only

	where   int
	lane    int       // with inReady: which heap
	index   int       // in its heap
	readyAt time.Time // with inTimers
}

func (q *chatQueue) empty() bool { return len(q.replies)+len(q.notify) == 0 }

func (q *chatQueue) group() bool { return q.id < 0 }

// bucket is a token bucket for one chat, full when new.
type bucket struct {
	used   bool
	tokens float64
	last   time.Time
}

func (b *bucket) at(now time.Time, rate, burst float64) float64 {
	if !b.used {
		return burst
	}
	return min(burst, b.tokens+now.Sub(b.last).Seconds()*rate)
}

// readyAt is when the bucket holds a token.
func (b *bucket) readyAt(now time.Time, rate, burst float64) time.Time {
	t := b.at(now, rate, burst)
	if t >= 1-1e-9 {
		return now
	}
	return now.Add(time.Duration((1-t)/rate*float64(time.Second)) + time.Microsecond)
}

// take uses a token; without one (a reply may go anyway) the bucket is
// left empty, not in debt. It reports whether a token was there.
func (b *bucket) take(now time.Time, rate, burst float64) bool {
	t := b.at(now, rate, burst)
	b.used, b.last = true, now
	if t >= 1-1e-9 {
		b.tokens = t - 1
		return true
	}
	b.tokens = 0
	return false
}

const groupRate = groupPerMinute / 60.0

// rested reports whether a chat's limits are as if it had sent nothing.
func (q *chatQueue) rested(now time.Time) bool {
	return !now.Before(q.notBefore) && q.perChat.at(now, chatRate, chatBurst) >= chatBurst &&
		(!q.group() || q.perGroup.at(now, groupRate, chatBurst) >= chatBurst)
}

// chatHeap orders ready chats by the sequence of their next message.
type chatHeap []*chatQueue

func (h chatHeap) Len() int { return len(h) }
func (h chatHeap) Less(i, j int) bool {
	return h[i].head(h[i].lane) < h[j].head(h[j].lane)
}
func (h chatHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i]; h[i].index = i; h[j].index = j }
func (h *chatHeap) Push(x any)   { q := x.(*chatQueue); q.index = len(*h); *h = append(*h, q) }
func (h *chatHeap) Pop() any {
	old := *h
	q := old[len(old)-1]
	old[len(old)-1] = nil
	*h = old[:len(old)-1]
	return q
}

func (q *chatQueue) head(lane int) uint64 {
	if lane == laneReply {
		return q.replies[0].Seq
	}
	return q.notify[0]
}

// timerHeap orders waiting chats by the time they may send.
type timerHeap []*chatQueue

func (h timerHeap) Len() int           { return len(h) }
func (h timerHeap) Less(i, j int) bool { return h[i].readyAt.Before(h[j].readyAt) }
func (h timerHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i]; h[i].index = i; h[j].index = j }
func (h *timerHeap) Push(x any)        { q := x.(*chatQueue); q.index = len(*h); *h = append(*h, q) }
func (h *timerHeap) Pop() any {
	old := *h
	q := old[len(old)-1]
	old[len(old)-1] = nil
	*h = old[:len(old)-1]
	return q
}

// chat returns the state of chat id, creating it. mu is held.
func (s *Sender) chat(id int64) *chatQueue {
	q, ok := s.chats[id]
	if !ok {
		q = &chatQueue{id: id}
		s.chats[id] = q
	}
	return q
}

// unplace takes q out of a ready heap or the timers. mu is held.
func (s *Sender) unplace(q *chatQueue) {
	switch q.where {
	case inReady:
		heap.Remove(&s.ready[q.lane], q.index)
	case inTimers:
		heap.Remove(&s.timers, q.index)
	case inAckWait:
		return // stays until the commit (flushAcked)
	}
	q.where = nowhere
}

// place puts q where it waits for its next message, after any change to
// it. mu is held.
func (s *Sender) place(q *chatQueue, now time.Time) {
	if q.where == inAckWait {
		return
	}
	s.unplace(q)
	if q.inflight || q.empty() {
		return
	}
	if q.ackWant > s.flushed {
		q.where = inAckWait
		s.ackWait = append(s.ackWait, q)
		return
	}
	at, lane := q.notBefore, laneReply
	if len(q.replies) == 0 {
		lane = laneNotify
		at = later(at, q.perChat.readyAt(now, chatRate, chatBurst))
		if !q.gatherAt.IsZero() {
			at = later(at, q.gatherAt.Add(s.cfg.MergeHold))
		}
		if q.group() {
			at = later(at, q.perGroup.readyAt(now, groupRate, chatBurst))
		}
	}
	if at.After(now) {
		q.where, q.readyAt = inTimers, at
		heap.Push(&s.timers, q)
		return
	}
	q.where, q.lane = inReady, lane
	heap.Push(&s.ready[lane], q)
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// promote moves the chats whose wait is over to the ready heaps. mu is
// held.
func (s *Sender) promote(now time.Time) {
	for len(s.timers) > 0 && !s.timers[0].readyAt.After(now) {
		q := heap.Pop(&s.timers).(*chatQueue)
		q.where = nowhere
		s.place(q, now)
	}
}

// pick returns the chat whose message goes next and its lane: the oldest
// ready reply while a call slot is free, else the oldest ready
// notification while one of theirs is. mu is held.
func (s *Sender) pick(now time.Time) (*chatQueue, int) {
	if now.Before(s.pause) {
		return nil, 0
	}
	busy := s.inflight[laneReply] + s.inflight[laneNotify]
	if len(s.ready[laneReply]) > 0 && busy < s.cfg.Concurrency {
		return s.ready[laneReply][0], laneReply
	}
	if len(s.ready[laneNotify]) > 0 && busy < s.cfg.Concurrency && s.inflight[laneNotify] < s.notifySlots {
		return s.ready[laneNotify][0], laneNotify
	}
	return nil, 0
}

// nextWake is how long the dispatcher may sleep when nothing is ready: to
// the end of a flood wait or the first timer; 0 for no limit. mu is held.
func (s *Sender) nextWake(now time.Time) time.Duration {
	var at time.Time
	if now.Before(s.pause) {
		at = s.pause
	} else if len(s.timers) > 0 {
		at = s.timers[0].readyAt
	}
	if at.IsZero() {
		return 0
	}
	return max(at.Sub(now), time.Microsecond)
}

// kick wakes the dispatcher. mu may be held.
func (s *Sender) kick() {
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// send is one message on its way.
type send struct {
	q      *chatQueue
	lane   int
	msg    *youthbot.Outgoing // a reply; nil for a notification, read at delivery
	seq    uint64
	within bool     // the chat's own limits allowed it (a 429 is then the bot's)
	sent   *sentID  // a delivered message to keep the id of (Outgoing.Track)
	next   []uint64 // notifications queued after it in its chat, to merge (sender_merge.go)
	merged []uint64 // those delivered with it, settled with it once delivered
}

// sentID is the id Telegram gave a delivered message with a Track name.
type sentID struct {
	name      string
	chat, id  int64
	delivered time.Time
}

// dispatch sends the outbox: one message at a time is picked, given a
// token of the global rate and a call slot, and handed to a goroutine.
func (s *Sender) dispatch(ctx context.Context) {
	defer s.wg.Done()
	t := time.NewTimer(time.Hour)
	t.Stop()
	for {
		s.mu.Lock()
		now := time.Now()
		s.promote(now)
		q, _ := s.pick(now)
		wait := s.nextWake(now)
		s.mu.Unlock()
		if q == nil {
			if wait > 0 {
				t.Reset(wait)
			}
			select {
			case <-s.wake:
			case <-t.C:
			case <-ctx.Done():
				return
			}
			t.Stop()
			continue
		}
		// Something can go: a token, then whatever is best at that moment.
		r := s.global.ReserveN(now, 1)
		if d := r.DelayFrom(now); d > 0 {
			t.Reset(d)
			select {
			case <-t.C:
			case <-ctx.Done():
				r.Cancel()
				return
			}
		}
		s.mu.Lock()
		now = time.Now()
		s.promote(now)
		q, lane := s.pick(now)
		if q == nil {
			s.mu.Unlock()
			r.CancelAt(now)
			continue
		}
		sd := s.take(q, lane, now)
		s.wg.Add(1)
		s.mu.Unlock()
		go s.attempt(ctx, sd)
	}
}

// take marks q's next message of lane as in flight and charges the chat's
// limits. mu is held.
func (s *Sender) take(q *chatQueue, lane int, now time.Time) send {
	s.unplace(q)
	q.inflight = true
	s.inflight[lane]++
	sd := send{q: q, lane: lane}
	sd.within = q.perChat.take(now, chatRate, chatBurst)
	if q.group() {
		sd.within = q.perGroup.take(now, groupRate, chatBurst) && sd.within
	}
	if lane == laneReply {
		sd.msg = q.replies[0]
		sd.seq = sd.msg.Seq
	} else {
		sd.seq = q.notify[0]
		sd.next = q.followers()
	}
	return sd
}

// attempt makes one delivery attempt and settles it. The message is read
// from the outbox right before the call, replies too (the sender holds
// them in memory only to order them): what an erasure (/forgetme) removed
// or rewrote meanwhile is not sent, or sent as it now stands.
func (s *Sender) attempt(ctx context.Context, sd send) {
	defer s.wg.Done()
	var m, out *youthbot.Outgoing
	var found bool
	err := s.cfg.DB.View(func(tx *storage.Tx) error {
		var err error
		m, found, err = tx.Outgoing(sd.seq)
		if err == nil && found {
			latestTarget(tx, m)
			out, sd.merged, err = merge(tx, m, sd.next)
		}
		return err
	})
	if err == nil && !found {
		s.gone(sd) // removed from the outbox meanwhile (an erasure)
		return
	}
	if err != nil {
		err = &readError{err}
	}
	if err == nil && m.Coalesce != "" {
		if wait := s.spacing(m.Coalesce); wait > 0 {
			s.retry(sd, wait) // read again then: a newer state may have replaced it
			return
		}
	}
	var result json.RawMessage
	if err == nil {
		result, err = s.deliver(ctx, out)
	}
	if err != nil {
		sd.merged = nil // they go on their own (or merged again at the retry)
	}
	if err == nil && m.Track != "" {
		sd.sent = trackSent(m, result)
	}
	if err == nil && m.Coalesce != "" {
		s.mu.Lock()
		s.coalesced[m.Coalesce] = time.Now()
		s.mu.Unlock()
	}
	s.settle(ctx, sd, m, err)
}

// spacing is how long a message of the Coalesce name must still wait:
// one of that name was delivered less than CoalesceGap ago.
func (s *Sender) spacing(name string) time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	last, ok := s.coalesced[name]
	if !ok {
		return 0
	}
	return max(0, s.cfg.CoalesceGap-time.Since(last))
}

func (s *Sender) deliver(ctx context.Context, m *youthbot.Outgoing) (json.RawMessage, error) {
	file := m.File
	if file == nil && m.Render != nil {
		s.mu.Lock()
		render := s.render
		s.mu.Unlock()
		if render == nil {
			return nil, &renderError{errors.New("no renderer configured")}
		}
		f, err := render(ctx, m.Render)
		if err != nil {
			return nil, &renderError{err}
		}
		file = f
	}
	if file != nil {
		return s.cfg.API.Upload(m.Method, m.Params, file.Field, file.Name, file.Data)
	}
	return s.cfg.API.Call(m.Method, m.Params)
}

// sweep forgets the state of chats with nothing in hand whose limits are
// at rest, every idleSweep.
func (s *Sender) sweep(now time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if now.Sub(s.lastSweep) < idleSweep {
		return
	}
	s.lastSweep = now
	for name, at := range s.coalesced {
		if now.Sub(at) >= s.cfg.CoalesceGap {
			delete(s.coalesced, name)
		}
	}
	for id, q := range s.chats {
		if q.where == nowhere && !q.inflight && q.empty() && q.ackWant <= s.flushed && q.rested(now) {
			delete(s.chats, id)
		}
	}
}
