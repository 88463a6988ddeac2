package membership

import (
	"strconv"
	"strings"
	"unicode/utf8"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
	"youthbot/bot"
	"youthbot/bot/internal/decision"
	"youthbot/service"
)

// A rejection in the secretary's own words, and its undo: the buttons
// decision.RejectTextData and decision.UndoRejectData (prefix
// decision.RejectTextPrefix) name a registration ("m<user>.<registered unix>") or an activity
// ("a<id>") the way /pending's keys do; every press re-checks the
// presser's rights and the record's state.

const (
	cbRejectText = decision.RejectTextPrefix // rx:t|u:<key> reject in one's own words, undo a rejection
	dlgRejectWhy = "rejwhy"                  // the dialog that waits for the reason's line
)

// cbRejectText handles rx:t:<key> (reject, asking for a line of text)
// and rx:u:<key> (undo a rejection).
func (r *Room) cbRejectText(c *bot.Ctx, args []string) error {
	key := bot.Arg(args, 1)
	switch bot.Arg(args, 0) {
	case "t":
		if err := r.itemToReject(c, key); err != nil {
			return err
		}
		msg := ""
		if cb := c.Update.CallbackQuery; cb != nil && cb.Message != nil {
			msg = strconv.Itoa(cb.Message.MessageID)
		}
		d := youthbot.Dialog{Name: dlgRejectWhy, Step: "text", Data: map[string]string{"key": key, "msg": msg}, Updated: c.Now}
		if err := c.Tx.PutDialog(c.From.ID, d); err != nil {
			return err
		}
		c.Answer("", false)
		c.Reply(c.T("reject.ask_text", service.MaxReasonLen), nil)
		return nil
	case "u":
		return r.undoRejection(c, key)
	}
	return bot.StaleButton()
}

// dlgRejectWhy takes the reason's line and rejects with it.
func (r *Room) dlgRejectWhy(c *bot.Ctx, d *youthbot.Dialog, m *tgbotapi.Message) error {
	words := strings.Join(strings.Fields(m.Text), " ")
	if words == "" || utf8.RuneCountInString(words) > service.MaxReasonLen {
		c.Reply(c.T("reject.ask_text", service.MaxReasonLen), nil)
		return nil
	}
	key := d.Data["key"]
	if err := c.Tx.DeleteDialog(c.From.ID); err != nil {
		return err
	}
	if youthbot.ErrorCode(r.itemToReject(c, key)) == youthbot.ECONFLICT {
		// Decided meanwhile with a button: the message is not a reason.
		return r.b.OutsideDialog(c, m)
	}
	name, outcome, err := r.decideItem(c, key, false, service.TextReason(words))
	if code := youthbot.ErrorCode(err); code != "" && code != youthbot.EINTERNAL {
		c.Reply(c.ErrorText(err), nil) // decided meanwhile, gone, or no rights any more
		return nil
	}
	if err != nil {
		return err
	}
	if id, err := strconv.Atoi(d.Data["msg"]); err == nil && outcome == decidedRejected {
		c.Queue(&youthbot.Outgoing{Chat: c.Chat, Lane: youthbot.LaneReply, Method: "editMessageReplyMarkup", Notice: "edit",
			Params: map[string]string{"chat_id": strconv.FormatInt(c.Chat, 10), "message_id": strconv.Itoa(id)}})
	}
	c.Reply(c.T("reject.done_text", name, words), undoKeyboard(c, key))
	return nil
}

// undoKeyboard is the button that undoes the rejection of key.
func undoKeyboard(c *bot.Ctx, key string) *tgbotapi.InlineKeyboardMarkup {
	return bot.Keyboard(bot.Row(bot.Button(c.T("btn.undo_reject"), decision.UndoRejectData(key))))
}

// undoRejection undoes the rejection of the registration or activity key
// names (service.UndoMemberRejection, UndoActivityRejection): the presser
// must still have rights over its branch, be who rejected it, within 24 h.
func (r *Room) undoRejection(c *bot.Ctx, key string) error {
	if id, ok := strings.CutPrefix(key, "a"); ok {
		a, err := decision.ActivityToDecide(c, id)
		if err != nil {
			return err
		}
		a, notices, err := service.UndoActivityRejection(c.Tx, c.Actor(), a.ID, c.When())
		if err != nil {
			return err
		}
		if err := c.Deliver(notices); err != nil {
			return err
		}
		text := c.T("reject.undone_activity", memberName(c, a.Member), a.Date.String(), service.Clip(a.Description, 100))
		if cb := c.Update.CallbackQuery; cb != nil && cb.Message != nil && len(cb.Message.Photo) > 0 {
			c.EditMarkup(nil) // a photo's caption is not edited (bot/participation's editRequest)
			c.Reply(text, nil)
		} else {
			c.EditCallback(text, nil)
		}
		c.Answer(c.T("reject.undone"), false)
		return nil
	}
	id, reg, _ := strings.Cut(strings.TrimPrefix(key, "m"), ".")
	if !strings.HasPrefix(key, "m") {
		return bot.StaleButton()
	}
	m, unit, err := r.pendingMember(c, id, reg)
	if err != nil {
		return err
	}
	m, notices, err := service.UndoMemberRejection(c.Tx, c.Actor(), m.UserID, c.When())
	if err != nil {
		return err
	}
	if err := c.Deliver(notices); err != nil {
		return err
	}
	showPhone := c.Tx.IsSecretaryOf(c.From.ID, unit.Code)
	c.EditCallback(r.approvalText(c, c.Lang, m, unit, showPhone, c.T("reject.undone")), r.approvalKeyboard(c.Lang, m))
	c.Answer(c.T("reject.undone"), false)
	return nil
}

// itemToReject checks, before the reasons are offered, that the
// registration or activity a /pending key names may be rejected by the
// presser now: their rights, and that it still waits.
func (r *Room) itemToReject(c *bot.Ctx, key string) error {
	if id, ok := strings.CutPrefix(key, "a"); ok {
		a, err := decision.ActivityToDecide(c, id)
		if err == nil && a.Status != youthbot.ActivityPending {
			err = youthbot.Errorf(youthbot.ECONFLICT, "activity.already")
		}
		return err
	}
	id, reg, _ := strings.Cut(strings.TrimPrefix(key, "m"), ".")
	m, _, err := r.pendingMember(c, id, reg)
	if err == nil && m.Status != youthbot.StatusPending {
		err = youthbot.Errorf(youthbot.ECONFLICT, "approval.already")
	}
	return err
}
