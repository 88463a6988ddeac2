package outbox_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"youthbot"
	"youthbot/bot/bottest"
	"youthbot/bot/telegramtest"
	"youthbot/storage"
)

// broadcastWorld is the real bot with members approved members of the
// secretary's ward, the double enforcing rate msg/s (1/s per chat, bursts
// of 3; 20/min per group) and the bot's YOUTHBOT_SEND_RATE at rate.
func broadcastWorld(tb testing.TB, members int, rate float64) (*bottest.Bot, *telegramtest.User, []*telegramtest.User) {
	tb.Helper()
	b := bottest.Start(tb, bottest.Options{Rate: rate})
	b.Server.SetWaitTimeout(2 * time.Minute)
	b.Server.SetLimits(telegramtest.Limits{Global: rate, PerChat: 1, PerChatBurst: 3, PerGroupPerMinute: 20})
	sec := b.Secretary("Hoa", "VT-P5")
	users := make([]*telegramtest.User, members)
	for i := range users {
		users[i] = b.Server.NewUser(fmt.Sprintf("Đoàn viên %d", i), "vi")
	}
	now := b.Now()
	b.Update(func(tx *storage.Tx) error {
		for i, u := range users {
			unit := []string{"VT-P5-KV1", "VT-P5-KV4"}[i%2]
			m := youthbot.Member{UserID: u.ID, Unit: unit, FullName: u.FirstName, Status: youthbot.StatusApproved, RegisteredAt: now, DecidedAt: now}
			if err := tx.PutMember(m); err != nil {
				return err
			}
			if err := tx.OpenStint(u.ID, unit, now, true); err != nil {
				return err
			}
		}
		return nil
	})
	return b, sec, users
}

// broadcastSends returns the members' deliveries of the broadcast of text.
func broadcastSends(b *bottest.Bot, sec *telegramtest.User, text string) []telegramtest.Call {
	var sends []telegramtest.Call
	for _, c := range b.Server.Calls() {
		if c.Method == "sendMessage" && c.Status == 200 && c.Chat != sec.ID && strings.Contains(c.Params["text"], text) {
			sends = append(sends, c)
		}
	}
	return sends
}

// firstCall returns the first call after since that matches.
func firstCall(srv *telegramtest.Server, since time.Time, match func(telegramtest.Call) bool) (telegramtest.Call, bool) {
	for _, c := range srv.Calls() {
		if !c.Time.Before(since) && c.Status == 200 && match(c) {
			return c, true
		}
	}
	return telegramtest.Call{}, false
}

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
