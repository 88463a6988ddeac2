package groups

import (
	"context"
	"strings"
	"unicode/utf8"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
	"youthbot/bot"
	"youthbot/i18n"
	"youthbot/storage"
)

// Broadcasts (F5): /broadcast previews an announcement to the approved
// members of the sender's subtree; Send records it, and the scheduler's
// broadcast job fans it out into the outbox, a chunk of members per
// transaction, after the update's transaction: a province's 100,000
// members never hold the single writer for one update. The recipients are
// counted by the pre-phase, in a read transaction, for the same reason.

// Callback data prefixes of broadcasts.
const (
	cbBroadcastSend   = "bs" // bs:<id> send the broadcast previewed
	cbBroadcastCancel = "bx" // bx:<id> drop it
)

// dlgBroadcast is the dialog holding a previewed broadcast until Send or
// Cancel: Data "id", "text", "units" (comma-separated codes).
const dlgBroadcast = "broadcast"

// MaxBroadcastLen bounds a broadcast's text, in characters, leaving room
// for its header within Telegram's 4096.
const MaxBroadcastLen = 3500

// broadcastUnits are the units whose members a sender may broadcast to:
// those they are secretary of (an admin: the roots).
func broadcastUnits(c *bot.Ctx) []string {
	if c.IsAdmin() {
		return c.Tx.ChildCodes("")
	}
	return c.SecretaryUnits()
}

// recipientCount is the pre-phase's count of a broadcast's recipients:
// for the preview (id "") or the Send press of broadcast id, to the
// subtrees of units (comma-separated).
type recipientCount struct {
	id, units string
	n         int
}

// prepareBroadcast claims /broadcast with a text and the Send buttons of
// previews: counting a province's members takes most of a second, so it is
// done in a read transaction before Apply's write transaction. Only for
// secretaries and admins; the handler checks the rights again in its
// transaction, and counts there itself if the scope it finds differs.
func (g *Groups) prepareBroadcast(u *tgbotapi.Update, in bot.Input) func(ctx context.Context) any {
	switch {
	case u.Message != nil:
		if in.Args() == "" || utf8.RuneCountInString(in.Args()) > MaxBroadcastLen {
			return nil
		}
		from := u.Message.From.ID
		return g.countWork(func(tx *storage.Tx) (string, []string, error) {
			if g.b.IsAdmin(from) {
				return "", tx.ChildCodes(""), nil
			}
			return "", tx.CurrentSecretaryUnits(from), nil
		})
	case bot.Arg(in.Data(), 0) != "":
		from, id := u.CallbackQuery.From.ID, bot.Arg(in.Data(), 0)
		return g.countWork(func(tx *storage.Tx) (string, []string, error) {
			d, found, err := tx.Dialog(from)
			if err != nil || !found || d.Name != dlgBroadcast || d.Data["id"] != id {
				return "", nil, err
			}
			if !g.b.IsAdmin(from) && len(tx.CurrentSecretaryUnits(from)) == 0 {
				return "", nil, nil
			}
			return id, strings.Split(d.Data["units"], ","), nil
		})
	}
	return nil
}

// countWork is the pre-phase's work counting the recipients of the scope
// that scope returns (none: nothing to count).
func (g *Groups) countWork(scope func(tx *storage.Tx) (id string, units []string, err error)) func(ctx context.Context) any {
	return func(ctx context.Context) any {
		var p *recipientCount
		err := g.b.DB().View(func(tx *storage.Tx) error {
			id, units, err := scope(tx)
			if err != nil || len(units) == 0 {
				return err
			}
			n, err := tx.CountRecipients(units)
			p = &recipientCount{id: id, units: strings.Join(units, ","), n: n}
			return err
		})
		if err != nil || p == nil {
			return nil
		}
		return *p
	}
}

// recipients returns how many members a broadcast (id, "" for the
// preview) to the subtrees of units reaches: the pre-phase's count when it
// counted that scope, else counted here.
func recipients(c *bot.Ctx, id string, units []string) (int, error) {
	if p, ok := c.Prepared().(recipientCount); ok && p.id == id && p.units == strings.Join(units, ",") {
		return p.n, nil
	}
	return c.Tx.CountRecipients(units)
}

// maxBroadcastFrom bounds, in characters, the unit names a broadcast's
// header shows (a secretary of several units, an admin of several roots),
// so that header and text (MaxBroadcastLen) stay within Telegram's 4096.
const maxBroadcastFrom = 200

