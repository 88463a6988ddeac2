package requests

import (
	"strconv"
	"time"

	"youthbot"
	"youthbot/bot"
	"youthbot/bot/internal/decision"
	"youthbot/i18n"
	"youthbot/report"
	"youthbot/service"
)

// The items a summary lists and decides, by kind (service.PendingRequests).

// requestItem is one waiting item as a summary shows it.
type requestItem struct {
	service.Request
	c    *bot.Ctx
	lang string
}

// line is the item's line in a summary or a page, built when shown (a
// summary of thousands shows five).
func (it requestItem) line() string { return requestLine(it.c, it.lang, it.Request) }

// pendingRequests lists what of kind waits in unit for viewer, oldest
// first, with each item's line in lang.
func pendingRequests(c *bot.Ctx, lang, kind, unit string, viewer int64) ([]requestItem, error) {
	rs, err := service.PendingRequests(c.Tx, kind, unit, viewer)
	if err != nil {
		return nil, err
	}
	items := make([]requestItem, len(rs))
	for i, r := range rs {
		items[i] = requestItem{Request: r, c: c, lang: lang}
	}
	return items, nil
}

// requestLine is an item's line in a summary.
func requestLine(c *bot.Ctx, lang string, r service.Request) string {
	name := ""
	if m, err := c.Tx.Member(r.Member); err == nil {
		name = m.FullName
	}
	switch {
	case r.Activity != nil:
		h := "—"
		if r.Activity.Tenths > 0 {
			h = i18n.T(lang, "activity.hours_n", report.Hours(lang, r.Activity.Tenths))
		}
		return i18n.T(lang, "req.line.act", listName(lang, name), r.Activity.Date.String(), h)
	case r.Transfer != nil:
		return i18n.T(lang, "req.line.tr", listName(lang, name), bot.NameOfUnit(c, r.Transfer.From))
	case r.Reg != nil:
		return i18n.T(lang, "req.line.reg", listName(lang, r.Reg.FullName), r.Reg.Birth.String())
	}
	return ""
}

// decideRequest confirms (yes) or rejects the item id of kind, checking
// the presser's rights now. decided is false for an item no longer
// waiting (decided meanwhile): it is skipped.
func (r *Room) decideRequest(c *bot.Ctx, kind, id string, yes bool) (decided bool, err error) {
	switch kind {
	case bot.RequestActivity:
		a, err := decision.ActivityToDecide(c, id)
		if err != nil || a.Status != youthbot.ActivityPending {
			return false, err
		}
		return true, decision.DecideActivity(c, &a, yes, "")
	case bot.RequestTransfer:
		t, err := decision.TransferToDecide(c, id)
		if err != nil || !t.Pending() {
			return false, err
		}
		return true, decision.DecideTransfer(c, &t, yes)
	case bot.RequestRegistration:
		uid, err := strconv.ParseInt(id, 10, 64)
		if err != nil {
			return false, bot.StaleButton()
		}
		m, err := c.Tx.Member(uid)
		if err != nil {
			return false, err
		}
		if err := c.RequireManage(m.Unit); err != nil {
			return false, err
		}
		if err := decision.RefuseSelf(c, uid); err != nil {
			return false, err
		}
		if m.Status != youthbot.StatusPending {
			return false, nil
		}
		_, notices, err := service.DecideMember(c.Tx, c.Actor(), uid, yes, "", c.When())
		if err != nil {
			return false, err
		}
		if err := c.Deliver(notices); err != nil {
			return false, err
		}
		return true, r.Decided(c, kind, m.Unit, id)
	}
	return false, bot.StaleButton()
}

// requestState is how the item id of kind stands now, in the presser's
// language.
func requestState(c *bot.Ctx, kind, id string) string {
	n, err := strconv.ParseUint(id, 10, 64)
	if err != nil {
		return c.T("req.status.done")
	}
	switch kind {
	case bot.RequestActivity:
		if a, err := c.Tx.Activity(n); err == nil {
			return c.T("activity.status." + string(a.Status))
		}
	case bot.RequestTransfer:
		if t, err := c.Tx.Transfer(n); err == nil && t.Pending() {
			return c.T("req.status.open")
		}
	case bot.RequestRegistration:
		if m, err := c.Tx.Member(int64(n)); err == nil && m.Status == youthbot.StatusPending {
			return c.T("req.status.open")
		}
	}
	return c.T("req.status.done")
}

// decisionLine says what became of the item id of kind and when, as the
// answer to the press that decided it.
func (r *Room) decisionLine(c *bot.Ctx, kind, id string) string {
	n, _ := strconv.ParseUint(id, 10, 64)
	key, at := "", time.Time{}
	switch kind {
	case bot.RequestActivity:
		if a, err := c.Tx.Activity(n); err == nil {
			key, at = map[youthbot.ActivityStatus]string{youthbot.ActivityConfirmed: "activity.decided_confirmed",
				youthbot.ActivityRejected: "activity.decided_rejected"}[a.Status], a.DecidedAt
		}
	case bot.RequestTransfer:
		if t, err := c.Tx.Transfer(n); err == nil {
			key, at = map[youthbot.TransferStatus]string{youthbot.TransferAccepted: "transfer.decided_accepted",
				youthbot.TransferRejected: "transfer.decided_rejected"}[t.Status], t.DecidedAt
		}
	case bot.RequestRegistration:
		if m, err := c.Tx.Member(int64(n)); err == nil {
			key, at = map[youthbot.MemberStatus]string{youthbot.StatusApproved: "approval.approved",
				youthbot.StatusRejected: "approval.rejected"}[m.Status], m.DecidedAt
		}
	}
	if key == "" {
		return c.T("req.decided", requestState(c, kind, id))
	}
	return c.T(key, r.b.WhenText(at))
}
