package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"sync"
	"time"

	"youthbot"
	"youthbot/storage"
	"youthbot/telegram"
)

// Outbox receives the messages of committed transactions for delivery.
type Outbox interface {
	Push(msgs []*youthbot.Outgoing)
}

// Broadcasts fans out the broadcasts recorded (the scheduler does).
type Broadcasts interface {
	// KickBroadcasts says that a broadcast was recorded; it is called after
	// the commit and must not block.
	KickBroadcasts()
}

// Config is what a Bot needs.
type Config struct {
	DB       *storage.DB
	API      *telegram.API
	Outbox   Outbox
	Admins   []int64
	Location *time.Location
	Lang     string           // default language: "vi" or "en"
	Now      func() time.Time // the clock; tests move it
	Log      *slog.Logger
	Metrics  Metrics // optional: what the bot does, for monitoring
	// Broadcasts is told of each broadcast recorded (the scheduler, which
	// fans them out); optional.
	Broadcasts Broadcasts
	// Features are the feature rooms, in menu order
	// (feature.go).
	Features []NewFeature
}

// Bot handles updates.
type Bot struct {
	db       *storage.DB
	api      *telegram.API
	outbox   Outbox
	admins   []int64
	loc      *time.Location
	lang     string
	now      func() time.Time
	log      *slog.Logger
	metrics  Metrics
	username string

	broadcasts Broadcasts
	features   []Feature
	requests   Requests             // the feature that keeps the requests' summaries, or nil
	startLinks map[string]StartLink // by payload prefix ("c_")

	cmdTable  []command
	cbTable   map[string]callback
	dlgTable  map[string]DialogHandler
	dlgRoutes map[string]Handler // dlgTable's handlers with their middleware

	pruneMu   sync.Mutex
	lastPrune time.Time

	bgMu   sync.Mutex
	bgStop []context.CancelFunc // what Stop cancels
	bg     sync.WaitGroup       // what Stop waits for

	writes writeState // whether updates commit (apply.go)
}

// New returns a Bot. Call Start before handling updates.
func New(cfg Config) *Bot {
	b := &Bot{
		db: cfg.DB, api: cfg.API, outbox: cfg.Outbox, admins: slices.Clone(cfg.Admins),
		loc: cfg.Location, lang: cfg.Lang, now: cfg.Now, log: cfg.Log, metrics: cfg.Metrics,
		broadcasts: cfg.Broadcasts,
	}
	if b.metrics == nil {
		b.metrics = noMetrics{}
	}
	if b.loc == nil {
		b.loc = time.UTC
	}
	if b.lang == "" {
		b.lang = youthbot.LangVI
	}
	if b.now == nil {
		b.now = time.Now
	}
	if b.log == nil {
		b.log = slog.New(slog.DiscardHandler)
	}
	for _, f := range cfg.Features {
		b.features = append(b.features, f(b))
	}
	b.cmdTable, b.cbTable, b.dlgTable = b.buildCommands(), b.buildCallbacks(), b.buildDialogs()
	b.startLinks = map[string]StartLink{}
	for _, f := range b.features {
		if r, ok := f.(Requests); ok {
			if b.requests != nil {
				panic("requests claimed twice")
			}
			b.requests = r
		}
		if l, ok := f.(StartLinker); ok {
			for prefix, link := range l.StartLinks() {
				claim(b.startLinks, prefix, link, "deep link prefix")
			}
		}
	}
	b.compile() // router.go
	return b
}

// Username is the bot's Telegram username, known after Start.
func (b *Bot) Username() string { return b.username }

// SetUsername sets the bot's username without asking Telegram (tests, fuzzing).
func (b *Bot) SetUsername(u string) { b.username = u }

// Start asks Telegram who the bot is, retrying with backoff until it answers
// or ctx ends (an invalid token ends it at once), then publishes the command
// menus in the background, retrying until they are set, ctx ends or Stop.
func (b *Bot) Start(ctx context.Context) error {
	var wait time.Duration
	for attempt := 1; ; attempt++ {
		me, err := b.api.GetMe()
		if err == nil {
			b.username = me.UserName
			break
		}
		var e *telegram.APIError
		if errors.As(err, &e) && (e.Code == 401 || e.Code == 404) {
			return fmt.Errorf("getMe: the token was refused: %w", err)
		}
		wait = telegram.Backoff(wait)
		b.log.Warn("telegram not reachable, retrying", "attempt", attempt, "in", wait, "err", err)
		if err := telegram.Sleep(ctx, wait); err != nil {
			return fmt.Errorf("getMe: %w", err)
		}
	}
	b.log.Info("connected to telegram", "bot", b.username)
	b.publishCommands(ctx)
	return nil
}

// IsAdmin reports whether id is one of YOUTHBOT_ADMINS.
func (b *Bot) IsAdmin(id int64) bool { return slices.Contains(b.admins, id) }

// Location is the bot's time zone.
func (b *Bot) Location() *time.Location { return b.loc }
