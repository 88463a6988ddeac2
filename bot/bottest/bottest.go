// Package bottest runs the real bot against the Telegram test double for
// end-to-end tests: the app the binary runs (internal/app: bot.Bot, the
// Bot API client, the outbox sender, the scheduler, long polling, the
// control socket), on a bbolt file in a temp dir, with a clock the test
// moves. Like net/http/httptest for youthbot.
package bottest

import (
	"context"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"youthbot"
	"youthbot/bot"
	"youthbot/bot/telegramtest"
	"youthbot/demo"
	"youthbot/internal/app"
	"youthbot/scheduler"
	"youthbot/storage"
	"youthbot/unitcsv"
)

// Options configure Start.
type Options struct {
	Admins []int64              // admin user ids (make them with Server.NewUser first, or use AdminID)
	Lang   string               // default language; "vi" when empty
	Now    time.Time            // the clock's start; 2026-03-10 09:00 in the bot's zone when zero
	Units  string               // units CSV to import; demo.UnitsCSV when empty, "-" for none
	Rate   float64              // YOUTHBOT_SEND_RATE; 1000 when 0 (tests should not wait on rates)
	Log    *slog.Logger         // discard when nil
	Server *telegramtest.Server // an existing double (say, for a restart); a new one when nil
	DBPath string               // an existing database; a new one in t.TempDir() when empty
	// Scheduler starts the scheduler as the app does (cron, and a catch-up
	// run of every job at start, at the bot's clock); off by default so
	// that no tally or digest comes unasked. Tests move the clock and call
	// Bot.Sched.RunTally and the like, or restart.
	Scheduler bool
	TallyCron string                 // YOUTHBOT_TALLY_CRON; scheduler.DefaultTallyCron when empty
	Tally     scheduler.TallyBuilder // the tally content; scheduler.ReportTally when nil
}

// Bot is a running bot and its world.
type Bot struct {
	T      testing.TB
	Server *telegramtest.Server
	DB     *storage.DB
	Bot    *bot.Bot
	Sender *app.Sender
	Sched  *scheduler.Scheduler // always built; running only with Options.Scheduler
	DBPath string
	Loc    *time.Location

	app      *app.App
	stopOnce sync.Once
	mu       sync.Mutex
	now      time.Time
}

// Start starts a bot; it stops at the end of the test (or with Stop).
func Start(tb testing.TB, opts Options) *Bot {
	tb.Helper()
	srv := opts.Server
	if srv == nil {
		srv = telegramtest.New(tb)
	}
	if opts.DBPath == "" {
		opts.DBPath = filepath.Join(tb.TempDir(), "youthbot.db")
	}
	loc, err := time.LoadLocation("Asia/Ho_Chi_Minh")
	if err != nil {
		tb.Fatal(err)
	}
	if opts.Now.IsZero() {
		opts.Now = time.Date(2026, 3, 10, 9, 0, 0, 0, loc)
	}
	if opts.Lang == "" {
		opts.Lang = youthbot.LangVI
	}
	if opts.Rate == 0 {
		opts.Rate = 1000
	}
	if opts.Log == nil {
		opts.Log = slog.New(slog.DiscardHandler)
	}
	b := &Bot{T: tb, Server: srv, DBPath: opts.DBPath, Loc: loc, now: opts.Now}
	appOpts := []app.Option{app.WithLog(opts.Log), app.WithClock(b.Now), app.WithTally(opts.Tally)}
	if !opts.Scheduler {
		// Broadcasts are still fanned out by the scheduler's broadcast
		// job, which runs without the rest of the scheduler too.
		appOpts = append(appOpts, app.WithoutCron())
	}
	rate := opts.Rate
	if rate > app.MaxSendRate {
		appOpts = append(appOpts, app.WithSendRate(rate)) // a benchmark's: beyond what an operator may set
		rate = app.MaxSendRate
	}
	a, err := app.New(app.Config{Token: telegramtest.Token, DB: opts.DBPath, APIEndpoint: srv.Endpoint(), Admins: opts.Admins,
		TZ: loc, Lang: opts.Lang, TallyCron: opts.TallyCron, SendRate: rate}, appOpts...)
	if err != nil {
		tb.Fatal(err)
	}
	b.app, b.DB, b.Bot, b.Sender, b.Sched = a, a.DB(), a.Bot(), a.Sender(), a.Scheduler()
	if opts.Units != "-" {
		csv := opts.Units
		if csv == "" {
			csv = demo.UnitsCSV
		}
		rows, err := unitcsv.Parse(strings.NewReader(csv))
		if err == nil {
			err = b.DB.Update(func(tx *storage.Tx) error { _, _, err := tx.ImportUnits(rows); return err })
		}
		if err != nil {
			a.Close()
			tb.Fatal(err)
		}
	}
	if err := a.Run(context.Background()); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(b.Stop)
	return b
}

