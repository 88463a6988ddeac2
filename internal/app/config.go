package app

import (
	"errors"
	"fmt"
	"log/slog"
	"net"
	"time"

	"github.com/robfig/cron/v3"

	"youthbot"
	"youthbot/scheduler"
)

// MaxSendRate is the highest Config.SendRate.
const MaxSendRate = 1000.0

// Config is what the app runs with (cmd/youthbot fills it from the
// YOUTHBOT_* variables and flags and checks them with messages naming
// them; New checks it once more, for every other caller).
type Config struct {
	Token       string // Telegram bot token; never logged
	DB          string // path of the bbolt file
	APIEndpoint string // Bot API URL format with two %s: token, method
	Admins      []int64
	TZ          *time.Location
	Lang        string  // default language: "vi" or "en"
	TallyCron   string  // monthly tally schedule, robfig/cron syntax; scheduler.DefaultTallyCron when empty
	SendRate    float64 // outgoing messages per second, all chats together
	HTTP        string  // listen address for /healthz, /readyz, /metrics and the webhook; empty: off

	WebhookURL    string // public URL Telegram posts updates to; empty: long polling
	WebhookSecret string // secret token Telegram sends with each webhook request
}

// Validate returns the first thing wrong with c.
func (c Config) Validate() error {
	switch {
	case c.Token == "":
		return errors.New("app: no token")
	case c.DB == "":
		return errors.New("app: no database path")
	case c.APIEndpoint == "":
		return errors.New("app: no Bot API endpoint")
	case c.TZ == nil:
		return errors.New("app: no time zone")
	case !youthbot.ValidLang(c.Lang):
		return fmt.Errorf("app: language %q", c.Lang)
	case !(c.SendRate > 0 && c.SendRate <= MaxSendRate):
		return fmt.Errorf("app: send rate %g out of (0, %g]", c.SendRate, MaxSendRate)
	case c.WebhookURL != "" && (c.HTTP == "" || c.WebhookSecret == ""):
		return errors.New("app: webhook mode needs an HTTP address and a secret")
	}
	if c.TallyCron != "" {
		if _, err := cron.ParseStandard(c.TallyCron); err != nil {
			return fmt.Errorf("app: tally cron %q: %w", c.TallyCron, err)
		}
	}
	return nil
}

// LogValue shows c in logs without its secrets.
func (c Config) LogValue() slog.Value {
	tz := ""
	if c.TZ != nil {
		tz = c.TZ.String()
	}
	return slog.GroupValue(
		slog.String("token", setOrUnset(c.Token)),
		slog.String("db", c.DB),
		slog.String("api_endpoint", c.APIEndpoint),
		slog.Any("admins", c.Admins),
		slog.String("tz", tz),
		slog.String("lang", c.Lang),
		slog.String("tally_cron", c.TallyCron),
		slog.Float64("send_rate", c.SendRate),
		slog.String("http", c.HTTP),
		slog.String("webhook_url", c.WebhookURL),
		slog.String("webhook_secret", setOrUnset(c.WebhookSecret)),
	)
}

func setOrUnset(s string) string {
	if s == "" {
		return "unset"
	}
	return "set"
}

// Option changes how New wires the app; the binary uses none but WithLog.
type Option func(*options)

type options struct {
	log      *slog.Logger
	now      func() time.Time
	noCron   bool
	tally    scheduler.TallyBuilder
	listener net.Listener
	rate     float64 // WithSendRate
}

// WithSendRate sets the outbox's rate to r messages per second, above
// MaxSendRate too: for benchmarks that measure the update pipeline against
// a loop that has no rate (Config.SendRate bounds what an operator sets).
func WithSendRate(r float64) Option { return func(o *options) { o.rate = r } }

// WithLog logs to l (by default nowhere).
func WithLog(l *slog.Logger) Option { return func(o *options) { o.log = l } }

// WithClock gives the bot and the scheduler their time (time.Now by
// default); tests move it.
func WithClock(now func() time.Time) Option { return func(o *options) { o.now = now } }

// WithoutCron runs the scheduler's broadcast fan-out only: no cron, no
// catch-up run of the jobs at start (tests run them by hand).
func WithoutCron() Option { return func(o *options) { o.noCron = true } }

// WithTally builds the tallies' content (scheduler.ReportTally by default).
func WithTally(t scheduler.TallyBuilder) Option { return func(o *options) { o.tally = t } }

// WithHTTPListener serves Config.HTTP on ln, already listening, instead of
// listening on the address itself.
func WithHTTPListener(ln net.Listener) Option { return func(o *options) { o.listener = ln } }
