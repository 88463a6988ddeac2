// Package app is the running bot, wired once: the database, the Bot API
// client, metrics, the outbox sender, the scheduler, update handling, the
// control socket, the operator's HTTP endpoints (health, metrics, webhook)
// and the wipe after erasures, started and stopped in one order. The
// binary (`youthbot run`, `youthbot console`) and the end-to-end tests
// (bot/bottest) run this same app; only Config and the Options differ.
//
//	a, err := app.New(cfg, app.WithLog(log))
//	err = a.Run(ctx)  // serving once it returns nil
//	<-a.Done()        // ctx ended, receiving failed, or the database is damaged
//	err = a.Close()   // the shutdown order below
//
// Shutdown order: stop taking updates (the batch in hand is finished;
// webhook requests in flight commit before the HTTP server stops), stop
// the scheduler and wait for its running jobs, let the outbox deliver for
// a moment, stop the sender (calls in flight complete), close the
// database.
package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
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

// The parts of other packages the app wires. Their packages may move; the
// app's users name them through these.
type (
	// Sender is the outbox sender.
	Sender = outbox.Sender
	// API is the Bot API client.
	API = telegram.API
)

func newAPI(cfg Config, pollCtx, callCtx context.Context) *API {
	return telegram.NewAPI(cfg.Token, cfg.APIEndpoint, pollCtx, callCtx)
}

func newSender(db *storage.DB, api *API, cfg Config, log *slog.Logger, rec outbox.SendRecorder) *Sender {
	return outbox.NewSender(outbox.SenderConfig{DB: db, API: api, Rate: cfg.SendRate, Log: log, Recorder: rec})
}

// DBTimeout is how long a command waits for a database another process
// holds before it gives up with a clear message.
const DBTimeout = 3 * time.Second

// App is the running bot: database, Bot API client, update handling, the
// outbox sender and the control socket, started and stopped in order.
type App struct {
	cfg     Config
	opt     options
	log     *slog.Logger
	db      *storage.DB
	api     *API
	bot     *bot.Bot
	sender  *Sender
	sched   *scheduler.Scheduler // tallies, reminders, digest, broadcasts
	ctl     *control.Server
	metrics *metrics.Registry
	ops     *opsServer   // Config.HTTP; nil when off (ops.go)
	probe   *healthProbe // /healthz and the control socket's health (ops.go)

	stopPoll, stopCalls context.CancelFunc

	running    bool
	stopRecv   context.CancelFunc // ends the receiving that Run started
	stopSender context.CancelFunc // ends the sender, the wipe loop and the broadcasts without cron
	wg         sync.WaitGroup     // of those
	done       chan struct{}      // closed once updates are no longer taken
	err        error              // why, when not asked to (set before done closes)
	closeOnce  sync.Once
}

