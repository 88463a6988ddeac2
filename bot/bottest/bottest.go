// Package bottest runs the real bot against the Telegram test double for
// end-to-end tests: bot.Bot, telegram.API, the outbox sender and long polling,
// wired as cmd/youthbot wires them, on a bbolt file in a temp dir, with a
// clock the test moves. Like net/http/httptest for youthbot.
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
	"youthbot/outbox"
	"youthbot/scheduler"
	"youthbot/storage"
	"youthbot/telegram"
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
	Sender *outbox.Sender
	Sched  *scheduler.Scheduler // always built; running only with Options.Scheduler
	DBPath string
	Loc    *time.Location

	mu   sync.Mutex
	now  time.Time
	stop func()
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
	db, err := storage.Open(opts.DBPath, storage.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	b := &Bot{T: tb, Server: srv, DB: db, DBPath: opts.DBPath, Loc: loc, now: opts.Now}
	if opts.Units != "-" {
		csv := opts.Units
		if csv == "" {
			csv = demo.UnitsCSV
		}
		rows, err := unitcsv.Parse(strings.NewReader(csv))
		if err != nil {
			tb.Fatal(err)
		}
		if err := db.Update(func(tx *storage.Tx) error { _, _, err := tx.ImportUnits(rows); return err }); err != nil {
			tb.Fatal(err)
		}
	}
	pollCtx, stopPoll := context.WithCancel(context.Background())
	callCtx, stopCalls := context.WithCancel(context.Background())
	api := telegram.NewAPI(telegramtest.Token, srv.Endpoint(), pollCtx, callCtx)
	b.Sender = outbox.NewSender(outbox.SenderConfig{DB: db, API: api, Rate: opts.Rate, Log: opts.Log})
	b.Sched, err = scheduler.New(scheduler.Config{DB: db, Outbox: b.Sender, Location: loc, TallyCron: opts.TallyCron,
		Lang: opts.Lang, Admins: opts.Admins, Now: b.Now, Log: opts.Log, Tally: opts.Tally})
	if err != nil {
		tb.Fatal(err)
	}
	b.Sender.SetRender(b.Sched.Tallies().Render) // the files tallies name, built at delivery
	b.Bot = bot.New(bot.Config{DB: db, API: api, Outbox: b.Sender, Admins: opts.Admins, Location: loc,
		Lang: opts.Lang, Now: b.Now, Log: opts.Log, Broadcasts: b.Sched})
	if err := b.Sender.Load(); err != nil {
		tb.Fatal(err)
	}
	if err := b.Bot.Start(pollCtx); err != nil {
		tb.Fatal(err)
	}
	senderCtx, stopSender := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); b.Sender.Run(senderCtx) }()
	go func() {
		defer wg.Done()
		if err := b.Bot.Poll(pollCtx); err != nil {
			tb.Errorf("poll: %v", err)
		}
	}()
	// Broadcasts are fanned out by the scheduler's broadcast job, which
	// runs without the rest of the scheduler too.
	bcCtx, stopBroadcasts := context.WithCancel(context.Background())
	if opts.Scheduler {
		if err := b.Sched.Start(); err != nil {
			tb.Fatal(err)
		}
	} else {
		wg.Add(1)
		go func() { defer wg.Done(); b.Sched.ServeBroadcasts(bcCtx) }()
	}
	var once sync.Once
	b.stop = func() {
		once.Do(func() {
			stopPoll()
			b.Bot.Stop()
			b.Sched.Stop()
			stopBroadcasts()
			stopSender()
			wg.Wait()
			stopCalls()
			db.Close()
		})
	}
	tb.Cleanup(b.Stop)
	return b
}

// Stop stops polling and the sender and closes the database; what is queued
// stays in the outbox.
func (b *Bot) Stop() { b.stop() }

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
