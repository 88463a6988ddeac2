package reports

import (
	"fmt"
	"testing"

	"youthbot"
	"youthbot/bot/internal/harness"
)

// The core's test helpers (bot/helpers_test.go), on the importable harness
// with this room registered.

var (
	msgUpdate = harness.MsgUpdate
	cbUpdate  = harness.CbUpdate
	user      = harness.User
	texts     = harness.Texts
	buttons   = harness.Buttons
	refused   = harness.Refused
)

const adminID = harness.AdminID

func newHarness(t testing.TB) *harness.H { return harness.New(t, New) }

func describe(msgs []*youthbot.Outgoing) []string {
	var out []string
	for _, m := range msgs {
		out = append(out, fmt.Sprintf("%s→%d %q alert=%s", m.Method, m.Chat, m.Params["text"], m.Params["show_alert"]))
	}
	return out
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
