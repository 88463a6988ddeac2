package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"sync"
	"sync/atomic"
	"time"

	"youthbot/bot"
)

// The operator's HTTP endpoints on YOUTHBOT_HTTP.
const (
	PathHealthz = "/healthz" // liveness: the process runs and the database takes a write within 1 s
	PathReadyz  = "/readyz"  // readiness: Telegram answered a call less than readyWithin ago
	PathMetrics = "/metrics" // Prometheus
)

// readyWithin is how recent the last successful Bot API call must be for
// /readyz. Long polls end at least every 65 s; in webhook mode
// getWebhookInfo runs every webhookWatch.
const (
	readyWithin  = 2 * time.Minute
	webhookWatch = time.Minute
)

// opsServer serves /healthz, /readyz, /metrics and, in webhook mode,
// Telegram's webhook requests on the webhook URL's path.
type opsServer struct {
	ln      net.Listener
	srv     *http.Server
	served  chan struct{} // closed when Serve returns
	serving bool
	webhook atomic.Bool // set once the bot may handle updates
}

// listenHTTP opens YOUTHBOT_HTTP, if set, and builds its handlers; run
// serves it. Listening here makes a taken port fail the start at once.
func (a *App) listenHTTP() error {
	if a.cfg.HTTP == "" {
		return nil
	}
	ln := a.opt.listener
	if ln == nil {
		var err error
		if ln, err = net.Listen("tcp", a.cfg.HTTP); err != nil {
			return fmt.Errorf("YOUTHBOT_HTTP: %w", err)
		}
	}
	o := &opsServer{ln: ln, served: make(chan struct{})}
	mux := http.NewServeMux()
	mux.Handle("GET "+PathHealthz, a.metrics.Instrument("healthz", healthz(a.health)))
	mux.Handle("GET "+PathReadyz, a.metrics.Instrument("readyz", readyz(a.api.LastSuccess, time.Now)))
	mux.Handle("GET "+PathMetrics, a.metrics.Instrument("metrics", a.metrics.Handler()))
	var h http.Handler = mux
	if a.cfg.WebhookURL != "" {
		hookPath := WebhookPath(a.cfg.WebhookURL)
		hook := a.metrics.Instrument("webhook", o.gate(a.bot.WebhookHandler(a.cfg.WebhookSecret)))
		h = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == hookPath {
				hook.ServeHTTP(w, r)
				return
			}
			mux.ServeHTTP(w, r)
		})
	}
	o.srv = &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second, // Telegram waits 60 s for a webhook answer
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(a.log.Handler(), slog.LevelWarn),
	}
	a.ops = o
	return nil
}

// serveHTTP starts serving YOUTHBOT_HTTP, if set.
func (a *App) serveHTTP() {
	if a.ops == nil {
		return
	}
	o := a.ops
	o.serving = true
	go func() {
		defer close(o.served)
		if err := o.srv.Serve(o.ln); !errors.Is(err, http.ErrServerClosed) {
			a.log.Error("HTTP server stopped", "err", err)
		}
	}()
	a.log.Info("serving HTTP", "addr", o.ln.Addr().String(), "webhook", a.cfg.WebhookURL != "")
}

// stopHTTP stops taking requests and waits up to 10 s for those in flight:
// webhook updates being applied commit first.
func (a *App) stopHTTP() {
	if a.ops == nil {
		return
	}
	o := a.ops
	a.ops = nil
	if !o.serving {
		o.ln.Close()
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := o.srv.Shutdown(ctx); err != nil {
		a.log.Warn("HTTP shutdown", "err", err)
		o.srv.Close()
	}
	<-o.served
}

// receive takes updates until ctx ends: by webhook when YOUTHBOT_WEBHOOK_URL
// is set, else by long polling (which deletes any webhook first).
func (a *App) receive(ctx context.Context) error {
	if a.cfg.WebhookURL == "" {
		return a.bot.Poll(ctx)
	}
	a.ops.webhook.Store(true)
	if err := a.api.SetWebhook(ctx, a.cfg.WebhookURL, a.cfg.WebhookSecret, bot.AllowedUpdates, a.log); err != nil {
		if ctx.Err() != nil {
			return nil
		}
		return err
	}
	a.api.WatchWebhook(ctx, a.cfg.WebhookURL, webhookWatch, a.log)
	return nil
}

// gate answers 503 until the bot may handle updates (it knows its username
// once connected): Telegram delivers again.
func (o *opsServer) gate(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !o.webhook.Load() {
			http.Error(w, "starting", http.StatusServiceUnavailable)
			return
		}
		h.ServeHTTP(w, r)
	})
}

