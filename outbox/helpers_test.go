package outbox_test

import (
	"context"
	"testing"
	"time"

	"youthbot/bot/bottest"
)

// settle is bottest's Settle with room for a group's 20 messages a minute.
func settle(t testing.TB, b *bottest.Bot) {
	t.Helper()
	b.Server.WaitUntil(t, "the bot to take every update", func() bool { return b.Server.Pending() == 0 })
	ctx, cancel := context.WithTimeout(context.Background(), 40*time.Second)
	defer cancel()
	if err := b.Sender.WaitIdle(ctx); err != nil {
		t.Fatalf("the outbox did not empty: %d messages left", b.Sender.Queued())
	}
}
