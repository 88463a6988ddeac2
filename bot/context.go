package bot

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
	"youthbot/i18n"
	"youthbot/report"
	"youthbot/service"
	"youthbot/storage"
)

// Ctx is one update being applied: the transaction it runs in, who sent it,
// in which language to answer, and the answers queued so far. Handlers read
// and write through Tx and answer through Reply, Edit, Answer and Notify;
// nothing reaches Telegram before the transaction commits.
type Ctx struct {
	b       *Bot
	Tx      *storage.Tx
	Now     time.Time
	Today   youthbot.Date
	Update  *tgbotapi.Update
	From    *tgbotapi.User
	Chat    int64
	Private bool
	User    youthbot.User
	Lang    string

	command  string
	in       input // what routing read for the handler (handler.go)
	pre      any   // what the update's pre-phase fetched before the transaction (prepare.go)
	answered bool
	out      []*youthbot.Outgoing
	start    time.Time

	secUnits  []string
	secLoaded bool
}

func (b *Bot) newCtx(tx *storage.Tx, u *tgbotapi.Update, now time.Time) (*Ctx, error) {
	c := &Ctx{b: b, Tx: tx, Now: now, Today: youthbot.DateOf(now, b.loc), Update: u, start: time.Now()}
	switch {
	case u.Message != nil && u.Message.Chat != nil:
		c.From, c.Chat, c.Private = u.Message.From, u.Message.Chat.ID, u.Message.Chat.IsPrivate()
	case u.CallbackQuery != nil:
		c.From = u.CallbackQuery.From
		if m := u.CallbackQuery.Message; m != nil && m.Chat != nil {
			c.Chat, c.Private = m.Chat.ID, m.Chat.IsPrivate()
		} else if c.From != nil {
			c.Chat, c.Private = c.From.ID, true
		}
	case u.MyChatMember != nil:
		c.From, c.Chat, c.Private = &u.MyChatMember.From, u.MyChatMember.Chat.ID, u.MyChatMember.Chat.IsPrivate()
	}
	c.Lang = b.lang
	if c.From == nil || c.From.ID == 0 {
		return c, nil
	}
	user, found, err := tx.User(c.From.ID)
	if err != nil {
		return nil, err
	}
	if !found || user.AppLang != c.From.LanguageCode {
		if !found {
			user = youthbot.User{ID: c.From.ID, FirstSeen: now}
		}
		user.AppLang = c.From.LanguageCode
		if c.Private {
			if err := tx.PutUser(user); err != nil {
				return nil, err
			}
		}
	}
	c.User = user
	c.Lang = b.userLang(user, c.From.LanguageCode)
	return c, nil
}

// userLang is the language to speak to a user in: their /lang choice, else
// their Telegram app's language if the bot speaks it, else the default.
func (b *Bot) userLang(u youthbot.User, telegramCode string) string {
	u.AppLang = telegramCode
	return service.Lang(u, true, b.lang)
}

// T formats a catalog message in the user's language.
func (c *Ctx) T(key string, args ...any) string { return i18n.T(c.Lang, key, args...) }

// IsAdmin reports whether the sender is an admin.
func (c *Ctx) IsAdmin() bool { return c.From != nil && c.b.IsAdmin(c.From.ID) }

// SecretaryUnits returns the units that exist today the sender is
// secretary of (a ceased unit's secretary keeps only /tally of its past).
func (c *Ctx) SecretaryUnits() []string {
	if !c.secLoaded && c.From != nil {
		c.secUnits, c.secLoaded = c.Tx.CurrentSecretaryUnits(c.From.ID), true
	}
	return c.secUnits
}

// IsSecretary reports whether the sender is secretary of some unit.
func (c *Ctx) IsSecretary() bool { return len(c.SecretaryUnits()) > 0 }

// CanManage reports whether the sender has rights over unit, now: an admin,
// or a secretary of the unit or of a unit above it.
func (c *Ctx) CanManage(unit string) (bool, error) {
	if c.IsAdmin() {
		_, err := c.Tx.Unit(unit)
		return err == nil, nil
	}
	return c.Tx.Manages(c.SecretaryUnits(), unit)
}

