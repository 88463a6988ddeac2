package bot

import (
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
	"youthbot/service"
	"youthbot/storage"
)

// What the membership room uses of the core that the participation room
// uses too: the decisions' checks, notices and buttons (/pending decides
// activities and transfers as well as registrations), the paging of the
// tree walks. The participation branch declares the same API in
// export_participation.go and export_shared_participation.go: when both
// are merged, this file goes.

// PendingPrefix is the callback data prefix of /pending's buttons.
const PendingPrefix = cbPending

// TreePage is how many units a tree-walk keyboard shows at once.
const TreePage = treePage

// ReasonBack is the reason buttons' "back".
const ReasonBack = reasonBack

// ReasonArg checks a reason argument of a button.
func ReasonArg(withReason bool, why string) (string, error) { return reasonArg(withReason, why) }

// ReasonKeyboard are the reason buttons, with press making their data.
func ReasonKeyboard(lang string, press func(why string) string) *tgbotapi.InlineKeyboardMarkup {
	return reasonKeyboard(lang, press)
}

// IsSkip reports whether text is the Skip button's text, in any language.
func IsSkip(text string) bool { return isSkip(text) }

// PageOf returns the bounds of page (clamped) of n items, size per page, and
// the page count.
func PageOf(n, size, page int) (from, to, clamped, pages int) { return pageOf(n, size, page) }

// PageButtons is the ◀ n/N ▶ row of a paged list; dataFor builds the data
// of a page. A single page gives no row.
func PageButtons(page, pages int, dataFor func(page int) string) []tgbotapi.InlineKeyboardButton {
	return pageButtons(page, pages, dataFor)
}

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

// Lang is the bot's default language, of users who chose none (Config.Lang).
func (b *Bot) Lang() string { return b.lang }

// Actor is who acts in a service call: the sender.
func (c *Ctx) Actor() service.Actor { return c.actor() }

// When is the update's clock for a service call.
func (c *Ctx) When() service.When { return c.when() }

// Deliver sends the notices a service call returned.
func (c *Ctx) Deliver(notices []service.Notice) error { return c.deliver(notices) }

// ErrorText is how an error reads to the sender.
func (c *Ctx) ErrorText(err error) string { return c.errorText(err) }

// ActivityToDecide loads the activity a button names, if the presser may
// decide it now.
func (b *Bot) ActivityToDecide(c *Ctx, idArgument string) (youthbot.Activity, error) {
	return b.activityToDecide(c, idArgument)
}

// DecideActivity confirms or rejects a waiting activity and tells the
// member.
func (b *Bot) DecideActivity(c *Ctx, a *youthbot.Activity, confirm bool, why string) error {
	return b.decideActivity(c, a, confirm, why)
}

// TransferToDecide loads the transfer a button names, if the presser may
// decide it now.
func (b *Bot) TransferToDecide(c *Ctx, idArgument string) (youthbot.Transfer, error) {
	return b.transferToDecide(c, idArgument)
}

// DecideTransfer accepts or rejects a pending transfer (decideTransfer).
func (b *Bot) DecideTransfer(c *Ctx, t *youthbot.Transfer, accept bool) error {
	return b.decideTransfer(c, t, accept)
}

// UnitName is a unit's name, or its code when there is no such unit.
func (b *Bot) UnitName(c *Ctx, code string) string { return b.unitName(c, code) }
