package groups

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
	"youthbot/bot"
	"youthbot/bot/internal/harness"
	"youthbot/seed"
	"youthbot/storage"
)

func TestMain(m *testing.M) {
	code := m.Run()
	seed.RemoveShared()
	os.Exit(code)
}

// seededCopy returns a copy, in a temporary directory, of the database of
// README's performance table (seed.SharedFile: 100,000 members).
func seededCopy(b *testing.B) string {
	b.Helper()
	path, err := seed.SharedCopy(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkBroadcastProvinceUpdates: an admin broadcasts to the whole
// seeded province (100,000 members, 94,019 of them approved): the preview
// (/broadcast) and the Send press, each applied as Apply does, its
// pre-phase (a read transaction, holding up nobody) and then its write
// transaction (the single writer: every other update waits for it). It
// reports each phase's time, and the outbox rows the Send's transaction
// wrote. The fan-out is the scheduler's (BenchmarkBroadcastFanOutProvince).
//
//	YOUTHBOT_BENCH_DB=/tmp/seed.db go test -run '^$' -bench BroadcastProvince -benchtime=3x ./bot/groups/
func BenchmarkBroadcastProvinceUpdates(b *testing.B) {
	db, err := storage.Open(seededCopy(b), storage.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	opts := seed.Benchmark()
	now := opts.Now
	yb := bot.New(bot.Config{DB: db, Admins: []int64{harness.AdminID}, Features: append(append([]bot.NewFeature(nil), harness.Rooms...), New), Location: opts.Loc, Lang: "vi",
		Now: func() time.Time { return now }, Log: slog.New(slog.DiscardHandler)})
	yb.SetUsername("youthbot_test_bot")
	nextID := 0
	// phase applies u as Apply does, timing its pre-phase and its write
	// transaction (commit included), and counting the outbox rows it adds.
	phase := func(u tgbotapi.Update) (pre, inTx time.Duration, queued []*youthbot.Outgoing) {
		nextID++
		u.UpdateID = nextID
		start := time.Now()
		ctx := yb.Prepare(context.Background(), []tgbotapi.Update{u})
		pre = time.Since(start)
		start = time.Now()
		err := db.Update(func(tx *storage.Tx) (err error) {
			queued, err = yb.ApplyInTx(ctx, tx, &u, now)
			return err
		})
		inTx = time.Since(start)
		if err != nil {
			b.Fatal(err)
		}
		return pre, inTx, queued
	}
	var prePre, preTx, sendPre, sendTx time.Duration
	var rows int
	var recipients string
	admin := harness.User(harness.AdminID, "vi")
	for i := 0; b.Loop(); i++ {
		p1, t1, preview := phase(harness.MsgUpdate(admin, fmt.Sprintf("/broadcast Thông báo số %d", i)))
		var send string
		if err := db.View(func(tx *storage.Tx) error {
			d, _, err := tx.Dialog(harness.AdminID)
			send = cbBroadcastSend + ":" + d.Data["id"]
			return err
		}); err != nil {
			b.Fatal(err)
		}
		p2, t2, sent := phase(harness.CbUpdate(admin, send))
		prePre, preTx, sendPre, sendTx, rows = prePre+p1, preTx+t1, sendPre+p2, sendTx+t2, len(sent)
		got := harness.Texts(append(preview, sent...), harness.AdminID)
		m := regexp.MustCompile(`<b>([\d.]+)</b>`).FindStringSubmatch(strings.Join(got, "\n"))
		if len(got) != 3 || m == nil || len(m[1]) < 5 || !strings.Contains(got[2], " "+m[1]+" ") {
			b.Fatalf("answers %q, want the preview and the Send's two with the province's recipients", got)
		}
		recipients = m[1]
	}
	n := float64(b.N)
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 / n }
	b.ReportMetric(ms(prePre), "preview_prephase_ms")
	b.ReportMetric(ms(preTx), "preview_write_tx_ms")
	b.ReportMetric(ms(sendPre), "send_prephase_ms")
	b.ReportMetric(ms(sendTx), "send_write_tx_ms")
	b.ReportMetric(float64(rows), "send_outbox_rows")
	b.Logf("recipients: %s", recipients)
}
