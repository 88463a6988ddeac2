package bot

import (
	"strconv"
	"strings"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
	"youthbot/i18n"
	"youthbot/service"
	"youthbot/storage"
)

// What the rooms share: the decisions' common checks, the secretaries'
// rights, the skip answer (the decisions themselves and the reasons of a
// rejection: bot/internal/decision).

// TreePage is how many units a tree-walk keyboard shows at once.
const TreePage = 8

func tr(lang, key string, args ...any) string { return i18n.T(lang, key, args...) }

// Deciders returns who is asked to decide about subject (a registration,
// an activity, a transfer) in unit: the nearest secretaries at or above
// the unit among whom subject is not, else the admins other than subject
// (storage.Deciders). at is the unit of the secretaries found ("" for the
// admins).
func (b *Bot) Deciders(tx *storage.Tx, unit string, subject int64) (ids []int64, at string, err error) {
	return tx.Deciders(unit, subject, b.admins)
}

// ManagedUnitsOf lists every unit a user has rights over, each once.
func (b *Bot) ManagedUnitsOf(tx *storage.Tx, user int64) []string {
	return service.ManagedUnits(tx, user, b.IsAdmin(user))
}

// Lang is the bot's default language, of users who chose none (Config.Lang).
func (b *Bot) Lang() string { return b.lang }

// IsSkip reports whether text is the skip button in any language.
func IsSkip(text string) bool {
	text = strings.TrimSpace(text)
	for _, lang := range i18n.Langs() {
		if strings.EqualFold(text, tr(lang, "btn.skip")) {
			return true
		}
	}
	return strings.EqualFold(text, "/skip")
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
