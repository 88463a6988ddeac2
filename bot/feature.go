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

// Role is who may use a command or a button (handler.go).
type Role = role

// The roles of Command.Need and Callback.Need.
const (
	RoleVisitor   = roleVisitor
	RoleMember    = roleMember
	RoleSecretary = roleSecretary
)

// Audience says whose menus and /help show a command.
type Audience = audience

// The audiences of Command.Who.
const (
	ForAll         = forAll
	ForMembers     = forMembers
	ForSecretaries = forSecretaries
)

// Input is what routing read from an update for its handler and preparer.
type Input = input

// Args are a command's arguments.
func (in Input) Args() string { return in.args }

// Data are a button's arguments, after its prefix.
func (in Input) Data() []string { return in.data }

// Preparer is a table entry's work before the transaction (prepare.go).
type Preparer = preparer

// DialogHandler handles the user's next message in a dialog.
type DialogHandler = dialogHandler

// Command is a feature's slash command; see command in router.go.
type Command struct {
	Name    string
	Private bool     // usable in private chats
	Group   bool     // usable in groups
	Who     Audience // whose menus and /help show it
	Need    Role     // who may use it, checked before Handle runs
	Hidden  bool     // not in menus
	Handle  func(c *Ctx, args string) error
	Prepare Preparer // or nil
}

// Callback is the handler of a feature's buttons of one prefix.
type Callback struct {
	Need    Role // who may press them, checked before Handle runs
	Handle  func(c *Ctx, args []string) error
	Prepare Preparer // or nil
}

func (cmd Command) entry() command {
	return command{name: cmd.Name, private: cmd.Private, group: cmd.Group, who: cmd.Who, need: cmd.Need,
		hidden: cmd.Hidden, handle: cmd.Handle, prepare: cmd.Prepare}
}

func (cb Callback) entry() callback {
	return callback{need: cb.Need, handle: cb.Handle, prepare: cb.Prepare}
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

// Prepare runs the pre-phase of a batch, the first half of Apply; the
// context it returns carries the results to ApplyInTx. For measuring an
// update's transaction (tests, benchmarks).
func (b *Bot) Prepare(ctx context.Context, updates []tgbotapi.Update) context.Context {
	return b.prepare(ctx, updates)
}

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
	unit, err := c.Tx.Unit(code)
	if err != nil {
		return unit, err
	}
	return unit, c.RequireManage(code)
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

// The keyboard helpers (keyboard.go).

// Data encodes callback data "<prefix>:<arg>...".
func Data(prefix string, args ...string) string { return data(prefix, args...) }

// DecodeData splits callback data into its prefix and arguments.
func DecodeData(s string) (prefix string, args []string) { return decodeData(s) }

// Arg returns args[i] or "".
func Arg(args []string, i int) string { return arg(args, i) }

// Button is an inline button with callback data.
func Button(text, data string) tgbotapi.InlineKeyboardButton { return button(text, data) }

// Row is a row of buttons.
func Row(buttons ...tgbotapi.InlineKeyboardButton) []tgbotapi.InlineKeyboardButton { return buttons }

// Keyboard is an inline keyboard of the non-empty rows.
func Keyboard(rows ...[]tgbotapi.InlineKeyboardButton) *tgbotapi.InlineKeyboardMarkup {
	return keyboard(rows...)
}

// YesNo is a confirmation keyboard, the affirmative action first.
func YesNo(yesText, yesData, noText, noData string) *tgbotapi.InlineKeyboardMarkup {
	return yesNo(yesText, yesData, noText, noData)
}

// TruncateRunes clips s to n characters, with an ellipsis.
func TruncateRunes(s string, n int) string { return truncateRunes(s, n) }

// Now is the bot's clock.
func (b *Bot) Now() time.Time { return b.now() }

// UserLang is the language to speak to a user in (context.go).
func (b *Bot) UserLang(u youthbot.User, telegramCode string) string {
	return b.userLang(u, telegramCode)
}

// PreparerOf is the pre-phase's work for u, or nil (prepare.go); for tests.
func (b *Bot) PreparerOf(u *tgbotapi.Update) func(ctx context.Context) any { return b.preparerOf(u) }

// Queue queues a message built by the handler itself (a tally's text and
// files), sent once the transaction commits.
func (c *Ctx) Queue(o *youthbot.Outgoing) { c.queue(o) }

// The rooms still inside the core package. They register through the same
// Features list as the rooms that have their own package, each in its place
// of the menu order; a room that moves out takes its entry's place.
var (
	// Membership: /start, /help, /profile, /pending, /invite,
	// /secretaries, /lang, /cancel, /forgetme.
	Membership NewFeature = func(b *Bot) Feature {
		return coreRoom{b.coreCommands(), b.coreCallbacks(), map[string]dialogHandler{dlgRegister: b.dlgRegister, dlgEdit: b.dlgEdit},
			map[string]StartLink{"j_": {"join", b.startJoin}, "s_": {"secretary", b.startSecretary}}}
	}
)

// CoreRooms are the rooms of the core package, in menu order.
var CoreRooms = []NewFeature{Membership}

// coreRoom is a room whose tables are the core's own.
type coreRoom struct {
	cmds  []command
	cbs   map[string]callback
	dlgs  map[string]dialogHandler
	links map[string]StartLink
}

func (r coreRoom) StartLinks() map[string]StartLink { return r.links }

func (r coreRoom) Commands() []Command {
	out := make([]Command, len(r.cmds))
	for i, c := range r.cmds {
		out[i] = Command{Name: c.name, Private: c.private, Group: c.group, Who: c.who, Need: c.need,
			Hidden: c.hidden, Handle: c.handle, Prepare: c.prepare}
	}
	return out
}

func (r coreRoom) Callbacks() map[string]Callback {
	out := make(map[string]Callback, len(r.cbs))
	for p, c := range r.cbs {
		out[p] = Callback{Need: c.need, Handle: c.handle, Prepare: c.prepare}
	}
	return out
}

func (r coreRoom) Dialogs() map[string]DialogHandler { return r.dlgs }
