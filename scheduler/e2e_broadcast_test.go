package scheduler_test

import (
	"fmt"
	"slices"
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

// replyLatency has act do something at once and returns how long until the
// double got the bot's answer that matches.
func replyLatency(t *testing.T, srv *telegramtest.Server, what string, act func(), match func(telegramtest.Call) bool) time.Duration {
	t.Helper()
	start := time.Now()
	act()
	var got telegramtest.Call
	srv.WaitUntil(t, what, func() bool {
		var ok bool
		got, ok = firstCall(srv, start, match)
		return ok
	})
	return got.Time.Sub(start)
}

func TestBroadcastEndToEndRepliesGoWithin1sAndRetryAftersAreKept(t *testing.T) {
	noLeaks(t)
	const members, rate = 2000, 200
	b, sec, users := broadcastWorld(t, members, rate)
	probe := users[0]
	isAnswer := func(id string) func(telegramtest.Call) bool {
		return func(c telegramtest.Call) bool {
			return c.Method == "answerCallbackQuery" && c.Params["callback_query_id"] == id
		}
	}
	toChat := func(chat int64, not string) func(telegramtest.Call) bool {
		return func(c telegramtest.Call) bool {
			return c.Method == "sendMessage" && c.Chat == chat && !strings.Contains(c.Params["text"], not)
		}
	}
	var worst time.Duration
	check := func(what string, d time.Duration) {
		t.Helper()
		worst = max(worst, d)
		if d > time.Second {
			t.Errorf("%s answered after %v during the broadcast, want within 1s", what, d)
		}
	}

	// Phase 1: a broadcast at the double's limit; meanwhile a member asks
	// for /help and the secretary previews and cancels another
	// announcement, again and again.
	const text = "Họp chi đoàn lúc 20h"
	sec.Send("/broadcast " + text)
	preview := sec.Expect(t, fmt.Sprintf("Số người nhận: %d", members))
	var cb *telegramtest.Callback
	check("the secretary's 📤 Gửi", replyLatency(t, b.Server, "the answer to 📤 Gửi",
		func() { cb = sec.Press(preview, "📤 Gửi") }, func(c telegramtest.Call) bool { return isAnswer(cb.ID)(c) }))
	rounds := 0
	for len(broadcastSends(b, sec, text)) < members*8/10 {
		rounds++
		check("a member's /help", replyLatency(t, b.Server, "the answer to /help",
			func() { probe.Send("/help") }, toChat(probe.ID, text)))
		check("the secretary's /broadcast", replyLatency(t, b.Server, "a preview",
			func() { sec.Send(fmt.Sprintf("/broadcast Nhắc lần %d", rounds)) }, toChat(sec.ID, "\x00")))
		other := sec.Expect(t, fmt.Sprintf("Nhắc lần %d", rounds))
		var cancel *telegramtest.Callback
		check("the secretary's Huỷ", replyLatency(t, b.Server, "the answer to Huỷ",
			func() { cancel = sec.Press(other, "Huỷ") }, func(c telegramtest.Call) bool { return isAnswer(cancel.ID)(c) }))
		// Keep each chat to its 1 message a second.
		time.Sleep(time.Second)
	}
	settle(t, b)
	t.Logf("%d rounds of replies during the broadcast, the slowest answer %v", rounds, worst)
	if rounds < 3 {
		t.Errorf("only %d rounds of replies while the broadcast went", rounds)
	}
	sends := broadcastSends(b, sec, text)
	if len(sends) != members {
		t.Errorf("%d members got the broadcast, want %d", len(sends), members)
	}
	// Once the fan-out is complete the secretary is told what was queued.
	sec.Expect(t, fmt.Sprintf("%d/%d đoàn viên", members, members))

	// Phase 2: Telegram's flood control, for single chats and for the whole
	// bot, during a broadcast: every member still gets it once, and no
	// message goes to a chat inside a retry_after it or the bot was given.
	const text2 = "Thông báo thứ hai"
	sec.Send("/broadcast " + text2)
	preview = sec.Expect(t, text2)
	for _, u := range users[10:15] {
		b.Server.FailChat(u.ID, 1, telegramtest.Fault{RetryAfter: 2})
	}
	sec.Press(preview, "📤 Gửi")
	b.Server.WaitUntil(t, "the broadcast to start", func() bool { return len(broadcastSends(b, sec, text2)) > 300 })
	b.Server.FloodBot(1)
	b.Server.WaitUntil(t, "half the broadcast", func() bool { return len(broadcastSends(b, sec, text2)) > members/2 })
	b.Server.FloodBot(2)
	settle(t, b)
	per := map[int64]int{}
	for _, c := range broadcastSends(b, sec, text2) {
		per[c.Chat]++
	}
	for _, u := range users {
		if per[u.ID] != 1 {
			t.Errorf("%v got the second broadcast %d times, want 1", u, per[u.ID])
		}
	}
	if got := breaches(b.Server); len(got) != 0 {
		t.Errorf("%d sends inside a retry_after, first %+v", len(got), got[0])
	}
	var botWide int
	for _, br := range b.Server.Breaches() {
		if br.BotWide {
			botWide++
		}
	}
	t.Logf("calls in flight when a bot-wide 429 came: %d; 429 answers of the limits: %d", botWide, b.Server.Count429())
	if !slices.ContainsFunc(b.Server.Calls(), func(c telegramtest.Call) bool { return c.Status == 429 }) {
		t.Error("no 429 was answered: the faults did not fire")
	}
}
