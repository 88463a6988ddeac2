package scheduler_test

import (
	"bytes"
	"context"
	"fmt"
	"image"
	_ "image/png"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"youthbot"
	"youthbot/bot/bottest"
	"youthbot/bot/telegramtest"
	"youthbot/storage"
)

// waitReady waits for the catch-up run of the bot's scheduler, then for
// the outbox to empty.
func waitReady(t *testing.T, b *bottest.Bot) {
	t.Helper()
	select {
	case <-b.Sched.Ready():
	case <-time.After(20 * time.Second):
		t.Fatal("the scheduler's catch-up run did not end")
	}
	settle(t, b)
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

// tallies counts, per month label, the tallies in msgs: texts starting
// "📊 Tally", charts and workbooks (by file name).
func tallies(msgs []*telegramtest.Message) (texts, charts map[string]int, workbooks map[string]int) {
	texts, charts, workbooks = map[string]int{}, map[string]int{}, map[string]int{}
	for _, m := range msgs {
		switch {
		case m.DocumentName != "":
			workbooks[m.DocumentName]++
		case m.Photo != nil:
			charts[string(m.Photo)]++
		case strings.HasPrefix(m.Text, "📊 Tally"):
			texts[strings.Fields(m.Text)[3]]++
		}
	}
	return texts, charts, workbooks
}

func TestTallyEndToEndOnceAcrossFiringsRestartsAndDowntime(t *testing.T) {
	noLeaks(t)
	f := &fakeTally{}
	b := bottest.Start(t, bottest.Options{Now: at("2026-02-25 10:00:00"), Log: testLog(t)})
	hoa := b.Secretary("Hoa", "VT")
	grp := b.Server.NewGroup("Thành đoàn Vị Thanh")
	b.Update(func(tx *storage.Tx) error { return tx.LinkGroup(youthbot.GroupLink{Chat: grp.ID(), Unit: "VT"}) })
	opts := func(now string) bottest.Options {
		return bottest.Options{Now: at(now), Scheduler: true, Tally: f.build, Log: testLog(t)}
	}

	// Start: January's tally, missed, is made up.
	b = b.Restart(opts("2026-02-25 10:00:00"))
	waitReady(t, b)
	// Firings (and overlapping ones) in February change nothing.
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() { defer wg.Done(); b.Sched.RunTally(context.Background(), b.Now()) }()
	}
	wg.Wait()
	// The 1st of March at 08:00: February's, once, whatever the firings.
	b.SetNow(at("2026-03-01 08:00:00"))
	for range 3 {
		wg.Add(1)
		go func() { defer wg.Done(); b.Sched.RunTally(context.Background(), b.Now()) }()
	}
	wg.Wait()
	settle(t, b)
	// A restart (stop, as on SIGTERM, and start) the same morning.
	b = b.Restart(opts("2026-03-01 08:30:00"))
	waitReady(t, b)
	// Down over the 1st of April: March's is made up at start.
	b.Stop()
	b = b.Restart(opts("2026-04-02 12:00:00"))
	waitReady(t, b)

	want := map[string]int{"01/2026": 1, "02/2026": 1, "03/2026": 1}
	for name, msgs := range map[string][]*telegramtest.Message{"secretary": hoa.Messages(), "group": grp.Messages()} {
		texts, charts, books := tallies(msgs)
		if fmt.Sprint(texts) != fmt.Sprint(want) {
			t.Errorf("%s got tallies %v, want %v", name, texts, want)
		}
		if charts["\x89PNG VT"] != 3 {
			t.Errorf("%s got charts %v, want 3", name, charts)
		}
		wantBooks := map[string]int{"tally-VT-2026-01.xlsx": 1, "tally-VT-2026-02.xlsx": 1, "tally-VT-2026-03.xlsx": 1}
		if fmt.Sprint(books) != fmt.Sprint(wantBooks) {
			t.Errorf("%s got workbooks %v, want %v", name, books, wantBooks)
		}
	}
	var stored int
	b.View(func(tx *storage.Tx) error { stored, _ = tx.OutboxStats(); return nil })
	if stored != 0 {
		t.Errorf("%d messages left in the outbox", stored)
	}
}

func TestCampaignRemindersEndToEndOnlyInsideItsDates(t *testing.T) {
	b := bottest.Start(t, bottest.Options{Now: at("2026-03-09 07:00:00")})
	an := b.Member("An", "VT-P5-KV1")
	binh := b.Member("Bình", "PH-TB-TLA") // not in the campaign's subtree
	b.Update(func(tx *storage.Tx) error {
		return tx.NewCampaign(&youthbot.Campaign{Name: "Xuân tình nguyện", Unit: "VT", Start: youthbot.Date{Year: 2026, Month: 3, Day: 10},
			End: youthbot.Date{Year: 2026, Month: 3, Day: 11}, Cron: "0 7 * * *", Reminder: "Đăng ký tham gia dọn kênh!", CreatedAt: at("2026-03-01 00:00:00")})
	})
	for _, now := range []string{"2026-03-09 07:00:00", "2026-03-10 07:00:00", "2026-03-10 07:00:00", "2026-03-11 07:00:00", "2026-03-12 07:00:00"} {
		b.SetNow(at(now))
		if _, err := b.Sched.RunCampaigns(context.Background(), b.Now()); err != nil {
			t.Fatal(err)
		}
		b.Settle()
	}
	var got int
	for _, m := range an.Messages() {
		if strings.Contains(m.Text, "Xuân tình nguyện") {
			got++
		}
	}
	if got != 2 {
		t.Errorf("member got %d reminders, want 2 (10/03 and 11/03)", got)
	}
	binh.NoMore(t)
}