// RequireManage refuses (EUNAUTHORIZED) a sender without management rights:
// with unit empty, one who is neither an admin nor a secretary of some unit
// ("err.secretaries_only"); else one who cannot manage unit now
// ("err.not_your_unit", see CanManage). A failure to read the rights is
// returned as it is.
func (c *Ctx) RequireManage(unit string) error {
	if unit == "" {
		if !c.IsAdmin() && !c.IsSecretary() {
			return youthbot.Errorf(youthbot.EUNAUTHORIZED, "err.secretaries_only")
		}
		return nil
	}
	ok, err := c.CanManage(unit)
	if err != nil {
		return err
	}
	if !ok {
		return youthbot.Errorf(youthbot.EUNAUTHORIZED, "err.not_your_unit")
	}
	return nil
}

// refusedAs tells a refusal (EUNAUTHORIZED) with the catalog message key
// instead of its own; other errors, and nil, pass unchanged.
func refusedAs(err error, key string, args ...any) error {
	if youthbot.ErrorCode(err) == youthbot.EUNAUTHORIZED {
		return youthbot.Errorf(youthbot.EUNAUTHORIZED, key, args...)
	}
	return err
}

// Member returns the sender's member record, or ENOTFOUND.
func (c *Ctx) Member() (youthbot.Member, error) { return c.Tx.Member(c.From.ID) }

// Reply sends text (HTML) to the chat of the update.
func (c *Ctx) Reply(text string, markup any) {
	c.send(c.Chat, youthbot.LaneReply, text, markup, "reply")
}

// Edit replaces the text and buttons of a message the bot sent in this chat.
func (c *Ctx) Edit(messageID int, text string, markup *tgbotapi.InlineKeyboardMarkup) {
	p := map[string]string{
		"chat_id":    strconv.FormatInt(c.Chat, 10),
		"message_id": strconv.Itoa(messageID),
		"text":       text,
		"parse_mode": "HTML",
	}
	noPreview(p)
	if markup != nil {
		p["reply_markup"] = mustJSON(markup)
	}
	c.queue(&youthbot.Outgoing{Chat: c.Chat, Lane: youthbot.LaneReply, Method: "editMessageText", Params: p, Notice: "edit"})
}

// EditCallback edits the message whose button was pressed, if any.
func (c *Ctx) EditCallback(text string, markup *tgbotapi.InlineKeyboardMarkup) {
	if cb := c.Update.CallbackQuery; cb != nil && cb.Message != nil {
		c.Edit(cb.Message.MessageID, text, markup)
	}
}

// Answer answers the button press of the update (once); alert shows text in
// a dialog box rather than a passing notice. text is HTML like every text
// of the bot (a catalog message, its arguments escaped); Telegram shows a
// callback answer as is, with no parse mode, so it is sent as the plain
// text the HTML reads as: no tags, entities decoded.
func (c *Ctx) Answer(text string, alert bool) {
	cb := c.Update.CallbackQuery
	if cb == nil || c.answered {
		return
	}
	c.answered = true
	p := map[string]string{"callback_query_id": cb.ID}
	if text = report.Plain(text); text != "" {
		p["text"] = truncateRunes(text, 200)
	}
	if alert {
		p["show_alert"] = "true"
	}
	c.queue(&youthbot.Outgoing{Chat: c.Chat, Lane: youthbot.LaneReply, Method: "answerCallbackQuery", Params: p, Notice: "answer"})
}

// Notify sends a message to another user in their own language. text builds
// the message for a language. Users who blocked the bot are skipped, and so
// are anonymous ids (negative: someone erased by /forgetme, who may still
// be named as the creator of an invite or a project).
func (c *Ctx) Notify(userID int64, notice string, text func(lang string) (string, any)) error {
	if userID <= 0 {
		return nil
	}
	lang, ok, err := service.Recipient(c.Tx, userID, c.b.lang)
	if err != nil || !ok {
		return err
	}
	msg, markup := text(lang)
	c.send(userID, youthbot.LaneNotify, msg, markup, notice)
	return nil
}

func (c *Ctx) send(chat int64, lane youthbot.Lane, text string, markup any, notice string) {
	p := map[string]string{
		"chat_id":    strconv.FormatInt(chat, 10),
		"text":       text,
		"parse_mode": "HTML",
	}
	noPreview(p)
	if markup != nil {
		p["reply_markup"] = mustJSON(markup)
	}
	c.queue(&youthbot.Outgoing{Chat: chat, Lane: lane, Method: "sendMessage", Params: p, Notice: notice, Group: chat < 0})
}

func (c *Ctx) queue(o *youthbot.Outgoing) {
	o.Queued = c.Now
	c.out = append(c.out, o)
}

