package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"youthbot"
	"youthbot/bot/telegramtest"
	"youthbot/scheduler"
	"youthbot/storage"
)

// TestTallyCrashRecovery runs the built binary with last month's tally due
// (every start makes it up) to 120 secretaries and 5 groups at 30
// messages/s, kill -9's it at random points of the delivery three times and
// stops it with SIGTERM once, restarting it each time. At the end every
// recipient has last month's tally, and the only repeats are messages that
// were in flight at a kill (Telegram accepted them, the deletion from the
// outbox did not commit): at most one per chat and kill, at most the calls in flight
// (16) per kill.
func TestTallyCrashRecovery(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	seed := rand.Uint64()
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 0))
	// A kill -9 in the middle of an upload leaves the double a request it
	// cannot read: that is the kill, not a bug of the bot (cutByKill).
	rig := newCrashRig(t)
	dir, bin, dbPath, srv := rig.dir, rig.bin, rig.dbPath, rig.srv

	// 10 secretaries per unit, a linked group for each district and
	// grassroots union.
	db, err := storage.Open(dbPath, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	recipients := map[int64]bool{}
	err = db.Update(func(tx *storage.Tx) error {
		units, err := tx.Units()
		if err != nil {
			return err
		}
		for _, u := range units {
			for i := range 10 {
				sec := srv.NewUser(fmt.Sprintf("Bí thư %s %d", u.Code, i), "vi")
				recipients[sec.ID] = true
				if err := tx.AddSecretary(sec.ID, u.Code); err != nil {
					return err
				}
			}
			if u.Kind == youthbot.KindDistrict || u.Kind == youthbot.KindGrassroots {
				g := srv.NewGroup(u.Name)
				recipients[g.ID()] = true
				if err := tx.LinkGroup(youthbot.GroupLink{Chat: g.ID(), Unit: u.Code}); err != nil {
					return err
				}
			}
		}
		return nil
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	loc, _ := time.LoadLocation("Asia/Ho_Chi_Minh")
	now := time.Now().In(loc)
	label := scheduler.MonthLabel(youthbot.MonthPeriod(now.Year(), now.Month()).Prev())

	p := &botProcess{t: t, bin: bin, dir: dir, env: childEnv(map[string]string{
		"YOUTHBOT_TOKEN":        telegramtest.Token,
		"YOUTHBOT_API_ENDPOINT": srv.Endpoint(),
		"YOUTHBOT_DB":           dbPath,
		"YOUTHBOT_SEND_RATE":    "30",
		"YOUTHBOT_TALLY_CRON":   "@every 1h", // due at every start: last month's
	})}
	t.Cleanup(p.cleanup)
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	// tallies counts, per chat, the tally's workbooks delivered (the last
	// part of a tally) and all its parts.
	tallies := func() (books map[int64]int, total int) {
		books = map[int64]int{}
		for _, c := range srv.Calls() {
			if c.Status != 200 || !strings.HasPrefix(c.Method, "send") {
				continue
			}
			total++
			if c.Method == "sendDocument" {
				books[c.Chat]++
			}
		}
		return books, total
	}
	kills := 0
	var restarts []time.Time // when each run after a kill started
	for run := range 4 {
		if run > 0 {
			restarts = append(restarts, time.Now())
		}
		p.start()
		_, before := tallies()
		// Let it deliver some (random) part of what is left, then stop it.
		n := before + 5 + rng.IntN(25)
		if err := waitCond(ctx, srv, func() bool {
			per, got := tallies()
			return got >= n || len(per) == len(recipients)
		}); err != nil {
			t.Fatalf("run %d: no progress past %d tallies: %v\n%s", run+1, before, err, p.tail())
		}
		if run == 2 {
			if err := p.stop(); err != nil {
				t.Fatalf("SIGTERM: %v", err)
			}
		} else {
			p.kill()
			kills++
		}
	}
	restarts = append(restarts, time.Now())
	p.start()
	if err := waitCond(ctx, srv, func() bool { books, _ := tallies(); return len(books) == len(recipients) }); err != nil {
		books, _ := tallies()
		t.Fatalf("%d of %d recipients got the %s tally: %v\n%s", len(books), len(recipients), label, err, p.tail())
	}
	settle(srv)
	if err := p.stop(); err != nil {
		t.Fatal(err)
	}
	books, total := tallies()
	parts := map[string]int{} // every message is a tally's part here
	named := map[int64]bool{} // chats whose tally names the month
	for _, c := range srv.Calls() {
		if c.Status == 200 && strings.HasPrefix(c.Method, "send") {
			parts[fmt.Sprintf("%d %s %s%s", c.Chat, c.Method, c.Params["text"], c.Params["caption"])]++
			if strings.Contains(c.Params["text"], label) {
				named[c.Chat] = true
			}
		}
	}
	if len(named) != len(recipients) {
		t.Errorf("%d of %d recipients got a text naming %s", len(named), len(recipients), label)
	}
	dups := 0
	for chat, n := range books {
		if !recipients[chat] {
			t.Errorf("tally to %d, not a recipient", chat)
		}
		// Each kill repeats at most the message in flight to a chat; the
		// same one can be in flight again at the next kill (a workbook,
		// built and uploaded first after a restart, often is).
		if n > 1+kills {
			t.Errorf("chat %d got the workbook %d times after %d kills: a kill repeats at most the one message in flight", chat, n, kills)
		}
	}
	for part, n := range parts {
		if n > 1+kills {
			t.Errorf("%q delivered %d times after %d kills", part, n, kills)
		}
		dups += n - 1
	}
	t.Logf("%d recipients, %d messages, %d repeats after %d kills", len(recipients), total, dups, kills)
	if dups > kills*16 {
		t.Errorf("%d repeats after %d kills, want at most %d (the calls in flight)", dups, kills, kills*16)
	}
	p.checkLogs()
	rig.checkViolations(t, restarts)
	db, err = storage.Open(dbPath, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.View(func(tx *storage.Tx) error {
		if n, _ := tx.OutboxStats(); n != 0 {
			t.Errorf("%d messages left in the outbox", n)
		}
		return nil
	})
}
