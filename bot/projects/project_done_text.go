package projects

import (
	"strings"

	"youthbot"
	"youthbot/bot"
	"youthbot/bot/internal/figform"
	"youthbot/report"
	"youthbot/service"
)

// The texts of /done: the summary to confirm and the completion.

// doneSummary is the confirmation of what /done will record: whom it
// credits and by which rule, the figures, the participations in all, and
// a warning when the project ends later than today.
func (pj *Projects) doneSummary(c *bot.Ctx, p *youthbot.Project, pre *service.DonePreview) string {
	names := make([]string, 0, doneNames)
	for _, s := range pre.Credited[:min(len(pre.Credited), doneNames)] {
		if m, err := c.Tx.Member(s.Member); err == nil {
			names = append(names, m.FullName)
		}
	}
	list := strings.Join(names, ", ")
	if len(pre.Credited) > doneNames {
		list += " " + c.T("project.done_confirm_more", len(pre.Credited)-doneNames)
	}
	text := c.T("project.done_confirm", kindName(c, p.Kind), p.Code, p.Title, len(pre.Credited), creditRule(c, pre.ByAttendance))
	if list != "" {
		text += "\n" + c.T("project.done_confirm_who", list)
	}
	text += pj.figureLines(c, p, pre.DoneFigures, len(pre.Credited), pre.Participations)
	if c.Today.Before(p.End) {
		text += "\n\n" + c.T("project.done_confirm_early", p.End.String())
	}
	return text
}

// figureLines are the lines of a completion's figures, each after a new
// line: value, the others who took part, person-days, support,
// beneficiaries, recognition level, and the participations in all.
// Figures left at 0 are left out, but for the value and the others who
// took part (said to be none).
func (pj *Projects) figureLines(c *bot.Ctx, p *youthbot.Project, fig service.DoneFigures, credited int, total int64) string {
	var lines []string
	if fig.ValueVND > 0 {
		lines = append(lines, c.T("project.done_value", amountVND(c, fig.ValueVND)))
	} else if p.Open() {
		lines = append(lines, c.T("project.done_confirm_no_value"))
	}
	heads := c.T("done.none")
	if fig.Heads.Total() > 0 {
		heads = headsText(c, fig.Heads)
	}
	lines = append(lines, c.T("done.sum_heads", heads))
	if fig.PersonDayTenths > 0 {
		lines = append(lines, c.T("done.sum_days", report.Decimal(c.Lang, float64(fig.PersonDayTenths)/10)))
	}
	if fig.SupportVND > 0 {
		lines = append(lines, c.T("done.sum_support", amountVND(c, fig.SupportVND)))
	}
	if len(fig.Beneficiaries) > 0 {
		var items []string
		for _, b := range fig.Beneficiaries {
			group, people := c.T("done.benef."+string(b.Group)), report.Number(c.Lang, b.People)
			if b.ValueVND > 0 {
				items = append(items, c.T("done.benef_item_vnd", group, people, amountVND(c, b.ValueVND)))
			} else {
				items = append(items, c.T("done.benef_item", group, people))
			}
		}
		lines = append(lines, c.T("done.sum_benef", strings.Join(items, "; ")))
	}
	level := fig.Level
	if level == "" {
		if u, err := c.Tx.Unit(p.Unit); err == nil {
			level = u.Kind
		}
	}
	if level != "" {
		lines = append(lines, c.T("done.sum_level", levelName(c, level)))
	}
	lines = append(lines, c.T("done.sum_total", report.Number(c.Lang, total), credited, report.Number(c.Lang, fig.Heads.Total())))
	return "\n" + strings.Join(lines, "\n")
}

// headsText lists the head counts above 0: "thanh niên 20, người dân 5".
func headsText(c *bot.Ctx, h youthbot.HeadCounts) string {
	var items []string
	for _, g := range figform.HeadGroups {
		if n := *figform.HeadOf(&h, g); n > 0 {
			items = append(items, c.T("done.head_item", c.T("done.group."+g), report.Number(c.Lang, n)))
		}
	}
	return strings.Join(items, ", ")
}

// creditRule says by which rule members are credited.
func creditRule(c *bot.Ctx, byAttendance bool) string {
	if byAttendance {
		return c.T("project.done_rule_present")
	}
	return c.T("project.done_rule_joined")
}

// levelName is the name of a recognition level.
func levelName(c *bot.Ctx, k youthbot.UnitKind) string {
	if !k.Valid() {
		return string(k)
	}
	return c.T("done.level." + string(k))
}