// WebhookPath is the path Telegram posts to: the webhook URL's.
func WebhookPath(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Path == "" {
		return "/"
	}
	return u.Path
}

// healthz answers 200 while health (the database takes a write within a
// second) passes, 503 otherwise.
func healthz(health func(context.Context) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := health(r.Context()); err != nil {
			http.Error(w, "unhealthy: "+err.Error(), http.StatusServiceUnavailable)
			return
		}
		io.WriteString(w, "ok\n")
	})
}

// readyz answers 200 while the last successful Bot API call is less than
// readyWithin old, 503 otherwise.
func readyz(lastSuccess, now func() time.Time) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		last := lastSuccess()
		switch {
		case last.IsZero():
			http.Error(w, "not ready: Telegram has not answered yet", http.StatusServiceUnavailable)
		case now().Sub(last) >= readyWithin:
			http.Error(w, fmt.Sprintf("not ready: Telegram last answered %s ago", now().Sub(last).Round(time.Second)), http.StatusServiceUnavailable)
		default:
			io.WriteString(w, "ready\n")
		}
	})
}

// Health probes: how long the database may take to take a write, and how
// long a result serves other probes.
const (
	healthWithin = time.Second
	healthFresh  = time.Second
)

// healthProbe answers "does the database take a write within a second?"
// for /healthz and the control socket. One write is in flight at a time,
// however many probes come (a busy writer would otherwise collect a
// goroutine and, later, an fsync per probe): probes that come meanwhile
// wait for that write, and its result serves every probe for healthFresh.
// A probe waits at most healthWithin from the write's start.
type healthProbe struct {
	write   func() error     // the check: a small write transaction
	failing func() error     // updates not committing (Bot.WriteFailure), checked every time; nil: none
	now     func() time.Time // the clock of the cached result
	within  time.Duration
	fresh   time.Duration

	mu      sync.Mutex
	flight  chan struct{} // closed when the write in flight ends; nil when none
	started time.Time     // when it began
	at      time.Time     // when the last result came
	err     error         // the last result
}

func newHealthProbe(write, failing func() error, now func() time.Time) *healthProbe {
	return &healthProbe{write: write, failing: failing, now: now, within: healthWithin, fresh: healthFresh}
}

// check returns nil when the database takes writes.
func (p *healthProbe) check(ctx context.Context) error {
	if p.failing != nil {
		if err := p.failing(); err != nil {
			return err
		}
	}
	p.mu.Lock()
	if p.flight == nil && !p.at.IsZero() && p.now().Sub(p.at) < p.fresh {
		err := p.err
		p.mu.Unlock()
		return err
	}
	if p.flight == nil {
		done := make(chan struct{})
		p.flight, p.started = done, p.now()
		go func() {
			err := p.write()
			p.mu.Lock()
			p.flight, p.at, p.err = nil, p.now(), err
			p.mu.Unlock()
			close(done)
		}()
	}
	done, left := p.flight, p.within-p.now().Sub(p.started)
	p.mu.Unlock()
	t := time.NewTimer(max(left, 0))
	defer t.Stop()
	select {
	case <-done:
		p.mu.Lock()
		defer p.mu.Unlock()
		return p.err
	case <-t.C:
		return fmt.Errorf("database not writable within %s", p.within)
	case <-ctx.Done():
		return fmt.Errorf("database not writable in time: %w", ctx.Err())
	}
}
