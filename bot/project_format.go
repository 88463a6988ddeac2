package bot

import (
	"strconv"
	"time"

	"youthbot"
	"youthbot/report"
)

// amountVND writes an amount of đồng: 5.000.000 đ, 5,000,000 VND.
func amountVND(c *Ctx, n int64) string { return c.T("project.vnd", report.Number(c.Lang, n)) }

// metricValue writes a figure of a target's metric: money as money, hours
// with a decimal, counts as whole numbers.
func metricValue(c *Ctx, m youthbot.Metric, v float64) string {
	switch m {
	case youthbot.MetricValueVND:
		return amountVND(c, int64(v))
	case youthbot.MetricHours:
		return report.Decimal(c.Lang, v)
	}
	return report.Number(c.Lang, int64(v))
}

// whenText writes a moment in the bot's zone as users read it: 08:05 16/03/2026.
func (b *Bot) whenText(t time.Time) string { return t.In(b.loc).Format("15:04 02/01/2006") }

// firingText writes a reminder's firing time with its weekday:
// Thứ Hai 16/03/2026 08:00.
func (b *Bot) firingText(c *Ctx, t time.Time) string {
	t = t.In(b.loc)
	return c.T("campaign.weekday_"+strconv.Itoa(int(t.Weekday()))) + " " + t.Format("02/01/2006 15:04")
}

// kindName is the name of a project kind.
func kindName(c *Ctx, k youthbot.ProjectKind) string {
	if k == youthbot.ProjectWork {
		return c.T("project.kind_work")
	}
	return c.T("project.kind_task")
}

// metricName is the report name of a target metric.
func metricName(c *Ctx, m youthbot.Metric) string { return c.T("target.metric_" + string(m)) }
