package main

import (
	"context"
	"io"
	"log/slog"
	"os"

	"youthbot/internal/app"
	"youthbot/storage"
)

// dbTimeout is how long a command waits for a database another process
// holds before it gives up with a clear message.
const dbTimeout = app.DBTimeout

// The operator's HTTP endpoints the app serves on YOUTHBOT_HTTP.
const (
	pathHealthz = app.PathHealthz
	pathReadyz  = app.PathReadyz
	pathMetrics = app.PathMetrics
)

// webhookPath is the path Telegram posts to: the webhook URL's.
func webhookPath(raw string) string { return app.WebhookPath(raw) }

// openDB opens the database, failing within dbTimeout with a clear message
// when another process holds it.
func openDB(path string, readOnly bool) (*storage.DB, error) { return app.OpenDB(path, readOnly) }

// app is the configuration the app runs with (validated for run or console).
func (c Config) app() app.Config {
	return app.Config{
		Token: c.Token, DB: c.DB, APIEndpoint: c.APIEndpoint, Admins: c.Admins, TZ: c.TZ, Lang: c.Lang,
		TallyCron: c.TallyCron, SendRate: c.SendRate, HTTP: c.HTTP, WebhookURL: c.WebhookURL, WebhookSecret: c.WebhookSecret,
	}
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

// cmdRun runs the bot until e.ctx ends (a signal) or it cannot go on.
func (e *cli) cmdRun(args []string) error {
	cfg, _, err := e.parse("run", nil, args, 0)
	if err != nil {
		return err
	}
	return runApp(e.ctx, cfg, app.WithLog(newLogger(e.stderr)))
}

// runApp runs the app until ctx ends or it stops taking updates by itself,
// and shuts it down.
func runApp(ctx context.Context, cfg Config, opts ...app.Option) error {
	a, err := app.New(cfg.app(), opts...)
	if err != nil {
		return err
	}
	if err := a.Run(ctx); err != nil {
		return err
	}
	<-a.Done()
	return a.Close()
}
