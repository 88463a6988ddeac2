package bot

import (
	"slices"
	"strconv"
	"strings"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
	"youthbot/i18n"
	"youthbot/service"
	"youthbot/storage"
)

// What the rooms share: the decisions' common checks and buttons (the
// reasons of a rejection), the secretaries' rights, the skip answer.

// treePage is how many units a tree-walk keyboard shows at once.
const treePage = 8

func tr(lang, key string, args ...any) string { return i18n.T(lang, key, args...) }

// deciders returns who is asked to decide about subject (a registration,
// an activity, a transfer) in unit: the nearest secretaries at or above
// the unit among whom subject is not, else the admins other than subject
// (storage.Deciders). at is the unit of the secretaries found ("" for the
// admins).
func (b *Bot) deciders(tx *storage.Tx, unit string, subject int64) (ids []int64, at string, err error) {
	return tx.Deciders(unit, subject, b.admins)
}

// refuseSelf refuses a decision about oneself: buttons are untrusted, so
// a secretary's press on the request about their own registration, hours
// or transfer (sent to them before, crafted, or from /pending) is refused
// here, whatever rights they have.
func refuseSelf(c *Ctx, subject int64) error {
	if subject == c.From.ID {
		return youthbot.Errorf(youthbot.EUNAUTHORIZED, "err.self_decision")
	}
	return nil
}

// managedUnitsOf lists every unit a user has rights over, each once.
func (b *Bot) managedUnitsOf(tx *storage.Tx, user int64) []string {
	tops := tx.CurrentSecretaryUnits(user)
	if b.IsAdmin(user) {
		tops = tx.ChildCodes("")
	}
	seen := map[string]bool{}
	var out []string
	for _, top := range tops {
		for _, u := range tx.Subtree(top) {
			if !seen[u] {
				seen[u] = true
				out = append(out, u)
			}
		}
	}
	return out
}

// isSkip reports whether text is the skip button in any language.
func isSkip(text string) bool {
	text = strings.TrimSpace(text)
	for _, lang := range i18n.Langs() {
		if strings.EqualFold(text, tr(lang, "btn.skip")) {
			return true
		}
	}
	return strings.EqualFold(text, "/skip")
}

// reasonBack is the reason buttons' "back" (to the Approve / Reject
// buttons), and reasonNone the rejection without a reason.
const (
	reasonBack = "back"
	reasonNone = "none"
)

// reasonArg reads the reason a reason button carries ("" for none), when
// the button is one (withReason); anything else is a forged button.
func reasonArg(withReason bool, why string) (string, error) {
	switch {
	case !withReason:
		return "", nil
	case why == reasonNone:
		return "", nil
	case why == reasonBack || slices.Contains(service.RejectReasons, why):
		return why, nil
	}
	return "", staleButton()
}

// reasonKeyboard offers the reasons of a rejection, a reason in one's own
// words (the button's data is other), no reason and back; press makes a
// button's data from its reason.
func reasonKeyboard(lang string, press func(why string) string, other string) *tgbotapi.InlineKeyboardMarkup {
	var rows [][]tgbotapi.InlineKeyboardButton
	for _, why := range service.RejectReasons {
		rows = append(rows, row(button(tr(lang, "btn.reason_"+why), press(why))))
	}
	rows = append(rows, row(button(tr(lang, "btn.reason_other"), other)))
	rows = append(rows, row(button(tr(lang, "btn.reason_"+reasonNone), press(reasonNone))))
	rows = append(rows, row(button(tr(lang, "btn.reason_back"), press(reasonBack))))
	return keyboard(rows...)
}

// EditMarkup replaces only the buttons of the message whose button was
// pressed (its text, or photo and caption, stay).
func (c *Ctx) EditMarkup(markup *tgbotapi.InlineKeyboardMarkup) {
	cb := c.Update.CallbackQuery
	if cb == nil || cb.Message == nil {
		return
	}
	p := map[string]string{"chat_id": strconv.FormatInt(c.Chat, 10), "message_id": strconv.Itoa(cb.Message.MessageID)}
	if markup != nil {
		p["reply_markup"] = mustJSON(markup)
	}
	c.queue(&youthbot.Outgoing{Chat: c.Chat, Lane: youthbot.LaneReply, Method: "editMessageReplyMarkup", Params: p, Notice: "edit"})
}
