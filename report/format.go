package report

import (
	"math"
	"strconv"

	"youthbot"
	"youthbot/i18n"
)

// Numbers are written as each language reads them: Vietnamese groups
// thousands with '.' and marks decimals with ',' (26.000.000 đ; 12,5 giờ),
// English the other way round (26,000,000 VND; 12.5 hours).

func separators(lang string) (thousands, decimal string) {
	if lang == youthbot.LangEN {
		return ",", "."
	}
	return ".", ","
}

// Number writes a whole number with the language's thousands separator
// (i18n.Number, which the bot's messages use too).
func Number(lang string, n int64) string { return i18n.Number(lang, n) }

// Decimal writes x with at most one decimal, dropped when it is 0.
func Decimal(lang string, x float64) string {
	tenths := int64(math.Round(x * 10))
	whole := Number(lang, tenths/10)
	if tenths < 0 && tenths/10 == 0 {
		whole = "-0"
	}
	if d := tenths % 10; d != 0 {
		_, dec := separators(lang)
		return whole + dec + strconv.FormatInt(abs(d), 10)
	}
	return whole
}

func abs(n int64) int64 {
	if n < 0 {
		return -n
	}
	return n
}

// Hours writes hours from tenths.
func Hours(lang string, tenths int) string { return Decimal(lang, float64(tenths)/10) }

// VND writes an amount of đồng: "26.000.000 đ" in Vietnamese, "26,000,000
// VND" in English.
func VND(lang string, v int64) string {
	if lang == youthbot.LangEN {
		return Number(lang, v) + " VND"
	}
	return Number(lang, v) + " đ"
}

// Percent writes a percentage with at most one decimal: "150%", "87,5%".
func Percent(lang string, p float64) string { return Decimal(lang, p) + "%" }

// ratio is 100·a/b, or 0 when b is 0.
func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) * 100 / float64(b)
}

// Change writes how cur moved from prev: "▲ 20%", "▼ 5%", "= 0%"; when prev
// is 0, "▲ +" and cur written by abs (no percentage of nothing); "" when
// both are 0.
func Change(lang string, cur, prev float64, abs func(float64) string) string {
	switch {
	case cur == 0 && prev == 0:
		return ""
	case prev == 0:
		return "▲ +" + abs(cur)
	case cur == prev:
		return "= 0%"
	case cur > prev:
		return "▲ " + Percent(lang, (cur-prev)*100/prev)
	}
	return "▼ " + Percent(lang, (prev-cur)*100/prev)
}

// MetricValue writes a figure of metric m: đồng, hours and person-days
// (one decimal) or a count.
func MetricValue(lang string, m youthbot.Metric, x float64) string {
	switch {
	case m.IsVND():
		return VND(lang, int64(math.Round(x)))
	case m == youthbot.MetricHours || m == youthbot.MetricPersonDays:
		return Decimal(lang, x)
	}
	return Number(lang, int64(math.Round(x)))
}

// MonthYear writes a month as reports name it: 03/2024.
func MonthYear(p youthbot.Period) string {
	return twoDigits(int(p.From)) + "/" + strconv.Itoa(p.Year)
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// PeriodLabel names the period as a sentence does, in plain text:
// "tháng 03/2024", "năm 2024".
func PeriodLabel(lang string, p youthbot.Period) string {
	if p.IsMonth() {
		return Plain(i18n.T(lang, "report.period_month", MonthYear(p)))
	}
	return Plain(i18n.T(lang, "report.period_year", p.Year))
}