// Stop stops the bot as the binary stops (internal/app's shutdown order:
// updates, scheduler, a short drain of the outbox, sender, database); what
// is still queued stays in the outbox.
func (b *Bot) Stop() {
	b.stopOnce.Do(func() {
		if err := b.app.Close(); err != nil {
			b.T.Errorf("poll: %v", err)
		}
	})
}

// Restart stops the bot and starts a new one on the same database and
// double, as after a restart of the process.
func (b *Bot) Restart(opts Options) *Bot {
	b.T.Helper()
	b.Stop()
	opts.Server, opts.DBPath, opts.Units = b.Server, b.DBPath, "-"
	if opts.Now.IsZero() {
		opts.Now = b.Now()
	}
	return Start(b.T, opts)
}

// Now is the bot's clock.
func (b *Bot) Now() time.Time {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.now
}

// SetNow moves the clock.
func (b *Bot) SetNow(t time.Time) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.now = t
}

// Advance moves the clock forward.
func (b *Bot) Advance(d time.Duration) { b.SetNow(b.Now().Add(d)) }

// Update runs fn in a write transaction (test setup).
func (b *Bot) Update(fn func(tx *storage.Tx) error) {
	b.T.Helper()
	if err := b.DB.Update(fn); err != nil {
		b.T.Fatal(err)
	}
}

// View runs fn in a read transaction (test checks).
func (b *Bot) View(fn func(tx *storage.Tx) error) {
	b.T.Helper()
	if err := b.DB.View(fn); err != nil {
		b.T.Fatal(err)
	}
}

// Secretary makes a new user secretary of unit.
func (b *Bot) Secretary(name, unit string) *telegramtest.User {
	b.T.Helper()
	u := b.Server.NewUser(name, "vi")
	b.Update(func(tx *storage.Tx) error { return tx.AddSecretary(u.ID, unit) })
	return u
}

// Member makes a new user an approved member of branch, registered and
// approved at the bot's now (no messages are exchanged).
func (b *Bot) Member(name, branch string) *telegramtest.User {
	b.T.Helper()
	u := b.Server.NewUser(name, "vi")
	now := b.Now()
	b.Update(func(tx *storage.Tx) error {
		m := youthbot.Member{UserID: u.ID, Unit: branch, FullName: name, Birth: youthbot.Date{Year: 2004, Month: 3, Day: 15},
			Status: youthbot.StatusApproved, RegisteredAt: now, DecidedAt: now}
		if err := tx.PutMember(m); err != nil {
			return err
		}
		return tx.OpenStint(u.ID, branch, now, true)
	})
	return u
}

// Settle waits until the double has no unconfirmed update and the outbox is
// empty: the bot has handled everything and delivered its answers.
func (b *Bot) Settle() {
	b.T.Helper()
	// An update is confirmed only after its batch was applied and its
	// answers pushed to the sender, so once nothing is pending the sender
	// holds everything left to deliver.
	b.Server.WaitUntil(b.T, "the bot to take every update", func() bool { return b.Server.Pending() == 0 })
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := b.Sender.WaitIdle(ctx); err != nil {
		b.T.Fatalf("the outbox did not empty: %d messages left", b.Sender.Queued())
	}
}
