package fault

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

// Limiter keeps token buckets for the limits; Count429 counts the sends
// it refused.
type Limiter struct {
	Limits   Limits
	Count429 int
	global   *bucket
	chats    map[int64]*bucket
	groups   map[int64]*bucket
}

// Take lets one send to chat through (wait 0) or says how long to wait;
// global reports that the global limit refused it (a bot-wide flood wait).
// chat is 0 when the target is not known; group says it is a group or a
// supergroup. A refused send takes no token.
func (l *Limiter) Take(now time.Time, chat int64, group bool) (wait time.Duration, global bool) {
	buckets := l.buckets(chat, group)
	for i, b := range buckets {
		w := b.wait(now)
		if i == 0 && b == l.global && w > 0 {
			global = true
		}
		wait = max(wait, w)
	}
	if wait > 0 {
		l.Count429++
		return wait, global
	}
	for _, b := range buckets {
		b.tokens--
	}
	return 0, false
}

// buckets returns the buckets a send to chat draws from, creating them.
func (l *Limiter) buckets(chat int64, group bool) []*bucket {
	var out []*bucket
	if l.Limits.Global > 0 {
		if l.global == nil {
			l.global = newBucket(l.Limits.Global, math.Ceil(l.Limits.Global))
		}
		out = append(out, l.global)
	}
	if chat == 0 {
		return out
	}
	if l.Limits.PerChat > 0 {
		if l.chats == nil {
			l.chats = map[int64]*bucket{}
		}
		b, ok := l.chats[chat]
		if !ok {
			b = newBucket(l.Limits.PerChat, float64(max(1, l.Limits.PerChatBurst)))
			l.chats[chat] = b
		}
		out = append(out, b)
	}
	if l.Limits.PerGroupPerMinute > 0 && group {
		if l.groups == nil {
			l.groups = map[int64]*bucket{}
		}
		b, ok := l.groups[chat]
		if !ok {
			n := float64(l.Limits.PerGroupPerMinute)
			b = newBucket(n/60, n)
			l.groups[chat] = b
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
