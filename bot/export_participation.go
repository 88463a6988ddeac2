package bot

import (
	"strconv"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
	"youthbot/service"
)

// What the participation room (bot/participation) uses of the core, and
// what the core and the other rooms share with it: the decisions on
// activities and transfers are also taken from /pending (bot/membership).

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

// ActivityToDecide loads the activity a button names and checks, now,
// that the presser has rights over the branch it is credited to and is not
// the member who logged it.
func (b *Bot) ActivityToDecide(c *Ctx, idArgument string) (youthbot.Activity, error) {
	return toDecide(c, idArgument, c.Tx.Activity, func(a youthbot.Activity) string { return a.Unit },
		func(a youthbot.Activity) int64 { return a.Member })
}

// DecideActivity confirms or rejects a waiting activity and tells the
// member.
func (b *Bot) DecideActivity(c *Ctx, a *youthbot.Activity, confirm bool, why string) error {
	decided, notices, err := service.DecideActivity(c.Tx, c.actor(), a.ID, confirm, why, c.when())
	if err != nil {
		return err
	}
	*a = decided
	if err := c.RequestDecided(RequestActivity, a.Unit, strconv.FormatUint(a.ID, 10)); err != nil {
		return err
	}
	return c.deliver(notices)
}

// TransferToDecide loads the transfer a button names and checks, now,
// that the presser has rights over its destination and is not the member
// who moves.
func (b *Bot) TransferToDecide(c *Ctx, idArgument string) (youthbot.Transfer, error) {
	return toDecide(c, idArgument, c.Tx.Transfer, func(t youthbot.Transfer) string { return t.To },
		func(t youthbot.Transfer) int64 { return t.Member })
}

// DecideTransfer accepts or rejects a pending transfer. A transfer whose
// member is no longer an approved member of its origin is cancelled
// instead.
func (b *Bot) DecideTransfer(c *Ctx, t *youthbot.Transfer, accept bool) error {
	decided, notices, err := service.DecideTransfer(c.Tx, c.actor(), t.ID, accept, c.when())
	if err != nil {
		return err
	}
	*t = decided
	if err := c.RequestDecided(RequestTransfer, t.To, strconv.FormatUint(t.ID, 10)); err != nil {
		return err
	}
	return c.deliver(notices)
}

// idArg reads a positive id argument of callback data.
func idArg(s string) (uint64, bool) {
	id, err := strconv.ParseUint(s, 10, 64)
	return id, err == nil && id > 0
}

// markup passes an inline keyboard to Reply or Notify: none as a nil
// interface, not a nil pointer (which would be sent as "null").
func markup(kb *tgbotapi.InlineKeyboardMarkup) any {
	if kb == nil {
		return nil
	}
	return kb
}
