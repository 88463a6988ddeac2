package reports

import (
	"testing"

	"youthbot/bot/internal/harness"
)

// The test helpers, on the shared harness (bot/internal/harness)
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

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// describe lists queued messages for a failure message.
var describe = harness.Describe
