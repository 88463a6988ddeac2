package scheduler_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"youthbot/bot/bottest"
	"youthbot/bot/telegramtest"
)

// replyLatency has act do something at once and returns how long until the
// double got the bot's answer that matches.
func replyLatency(t *testing.T, srv *telegramtest.Server, what string, act func(), match func(telegramtest.Call) bool) time.Duration {
	t.Helper()
	start := time.Now()
	act()
	var got telegramtest.Call
	srv.WaitUntil(t, what, func() bool {
		var ok bool
		got, ok = bottest.FirstCall(srv, start, match)
		return ok
	})
	return got.Time.Sub(start)
}

func TestBroadcastEndToEndRepliesGoWithin1sAndRetryAftersAreKept(t *testing.T) {
	noLeaks(t)
	const members, rate = 2000, 200
	b, sec, users := bottest.StartWard(t, members, rate)
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
	preview := sec.Expect(t, "Số người nhận: 2.000") // members
	var cb *telegramtest.Callback
	check("the secretary's 📤 Gửi", replyLatency(t, b.Server, "the answer to 📤 Gửi",
		func() { cb = sec.Press(preview, "📤 Gửi") }, func(c telegramtest.Call) bool { return isAnswer(cb.ID)(c) }))
	rounds := 0
	for len(b.BroadcastSends(sec, text)) < members*8/10 {
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
	sends := b.BroadcastSends(sec, text)
	if len(sends) != members {
		t.Errorf("%d members got the broadcast, want %d", len(sends), members)
	}
	// Once the fan-out is complete the secretary is told what was queued.
	sec.Expect(t, "2.000/2.000 đoàn viên") // members, written as people read it

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
	b.Server.WaitUntil(t, "the broadcast to start", func() bool { return len(b.BroadcastSends(sec, text2)) > 300 })
	b.Server.FloodBot(1)
	b.Server.WaitUntil(t, "half the broadcast", func() bool { return len(b.BroadcastSends(sec, text2)) > members/2 })
	b.Server.FloodBot(2)
	settle(t, b)
	per := map[int64]int{}
	for _, c := range b.BroadcastSends(sec, text2) {
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
