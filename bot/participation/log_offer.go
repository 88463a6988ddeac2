package participation

import (
	"errors"
	"strconv"
	"strings"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
	"youthbot/bot"
	"youthbot/vnread"
)

// Offers to log a message sent outside a dialog. Free text that looks like
// a log line, or a photo without a caption, from an approved member is
// answered with one button. The offered line (or photo) and the day of the
// offer are kept in the member's dialog state, never in the button: the
// button carries only the id of the message the offer answers, so a stale
// or forged press finds no matching offer.
//
// A text looks like a log when vnread.ParseLogLineParts reads it with a day
// or hours part and a description ("3h dọn vệ sinh kênh", "hôm qua 2 giờ
// trồng cây"); a line with only a #code, or one it refuses, does not.
// Pressing runs the one-line /log with the line on the day of the offer
// (a press on a later day is stale, since "hôm qua" would then mean
// another day); for a photo it starts the guided /log with the photo as
// the evidence.
const (
	dlgLogOffer = "logoffer"
	cbLogOffer  = "lo" // lo:<message id>  log what the offer showed
)

// looksLikeLog reports whether text reads as a one-line /log with a day or
// hours part and a description.
func looksLikeLog(text string, today youthbot.Date) (vnread.LogLine, vnread.LogLineParts, bool) {
	if strings.HasPrefix(strings.TrimSpace(text), "/") {
		return vnread.LogLine{}, vnread.LogLineParts{}, false
	}
	l, p, err := vnread.ParseLogLineParts(text, today)
	return l, p, err == nil && (p.Day || p.Hours) && l.Description != ""
}

// offerLog answers a message outside a dialog with an offer to log it,
// when it is one; offered is false (nothing sent) otherwise.
func (r *Participation) offerLog(c *bot.Ctx, m *tgbotapi.Message) (offered bool, err error) {
	photo := photoOf(m)
	var line vnread.LogLine
	var parts vnread.LogLineParts
	switch {
	case photo != "" && strings.TrimSpace(m.Caption) == "":
	case photo == "" && m.Text != "":
		var ok bool
		if line, parts, ok = looksLikeLog(m.Text, c.Today); !ok {
			return false, nil
		}
	default:
		return false, nil
	}
	if _, err := r.approvedMember(c); err != nil {
		var e *youthbot.Error
		if errors.As(err, &e) {
			return false, nil
		}
		return false, err
	}
	id := strconv.Itoa(m.MessageID)
	d := youthbot.Dialog{Name: dlgLogOffer, Data: map[string]string{"msg": id, "day": c.Today.ISO()}, Updated: c.Now}
	text, btn := c.T("log.offer_photo"), c.T("btn.offer_photo")
	if photo != "" {
		d.Data["photo"] = photo
	} else {
		d.Data["line"] = m.Text
		text, btn = c.T("log.offer", r.offerSummary(c, line, parts)), c.T("btn.offer_log")
	}
	if err := c.Tx.PutDialog(c.From.ID, d); err != nil {
		return false, err
	}
	c.Reply(text, bot.Keyboard(bot.Row(bot.Button(btn, bot.Data(cbLogOffer, id)))))
	return true, nil
}

// offerSummary says what the line would log: "hôm qua, 2 giờ — trồng cây".
func (r *Participation) offerSummary(c *bot.Ctx, l vnread.LogLine, p vnread.LogLineParts) string {
	var parts []string
	if p.Day {
		switch l.Date {
		case c.Today:
			parts = append(parts, c.T("log.offer_today"))
		case c.Today.AddDays(-1):
			parts = append(parts, c.T("log.offer_yesterday"))
		default:
			parts = append(parts, l.Date.String())
		}
	}
	if p.Hours {
		parts = append(parts, c.T("activity.hours_n", hours(c.Lang, l.Tenths)))
	}
	return strings.Join(parts, ", ") + " — " + l.Description
}

// dlgOffer handles the next message while an offer stands: the offer
// lapses and the message is taken as if no dialog were open.
func (r *Participation) dlgOffer(c *bot.Ctx, _ *youthbot.Dialog, m *tgbotapi.Message) error {
	if err := c.Tx.DeleteDialog(c.From.ID); err != nil {
		return err
	}
	return r.b.OutsideDialog(c, m)
}

// cbLogOffer logs what an offer showed, after re-checking that the sender
// is an approved member and that the offer is the one still standing.
func (r *Participation) cbLogOffer(c *bot.Ctx, args []string) error {
	if _, err := r.approvedMember(c); err != nil {
		return err
	}
	d, found, err := c.Tx.Dialog(c.From.ID)
	if err != nil {
		return err
	}
	if !found || d.Name != dlgLogOffer || d.Data["msg"] == "" || d.Data["msg"] != bot.Arg(args, 0) || d.Data["day"] != c.Today.ISO() {
		return bot.StaleButton()
	}
	if err := c.Tx.DeleteDialog(c.From.ID); err != nil {
		return err
	}
	c.EditCallback(c.T("log.picked", c.T("btn.offer_log")), nil)
	if p := d.Data["photo"]; p != "" {
		return r.beginLogDialog(c, p)
	}
	return r.cmdLog(c, d.Data["line"])
}
