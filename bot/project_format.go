package bot

import (
	"math"
	"strconv"
	"strings"
	"time"

	"youthbot"
)

// groupedInt writes n with thousands grouped as the language does: 1.234.567
// in Vietnamese, 1,234,567 in English.
func groupedInt(lang string, n int64) string {
	sep := "."
	if lang == youthbot.LangEN {
		sep = ","
	}
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// groupedDecimal writes f with at most one decimal: 12,5 in Vietnamese, 12.5 in
// English; whole numbers without decimals.
func groupedDecimal(lang string, f float64) string {
	f = math.Round(f*10) / 10
	whole := math.Trunc(f)
	tenth := int64(math.Round(math.Abs(f-whole) * 10))
	s := groupedInt(lang, int64(whole))
	if tenth == 0 {
		return s
	}
	mark := ","
	if lang == youthbot.LangEN {
		mark = "."
	}
	return s + mark + strconv.FormatInt(tenth, 10)
}

// reportPercent writes a percent as reports do: 150%, 12,5%.
func reportPercent(lang string, p float64) string { return groupedDecimal(lang, p) + "%" }

// amountVND writes an amount of đồng: 5.000.000 đ, 5,000,000 VND.
func amountVND(c *Ctx, n int64) string { return c.T("project.vnd", groupedInt(c.Lang, n)) }

// metricValue writes a figure of a target's metric: money as money, hours
// with a decimal, counts as whole numbers.
func metricValue(c *Ctx, m youthbot.Metric, v float64) string {
	switch m {
	case youthbot.MetricValueVND:
		return amountVND(c, int64(v))
	case youthbot.MetricHours:
		return groupedDecimal(c.Lang, v)
	}
	return groupedInt(c.Lang, int64(v))
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
