package scheduler_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"youthbot"
	"youthbot/bot/bottest"
	"youthbot/bot/telegramtest"
	"youthbot/storage"
)

// BenchmarkBroadcast2000 broadcasts to 2,000 members through the real bot
// (/broadcast, Send) with YOUTHBOT_SEND_RATE=200 and the double enforcing
// 200 messages/s (and 1/s per chat, bursts of 3). It reports the rate
// achieved over the members' messages, as the double recorded them, its
// ratio to 200/s, and the 429 answers (the target: ≥ 0.95, zero 429).
func BenchmarkBroadcast2000(b *testing.B) {
	const members, rate = 2000, 200
	bot := bottest.Start(b, bottest.Options{Rate: rate})
	bot.Server.SetWaitTimeout(2 * time.Minute)
	bot.Server.SetLimits(telegramtest.Limits{Global: rate, PerChat: 1, PerChatBurst: 3, PerGroupPerMinute: 20})
	sec := bot.Secretary("Hoa", "VT-P5")
	users := make([]*telegramtest.User, members)
	for i := range users {
		users[i] = bot.Server.NewUser(fmt.Sprintf("Đoàn viên %d", i), "vi")
	}
	now := bot.Now()
	bot.Update(func(tx *storage.Tx) error {
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
	var achieved, ratio float64
	b.ResetTimer()
	for i := range b.N {
		text := fmt.Sprintf("Thông báo số %d", i)
		sec.Send("/broadcast " + text)
		preview := sec.Expect(b, fmt.Sprintf("Số người nhận: %d", members))
		sec.Press(preview, "📤 Gửi")
		settle(b, bot)
		var sends []telegramtest.Call
		for _, c := range bot.Server.Calls() {
			if c.Method == "sendMessage" && c.Status == 200 && c.Chat != sec.ID && strings.Contains(c.Params["text"], text) {
				sends = append(sends, c)
			}
		}
		if len(sends) != members {
			b.Fatalf("%d members got the broadcast, want %d", len(sends), members)
		}
		span := sends[len(sends)-1].Time.Sub(sends[0].Time)
		achieved = float64(len(sends)-1) / span.Seconds()
		ratio = achieved / rate
	}
	b.StopTimer()
	b.ReportMetric(achieved, "msgs/s")
	b.ReportMetric(ratio, "ratio")
	b.ReportMetric(float64(bot.Server.Count429()), "429s")
	if ratio < 0.95 || bot.Server.Count429() != 0 {
		b.Errorf("achieved %.1f msgs/s (%.3f of %d) with %d answers 429; want ≥ 0.95 and none", achieved, ratio, rate, bot.Server.Count429())
	}
}
