package bottest_test

import (
	"testing"

	"youthbot/bot/bottest"
	"youthbot/bot/telegramtest"
	"youthbot/control"
)

func TestStartAnswersAndRestarts(t *testing.T) {
	b := bottest.Start(t, bottest.Options{})
	hoa := b.Secretary("Hoa", "VT-CDCD-CNTT")
	hoa.Send("/pending")
	hoa.Expect(t, "Không có việc nào đang chờ duyệt")
	an := b.Member("An", "VT-CDCD-CNTT")
	b = b.Restart(bottest.Options{})
	an.Send("/profile")
	an.Expect(t, "Chi đoàn Khoa Công nghệ thông tin")
	b.Settle()
}

// TestStartRunsTheAppTheBinaryRuns: the bot bottest starts is the binary's
// app (internal/app), not a wiring of its own: it serves the control socket
// beside the database, as `youthbot run` does for backup and healthcheck,
// and Stop shuts it down in the binary's order, which lets the outbox
// deliver the answers already queued before it stops the sender.
func TestStartRunsTheAppTheBinaryRuns(t *testing.T) {
	b := bottest.Start(t, bottest.Options{Rate: 5})
	if err := control.Health(control.SocketPath(b.DBPath)); err != nil {
		t.Fatalf("no control socket as the binary serves: %v", err)
	}
	hoa := b.Secretary("Hoa", "VT-CDCD-CNTT")
	const asks = 6 // at 5 per second, over a second to deliver
	for range asks {
		hoa.Send("/pending")
	}
	// Confirmed updates have their answers queued in the sender.
	b.Server.WaitUntil(t, "the bot to take every update", func() bool { return b.Server.Pending() == 0 })
	b.Stop()
	if got := answers(hoa); got != asks {
		t.Errorf("Stop delivered %d of the %d answers queued; the app drains the outbox first", got, asks)
	}
}

func answers(u *telegramtest.User) int {
	n := 0
	for _, m := range u.Messages() {
		if s := m.Snapshot(); s.Text != "" {
			n++
		}
	}
	return n
}
