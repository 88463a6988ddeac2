package requests_test

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

// summaryOf is the live summary in the secretary's chat (the last message
// naming what waits).
func summaryOf(t *testing.T, u *telegramtest.User) *telegramtest.Message {
	t.Helper()
	msgs := u.Messages()
	for i := len(msgs) - 1; i >= 0; i-- {
		if strings.Contains(msgs[i].Text, "chờ xác nhận —") || strings.Contains(msgs[i].Text, "Không còn gì chờ") {
			return msgs[i]
		}
	}
	t.Fatalf("no summary for %s:\n%s", u, u.Transcript())
	return nil
}

// lastWith waits for a bot message in u's chat containing substr and
// returns the last such.
func lastWith(t *testing.T, b *bottest.Bot, u *telegramtest.User, substr string) *telegramtest.Message {
	t.Helper()
	var found *telegramtest.Message
	b.Server.WaitUntil(t, fmt.Sprintf("%s to get %q", u, substr), func() bool {
		for _, m := range u.Messages() {
			if strings.Contains(m.Text, substr) {
				found = m
			}
		}
		return found != nil
	})
	return found
}

func pendingOf(t *testing.T, w *burst, unit string) []youthbot.Activity {
	t.Helper()
	var acts []youthbot.Activity
	w.b.View(func(tx *storage.Tx) error {
		var err error
		acts, err = tx.PendingActivities(unit)
		return err
	})
	return acts
}

func TestBurstOfLogsReachesEachSecretaryAsOneLiveSummary(t *testing.T) {
	if testing.Short() {
		t.Skip("3,000 logs")
	}
	w := burstWorld(t)
	w.runBurst(t)
	perBranch := burstPerBranch * burstEach

	// Members' answers all arrived: one per log.
	for _, ms := range w.members {
		for _, m := range ms {
			if n := len(m.Messages()); n != burstEach {
				t.Fatalf("%s got %d answers, want %d", m, n, burstEach)
			}
		}
	}
	// Each secretary: the first request alone, then one summary, edited at
	// most once per few seconds, showing all that waits.
	sends, edits := map[int64]int{}, map[int64][]time.Time{}
	for _, c := range w.secretaryCalls() {
		if strings.HasPrefix(c.Method, "send") {
			sends[c.Chat]++
		} else {
			edits[c.Chat] = append(edits[c.Chat], c.Time)
		}
	}
	for _, s := range w.secretaries {
		if n := sends[s.ID]; n < 2 || n > 3 {
			t.Errorf("%s was sent %d messages, want 2 or 3", s, n)
		}
		ts := edits[s.ID]
		for i := 1; i < len(ts); i++ {
			if d := ts[i].Sub(ts[i-1]); d < 4*time.Second {
				t.Errorf("%s: two edits %v apart", s, d)
				break
			}
		}
		sum := summaryOf(t, s)
		if want := fmt.Sprintf("%d lượt tham gia chờ xác nhận", perBranch); !strings.Contains(sum.Text, want) {
			t.Errorf("%s's summary reads %q, want %q", s, sum.Text, want)
		}
	}

	// "Xác nhận tất cả" confirms what was listed when pressed, not what
	// came after.
	sec, unit := w.secretaries[0], "VT-A01"
	sec.Press(summaryOf(t, sec), "Xác nhận tất cả")
	ask := lastWith(t, w.b, sec, fmt.Sprintf("Xác nhận tất cả %d mục", perBranch))
	late := w.members[0][0]
	late.Send("/log 10/03 2h Việc làm sau")
	lastWith(t, w.b, late, "Việc làm sau")
	sec.Press(ask, fmt.Sprintf("Xác nhận %d mục", perBranch))
	lastWith(t, w.b, sec, fmt.Sprintf("Đã xác nhận %d mục", perBranch))
	w.b.Settle()
	rest := pendingOf(t, w, unit)
	if len(rest) != 1 || !strings.Contains(rest[0].Description, "Việc làm sau") {
		t.Errorf("after confirming all: %d still pending, want only the late one", len(rest))
	}
	w.b.Server.WaitUntil(t, "the summary to show the late one alone", func() bool {
		return strings.Contains(summaryOf(t, sec).Text, "1 lượt tham gia chờ xác nhận")
	})

	// Decided elsewhere (/pending of another branch's secretary is not
	// theirs; here the same secretary's /pending): the summary follows.
	sec2 := w.secretaries[1]
	sec2.Send("/pending")
	list := lastWith(t, w.b, sec2, "Đang chờ duyệt")
	sec2.Press(list, "Duyệt tất cả trong trang")
	w.b.Server.WaitUntil(t, "the summary to count what /pending decided", func() bool {
		return strings.Contains(summaryOf(t, sec2).Text, fmt.Sprintf("%d lượt tham gia chờ xác nhận", perBranch-5))
	})
}
