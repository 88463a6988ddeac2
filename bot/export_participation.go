package bot

import (
	"strconv"
	"time"
	"unicode/utf8"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
	"youthbot/report"
	"youthbot/service"
	"youthbot/storage"
)

// What the participation room (bot/participation) uses of the core, and
// what the core and the other rooms share with it: the decisions on
// activities and transfers are also taken from /pending.

// Offerer is a Feature that may answer a private message that is no
// command and no dialog's answer, before the core's "not understood":
// participation offers to log it. offered says it answered.
type Offerer interface {
	Offer(c *Ctx, m *tgbotapi.Message) (offered bool, err error)
}

// offer lets the rooms answer a message outside a dialog; offered says one
// did.
func (b *Bot) offer(c *Ctx, m *tgbotapi.Message) (offered bool, err error) {
	for _, f := range b.features {
		if o, ok := f.(Offerer); ok {
			if offered, err := o.Offer(c, m); err != nil || offered {
				return offered, err
			}
		}
	}
	return false, nil
}

// OutsideDialog answers a private message that is no command and no
// dialog's answer (router.go).
func (b *Bot) OutsideDialog(c *Ctx, m *tgbotapi.Message) error { return b.outsideDialog(c, m) }

// activityToDecide loads the activity a button names and checks, now, that
// the presser has rights over the branch it is credited to and is not the
// member who logged it.
func (b *Bot) activityToDecide(c *Ctx, idArgument string) (youthbot.Activity, error) {
	return toDecide(c, idArgument, c.Tx.Activity, func(a youthbot.Activity) string { return a.Unit },
		func(a youthbot.Activity) int64 { return a.Member })
}

// ActivityToDecide loads the activity a button names, if the presser may
// decide it now.
func (b *Bot) ActivityToDecide(c *Ctx, idArgument string) (youthbot.Activity, error) {
	return b.activityToDecide(c, idArgument)
}

// decideActivity confirms or rejects a waiting activity and tells the
// member.
func (b *Bot) decideActivity(c *Ctx, a *youthbot.Activity, confirm bool, why string) error {
	decided, notices, err := service.DecideActivity(c.Tx, c.actor(), a.ID, confirm, why, c.when())
	if err != nil {
		return err
	}
	*a = decided
	return c.deliver(notices)
}

// DecideActivity confirms or rejects a waiting activity and tells the
// member.
func (b *Bot) DecideActivity(c *Ctx, a *youthbot.Activity, confirm bool, why string) error {
	return b.decideActivity(c, a, confirm, why)
}

// transferToDecide loads the transfer a button names and checks, now, that
// the presser has rights over its destination and is not the member who
// moves.
func (b *Bot) transferToDecide(c *Ctx, idArgument string) (youthbot.Transfer, error) {
	return toDecide(c, idArgument, c.Tx.Transfer, func(t youthbot.Transfer) string { return t.To },
		func(t youthbot.Transfer) int64 { return t.Member })
}

// TransferToDecide loads the transfer a button names, if the presser may
// decide it now.
func (b *Bot) TransferToDecide(c *Ctx, idArgument string) (youthbot.Transfer, error) {
	return b.transferToDecide(c, idArgument)
}

// decideTransfer accepts or rejects a pending transfer. A transfer whose
// member is no longer an approved member of its origin is cancelled
// instead.
func (b *Bot) decideTransfer(c *Ctx, t *youthbot.Transfer, accept bool) error {
	decided, notices, err := service.DecideTransfer(c.Tx, c.actor(), t.ID, accept, c.when())
	if err != nil {
		return err
	}
	*t = decided
	return c.deliver(notices)
}

// DecideTransfer accepts or rejects a pending transfer (decideTransfer).
func (b *Bot) DecideTransfer(c *Ctx, t *youthbot.Transfer, accept bool) error {
	return b.decideTransfer(c, t, accept)
}

func (b *Bot) unitName(c *Ctx, code string) string {
	if u, err := c.Tx.Unit(code); err == nil {
		return u.Name
	}
	return code
}

// UnitName is a unit's name, or its code when there is no such unit.
func (b *Bot) UnitName(c *Ctx, code string) string { return b.unitName(c, code) }

// Actor is who acts in a service call: the sender.
func (c *Ctx) Actor() service.Actor { return c.actor() }

// When is the update's clock for a service call.
func (c *Ctx) When() service.When { return c.when() }

// Deliver sends the notices a service call returned.
func (c *Ctx) Deliver(notices []service.Notice) error { return c.deliver(notices) }

// ErrorText is how an error reads to the sender.
func (c *Ctx) ErrorText(err error) string { return c.errorText(err) }

// DefaultLang is the language of users who chose none (Config.Lang).
func (b *Bot) DefaultLang() string { return b.lang }

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

// Kept here from the participation files for the core and the other rooms.

// hours formats hours × 10 as members read them: "2,5" in Vietnamese,
// "2.5" in English, "3" for whole hours.
func hours(lang string, tenths int) string { return report.Hours(lang, tenths) }

// idArg reads a positive id argument of callback data.
func idArg(s string) (uint64, bool) {
	id, err := strconv.ParseUint(s, 10, 64)
	return id, err == nil && id > 0
}

// userArg reads a Telegram user id argument of callback data.
func userArg(s string) (int64, bool) {
	id, err := strconv.ParseInt(s, 10, 64)
	return id, err == nil && id != 0
}

// clip shortens user text for a list line.
func clip(s string, n int) string { return service.Clip(s, n) }

// markup passes an inline keyboard to Reply or Notify: none as a nil
// interface, not a nil pointer (which would be sent as "null").
func markup(kb *tgbotapi.InlineKeyboardMarkup) any {
	if kb == nil {
		return nil
	}
	return kb
}

// captionLen counts the characters Telegram counts in a caption or a text
// (its limits: a caption's 1024, report.MaxMessage): the text without tags,
// entities decoded.
func captionLen(s string) int { return utf8.RuneCountInString(report.Plain(s)) }
