package bot

import (
	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot/storage"
)

// The exports of the core that participation (bot/participation) uses
// and that are room API in general, for the other rooms as well: a service
// call's actor, clock and notices, who decides, the paging of lists, the
// reasons of a rejection, /pending's prefix.

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

// The paging of lists (keyboard.go).

// TreePage is how many units a tree-walk keyboard shows at once.
const TreePage = treePage

// The reasons of a rejection (approve.go).

// ReasonBack is the reason buttons' "back".
const ReasonBack = reasonBack

// ReasonArg checks a reason argument of a button.
func ReasonArg(withReason bool, why string) (string, error) { return reasonArg(withReason, why) }

// ReasonKeyboard are the reason buttons, with press making their data,
// and other the data of the button "a reason in my own words".
func ReasonKeyboard(lang string, press func(why string) string, other string) *tgbotapi.InlineKeyboardMarkup {
	return reasonKeyboard(lang, press, other)
}

// RejectTextPrefix is the callback data prefix of the buttons that reject
// in one's own words and undo a rejection (bot/membership): its data for
// a registration or an activity named by key ("m<user>.<registered
// unix>", "a<id>") is RejectTextData(key) and UndoRejectData(key).
const RejectTextPrefix = "rx"

// RejectTextData is the data of the button "a reason in my own words" for
// the registration or activity key names.
func RejectTextData(key string) string { return data(RejectTextPrefix, "t", key) }

// UndoRejectData is the data of the button "undo" of the rejection of the
// registration or activity key names.
func UndoRejectData(key string) string { return data(RejectTextPrefix, "u", key) }

// PendingPrefix is the callback data prefix of /pending's buttons.
const PendingPrefix = cbPending

// IsSkip reports whether text is the Skip button's text, in any language.
func IsSkip(text string) bool { return isSkip(text) }
