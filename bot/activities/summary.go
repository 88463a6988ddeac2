package activities

import (
	"strconv"
	"strings"

	"youthbot"
	"youthbot/bot"
	"youthbot/report"
)

// summaryText is the summary of the dialog's activity, as it would be
// recorded.
func summaryText(c *bot.Ctx, d *youthbot.Dialog) (string, error) {
	var day youthbot.Date
	day.UnmarshalText([]byte(d.Data[fDate]))
	head := "activity.summary"
	if d.Data[fID] != "" {
		head = "activity.summary_edit"
	}
	lines := []string{c.T(head), c.T("activity.l_unit", unitName(c, d.Data[fUnit])), c.T("activity.l_date", day.String()),
		c.T("activity.l_title", d.Data[fTitle]), headsLine(c, readHeads(d.Data[fHeads]))}
	lines = append(lines, figureLines(c, atoi(d.Data[fDays]), atoi(d.Data[fValue]), atoi(d.Data[fSupport]), readBenef(d.Data[fBenef]))...)
	if id := d.Data[fCamp]; id != "" && id != none {
		camp, err := c.Tx.Campaign(id)
		if err != nil {
			return "", err
		}
		lines = append(lines, c.T("activity.l_campaign", camp.Name))
	}
	return strings.Join(lines, "\n"), nil
}

func atoi(s string) int64 {
	v, _ := strconv.ParseInt(s, 10, 64)
	return v
}

// headsLine is the participations and their split by group.
func headsLine(c *bot.Ctx, heads []int64) string {
	var sum int64
	var parts []string
	for i, h := range heads {
		sum += h
		if h > 0 {
			parts = append(parts, c.T("activity.g_"+headGroups[i], num(c, h)))
		}
	}
	return c.T("activity.l_heads", num(c, sum), strings.Join(parts, " · "))
}

// figureLines are the lines of the figures given (none for those at 0).
func figureLines(c *bot.Ctx, days, value, support int64, benef map[string][2]int64) []string {
	var lines []string
	if days > 0 {
		lines = append(lines, c.T("activity.l_days", report.Decimal(c.Lang, float64(days)/10)))
	}
	if value > 0 {
		lines = append(lines, c.T("activity.l_value", money(c, value)))
	}
	if support > 0 {
		lines = append(lines, c.T("activity.l_support", money(c, support)))
	}
	var parts []string
	for _, g := range benefGroups {
		b, ok := benef[g]
		if !ok {
			continue
		}
		part := c.T("activity.b_"+g, num(c, b[0]))
		if b[1] > 0 {
			part += " (" + money(c, b[1]) + ")"
		}
		parts = append(parts, part)
	}
	if len(parts) > 0 {
		lines = append(lines, c.T("activity.l_benef", strings.Join(parts, "; ")))
	}
	return lines
}

func num(c *bot.Ctx, n int64) string   { return report.Number(c.Lang, n) }
func money(c *bot.Ctx, n int64) string { return c.T("project.vnd", report.Number(c.Lang, n)) }

// campaignFor loads campaign id for an activity of unit: it must exist and
// cover unit (ended campaigns are fine: activities are recorded after the
// fact).
func campaignFor(c *bot.Ctx, id, unit string) (youthbot.Campaign, error) {
	camp, err := c.Tx.Campaign(id)
	if err != nil {
		return camp, youthbot.Errorf(youthbot.ENOTFOUND, "activity.campaign_unknown", id)
	}
	ok, err := c.Tx.InSubtree(unit, camp.Unit)
	if err != nil {
		return camp, err
	}
	if !ok {
		return camp, youthbot.Errorf(youthbot.EINVALID, "activity.campaign_not_for_unit", camp.Name, unitName(c, unit))
	}
	return camp, nil
}
