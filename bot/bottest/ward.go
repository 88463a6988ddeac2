package bottest

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"youthbot"
	"youthbot/bot/telegramtest"
	"youthbot/storage"
)

// StartWard is the real bot with members approved members of the demo
// ward VT-P5 (its two quarters) and their secretary, the double enforcing
// rate msg/s (1/s per chat, bursts of 3; 20/min per group) and the bot's
// YOUTHBOT_SEND_RATE at rate: the world of the broadcast tests and
// benchmarks.
func StartWard(tb testing.TB, members int, rate float64) (*Bot, *telegramtest.User, []*telegramtest.User) {
	tb.Helper()
	b := Start(tb, Options{Rate: rate})
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

// BroadcastSends returns the members' deliveries of the broadcast of text
// (every successful sendMessage naming it, except to its author sec).
func (b *Bot) BroadcastSends(sec *telegramtest.User, text string) []telegramtest.Call {
	var sends []telegramtest.Call
	for _, c := range b.Server.Calls() {
		if c.Method == "sendMessage" && c.Status == 200 && c.Chat != sec.ID && strings.Contains(c.Params["text"], text) {
			sends = append(sends, c)
		}
	}
	return sends
}

// FirstCall returns the first successful call since then that matches.
func FirstCall(srv *telegramtest.Server, since time.Time, match func(telegramtest.Call) bool) (telegramtest.Call, bool) {
	for _, c := range srv.Calls() {
		if !c.Time.Before(since) && c.Status == 200 && match(c) {
			return c, true
		}
	}
	return telegramtest.Call{}, false
}
