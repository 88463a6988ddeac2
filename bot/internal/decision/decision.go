// Package decision is what the rooms that decide about a request share
// (bot/membership's /pending and rejections, bot/participation's request
// buttons, bot/requests' summaries): loading the activity or transfer a
// button names with the presser's rights checked now, the refusal of a
// decision about oneself, taking the decision and telling of it, and the
// buttons of the reasons of a rejection. It is
// the core's (rooms may not import each other), kept out of bot/ itself.
package decision

import (
	"strconv"

	"youthbot"
	"youthbot/bot"
	"youthbot/i18n"
	"youthbot/service"
)

// ActivityToDecide loads the activity a button names and checks, now,
// that the presser has rights over the branch it is credited to and is not
// the member who logged it.
func ActivityToDecide(c *bot.Ctx, idArgument string) (youthbot.Activity, error) {
	return toDecide(c, idArgument, c.Tx.Activity, func(a youthbot.Activity) string { return a.Unit },
		func(a youthbot.Activity) int64 { return a.Member })
}

// DecideActivity confirms or rejects a waiting activity and tells the
// member.
func DecideActivity(c *bot.Ctx, a *youthbot.Activity, confirm bool, why string) error {
	decided, notices, err := service.DecideActivity(c.Tx, c.Actor(), a.ID, confirm, why, c.When())
	if err != nil {
		return err
	}
	*a = decided
	return c.Decided(bot.RequestActivity, a.Unit, strconv.FormatUint(a.ID, 10), notices)
}

// TransferToDecide loads the transfer a button names and checks, now,
// that the presser has rights over its destination and is not the member
// who moves.
func TransferToDecide(c *bot.Ctx, idArgument string) (youthbot.Transfer, error) {
	return toDecide(c, idArgument, c.Tx.Transfer, func(t youthbot.Transfer) string { return t.To },
		func(t youthbot.Transfer) int64 { return t.Member })
}

// DecideTransfer accepts or rejects a pending transfer. A transfer whose
// member is no longer an approved member of its origin is cancelled
// instead.
func DecideTransfer(c *bot.Ctx, t *youthbot.Transfer, accept bool) error {
	decided, notices, err := service.DecideTransfer(c.Tx, c.Actor(), t.ID, accept, c.When())
	if err != nil {
		return err
	}
	*t = decided
	return c.Decided(bot.RequestTransfer, t.To, strconv.FormatUint(t.ID, 10), notices)
}

// toDecide loads the record a decision button names by its id argument
// (load) and checks, now, that the presser can manage its unit (unit) and
// is not the member it is about (member): a forged id is a stale button.
func toDecide[T any](c *bot.Ctx, idArgument string, load func(uint64) (T, error), unit func(T) string, member func(T) int64) (T, error) {
	id, err := strconv.ParseUint(idArgument, 10, 64)
	if err != nil || id == 0 {
		var zero T
		return zero, bot.StaleButton()
	}
	x, err := load(id)
	if err != nil {
		return x, err
	}
	if err := c.RequireManage(unit(x)); err != nil {
		return x, err
	}
	return x, RefuseSelf(c, member(x))
}

// RefuseSelf refuses a decision about oneself: buttons are untrusted, so
// a secretary's press on the request about their own registration, hours
// or transfer (sent to them before, crafted, or from /pending) is refused
// here, whatever rights they have.
func RefuseSelf(c *bot.Ctx, subject int64) error {
	if subject == c.From.ID {
		return youthbot.Errorf(youthbot.EUNAUTHORIZED, "err.self_decision")
	}
	return nil
}

// WithReason is the line that tells a rejection, followed by the line of
// its reason (service.ReasonLine) in lang when it has one.
func WithReason(lang, line, reason string) string {
	if why, ok := service.ReasonLine(reason); ok {
		line += "\n" + i18n.T(lang, why.Key, why.Args...)
	}
	return line
}
