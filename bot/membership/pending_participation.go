package membership

import (
	"strconv"

	"youthbot"
	"youthbot/bot"
	"youthbot/report"
	"youthbot/service"
)

// /pending lists and decides, besides registrations, what participation
// waits for: logged activities and transfers. The decisions are the
// service's (service.DecideActivity, service.DecideTransfer), the checks
// the core's (bot.ToDecide), as when they are decided on their request.

// pendingParticipation lists a unit's logged activities waiting for
// confirmation ("a<id>") and the transfers into it waiting for acceptance
// ("t<id>").
func (r *Room) pendingParticipation(c *bot.Ctx, u youthbot.Unit) ([]pendingItem, error) {
	var items []pendingItem
	acts, err := c.Tx.PendingActivities(u.Code)
	if err != nil {
		return nil, err
	}
	for _, a := range acts {
		if a.Member == c.From.ID {
			continue
		}
		m, _ := c.Tx.Member(a.Member)
		name := m.FullName
		if name == "" {
			name = c.T("members.anonymous")
		}
		h := "—"
		if a.Tenths > 0 {
			h = c.T("activity.hours_n", report.Hours(c.Lang, a.Tenths))
		}
		extra := ""
		if a.Project != "" {
			extra += " · 🏗 " + a.Project
		}
		if a.Photo != "" {
			extra += " · 📷"
		}
		items = append(items, pendingItem{
			key:  "a" + strconv.FormatUint(a.ID, 10),
			at:   a.CreatedAt,
			line: c.T("pending.activity", name, u.Name, a.Date.String(), h, service.Clip(a.Description, 120), extra),
		})
	}
	transfers, err := c.Tx.PendingTransfers(u.Code)
	if err != nil {
		return nil, err
	}
	for _, t := range transfers {
		if t.Member == c.From.ID {
			continue
		}
		m, _ := c.Tx.Member(t.Member)
		items = append(items, pendingItem{
			key:  "t" + strconv.FormatUint(t.ID, 10),
			at:   t.RequestedAt,
			line: c.T("pending.transfer", m.FullName, r.unitName(c, t.From), u.Name),
		})
	}
	return items, nil
}

// activityToDecide loads the activity a /pending key names and checks,
// now, that the presser has rights over the branch it is credited to and
// is not the member who logged it.
func (r *Room) activityToDecide(c *bot.Ctx, idArgument string) (youthbot.Activity, error) {
	return bot.ToDecide(c, idArgument, c.Tx.Activity, func(a youthbot.Activity) string { return a.Unit },
		func(a youthbot.Activity) int64 { return a.Member })
}

// decideActivity confirms or rejects a waiting activity and tells the
// member.
func (r *Room) decideActivity(c *bot.Ctx, a *youthbot.Activity, confirm bool, why string) error {
	decided, notices, err := service.DecideActivity(c.Tx, c.Actor(), a.ID, confirm, why, c.When())
	if err != nil {
		return err
	}
	*a = decided
	return c.Deliver(notices)
}

// transferToDecide loads the transfer a /pending key names and checks,
// now, that the presser has rights over its destination and is not the
// member who moves.
func (r *Room) transferToDecide(c *bot.Ctx, idArgument string) (youthbot.Transfer, error) {
	return bot.ToDecide(c, idArgument, c.Tx.Transfer, func(t youthbot.Transfer) string { return t.To },
		func(t youthbot.Transfer) int64 { return t.Member })
}

// decideTransfer accepts or rejects a pending transfer (or cancels one
// whose member is no longer an approved member of its origin).
func (r *Room) decideTransfer(c *bot.Ctx, t *youthbot.Transfer, accept bool) error {
	decided, notices, err := service.DecideTransfer(c.Tx, c.Actor(), t.ID, accept, c.When())
	if err != nil {
		return err
	}
	*t = decided
	return c.Deliver(notices)
}

// unitName is a unit's name, or its code if it is gone.
func (r *Room) unitName(c *bot.Ctx, code string) string {
	if u, err := c.Tx.Unit(code); err == nil {
		return u.Name
	}
	return code
}
