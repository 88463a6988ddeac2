// Package targets is the feature room of yearly targets (chỉ tiêu, F4 and
// F7): /target sets a unit's target of a kind — a metric of the subtree, a
// value each unit of a kind below must reach (per_unit), or a statement
// whose achieved value /achieved (bot/activities) enters (manual) —;
// /targets shows each target's progress year to date with the line the
// year's report states. Figures come from Tx.Figures; this room reads
// messages and buttons and answers.
package targets

import (
	"strings"
	"unicode/utf8"

	"youthbot"
	"youthbot/bot"
	"youthbot/report"
)

// Callback data prefixes of this room. Every handler checks its arguments
// and the presser's rights again.
const (
	cbSetTarget   = "kt" // kt:<year>:<metric letter>:<value>:<unit>[:<kind>[:<code>]] | kt:d:<nonce>:<unit> set a target for the unit picked (targetButton)
	cbShowTargets = "ks" // ks:<unit>:<year> show targets of the unit picked
)

// pfNonce is the field of a dialog that its buttons must name.
const pfNonce = "n"

// Room is the feature, on the core it registered with.
type Room struct{ b *bot.Bot }

// New is the feature's bot.NewFeature.
func New(b *bot.Bot) bot.Feature { return &Room{b: b} }

// Commands are the room's commands, in menu order.
func (r *Room) Commands() []bot.Command {
	return []bot.Command{
		{Name: "target", Private: true, Who: bot.ForSecretaries, Need: bot.RoleSecretary, Handle: r.cmdTarget},
		{Name: "targets", Private: true, Who: bot.ForSecretaries, Handle: r.cmdTargets},
	}
}

// Callbacks are the room's buttons by prefix.
func (r *Room) Callbacks() map[string]bot.Callback {
	return map[string]bot.Callback{
		cbSetTarget:   {Need: bot.RoleSecretary, Handle: r.cbSetTarget},
		cbShowTargets: {Handle: r.cbShowTargets},
	}
}

// Dialogs are the room's dialogs by name.
func (r *Room) Dialogs() map[string]bot.DialogHandler {
	return map[string]bot.DialogHandler{dlgTarget: r.dlgTargetText}
}

// actingUnits are the units a management command acts for when none is
// named: a secretary's own units, or for an admin the roots of the tree.
func actingUnits(c *bot.Ctx) []string {
	if c.IsAdmin() {
		return c.Tx.ChildCodes("")
	}
	return c.SecretaryUnits()
}

// metricValue writes a figure of a target's metric: money as money, hours
// and person-days with a decimal, counts as whole numbers.
func metricValue(c *bot.Ctx, m youthbot.Metric, v float64) string {
	switch {
	case m.IsVND():
		return c.T("project.vnd", report.Number(c.Lang, int64(v)))
	case m == youthbot.MetricHours || m == youthbot.MetricPersonDays:
		return report.Decimal(c.Lang, v)
	}
	return report.Number(c.Lang, int64(v))
}

// metricName is the report name of a target metric ("beneficiaries:children"
// has "target.metric_beneficiaries.children").
func metricName(c *bot.Ctx, m youthbot.Metric) string {
	return c.T("target.metric_" + strings.ReplaceAll(string(m), ":", "."))
}

// unitKindName names a kind of unit as a per_unit target counts it: chi
// đoàn, đoàn cơ sở…
func unitKindName(c *bot.Ctx, k youthbot.UnitKind) string {
	return c.T("target.unit_kind." + string(k))
}

// textLen is the length of a message's HTML text as Telegram counts it.
func textLen(s string) int { return utf8.RuneCountInString(report.Plain(s)) }
