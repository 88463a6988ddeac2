package telegramtest

import (
	"fmt"
	"math"
	"net/http"
	"time"
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

type flood struct {
	bot      window
	chats    map[int64]window
	armed    int // FloodBot: the next send answers 429 with this retry_after
	breaches []Breach
}

// FloodBot makes the next send to any chat answer 429 with retryAfter
// seconds as the bot's own flood limit: every chat must then wait them out
// (a send to any chat inside is a Breach).
func (s *Server) FloodBot(retryAfter int) {
	s.lock()
	defer s.unlock()
	s.flood.armed = max(1, retryAfter)
}

// Breaches returns the sends made inside a retry_after window, oldest
// first. A send the bot had already made when a bot-wide 429 was answered
// to another chat arrives shortly after Opened: callers tell those calls in
// flight apart by their Time.
func (s *Server) Breaches() []Breach {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Breach(nil), s.flood.breaches...)
}

// check answers a send inside a window, and the armed FloodBot.
func (f *flood) check(now time.Time, c *call) *apiError {
	var chatID int64
	if c.chat != nil {
		chatID = c.chat.id
	}
	for _, w := range []struct {
		window
		bot bool
	}{{f.bot, true}, {f.chats[chatID], false}} {
		if w.covers(now) {
			f.breaches = append(f.breaches, Breach{Method: c.spec.Name, Chat: chatID, Time: now, BotWide: w.bot, Opened: w.opened, Until: w.until})
			return tooMany(w.until.Sub(now))
		}
	}
	if f.armed > 0 {
		e := tooMany(time.Duration(f.armed) * time.Second)
		f.armed = 0
		f.opened(now, c, e, true)
		return e
	}
	return nil
}

// opened records the window a 429 answered to a send opens.
func (f *flood) opened(now time.Time, c *call, e *apiError, botWide bool) {
	if e == nil || e.Code != http.StatusTooManyRequests || e.RetryAfter <= 0 {
		return
	}
	w := window{opened: now, until: now.Add(time.Duration(e.RetryAfter) * time.Second)}
	switch {
	case botWide:
		if w.until.After(f.bot.until) {
			f.bot = w
		}
	case c.chat != nil:
		if f.chats == nil {
			f.chats = map[int64]window{}
		}
		if w.until.After(f.chats[c.chat.id].until) {
			f.chats[c.chat.id] = w
		}
	}
}

// tooMany is Telegram's 429 for a wait of d (whole seconds, at least 1).
func tooMany(d time.Duration) *apiError {
	n := max(1, int(math.Ceil(d.Seconds())))
	return &apiError{Code: http.StatusTooManyRequests, Description: fmt.Sprintf("Too Many Requests: retry after %d", n), RetryAfter: n}
}
