package telegramtest

import (
	"time"

	"youthbot/bot/telegramtest/internal/fault"
)

// Flood control (package fault). Every 429 the double answers to a send (sendMessage,
// sendPhoto, sendDocument), from the limits or a fault, opens a retry_after
// window, as Telegram's flood wait: for the chat, or for the whole bot when
// the global limit (Limits.Global) refused it or the fault was FloodBot. A
// send inside a window is answered 429 again, with the seconds left, and
// recorded as a Breach: a bot that waits out what it was told has none.

// Breach is a send the double received inside a retry_after it had given
// (its method, chat and time, whether the window was the whole bot's, and
// when the window opened and ends).
type Breach = fault.Breach

// FloodBot makes the next send to any chat answer 429 with retryAfter
// seconds as the bot's own flood limit: every chat must then wait them out
// (a send to any chat inside is a Breach).
func (s *Server) FloodBot(retryAfter int) {
	s.lock()
	defer s.unlock()
	s.flood.Arm(retryAfter)
}

// Breaches returns the sends made inside a retry_after window, oldest
// first. A send the bot had already made when a bot-wide 429 was answered
// to another chat arrives shortly after Opened: callers tell those calls in
// flight apart by their Time.
func (s *Server) Breaches() []Breach {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.flood.Breaches()
}

// tooMany is Telegram's 429 for a wait of d (whole seconds, at least 1).
func tooMany(d time.Duration) *apiError { return fault.TooMany(d) }
