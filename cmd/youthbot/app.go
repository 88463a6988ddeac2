package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sync"
	"time"

	"youthbot/bot"
	"youthbot/control"
	"youthbot/metrics"
	"youthbot/outbox"
	"youthbot/scheduler"
	"youthbot/storage"
	"youthbot/telegram"
)

// dbTimeout is how long a command waits for a database another process
// holds before it gives up with a clear message.
const dbTimeout = 3 * time.Second

// app is the running bot: database, Bot API client, update handling, the
// outbox sender and the control socket, started and stopped in order.
type app struct {
	cfg     Config
	log     *slog.Logger
	now     func() time.Time
	db      *storage.DB
	api     *telegram.API
	bot     *bot.Bot
	sender  *outbox.Sender
	sched   *scheduler.Scheduler // tallies, reminders, digest
	ctl     *control.Server
	metrics *metrics.Registry
	ops     *opsServer   // YOUTHBOT_HTTP; nil when off (ops.go)
	probe   *healthProbe // /healthz and the control socket's health (ops.go)

	stopPoll, stopCalls context.CancelFunc
}

// newApp opens the database and wires the parts; nothing talks to Telegram
// yet.
func newApp(cfg Config, log *slog.Logger, now func() time.Time) (*app, error) {
	db, err := openDB(cfg.DB, false)
	if err != nil {
		return nil, err
	}
	a := &app{cfg: cfg, log: log, now: now, db: db}
	pollCtx, stopPoll := context.WithCancel(context.Background())
	callCtx, stopCalls := context.WithCancel(context.Background())
	a.stopPoll, a.stopCalls = stopPoll, stopCalls
	a.api = telegram.NewAPI(cfg.Token, cfg.APIEndpoint, pollCtx, callCtx)
	a.metrics = metrics.New()
	a.metrics.WatchDB(db, now)
	a.api.SetMetrics(a.metrics)
	a.sender = outbox.NewSender(outbox.SenderConfig{DB: db, API: a.api, Rate: cfg.SendRate, Log: log, Recorder: a.metrics})
	a.sched, err = scheduler.New(scheduler.Config{DB: db, Outbox: a.sender, Location: cfg.TZ, TallyCron: cfg.TallyCron,
		Lang: cfg.Lang, Admins: cfg.Admins, Now: now, Log: log, Recorder: a.metrics})
	if err != nil {
		a.close()
		return nil, err
	}
	a.sender.SetRender(a.sched.Tallies().Render) // the files tallies name, built at delivery
	a.bot = bot.New(bot.Config{
		DB: db, API: a.api, Outbox: a.sender, Admins: cfg.Admins, Location: cfg.TZ, Lang: cfg.Lang, Now: now, Log: log,
		Metrics: a.metrics, Broadcasts: a.sched, // the scheduler fans out the broadcasts recorded
	})
	a.probe = newHealthProbe(func() error {
		return db.Update(func(tx *storage.Tx) error { return tx.Touch(now()) })
	}, a.bot.WriteFailure, time.Now)
	a.ctl, err = control.Listen(control.SocketPath(cfg.DB), control.Handler{Backup: a.backup, Health: a.health}, log)
	if err != nil {
		a.close()
		return nil, err
	}
	if err := a.sender.Load(); err != nil {
		a.close()
		return nil, fmt.Errorf("load outbox: %w", err)
	}
	if err := a.listenHTTP(); err != nil {
		a.close()
		return nil, err
	}
	return a, nil
}

// backup writes a backup for `youthbot backup`: a compacted copy (never
// the file's freed pages), after the wipe an erasure may have left due.
func (a *app) backup(w io.Writer) (int64, error) {
	if _, err := a.db.WipeIfDue(); err != nil {
		a.log.Warn("wipe before backup", "err", err) // the copy is compacted anyway
	}
	return a.db.Backup(w)
}

