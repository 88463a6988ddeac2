package telegramtest

import (
	"math"
	"time"
)

// Limits are flood limits the double enforces on sendMessage, sendPhoto and
// sendDocument (edits and other calls are not counted). A zero field means
// no limit. Telegram's own, as its Bots FAQ states them, are about
// Global 30, PerChat 1 with short bursts, PerGroupPerMinute 20.
type Limits struct {
	Global            float64 // messages per second over all chats; bursts of up to ceil(Global)
	PerChat           float64 // messages per second to one chat
	PerChatBurst      int     // burst allowed per chat; 0 means 1
	PerGroupPerMinute int     // messages per minute to one group or supergroup, all at once at most
}

// SetLimits replaces the limits and forgets past traffic.
func (s *Server) SetLimits(l Limits) {
	s.lock()
	defer s.unlock()
	s.limiter = limiter{limits: l, count429: s.limiter.count429}
}

// Count429 is the number of calls answered 429 by the limits (faults
// excluded).
func (s *Server) Count429() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.limiter.count429
}

// limiter keeps token buckets for the limits.
type limiter struct {
	limits   Limits
	global   *bucket
	chats    map[int64]*bucket
	groups   map[int64]*bucket
	count429 int
}

// take lets one send to ch through or answers 429 with the seconds to wait;
// global reports that the global limit refused it (a bot-wide flood wait).
// A refused send takes no token.
func (l *limiter) take(now time.Time, ch *chat) (e *apiError, global bool) {
	buckets := l.buckets(ch)
	var wait time.Duration
	for i, b := range buckets {
		w := b.wait(now)
		if i == 0 && b == l.global && w > 0 {
			global = true
		}
		wait = max(wait, w)
	}
	if wait > 0 {
		l.count429++
		return tooMany(wait), global
	}
	for _, b := range buckets {
		b.tokens--
	}
	return nil, false
}

// buckets returns the buckets a send to ch draws from, creating them.
func (l *limiter) buckets(ch *chat) []*bucket {
	var out []*bucket
	if l.limits.Global > 0 {
		if l.global == nil {
			l.global = newBucket(l.limits.Global, math.Ceil(l.limits.Global))
		}
		out = append(out, l.global)
	}
	if ch == nil {
		return out
	}
	if l.limits.PerChat > 0 {
		if l.chats == nil {
			l.chats = map[int64]*bucket{}
		}
		b, ok := l.chats[ch.id]
		if !ok {
			b = newBucket(l.limits.PerChat, float64(max(1, l.limits.PerChatBurst)))
			l.chats[ch.id] = b
		}
		out = append(out, b)
	}
	if l.limits.PerGroupPerMinute > 0 && ch.isGroup() {
		if l.groups == nil {
			l.groups = map[int64]*bucket{}
		}
		b, ok := l.groups[ch.id]
		if !ok {
			n := float64(l.limits.PerGroupPerMinute)
			b = newBucket(n/60, n)
			l.groups[ch.id] = b
		}
		out = append(out, b)
	}
	return out
}

// bucket is a token bucket: it refills at rate tokens per second up to
// burst, and starts full.
type bucket struct {
	rate   float64
	burst  float64
	tokens float64
	last   time.Time
}

func newBucket(rate, burst float64) *bucket {
	return &bucket{rate: rate, burst: burst, tokens: burst}
}

// wait refills the bucket and returns how long until it holds a token.
func (b *bucket) wait(now time.Time) time.Duration {
	if !b.last.IsZero() && now.After(b.last) {
		b.tokens = min(b.burst, b.tokens+now.Sub(b.last).Seconds()*b.rate)
	}
	if b.last.IsZero() || now.After(b.last) {
		b.last = now
	}
	if b.tokens >= 1 {
		return 0
	}
	return time.Duration((1 - b.tokens) / b.rate * float64(time.Second))
}
