package scheduler_test

import (
	"context"
	"strings"
	"testing"

	"youthbot"
	"youthbot/bot/bottest"
	"youthbot/storage"
)

// Two campaign reminders and a tally for one linked group within a minute
// arrive as one message holding all their texts (then the tally's chart
// and workbook); the members' own reminders merge the same way.
func TestGroupRemindersAndTallyWithinAMinuteArriveAsOneMessage(t *testing.T) {
	noLeaks(t)
	f := &fakeTally{}
	b := bottest.Start(t, bottest.Options{Now: at("2026-03-01 08:00:00"), Tally: f.build, Log: testLog(t)})
	an := b.Member("An", "VT-P5-KV1")
	grp := b.Server.NewGroup("Thành đoàn Vị Thanh")
	b.Update(func(tx *storage.Tx) error {
		if err := tx.LinkGroup(youthbot.GroupLink{Chat: grp.ID(), Unit: "VT"}); err != nil {
			return err
		}
		for _, name := range []string{"Xuân tình nguyện", "Ngày chủ nhật xanh"} {
			err := tx.NewCampaign(&youthbot.Campaign{Name: name, Unit: "VT", Start: youthbot.Date{Year: 2026, Month: 3, Day: 1},
				End: youthbot.Date{Year: 2026, Month: 3, Day: 31}, Cron: "0 8 * * *", Reminder: "Nhắc: " + name, CreatedAt: at("2026-02-01 00:00:00")})
			if err != nil {
				return err
			}
		}
		return nil
	})
	// The jobs of one minute run one after the other, each in its own
	// transactions: the sender holds a notice with nothing after it
	// (SenderConfig.MergeHold) so that the others join it.
	if _, err := b.Sched.RunCampaigns(context.Background(), b.Now()); err != nil {
		t.Fatal(err)
	}
	b.Sched.RunTally(context.Background(), b.Now())
	settle(t, b)

	var texts []string
	var files int
	for _, m := range grp.Messages() {
		if m.Photo != nil || m.DocumentName != "" {
			files++
		} else {
			texts = append(texts, m.Text)
		}
	}
	if len(texts) != 1 {
		t.Fatalf("the group got %d text messages, want 1: %q", len(texts), texts)
	}
	for _, want := range []string{"Nhắc: Xuân tình nguyện", "Nhắc: Ngày chủ nhật xanh", "📊 Tally VT 02/2026", "page 2"} {
		if strings.Count(texts[0], want) != 1 {
			t.Errorf("the group's message holds %q %d times, want once:\n%s", want, strings.Count(texts[0], want), texts[0])
		}
	}
	if files != 2 {
		t.Errorf("the group got %d files, want the chart and the workbook", files)
	}
	if msgs := an.Messages(); len(msgs) != 1 || !strings.Contains(msgs[0].Text, "Xuân tình nguyện") || !strings.Contains(msgs[0].Text, "Ngày chủ nhật xanh") {
		t.Errorf("the member's reminders did not arrive as one message: %d messages", len(msgs))
	}
	// The items' keys hold: the same firing again sends nothing.
	if _, err := b.Sched.RunCampaigns(context.Background(), b.Now()); err != nil {
		t.Fatal(err)
	}
	b.Sched.RunTally(context.Background(), b.Now())
	settle(t, b)
	if n := len(grp.Messages()); n != 3 {
		t.Errorf("the group has %d messages after the same firing again, want 3", n)
	}
}
