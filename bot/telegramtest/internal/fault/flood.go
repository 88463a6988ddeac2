package fault

import (
	"fmt"
	"math"
	"net/http"
	"time"

	"youthbot/bot/telegramtest/internal/wire"
)

// Flood control. Every 429 the double answers to a send (sendMessage,
// sendPhoto, sendDocument), from the limits or a fault, opens a retry_after
// window, as Telegram's flood wait: for the chat, or for the whole bot when
// the global limit (Limits.Global) refused it or the fault was FloodBot. A
// send inside a window is answered 429 again, with the seconds left, and
// recorded as a Breach: a bot that waits out what it was told has none.

// Breach is a send the double received inside a retry_after it had given.
type Breach struct {
	Method  string
	Chat    int64
	Time    time.Time // when the send arrived
	BotWide bool      // the window was the whole bot's, not the chat's
	Opened  time.Time // when the 429 that opened the window was answered
	Until   time.Time // when the window ends
}

// window is a retry_after given: nothing may be sent in [opened, until).
type window struct{ opened, until time.Time }

func (w window) covers(t time.Time) bool { return !t.Before(w.opened) && t.Before(w.until) }

// Flood keeps the retry_after windows given, the armed FloodBot and the
// breaches.
type Flood struct {
	bot      window
	chats    map[int64]window
	armed    int // FloodBot: the next send answers 429 with this retry_after
	breaches []Breach
}

// Check answers a send of method to chat (0: not known) inside a window,
// and the armed FloodBot.
func (f *Flood) Check(now time.Time, method string, chatID int64) *wire.Error {
	for _, w := range []struct {
		window
		bot bool
	}{{f.bot, true}, {f.chats[chatID], false}} {
		if w.covers(now) {
			f.breaches = append(f.breaches, Breach{Method: method, Chat: chatID, Time: now, BotWide: w.bot, Opened: w.opened, Until: w.until})
			return TooMany(w.until.Sub(now))
		}
	}
	if f.armed > 0 {
		e := TooMany(time.Duration(f.armed) * time.Second)
		f.armed = 0
		f.Opened(now, chatID, e, true)
		return e
	}
	return nil
}

// Opened records the window a 429 answered to a send to chat (0: not
// known) opens.
func (f *Flood) Opened(now time.Time, chatID int64, e *wire.Error, botWide bool) {
	if e == nil || e.Code != http.StatusTooManyRequests || e.RetryAfter <= 0 {
		return
	}
	w := window{opened: now, until: now.Add(time.Duration(e.RetryAfter) * time.Second)}
	switch {
	case botWide:
		if w.until.After(f.bot.until) {
			f.bot = w
		}
	case chatID != 0:
		if f.chats == nil {
			f.chats = map[int64]window{}
		}
		if w.until.After(f.chats[chatID].until) {
			f.chats[chatID] = w
		}
	}
}

// TooMany is Telegram's 429 for a wait of d (whole seconds, at least 1).
func TooMany(d time.Duration) *wire.Error {
	n := max(1, int(math.Ceil(d.Seconds())))
	return &wire.Error{Code: http.StatusTooManyRequests, Description: fmt.Sprintf("Too Many Requests: retry after %d", n), RetryAfter: n}
}

// Arm makes the next send answer 429 with retryAfter seconds (at least 1)
// as the bot's own flood limit.
func (f *Flood) Arm(retryAfter int) { f.armed = max(1, retryAfter) }

// Breaches are the sends made inside a window, oldest first.
func (f *Flood) Breaches() []Breach { return append([]Breach(nil), f.breaches...) }