// wipeEvery is how often the bot checks whether an erasure left freed
// pages to wipe (storage.DB.WipeIfDue).
const wipeEvery = 10 * time.Second

// wipeLoop overwrites the freed pages of the file after each erasure
// (/forgetme), once the messages queued up to it have left the outbox.
func (a *app) wipeLoop(ctx context.Context) {
	t := time.NewTicker(wipeEvery)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		if _, err := a.db.WipeIfDue(); err != nil && !errors.Is(err, storage.ErrReadersOpen) {
			a.log.Warn("wipe after erasure", "err", err)
		}
	}
}

// health reports whether the database takes a write within a second and
// updates commit (ops.go: one probe write at a time, its result shared).
func (a *app) health(ctx context.Context) error {
	return a.probe.check(ctx)
}

// run serves until ctx ends, then shuts down in order: stop taking updates
// (the batch in hand is finished; webhook requests in flight commit before
// the HTTP server stops), let the outbox deliver for a moment, stop the
// sender (calls in flight complete), close the database.
func (a *app) run(ctx context.Context) error {
	a.serveHTTP()
	if err := a.bot.Start(ctx); err != nil {
		a.close()
		return err
	}
	senderCtx, stopSender := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		a.sender.Run(senderCtx)
	}()
	wg.Add(1)
	go func() {
		defer wg.Done()
		a.wipeLoop(senderCtx)
	}()
	if err := a.sched.Start(); err != nil { // cron, and a catch-up run of every job
		a.log.Error("scheduler not started", "err", err)
	}
	a.log.Info("youthbot running", "config", a.cfg)
	pollErr := make(chan error, 1)
	go func() { pollErr <- a.receive(ctx) }()
	var err error
	select {
	case <-ctx.Done():
		a.log.Info("shutting down")
		a.stopPoll()
		err = <-pollErr
	case err = <-pollErr:
		a.stopPoll()
	case <-a.db.Damaged():
		a.log.Error("database damaged, stopping", "err", a.db.DamageErr())
		a.stopPoll()
		<-pollErr
		err = a.db.DamageErr()
	}
	a.bot.Stop() // command menus still being retried
	a.stopHTTP()
	a.sched.Stop() // cron stopped, running jobs finished: nothing more is queued
	drain, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	a.sender.WaitIdle(drain)
	cancel()
	stopSender()
	wg.Wait()
	a.close()
	if err != nil {
		return err
	}
	a.log.Info("stopped")
	return nil
}

func (a *app) close() {
	a.stopHTTP()
	if a.ctl != nil {
		a.ctl.Close()
	}
	a.stopPoll()
	a.stopCalls()
	a.api.CloseIdleConnections()
	if err := a.db.Close(); err != nil {
		a.log.Error("close database", "err", err)
	}
}

// openDB opens the database, failing within dbTimeout with a clear message
// when another process holds it.
func openDB(path string, readOnly bool) (*storage.DB, error) {
	db, err := storage.Open(path, storage.Options{Timeout: dbTimeout, ReadOnly: readOnly})
	if errors.Is(err, storage.ErrLocked) {
		return nil, fmt.Errorf("database %s is in use by another process (a running bot?); stop it first, or use youthbot backup which works while the bot runs", path)
	}
	return db, err // a damaged file: Main names youthbot restore
}

// newLogger logs JSON, or text when w is a terminal.
func newLogger(w io.Writer) *slog.Logger {
	if f, ok := w.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			return slog.New(slog.NewTextHandler(w, nil))
		}
	}
	return slog.New(slog.NewJSONHandler(w, nil))
}

// cmdRun runs the bot.
func (e *cli) cmdRun(args []string) error {
	cfg, _, err := e.parse("run", nil, args, 0)
	if err != nil {
		return err
	}
	log := newLogger(e.stderr)
	a, err := newApp(cfg, log, time.Now)
	if err != nil {
		return err
	}
	return a.run(e.ctx)
}