// New opens the database and wires the parts; nothing talks to Telegram
// yet. The caller Runs and Closes the app.
func New(cfg Config, opts ...Option) (*App, error) {
	o := options{log: slog.New(slog.DiscardHandler), now: time.Now}
	for _, f := range opts {
		f(&o)
	}
	if err := cfg.Validate(); err != nil {
		if o.listener != nil {
			o.listener.Close()
		}
		return nil, err
	}
	if o.rate > 0 {
		cfg.SendRate = o.rate
	}
	db, err := OpenDB(cfg.DB, false)
	if err != nil {
		if o.listener != nil {
			o.listener.Close()
		}
		return nil, err
	}
	log, now := o.log, o.now
	a := &App{cfg: cfg, opt: o, log: log, db: db, done: make(chan struct{})}
	pollCtx, stopPoll := context.WithCancel(context.Background())
	callCtx, stopCalls := context.WithCancel(context.Background())
	a.stopPoll, a.stopCalls = stopPoll, stopCalls
	a.api = newAPI(cfg, pollCtx, callCtx)
	a.metrics = metrics.New()
	a.metrics.WatchDB(db, now)
	a.api.SetMetrics(a.metrics)
	a.sender = newSender(db, a.api, cfg, log, a.metrics)
	a.sched, err = scheduler.New(scheduler.Config{DB: db, Outbox: a.sender, Location: cfg.TZ, TallyCron: cfg.TallyCron,
		Lang: cfg.Lang, Admins: cfg.Admins, Now: now, Log: log, Recorder: a.metrics, Tally: o.tally})
	if err != nil {
		a.close()
		return nil, err
	}
	a.sender.SetRender(a.sched.Tallies().Render) // the files tallies name, built at delivery
	a.bot = bot.New(bot.Config{
		DB: db, API: a.api, Outbox: a.sender, Admins: cfg.Admins, Location: cfg.TZ, Lang: cfg.Lang, Now: now, Log: log,
		Metrics: a.metrics, Broadcasts: a.sched, // the scheduler fans out the broadcasts recorded
		Features: Features,
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

// DB is the app's database.
func (a *App) DB() *storage.DB { return a.db }

// Bot handles the updates.
func (a *App) Bot() *bot.Bot { return a.bot }

// Sender delivers the outbox.
func (a *App) Sender() *Sender { return a.sender }

// Scheduler runs the time-driven jobs.
func (a *App) Scheduler() *scheduler.Scheduler { return a.sched }

// backup writes a backup for `youthbot backup`: a compacted copy (never
// the file's freed pages), after the wipe an erasure may have left due.
func (a *App) backup(w io.Writer) (int64, error) {
	if _, err := a.db.WipeIfDue(); err != nil {
		a.log.Warn("wipe before backup", "err", err) // the copy is compacted anyway
	}
	return a.db.Backup(w)
}

// drainFor is how long Close lets the outbox deliver before it stops the
// sender; what is left stays queued for the next start.
const drainFor = 3 * time.Second

// wipeEvery is how often the bot checks whether an erasure left freed
// pages to wipe (storage.DB.WipeIfDue).
const wipeEvery = 10 * time.Second

// wipeLoop overwrites the freed pages of the file after each erasure
// (/forgetme), once the messages queued up to it have left the outbox.
func (a *App) wipeLoop(ctx context.Context) {
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
func (a *App) health(ctx context.Context) error {
	return a.probe.check(ctx)
}

// Run starts serving: HTTP, the bot (it asks Telegram who it is), the
// sender, the wipe loop, the scheduler, and receiving updates until ctx
// ends or Close. It returns once all is started; on an error it has closed
// the app.
func (a *App) Run(ctx context.Context) error {
	a.serveHTTP()
	if err := a.bot.Start(ctx); err != nil {
		a.closeOnce.Do(a.close)
		return err
	}
	a.running = true
	senderCtx, stopSender := context.WithCancel(context.Background())
	a.stopSender = stopSender
	a.wg.Go(func() { a.sender.Run(senderCtx) })
	a.wg.Go(func() { a.wipeLoop(senderCtx) })
	if a.opt.noCron {
		a.wg.Go(func() { a.sched.ServeBroadcasts(senderCtx) })
	} else if err := a.sched.Start(); err != nil { // cron, and a catch-up run of every job
		a.log.Error("scheduler not started", "err", err)
	}
	a.log.Info("youthbot running", "config", a.cfg)
	ctx, a.stopRecv = context.WithCancel(ctx)
	pollErr := make(chan error, 1)
	go func() { pollErr <- a.receive(ctx) }()
	go func() {
		defer close(a.done)
		select {
		case <-ctx.Done():
			a.log.Info("shutting down")
			a.stopPoll()
			a.err = <-pollErr
		case a.err = <-pollErr:
			a.stopPoll()
		case <-a.db.Damaged():
			a.log.Error("database damaged, stopping", "err", a.db.DamageErr())
			a.stopPoll()
			<-pollErr
			a.err = a.db.DamageErr()
		}
	}()
	return nil
}

// Done is closed once the app no longer takes updates: Run's context
// ended, receiving failed, or the database is damaged. Close then says why.
func (a *App) Done() <-chan struct{} { return a.done }

// Close shuts the app down in order (see the package doc) and returns why
// it stopped taking updates, if not because it was asked to. Closing twice,
// or after Run failed, does nothing more.
func (a *App) Close() error {
	a.closeOnce.Do(func() {
		if !a.running {
			a.close()
			return
		}
		a.stopRecv()
		<-a.done
		a.bot.Stop() // command menus still being retried
		a.stopHTTP()
		a.sched.Stop() // cron stopped, running jobs finished: nothing more is queued
		drain, cancel := context.WithTimeout(context.Background(), drainFor)
		a.sender.WaitIdle(drain)
		cancel()
		a.stopSender()
		a.wg.Wait()
		a.close()
		if a.err == nil {
			a.log.Info("stopped")
		}
	})
	return a.err
}

func (a *App) close() {
	a.stopHTTP()
	if a.opt.listener != nil {
		a.opt.listener.Close() // given to New: closed also when New failed before serving it
	}
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

// OpenDB opens the database, failing within DBTimeout with a clear message
// when another process holds it.
func OpenDB(path string, readOnly bool) (*storage.DB, error) {
	db, err := storage.Open(path, storage.Options{Timeout: DBTimeout, ReadOnly: readOnly})
	if errors.Is(err, storage.ErrLocked) {
		return nil, fmt.Errorf("database %s is in use by another process (a running bot?); stop it first, or use youthbot backup which works while the bot runs", path)
	}
	return db, err // a damaged file: Main names youthbot restore
}
