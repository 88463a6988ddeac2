package scheduler_test

import (
	"testing"
	"time"

	"go.uber.org/goleak"

	"youthbot/bot/telegramtest"
)

// noLeaks fails t if goroutines started during it are still running at its
// end.
func noLeaks(t *testing.T) {
	opt := goleak.IgnoreCurrent()
	t.Cleanup(func() { goleak.VerifyNone(t, opt) })
}

// inFlight is how late after a bot-wide 429 a send the bot had already
// made may arrive at the double.
const inFlight = 250 * time.Millisecond

// breaches returns the double's breaches the bot could have avoided.
func breaches(srv *telegramtest.Server) []telegramtest.Breach {
	var out []telegramtest.Breach
	for _, b := range srv.Breaches() {
		if !b.BotWide || b.Time.Sub(b.Opened) > inFlight {
			out = append(out, b)
		}
	}
	return out
}
