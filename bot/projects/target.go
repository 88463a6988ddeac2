package projects

import (
	"strconv"
	"strings"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
	"youthbot/bot"
	"youthbot/report"
)

// Targets (chỉ tiêu, F4): /target sets a unit's yearly target on one
// metric; /targets shows each target's progress year to date, rolled up
// from the unit's subtree by Tx.Figures, as union reports state it
// ("đạt 150%", "đạt 3/6 chỉ tiêu").

// metricLetters name metrics in callback data (64 bytes are few).
var metricLetters = map[youthbot.Metric]string{
	youthbot.MetricParticipations: "p", youthbot.MetricHours: "h", youthbot.MetricWorks: "w",
	youthbot.MetricTasks: "t", youthbot.MetricValueVND: "v", youthbot.MetricNewMembers: "n",
}

func metricOfLetter(s string) (youthbot.Metric, bool) {
	for m, l := range metricLetters {
		if l == s {
			return m, true
		}
	}
	return "", false
}

// cmdTarget sets a target: /target <year> <metric> <value> [UNIT], the
// metric in any of its names (youthbot.MatchMetric: lượt, giờ, công trình,
// giá trị làm lợi…, or the code names).
func (pj *Projects) cmdTarget(c *bot.Ctx, args string) error {
	f := strings.Fields(args)
	if len(f) < 3 {
		return youthbot.Errorf(youthbot.EINVALID, "err.target_usage", c.Today.Year)
	}
	year, err := strconv.Atoi(f[0])
	if err != nil {
		return youthbot.Errorf(youthbot.EINVALID, "err.target_usage", c.Today.Year)
	}
	metric, n := youthbot.MatchMetric(f[1:])
	switch {
	case n == 0:
		return youthbot.Errorf(youthbot.EINVALID, "err.target_metric", f[1])
	case 1+n == len(f):
		return youthbot.Errorf(youthbot.EINVALID, "err.target_usage", c.Today.Year)
	}
	rest, unitCode := f[1+n:], ""
	if n := len(rest); n >= 2 {
		last := youthbot.NormalizeUnitCode(rest[n-1])
		if _, err := c.Tx.Unit(last); err == nil {
			if _, err := youthbot.ParseTargetValue(metric, strings.Join(rest[:n-1], " ")); err == nil {
				rest, unitCode = rest[:n-1], last
			}
		}
	}
	value, err := youthbot.ParseTargetValue(metric, strings.Join(rest, " "))
	if err != nil {
		return err
	}
	tg := youthbot.Target{Year: year, Metric: metric, Value: value}
	if err := tg.Validate(c.Today); err != nil {
		return err
	}
	if unitCode == "" {
		units := actingUnits(c)
		if len(units) == 0 {
			return youthbot.Errorf(youthbot.ENOTFOUND, "tree.empty")
		}
		if len(units) > 1 {
			var rows [][]tgbotapi.InlineKeyboardButton
			for _, u := range units {
				rows = append(rows, bot.Row(bot.Button(bot.NameOfUnit(c, u),
					bot.Data(cbSetTarget, strconv.Itoa(year), metricLetters[metric], strconv.FormatInt(value, 10), u))))
			}
			c.Reply(c.T("target.pick_unit", metricName(c, metric), year), bot.Keyboard(rows...))
			return nil
		}
		unitCode = units[0]
	}
	unit, err := c.ManagedUnit(unitCode)
	if err != nil {
		return err
	}
	text, err := pj.setTarget(c, unit, tg)
	if err != nil {
		return err
	}
	c.Reply(text, nil)
	return nil
}

// cbSetTarget sets the target for the unit picked.
func (pj *Projects) cbSetTarget(c *bot.Ctx, args []string) error {
	year, err1 := strconv.Atoi(bot.Arg(args, 0))
	metric, ok := metricOfLetter(bot.Arg(args, 1))
	value, err2 := strconv.ParseInt(bot.Arg(args, 2), 10, 64)
	if err1 != nil || err2 != nil || !ok || len(args) != 4 {
		return bot.StaleButton()
	}
	tg := youthbot.Target{Year: year, Metric: metric, Value: value}
	if err := tg.Validate(c.Today); err != nil {
		return err
	}
	unit, err := c.ManagedUnit(youthbot.NormalizeUnitCode(bot.Arg(args, 3)))
	if err != nil {
		return err
	}
	text, err := pj.setTarget(c, unit, tg)
	if err != nil {
		return err
	}
	c.EditCallback(text, nil)
	return nil
}