// broadcastFrom names the units a broadcast comes from, clipped to
// maxBroadcastFrom.
func broadcastFrom(tx *storage.Tx, units []string) (string, error) {
	names, err := unitNames(tx, units)
	return bot.TruncateRunes(names, maxBroadcastFrom), err
}

// unitNames joins the names of units.
func unitNames(tx *storage.Tx, units []string) (string, error) {
	names := make([]string, 0, len(units))
	for _, code := range units {
		u, err := tx.Unit(code)
		if err != nil {
			return "", err
		}
		names = append(names, u.Name)
	}
	return strings.Join(names, ", "), nil
}

// cmdBroadcast previews an announcement to the approved members of the
// sender's subtree, with Send / Cancel: /broadcast <text>.
func (g *Groups) cmdBroadcast(c *bot.Ctx, args string) error {
	text := strings.TrimSpace(args)
	if text == "" {
		return youthbot.Errorf(youthbot.EINVALID, "err.broadcast_usage")
	}
	if utf8.RuneCountInString(text) > MaxBroadcastLen {
		return youthbot.Errorf(youthbot.EINVALID, "err.broadcast_long", MaxBroadcastLen)
	}
	units := broadcastUnits(c)
	n, err := recipients(c, "", units)
	if err != nil {
		return err
	}
	if n == 0 {
		c.Reply(c.T("bc.none"), nil)
		return nil
	}
	names, err := broadcastFrom(c.Tx, units)
	if err != nil {
		return err
	}
	id := youthbot.NewCode(8)
	d := youthbot.Dialog{Name: dlgBroadcast, Step: "confirm", Updated: c.Now,
		Data: map[string]string{"id": id, "text": text, "units": strings.Join(units, ",")}}
	if err := c.Tx.PutDialog(c.From.ID, d); err != nil {
		return err
	}
	c.Reply(c.T("bc.preview", names, i18n.Number(c.Lang, int64(n)), text),
		bot.YesNo(c.T("btn.send"), bot.Data(cbBroadcastSend, id), c.T("btn.cancel"), bot.Data(cbBroadcastCancel, id)))
	return nil
}

// cbBroadcast sends or drops the previewed broadcast. Sending checks the
// sender's rights again and records the broadcast, which the broadcast job
// fans out after the commit: one notification per member, keyed by
// broadcast and member (bc/<id>/<member>). The dialog goes in the same
// transaction: a second press sends nothing more.
func (g *Groups) cbBroadcast(c *bot.Ctx, args []string) error {
	prefix, _ := bot.DecodeData(c.Update.CallbackQuery.Data)
	d, found, err := c.Tx.Dialog(c.From.ID)
	if err != nil {
		return err
	}
	id := bot.Arg(args, 0)
	if !found || d.Name != dlgBroadcast || d.Data["id"] != id || id == "" {
		c.EditCallback(c.T("bc.gone"), nil)
		c.Answer(c.T("bc.gone"), true)
		return nil
	}
	if prefix == cbBroadcastCancel {
		if err := c.Tx.DeleteDialog(c.From.ID); err != nil {
			return err
		}
		c.EditCallback(c.T("bc.cancelled"), nil)
		return nil
	}
	units := strings.Split(d.Data["units"], ",")
	if err := c.RequireManage(""); err != nil {
		return err
	}
	for _, u := range units {
		if err := c.RequireManage(u); err != nil {
			return err
		}
	}
	n, err := recipients(c, id, units)
	if err != nil {
		return err
	}
	names, err := broadcastFrom(c.Tx, units)
	if err != nil {
		return err
	}
	text := d.Data["text"]
	bc := storage.Broadcast{ID: id, Author: c.From.ID, Units: units, From: names, Text: text, At: c.Now, Counted: n}
	if err := c.Tx.PutBroadcast(bc); err != nil {
		return err
	}
	if fanOut := g.b.Broadcasts(); fanOut != nil {
		c.Tx.OnCommit(fanOut.KickBroadcasts)
	}
	if err := c.Tx.DeleteDialog(c.From.ID); err != nil {
		return err
	}
	count := i18n.Number(c.Lang, int64(n))
	c.EditCallback(c.T("bc.preview", names, count, text)+"\n\n"+c.T("bc.sent", count), nil)
	c.Answer(c.T("bc.sent", count), false)
	return nil
}

// dlgBroadcast answers a message sent while a broadcast waits for Send or
// Cancel.
func (g *Groups) dlgBroadcast(c *bot.Ctx, _ *youthbot.Dialog, _ *tgbotapi.Message) error {
	c.Reply(c.T("bc.waiting"), nil)
	return nil
}
