package requests_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"youthbot/bot/bottest"
	"youthbot/bot/telegramtest"
)

// The evening after a big event: every member of 20 branches logs 10
// activities at once, and each branch's secretary is asked to confirm
// them (issue 13). burstWorld builds it; runBurst sends the logs and waits
// until every member has their answers and the outbox is empty.

const (
	burstBranches  = 20
	burstPerBranch = 15 // 300 members
	burstEach      = 10
)

// burstUnits is a province, a district and the 20 branches.
func burstUnits() string {
	var sb strings.Builder
	sb.WriteString("code,name,parent,kind\nHG,Tỉnh đoàn Hậu Giang,,province\nVT,Thành đoàn Vị Thanh,HG,district\n")
	for i := range burstBranches {
		fmt.Fprintf(&sb, "VT-A%02d,Chi đoàn ấp %d,VT,branch\n", i+1, i+1)
	}
	return sb.String()
}

type burst struct {
	b           *bottest.Bot
	secretaries []*telegramtest.User
	members     [][]*telegramtest.User // by branch
}

func burstWorld(tb testing.TB) *burst {
	tb.Helper()
	srv := telegramtest.New(tb)
	srv.SetWaitTimeout(10 * time.Minute)
	w := &burst{b: bottest.Start(tb, bottest.Options{Units: burstUnits(), Server: srv})}
	for i := range burstBranches {
		unit := fmt.Sprintf("VT-A%02d", i+1)
		w.secretaries = append(w.secretaries, w.b.Secretary(fmt.Sprintf("Bí thư %d", i+1), unit))
		var ms []*telegramtest.User
		for j := range burstPerBranch {
			ms = append(ms, w.b.Member(fmt.Sprintf("Đoàn viên %d.%d", i+1, j+1), unit))
		}
		w.members = append(w.members, ms)
	}
	return w
}

// logLine is member's k-th log of the burst: an hour on a day of its own.
func logLine(k int) string {
	return fmt.Sprintf("/log %02d/03 1h Việc tình nguyện số %d", k+1, k+1)
}

// runBurst has every member send their logs, round by round, and returns
// how long until the last message to a secretary reached the double.
func (w *burst) runBurst(tb testing.TB) time.Duration {
	tb.Helper()
	start := time.Now()
	for k := range burstEach {
		for _, ms := range w.members {
			for _, m := range ms {
				m.Send(logLine(k))
			}
		}
	}
	w.b.Server.WaitUntil(tb, "every member answered", func() bool {
		for _, ms := range w.members {
			for _, m := range ms {
				if len(m.Messages()) < burstEach {
					return false
				}
			}
		}
		return true
	})
	w.b.Server.WaitUntil(tb, "the bot to take every update", func() bool { return w.b.Server.Pending() == 0 })
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	if err := w.b.Sender.WaitIdle(ctx); err != nil {
		tb.Fatalf("the outbox did not empty: %d left", w.b.Sender.Queued())
	}
	var last time.Time
	for _, c := range w.secretaryCalls() {
		if c.Time.After(last) {
			last = c.Time
		}
	}
	return last.Sub(start)
}

// secretaryCalls are the successful calls that reached a secretary's
// chat: sends and edits.
func (w *burst) secretaryCalls() []telegramtest.Call {
	chats := map[int64]bool{}
	for _, s := range w.secretaries {
		chats[s.ID] = true
	}
	var out []telegramtest.Call
	for _, c := range w.b.Server.Calls() {
		if c.Status == 200 && chats[c.Chat] && strings.HasPrefix(c.Method, "send") || c.Status == 200 && chats[c.Chat] && strings.HasPrefix(c.Method, "edit") {
			out = append(out, c)
		}
	}
	return out
}

// BenchmarkSecretaryBurst measures the burst: the messages and edits the
// secretaries were sent and the time until the last of them arrived.
//
//	go test ./bot/requests -run '^$' -bench SecretaryBurst -benchtime 1x
func BenchmarkSecretaryBurst(b *testing.B) {
	for range b.N {
		w := burstWorld(b)
		b.ResetTimer()
		took := w.runBurst(b)
		b.StopTimer()
		sends, edits := 0, 0
		for _, c := range w.secretaryCalls() {
			if strings.HasPrefix(c.Method, "send") {
				sends++
			} else {
				edits++
			}
		}
		b.ReportMetric(float64(sends)/burstBranches, "sends/secretary")
		b.ReportMetric(float64(edits)/burstBranches, "edits/secretary")
		b.ReportMetric(took.Seconds(), "s_to_last_secretary_msg")
		w.b.Stop()
	}
}