func TestOutboxEndToEndUnderFaultsLosesNothing(t *testing.T) {
	noLeaks(t)
	b := bottest.Start(t, bottest.Options{Rate: 50, Now: at("2026-03-10 10:00:00")})
	sec := b.Secretary("Hoa", "VT-P5")
	var members []*telegramtest.User
	for i := range 12 {
		members = append(members, b.Member(fmt.Sprintf("Thành viên %d", i), "VT-P5-KV1"))
	}
	blocked := members[0]
	blocked.Block()
	b.Settle() // the my_chat_member update marks them unreachable? Not before a send: make sure a 403 does it.
	b.Update(func(tx *storage.Tx) error { return tx.PutUser(youthbot.User{ID: blocked.ID}) })

	sec.Send("/broadcast Họp chi đoàn lúc 20h tối nay")
	preview := sec.Expect(t, "Họp chi đoàn lúc 20h")
	if !strings.Contains(preview.Text, "12") && !strings.Contains(preview.Text, "11") {
		t.Errorf("preview %q lacks the recipient count", preview.Text)
	}
	// Faults on the members' chats: flood control, a proxy's 502, 500s, a
	// gateway timeout.
	b.Server.FailChat(members[1].ID, 2, telegramtest.Fault{RetryAfter: 1})
	b.Server.FailChat(members[2].ID, 1, telegramtest.Fault{Code: 500})
	b.Server.FailChat(members[3].ID, 1, telegramtest.Fault{Code: 504, Description: "Gateway Timeout"})
	b.Server.FailChat(members[4].ID, 1, telegramtest.Fault{RetryAfter: 2})
	sec.Press(preview, "📤 Gửi").Answer(t)
	b.Server.Fail5xx("sendMessage", 2)
	b.Settle()
	for _, m := range members[1:] {
		var n int
		for _, msg := range m.Messages() {
			if strings.Contains(msg.Text, "Họp chi đoàn lúc 20h") {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%v got the broadcast %d times, want 1", m, n)
		}
	}
	if n := len(blocked.Messages()); n != 0 {
		t.Errorf("blocked member got %d messages", n)
	}
	b.View(func(tx *storage.Tx) error {
		if u, _, _ := tx.User(blocked.ID); !u.Unreachable {
			t.Error("blocked member not marked unreachable")
		}
		return nil
	})

	// A linked group upgraded to a supergroup: its tally follows it.
	grp := b.Server.NewGroup("Đoàn phường V")
	b.Update(func(tx *storage.Tx) error { return tx.LinkGroup(youthbot.GroupLink{Chat: grp.ID(), Unit: "VT-P5"}) })
	b.Settle()
	old := grp.ID()
	to := grp.Migrate()
	// The bot may see the service message first, or the send's 400 first.
	if _, err := b.Sched.RunTally(context.Background(), b.Now()); err != nil {
		t.Fatal(err)
	}
	b.Settle()
	var got bool
	for _, m := range grp.Messages() {
		if m.Chat == to && strings.Contains(m.Text, "02/2026") {
			got = true
		}
	}
	if !got {
		t.Errorf("the supergroup did not get the tally:\n%s", grp.Transcript())
	}
	b.View(func(tx *storage.Tx) error {
		if _, found, _ := tx.GroupLink(old); found {
			t.Error("old group id still linked")
		}
		if l, found, _ := tx.GroupLink(to); !found || l.Unit != "VT-P5" {
			t.Errorf("supergroup link %+v %v", l, found)
		}
		return nil
	})
}

// testLog logs to the test's output.
func testLog(t *testing.T) *slog.Logger {
	return slog.New(slog.NewTextHandler(tWriter{t}, &slog.HandlerOptions{Level: slog.LevelInfo}))
}

type tWriter struct{ t *testing.T }

func (w tWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}

func TestTallyEndToEndWithTheReportPackage(t *testing.T) {
	b := bottest.Start(t, bottest.Options{Now: at("2026-03-01 08:00:00")})
	sec := b.Secretary("Hoa", "VT-CDCD-CNTT")
	b.Member("Nguyễn Văn An", "VT-CDCD-CNTT")
	if _, err := b.Sched.RunTally(context.Background(), b.Now()); err != nil {
		t.Fatal(err)
	}
	settle(t, b)
	var text, photo, book bool
	for _, m := range sec.Messages() {
		switch {
		case m.DocumentName != "":
			book = m.DocumentName == "tally-VT-CDCD-CNTT-2026-02.xlsx" && bytes.HasPrefix(m.Document, []byte("PK"))
		case m.Photo != nil:
			cfg, format, err := image.DecodeConfig(bytes.NewReader(m.Photo))
			photo = err == nil && format == "png" && cfg.Width > 0
		case strings.Contains(m.Text, "02/2026"):
			text = true
		}
	}
	if !text || !photo || !book {
		t.Errorf("text %v, PNG chart %v, workbook %v:\n%s", text, photo, book, sec.Transcript())
	}
}
