package bot

import (
	"time"

	"youthbot"
	"youthbot/service"
)

// What the projects room (bot/projects) uses of the core, besides
// feature.go, and the helpers the core shares with it (MemberForProjects,
// NameOfUnit).

// Managed loads the record key names (load) for a sender who manages some
// unit, and refuses it (EUNAUTHORIZED, the catalog message refusal with
// key) unless they can manage the unit it belongs to (unit), now.
func Managed[K, T any](c *Ctx, key K, load func(K) (T, error), unit func(T) string, refusal string) (T, error) {
	if err := c.RequireManage(""); err != nil {
		var zero T
		return zero, err
	}
	x, err := load(key)
	if err != nil {
		return x, err
	}
	return x, refusedAs(c.RequireManage(unit(x)), refusal, key)
}

// Actor is the sender as the one who takes a decision.
func (c *Ctx) Actor() service.Actor { return c.actor() }

// When is the moment of the update, for a decision.
func (c *Ctx) When() service.When { return c.when() }

// Deliver queues the notices a decision returned, each in its recipient's
// language.
func (c *Ctx) Deliver(notices []service.Notice) error { return c.deliver(notices) }

// ErrorText is what the user is told of err, in their language.
func (c *Ctx) ErrorText(err error) string { return c.errorText(err) }

// WhenText writes a moment in the bot's zone as users read it:
// 08:05 16/03/2026.
func (b *Bot) WhenText(t time.Time) string { return t.In(b.loc).Format("15:04 02/01/2006") }

// MemberForProjects returns the sender's member record if they are an
// approved member; otherwise a refusal that says why.
func MemberForProjects(c *Ctx) (youthbot.Member, error) {
	m, err := c.Member()
	if youthbot.ErrorCode(err) == youthbot.ENOTFOUND {
		return m, youthbot.Errorf(youthbot.EUNAUTHORIZED, "err.project_members_only")
	}
	if err != nil {
		return m, err
	}
	switch m.Status {
	case youthbot.StatusApproved:
		return m, nil
	case youthbot.StatusPending:
		return m, youthbot.Errorf(youthbot.EUNAUTHORIZED, "err.project_member_pending")
	}
	return m, youthbot.Errorf(youthbot.EUNAUTHORIZED, "err.project_members_only")
}

// CodeOfUnit is the code a unit goes by today (a renamed unit's new
// code), for texts; callback data keep the identity code.
func CodeOfUnit(c *Ctx, id string) string { return c.Tx.CurrentCode(id) }

// NameOfUnit is a unit's name, or its code when there is no such unit.
func NameOfUnit(c *Ctx, code string) string {
	if u, err := c.Tx.Unit(code); err == nil {
		return u.Name
	}
	return code
}