// setTarget stores the target and says where the unit stands on it.
func (pj *Projects) setTarget(c *bot.Ctx, unit youthbot.Unit, tg youthbot.Target) (string, error) {
	tg.Unit = unit.Code
	var old int64
	for _, t := range c.Tx.Targets(unit.Code, tg.Year) {
		if t.Metric == tg.Metric {
			old = t.Value
		}
	}
	if err := c.Tx.SetTarget(tg); err != nil {
		return "", err
	}
	period, _ := targetPeriod(c.Today, tg.Year)
	f, err := c.Tx.Figures(unit.Code, period, pj.b.Location())
	if err != nil {
		return "", err
	}
	text := c.T("target.set", tg.Year, bot.NameOfUnit(c, unit.Code), metricName(c, tg.Metric), metricValue(c, tg.Metric, float64(tg.Value)))
	if old > 0 && old != tg.Value {
		text += "\n" + c.T("target.was", metricValue(c, tg.Metric, float64(old)))
	}
	for _, p := range f.Targets {
		if p.Metric == tg.Metric {
			text += "\n" + c.T("target.now", metricValue(c, p.Metric, p.Achieved), report.Percent(c.Lang, p.Percent))
		}
	}
	return text + "\n\n" + c.T("target.see_all", tg.Year), nil
}

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
func (pj *Projects) cmdTargets(c *bot.Ctx, args string) error {
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
	text, err := pj.targetsView(c, unitCode, year)
	if err != nil {
		return err
	}
	c.Reply(text, nil)
	return nil
}

// cbShowTargets shows the targets of the unit picked.
func (pj *Projects) cbShowTargets(c *bot.Ctx, args []string) error {
	year, err := strconv.Atoi(bot.Arg(args, 1))
	if err != nil || len(args) != 2 || year < 2000 || year > c.Today.Year+1 {
		return bot.StaleButton()
	}
	text, err := pj.targetsView(c, youthbot.NormalizeUnitCode(bot.Arg(args, 0)), year)
	if err != nil {
		return err
	}
	c.EditCallback(text, nil)
	return nil
}

// targetsView renders a unit's targets of a year with their progress,
// after checking the sender may see the unit: a unit they manage, or a
// member's own branch.
func (pj *Projects) targetsView(c *bot.Ctx, code string, year int) (string, error) {
	unit, err := c.Tx.Unit(code)
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
	f, err := c.Tx.Figures(unit.Code, period, pj.b.Location())
	if err != nil {
		return "", err
	}
	if len(f.Targets) == 0 {
		return c.T("target.list_none", year, unit.Name, year), nil
	}
	var sb strings.Builder
	sb.WriteString(c.T("target.list_title", year, unit.Name, upTo.String()))
	for _, p := range f.Targets {
		icon := "⏳"
		if p.Percent >= 100 {
			icon = "✅"
		}
		sb.WriteString("\n" + c.T("target.list_line", icon, metricName(c, p.Metric), metricValue(c, p.Metric, p.Achieved),
			metricValue(c, p.Metric, float64(p.Target)), report.Percent(c.Lang, p.Percent)))
	}
	sb.WriteString("\n\n" + c.T("target.list_met", f.TargetsMet(), len(f.Targets)))
	var kids []string
	for _, child := range f.Children {
		if len(child.Targets) > 0 {
			kids = append(kids, c.T("target.list_child", child.Name, child.TargetsMet(), len(child.Targets)))
		}
	}
	if len(kids) > 0 {
		sb.WriteString("\n\n" + c.T("target.list_children") + "\n" + strings.Join(kids, "\n"))
	}
	return sb.String(), nil
}
