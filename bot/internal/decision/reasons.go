package decision

import (
	"slices"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot/bot"
	"youthbot/i18n"
	"youthbot/service"
)

// ReasonBack is the reason buttons' "back" (to the Approve / Reject
// buttons), and reasonNone the rejection without a reason.
const (
	ReasonBack = "back"
	reasonNone = "none"
)

// ReasonArg reads the reason a reason button carries ("" for none), when
// the button is one (withReason); anything else is a forged button.
func ReasonArg(withReason bool, why string) (string, error) {
	switch {
	case !withReason:
		return "", nil
	case why == reasonNone:
		return "", nil
	case why == ReasonBack || slices.Contains(service.RejectReasons, why):
		return why, nil
	}
	return "", bot.StaleButton()
}

// ReasonKeyboard offers the reasons of a rejection, a reason in one's own
// words (the button's data is other), no reason and back; press makes a
// button's data from its reason.
func ReasonKeyboard(lang string, press func(why string) string, other string) *tgbotapi.InlineKeyboardMarkup {
	var rows [][]tgbotapi.InlineKeyboardButton
	for _, why := range service.RejectReasons {
		rows = append(rows, bot.Row(bot.Button(i18n.T(lang, "btn.reason_"+why), press(why))))
	}
	rows = append(rows, bot.Row(bot.Button(i18n.T(lang, "btn.reason_other"), other)))
	rows = append(rows, bot.Row(bot.Button(i18n.T(lang, "btn.reason_"+reasonNone), press(reasonNone))))
	rows = append(rows, bot.Row(bot.Button(i18n.T(lang, "btn.reason_back"), press(ReasonBack))))
	return bot.Keyboard(rows...)
}

// RejectTextPrefix is the callback data prefix of the buttons that reject
// in one's own words and undo a rejection (bot/membership): its data for
// a registration or an activity named by key ("m<user>.<registered
// unix>", "a<id>") is RejectTextData(key) and UndoRejectData(key).
const RejectTextPrefix = "rx"

// RejectTextData is the data of the button "a reason in my own words" for
// the registration or activity key names.
func RejectTextData(key string) string { return bot.Data(RejectTextPrefix, "t", key) }

// UndoRejectData is the data of the button "undo" of the rejection of the
// registration or activity key names.
func UndoRejectData(key string) string { return bot.Data(RejectTextPrefix, "u", key) }
