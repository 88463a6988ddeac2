package projects

import (
	"strconv"
	"strings"
	"time"

	"youthbot"
	"youthbot/bot"
	"youthbot/report"
)

// amountVND writes an amount of đồng: 5.000.000 đ, 5,000,000 VND.
func amountVND(c *bot.Ctx, n int64) string { return c.T("project.vnd", report.Number(c.Lang, n)) }

// metricValue writes a figure of a target's metric: money as money, hours
// with a decimal, counts as whole numbers.
func metricValue(c *bot.Ctx, m youthbot.Metric, v float64) string {
	switch {
	case m.IsVND():
		return amountVND(c, int64(v))
	case m == youthbot.MetricHours || m == youthbot.MetricPersonDays:
		return report.Decimal(c.Lang, v)
	}
	return report.Number(c.Lang, int64(v))
}

// firingText writes a reminder's firing time with its weekday:
// Thứ Hai 16/03/2026 08:00.
func (pj *Projects) firingText(c *bot.Ctx, t time.Time) string {
	t = t.In(pj.b.Location())
	return c.T("campaign.weekday_"+strconv.Itoa(int(t.Weekday()))) + " " + t.Format("02/01/2006 15:04")
}

// kindName is the name of a project kind.
func kindName(c *bot.Ctx, k youthbot.ProjectKind) string {
	if k == youthbot.ProjectWork {
		return c.T("project.kind_work")
	}
	return c.T("project.kind_task")
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
