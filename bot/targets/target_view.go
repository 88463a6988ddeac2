package targets

import (
	"strconv"
	"strings"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
	"youthbot/bot"
	"youthbot/report"
)

// /targets: each target of a unit and year with its progress year to
// date, rolled up from the unit's subtree by Tx.Figures, and the line the
// year's report states ("đạt 12/12 chỉ tiêu (từ 100% đến 200%)").

// targetPeriod is the part of year the figures of /targets cover on today:
// January to this month for this year, the whole year otherwise; and its
// last day.
func targetPeriod(today youthbot.Date, year int) (youthbot.Period, youthbot.Date) {
	if year == today.Year {
		return youthbot.Period{Year: year, From: time.January, To: today.Month}, today
	}
	p := youthbot.YearPeriod(year)
	return p, p.Last()
}

// cmdTargets shows targets' progress: /targets [year] [UNIT]. Without a
// unit: the secretary's unit (a choice when they have several), the root
// for an admin, the branch for a member.
func (r *Room) cmdTargets(c *bot.Ctx, args string) error {
	year, unitCode := c.Today.Year, ""
	for _, f := range strings.Fields(args) {
		if y, err := strconv.Atoi(f); err == nil && len(f) == 4 {
			year = y
			continue
		}
		if unitCode != "" {
			return youthbot.Errorf(youthbot.EINVALID, "err.targets_usage")
		}
		unitCode = youthbot.NormalizeUnitCode(f)
	}
	if year < 2000 || year > c.Today.Year+1 {
		return youthbot.Errorf(youthbot.EINVALID, "err.targets_usage")
	}
	if unitCode == "" {
		units := actingUnits(c)
		if len(units) == 0 {
			m, err := bot.MemberForProjects(c)
			if err != nil {
				return err
			}
			units = []string{m.Unit}
		}
		if len(units) > 1 {
			var rows [][]tgbotapi.InlineKeyboardButton
			for _, u := range units {
				rows = append(rows, bot.Row(bot.Button(bot.NameOfUnit(c, u), bot.Data(cbShowTargets, u, strconv.Itoa(year)))))
			}
			c.Reply(c.T("target.list_pick_unit", year), bot.Keyboard(rows...))
			return nil
		}
		unitCode = units[0]
	}
	text, err := r.targetsView(c, unitCode, year)
	if err != nil {
		return err
	}
	c.Reply(text, nil)
	return nil
}

// cbShowTargets shows the targets of the unit picked.
func (r *Room) cbShowTargets(c *bot.Ctx, args []string) error {
	year, err := strconv.Atoi(bot.Arg(args, 1))
	if err != nil || len(args) != 2 || year < 2000 || year > c.Today.Year+1 {
		return bot.StaleButton()
	}
	text, err := r.targetsView(c, youthbot.NormalizeUnitCode(bot.Arg(args, 0)), year)
	if err != nil {
		return err
	}
	c.EditCallback(text, nil)
	return nil
}

// targetsView renders a unit's targets of a year with their progress,
// after checking the sender may see the unit: a unit they manage, or a
// member's own branch.
func (r *Room) targetsView(c *bot.Ctx, code string, year int) (string, error) {
	unit, err := c.TypedUnit(code)
	if err != nil {
		return "", err
	}
	ok, err := c.CanManage(unit.Code)
	if err != nil {
		return "", err
	}
	if !ok {
		if m, err := bot.MemberForProjects(c); err != nil || m.Unit != unit.Code {
			return "", youthbot.Errorf(youthbot.EUNAUTHORIZED, "err.not_your_unit")
		}
	}
	period, upTo := targetPeriod(c.Today, year)
	f, err := c.Tx.Figures(unit.Code, period, r.b.Location())
	if err != nil {
		return "", err
	}
	if len(f.Targets) == 0 {
		return c.T("target.list_none", year, unit.Name, year), nil
	}
	head := c.T("target.list_title", year, unit.Name, upTo.String())
	summary := "\n\n" + c.T("target.list_summary", report.TargetsLine(c.Lang, f))
	var kids []string
	for _, child := range f.Children {
		if len(child.Targets) > 0 {
			kids = append(kids, c.T("target.list_child", child.Name, child.TargetsMet(), len(child.Targets)))
		}
	}
	// A plan's texts may not all fit in one message: the targets, then the
	// units below, that do not are counted in a line of their own; the
	// summary line always stands.
	room := report.MaxMessage - textLen(head) - textLen(summary)
	var sb strings.Builder
	sb.WriteString(head)
	sb.WriteString(fitLines(c, &room, progressLines(r, c, f.Targets), "\n"))
	sb.WriteString(summary)
	if len(kids) > 0 {
		room -= textLen("\n\n" + c.T("target.list_children"))
		sb.WriteString("\n\n" + c.T("target.list_children") + fitLines(c, &room, kids, "\n"))
	}
	return sb.String(), nil
}

// progressLines are the lines of targets in /targets.
func progressLines(r *Room, c *bot.Ctx, targets []youthbot.TargetProgress) []string {
	lines := make([]string, len(targets))
	for i, p := range targets {
		lines[i] = r.progressLine(c, p)
	}
	return lines
}

// fitLines joins lines, each after sep, as long as they fit in room
// characters (which it takes from), then counts those left.
func fitLines(c *bot.Ctx, room *int, lines []string, sep string) string {
	var sb strings.Builder
	more := textLen(sep + c.T("target.list_more", len(lines)))
	for i, l := range lines {
		n := textLen(sep + l)
		if i < len(lines)-1 && *room-n < more || *room-n < 0 {
			s := sep + c.T("target.list_more", len(lines)-i)
			*room -= textLen(s)
			return sb.String() + s
		}
		*room -= n
		sb.WriteString(sep + l)
	}
	return sb.String()
}

// progressLine is one target of /targets: its code and text (or what it
// measures), achieved of planned and the percent; for per_unit the units
// that reached the value of those of the kind; for a manual target not
// entered yet, how to enter it.
func (r *Room) progressLine(c *bot.Ctx, p youthbot.TargetProgress) string {
	icon := "⏳"
	if p.Percent >= 100 {
		icon = "✅"
	}
	label := r.targetLabel(c, youthbot.Target{Metric: p.Metric, Kind: p.Kind, UnitKind: p.UnitKind, Text: p.Text, Value: p.Value})
	if p.Code != "" {
		label = p.Code + " · " + label
	}
	percent := report.Percent(c.Lang, p.Percent)
	switch p.Kind {
	case youthbot.TargetPerUnit:
		return c.T("target.list_line_per_unit", icon, label, metricValue(c, p.Metric, float64(p.Value)),
			int64(p.Achieved), p.Target, unitKindName(c, p.UnitKind), percent)
	case youthbot.TargetManual:
		line := c.T("target.list_line", icon, label, metricValue(c, p.Metric, p.Achieved), metricValue(c, p.Metric, float64(p.Target)), percent)
		if p.Achieved == 0 {
			line += " " + c.T("target.list_manual_hint", p.Code)
		}
		return line
	}
	return c.T("target.list_line", icon, label, metricValue(c, p.Metric, p.Achieved), metricValue(c, p.Metric, float64(p.Target)), percent)
}