// commit writes the queued answers to the outbox of the transaction. A
// button press nobody answered gets an empty answer, as Telegram requires.
func (c *Ctx) commit() ([]*youthbot.Outgoing, error) {
	c.Answer("", false)
	if err := c.trackDialogButtons(); err != nil {
		return nil, err
	}
	out := c.out[:0]
	for _, o := range c.out {
		added, err := c.Tx.Enqueue(o)
		if err != nil {
			return nil, err
		}
		if added {
			out = append(out, o)
		}
	}
	return out, nil
}

// fail answers a refused or failed update: the user sees why, in their
// language; unknown errors are logged and shown as a generic failure.
func (c *Ctx) fail(err error) {
	c.out = nil
	c.answered = false
	text := c.errorText(err)
	if c.Update.CallbackQuery != nil {
		c.Answer(text, true)
		return
	}
	if c.Private || c.Update.Message != nil && isCommand(c.Update.Message.Text) {
		c.Reply(text, nil)
	}
}

// staleButton is the one answer to a button that is stale or forged (out
// of date, of another step, naming what is gone, or not the bot's): the
// update changes nothing and the presser sees why in an alert.
func staleButton() error { return youthbot.Errorf(youthbot.EINVALID, "stale_button") }

func (c *Ctx) errorText(err error) string {
	var e *youthbot.Error
	if errors.As(err, &e) {
		if i18n.Has(e.Key) {
			return "⚠️ " + c.T(e.Key, e.Args...)
		}
		switch e.Code {
		case youthbot.EUNAUTHORIZED:
			return "⛔ " + c.T("err.unauthorized")
		case youthbot.ENOTFOUND:
			return "⚠️ " + c.T("err.not_found")
		case youthbot.EINVALID, youthbot.ECONFLICT:
			return "⚠️ " + c.T("err.invalid")
		}
	}
	c.b.log.Error("update failed", "update_id", c.Update.UpdateID, "chat", c.Chat, "command", c.command, "err", err)
	return "⚠️ " + c.T("err.internal")
}

func (c *Ctx) logEntry(err error) updateLog {
	l := updateLog{id: c.Update.UpdateID, chat: c.Chat, kind: updateKind(c.Update), command: c.command, outcome: "ok", duration: time.Since(c.start)}
	if err != nil {
		l.outcome = "refused:" + youthbot.ErrorCode(err)
	}
	return l
}

// noPreview turns off the link preview of a message that has a link (an
// invite's t.me preview would only repeat the bot's own card).
func noPreview(p map[string]string) {
	if strings.Contains(p["text"], "://") {
		p["link_preview_options"] = `{"is_disabled":true}`
	}
}

func isCommand(text string) bool {
	_, ok := parseCommand(text)
	return ok
}

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic("encode reply markup: " + err.Error())
	}
	return string(b)
}

func truncateRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// sentDialog names the last message with buttons of an open dialog
// (storage.Tx.Sent): /cancel takes its buttons away.
const sentDialog = "dialog/"

// trackDialogButtons remembers which message holds the buttons of the
// sender's dialog: the last message with buttons this update sends or edits
// in the private chat, if a dialog is open when it ends.
func (c *Ctx) trackDialogButtons() error {
	if c.From == nil || c.Chat != c.From.ID {
		return nil
	}
	var last *youthbot.Outgoing
	for _, o := range c.out {
		if o.Chat == c.Chat && strings.Contains(o.Params["reply_markup"], `"inline_keyboard":[[`) {
			last = o
		}
	}
	if last == nil {
		return nil
	}
	if _, open, err := c.Tx.Dialog(c.From.ID); err != nil || !open {
		return err
	}
	if id, err := strconv.ParseInt(last.Params["message_id"], 10, 64); err == nil {
		return c.Tx.PutSent(sentDialog, c.Chat, id, c.Now) // an edit: the message is known
	}
	last.Track = sentDialog
	return nil
}

// ClearDialogButtons takes the buttons away from the message of the
// sender's dialog, if the bot knows which it is.
func (c *Ctx) ClearDialogButtons() error {
	m, ok := c.Tx.Sent(sentDialog, c.Chat)
	if !ok {
		return nil
	}
	p := map[string]string{"chat_id": strconv.FormatInt(c.Chat, 10), "message_id": strconv.FormatInt(m.MessageID, 10)}
	c.queue(&youthbot.Outgoing{Chat: c.Chat, Lane: youthbot.LaneReply, Method: "editMessageReplyMarkup", Params: p, Notice: "edit"})
	return c.Tx.DeleteSent(sentDialog, c.Chat)
}
