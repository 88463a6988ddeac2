package bot

import (
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot/service"
	"youthbot/storage"
)

// The exports of the core that participation (bot/participation) uses
// and that are room API in general, for the other rooms as well: a service
// call's actor, clock and notices, who decides, the paging of lists, the
// reasons of a rejection, /pending's prefix.

// Actor is who acts in a service call: the sender.
func (c *Ctx) Actor() service.Actor { return c.actor() }

// When is the update's clock for a service call.
func (c *Ctx) When() service.When { return c.when() }

// Deliver sends the notices a service call returned.
func (c *Ctx) Deliver(notices []service.Notice) error { return c.deliver(notices) }

// ErrorText is how an error reads to the sender.
func (c *Ctx) ErrorText(err error) string { return c.errorText(err) }

// Lang is the bot's default language, of users who chose none (Config.Lang).
func (b *Bot) Lang() string { return b.lang }

// Deciders are who decides on subject's request in unit: its secretaries,
// else the nearest unit above with secretaries, else the admins; never
// subject.
func (b *Bot) Deciders(tx *storage.Tx, unit string, subject int64) (ids []int64, at string, err error) {
	return b.deciders(tx, unit, subject)
}

// ManagedUnitsOf lists every unit a user has rights over, each once.
func (b *Bot) ManagedUnitsOf(tx *storage.Tx, user int64) []string { return b.managedUnitsOf(tx, user) }

// WhenText writes a moment in the bot's zone as users read it: 08:05 16/03/2026.
func (b *Bot) WhenText(t time.Time) string { return b.whenText(t) }

// The paging of lists (keyboard.go).

// PageView renders one page of a paged screen: its text and buttons.
type PageView = pageView

// TreePage is how many units a tree-walk keyboard shows at once.
const TreePage = treePage

// PageOf returns the bounds of page (clamped) of n items, size per page, and
// the page count.
func PageOf(n, size, page int) (from, to, clamped, pages int) { return pageOf(n, size, page) }

// PageButtons is the ◀ n/N ▶ row of a paged list; dataFor builds the data
// of a page. A single page gives no row.
func PageButtons(page, pages int, dataFor func(page int) string) []tgbotapi.InlineKeyboardButton {
	return pageButtons(page, pages, dataFor)
}

// FirstPage answers a command with the first page of view.
func FirstPage(c *Ctx, view PageView) error { return firstPage(c, view) }

// TurnPage answers a page button with the page pageArg names, in place of
// the one shown; a page that is no number is a stale button.
func TurnPage(c *Ctx, pageArg string, view PageView) error { return turnPage(c, pageArg, view) }

// The reasons of a rejection (approve.go).

// ReasonBack is the reason buttons' "back".
const ReasonBack = reasonBack

// ReasonArg checks a reason argument of a button.
func ReasonArg(withReason bool, why string) (string, error) { return reasonArg(withReason, why) }

// ReasonKeyboard are the reason buttons, with press making their data.
func ReasonKeyboard(lang string, press func(why string) string) *tgbotapi.InlineKeyboardMarkup {
	return reasonKeyboard(lang, press)
}

// PendingPrefix is the callback data prefix of /pending's buttons.
const PendingPrefix = cbPending

// IsSkip reports whether text is the Skip button's text, in any language.
func IsSkip(text string) bool { return isSkip(text) }
