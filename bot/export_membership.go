package bot

import (
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot/service"
	"youthbot/storage"
)

// What the membership room (bot/membership) uses of the core: the deep
// links' dispatch, /help's text built from the command table, the checks
// and buttons of a decision, the keyboards of the registration and
// profile dialogs and of the tree walks.

// PendingPrefix is the callback data prefix of /pending's buttons.
const PendingPrefix = cbPending

// TreePage is how many units a tree-walk keyboard shows at once.
const TreePage = treePage

// ReasonBack is the reason buttons' "back" to the Approve / Reject buttons.
const ReasonBack = reasonBack

// FollowLink handles /start with a deep-link payload "<prefix>_<code>":
// the handler of the room that declared the prefix (StartLinker), logged
// as "start.<Name>"; an unknown prefix is an invalid link.
func (b *Bot) FollowLink(c *Ctx, payload string) error { return b.followLink(c, payload) }

// HelpText lists the commands the sender can use, by audience, from the
// command table.
func (b *Bot) HelpText(c *Ctx) string { return b.helpText(c) }

// Lang is the bot's default language.
func (b *Bot) Lang() string { return b.lang }

// WhenText is a moment as the bot writes it, in its time zone.
func (b *Bot) WhenText(t time.Time) string { return b.whenText(t) }

// Deciders returns who is asked to decide about subject in unit, and the
// unit of the secretaries found ("" for the admins).
func (b *Bot) Deciders(tx *storage.Tx, unit string, subject int64) (ids []int64, at string, err error) {
	return b.deciders(tx, unit, subject)
}

// ManagedUnitsOf lists every unit a user has rights over, each once.
func (b *Bot) ManagedUnitsOf(tx *storage.Tx, user int64) []string { return b.managedUnitsOf(tx, user) }

// Actor is the sender as the one who takes a decision.
func (c *Ctx) Actor() service.Actor { return c.actor() }

// When is the moment of the update, for a decision.
func (c *Ctx) When() service.When { return c.when() }

// Deliver queues the notices a decision returned, each in its recipient's
// language.
func (c *Ctx) Deliver(notices []service.Notice) error { return c.deliver(notices) }

// ErrorText is how an error reads to the sender.
func (c *Ctx) ErrorText(err error) string { return c.errorText(err) }

// SecretaryUnitsChanged says the sender's secretary roles changed in this
// update: SecretaryUnits reads them again.
func (c *Ctx) SecretaryUnitsChanged() { c.secLoaded = false }

// RefuseSelf refuses a decision about oneself (subject is the sender).
func RefuseSelf(c *Ctx, subject int64) error { return refuseSelf(c, subject) }

// ToDecide loads the record a decision button names by its id argument
// (load) and checks, now, that the presser can manage its unit (unit) and
// is not the member it is about (member).
func ToDecide[T any](c *Ctx, idArgument string, load func(uint64) (T, error), unit func(T) string, member func(T) int64) (T, error) {
	return toDecide(c, idArgument, load, unit, member)
}

// ReasonArg reads the reason a reason button carries ("" for none), when
// the button is one (withReason); anything else is a stale button.
func ReasonArg(withReason bool, why string) (string, error) { return reasonArg(withReason, why) }

// ReasonKeyboard offers the reasons of a rejection, no reason and back;
// press makes a button's data from its reason.
func ReasonKeyboard(lang string, press func(why string) string) *tgbotapi.InlineKeyboardMarkup {
	return reasonKeyboard(lang, press)
}

// IsSkip reports whether text is the skip button in any language.
func IsSkip(text string) bool { return isSkip(text) }

// RemoveKeyboard hides a reply keyboard (the contact button).
func RemoveKeyboard() tgbotapi.ReplyKeyboardRemove { return removeKeyboard() }

// ContactKeyboard asks for the user's own phone number, with a second
// button to go without.
func ContactKeyboard(share, other string) tgbotapi.ReplyKeyboardMarkup {
	return contactKeyboard(share, other)
}

// PageButtons is the ◀ ▶ row of a paged list; dataFor builds the data of
// a page.
func PageButtons(page, pages int, dataFor func(page int) string) []tgbotapi.InlineKeyboardButton {
	return pageButtons(page, pages, dataFor)
}

// PageOf returns the bounds of page (clamped) of n items, size per page,
// and the page count.
func PageOf(n, size, page int) (from, to, clamped, pages int) { return pageOf(n, size, page) }
