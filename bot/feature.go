package bot

import (
	"context"
	"log/slog"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
	"youthbot/storage"
	"youthbot/telegram"
)

// The registration API of the feature rooms. A feature package (e.g.
// bot/groups) declares its commands, buttons and dialogs in the tables
// below and hands them to the core through Config.Features; the core routes
// to them, wraps them in the route's middleware (handler.go) and runs their
// preparers (prepare.go) as it does its own. Features do not import each
// other: what two of them share lives here or in service/.

// Feature is one room of the bot: its commands (in menu order), its
// buttons by callback_data prefix and its dialogs by name.
type Feature interface {
	Commands() []Command
	Callbacks() map[string]Callback
	Dialogs() map[string]DialogHandler
}

// StartLinker is a Feature that owns deep links: /start with a payload
// "<prefix><code>", by prefix ("c_").
type StartLinker interface {
	StartLinks() map[string]StartLink
}

// StartLink handles /start with a payload of its prefix; the update is
// logged as "start.<Name>".
type StartLink struct {
	Name   string
	Handle func(c *Ctx, code string) error
}

// NewFeature builds a feature on the core it registers with.
type NewFeature func(b *Bot) Feature

// Input is what routing read from an update for its handler and preparer.
type Input = input

// Args are a command's arguments.
func (in Input) Args() string { return in.args }

// Data are a button's arguments, after its prefix.
func (in Input) Data() []string { return in.data }

// Command is a feature's slash command. Its menu description is the
// catalog message "cmd.<Name>".
type Command struct {
	Name    string
	Private bool     // usable in private chats
	Group   bool     // usable in groups
	Who     Audience // whose menus and /help show it
	Need    Role     // who may use it, checked before Handle runs
	Hidden  bool     // not in menus (/start)
	Handle  func(c *Ctx, args string) error
	Prepare Preparer // work before the transaction (prepare.go), or nil
}

// Callback is the handler of a feature's buttons of one prefix.
type Callback struct {
	Need    Role // who may press them, checked before Handle runs
	Handle  func(c *Ctx, args []string) error
	Prepare Preparer // work before the transaction (prepare.go), or nil
}

// What a feature may use of the core.

// DB is the bot's database (a preparer reads it in its own transaction).
func (b *Bot) DB() *storage.DB { return b.db }

// API is the Bot API client, nil in tests that have none.
func (b *Bot) API() *telegram.API { return b.api }

// Log is the bot's logger.
func (b *Bot) Log() *slog.Logger { return b.log }

// Broadcasts is who fans out the broadcasts recorded, or nil.
func (b *Bot) Broadcasts() Broadcasts { return b.broadcasts }

// ApplyInTx applies one update in tx as Apply does after its pre-phase,
// and returns what it queued. For measuring an update's transaction (tests,
// benchmarks).
func (b *Bot) ApplyInTx(ctx context.Context, tx *storage.Tx, u *tgbotapi.Update, now time.Time) ([]*youthbot.Outgoing, error) {
	msgs, _, err := b.applyOne(ctx, tx, u, now)
	return msgs, err
}

// Prepared is what the update's pre-phase fetched for its handler, or nil.
func (c *Ctx) Prepared() any { return c.pre }

// ManagedUnit loads a unit the sender has rights over.
func (c *Ctx) ManagedUnit(code string) (youthbot.Unit, error) {
	unit, err := c.TypedUnit(code)
	if err != nil {
		return unit, err
	}
	return unit, c.RequireManage(unit.Code)
}

// TypedUnit is the unit a code typed by a user names: any code it had,
// a renamed unit's new code too (the unit comes back under its identity).
func (c *Ctx) TypedUnit(code string) (youthbot.Unit, error) {
	if id, err := c.Tx.ResolveUnit(code); err == nil {
		code = id
	}
	return c.Tx.Unit(code)
}

// Show edits the pressed message (edit), or replies.
func (c *Ctx) Show(edit bool, text string, kb *tgbotapi.InlineKeyboardMarkup) error {
	if edit {
		c.EditCallback(text, kb)
	} else {
		c.Reply(text, kb)
	}
	return nil
}

// StaleButton is the one answer to a stale or forged button.
func StaleButton() error { return staleButton() }

// RefusedAs tells a refusal (EUNAUTHORIZED) with the catalog message key
// instead of its own; other errors, and nil, pass unchanged.
func RefusedAs(err error, key string, args ...any) error { return refusedAs(err, key, args...) }

// TruncateRunes clips s to n characters, with an ellipsis.
func TruncateRunes(s string, n int) string { return truncateRunes(s, n) }

// Now is the bot's clock.
func (b *Bot) Now() time.Time { return b.now() }

// UserLang is the language to speak to a user in (context.go).
func (b *Bot) UserLang(u youthbot.User, telegramCode string) string {
	return b.userLang(u, telegramCode)
}

// Queue queues a message built by the handler itself (a tally's text and
// files), sent once the transaction commits.
func (c *Ctx) Queue(o *youthbot.Outgoing) { c.queue(o) }
