package activities

import (
	"strconv"
	"strings"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
	"youthbot/bot"
	"youthbot/report"
	"youthbot/service"
)

// cmdAchieved enters a manual target's achieved value: /achieved [<unit>]
// <code> <value> [<year>]. The target is looked for among the units the
// sender has rights over (or in the unit named); one of a unit they have
// no rights over is refused, and so is a code several of their units use
// unless the unit is named.
func (r *Room) cmdAchieved(c *bot.Ctx, args string) error {
	var only string
	if f := strings.Fields(args); len(f) >= 3 {
		code := youthbot.NormalizeUnitCode(f[0])
		if id, err := c.Tx.ResolveUnit(code); err == nil {
			code = id // a renamed unit's new code
		}
		if u, err := c.Tx.Unit(code); err == nil {
			only, args = u.Code, strings.Join(f[1:], " ")
		}
	}
	a, err := parseAchieved(args, c.Today)
	if err != nil {
		return err
	}
	value, err := parseAchievedValue(a.value)
	if err != nil {
		return err
	}
	mine, others, err := targetsCoded(c, only, a.code, a.year)
	if err != nil {
		return err
	}
	switch {
	case len(mine) == 0 && others:
		return youthbot.Errorf(youthbot.EUNAUTHORIZED, "achieved.not_yours", a.code, a.year)
	case len(mine) == 0:
		return youthbot.Errorf(youthbot.ENOTFOUND, "achieved.not_found", a.code, a.year)
	case len(mine) > 1:
		return youthbot.Errorf(youthbot.ECONFLICT, "achieved.several", a.code, unitList(c, mine), a.code, a.value)
	}
	tg, err := service.Achieve(c.Tx, c.Actor(), mine[0], a.year, a.code, value)
	if err != nil {
		return err
	}
	p := youthbot.Progress(tg, float64(tg.Achieved))
	c.Reply(c.T("achieved.done", tg.Code, tg.Year, unitName(c, tg.Unit), num(c, tg.Achieved), num(c, tg.Value),
		report.Decimal(c.Lang, p.Percent), tg.Text), nil)
	return nil
}

// targetsCoded returns the units the sender has rights over that have a
// target code in year, and whether another unit has one: among every unit,
// or only the unit only when it is not "".
func targetsCoded(c *bot.Ctx, only, code string, year int) (mine []string, others bool, err error) {
	units, err := c.Tx.CurrentUnits()
	if err != nil {
		return nil, false, err
	}
	for _, u := range units {
		if only != "" && u.Code != only {
			continue
		}
		tg, found, err := c.Tx.Target(u.Code, year, code)
		if err != nil {
			return nil, false, err
		}
		if !found || tg.Code == "" {
			continue
		}
		ok, err := c.CanManage(u.Code)
		if err != nil {
			return nil, false, err
		}
		if ok {
			mine = append(mine, u.Code)
		} else {
			others = true
		}
	}
	return mine, others, nil
}

// unitList names units, with their codes, for a message.
func unitList(c *bot.Ctx, units []string) string {
	var parts []string
	for _, u := range units {
		parts = append(parts, bot.CodeOfUnit(c, u)+" ("+unitName(c, u)+")")
	}
	return strings.Join(parts, ", ")
}

// cmdBreakthrough registers a breakthrough task of this year
// (/breakthrough <text>) or lists the unit's (/breakthrough).
func (r *Room) cmdBreakthrough(c *bot.Ctx, args string) error {
	cmd := "B"
	if strings.TrimSpace(args) != "" {
		cmd = "b"
	}
	unit, err := r.unitFor(c, cmd, args)
	if err != nil || unit == "" {
		return err
	}
	return r.breakthroughFor(c, unit, args)
}

// breakthroughFor registers text for unit, or with no text lists unit's
// tasks of this year.
func (r *Room) breakthroughFor(c *bot.Ctx, unit, text string) error {
	if strings.TrimSpace(text) != "" {
		b, err := service.RegisterBreakthrough(c.Tx, c.Actor(), unit, c.Today.Year, text, c.When())
		if youthbot.ErrorCode(err) == youthbot.ECONFLICT {
			return youthbot.Errorf(youthbot.ECONFLICT, "breakthrough.dup", unitName(c, unit), c.Today.Year)
		}
		if err != nil {
			return err
		}
		c.Reply(c.T("breakthrough.added", b.Year, unitName(c, unit), b.Text), nil)
		return nil
	}
	text, kb, err := r.breakthroughView(c, unit)
	if err != nil {
		return err
	}
	return show(c, false, text, kb)
}

// breakthroughView lists unit's tasks of this year, a Complete button for
// each one open.
func (r *Room) breakthroughView(c *bot.Ctx, unit string) (string, *tgbotapi.InlineKeyboardMarkup, error) {
	list, err := c.Tx.Breakthroughs(unit, c.Today.Year)
	if err != nil {
		return "", nil, err
	}
	if len(list) == 0 {
		return c.T("breakthrough.none", unitName(c, unit), c.Today.Year), nil, nil
	}
	done := 0
	var lines []string
	var rows [][]tgbotapi.InlineKeyboardButton
	for _, b := range list {
		if b.Completed {
			done++
			lines = append(lines, c.T("breakthrough.item_done", b.Text, youthbot.DateOf(b.CompletedAt, r.b.Location()).String()))
			continue
		}
		lines = append(lines, c.T("breakthrough.item_open", b.Text))
		if len(rows) < 20 {
			rows = append(rows, bot.Row(bot.Button(c.T("breakthrough.btn_done", bot.TruncateRunes(b.Text, 40)), bot.Data(cbBreak, strconv.FormatUint(b.ID, 10)))))
		}
	}
	head := c.T("breakthrough.list", c.Today.Year, unitName(c, unit), len(list), done)
	var kb *tgbotapi.InlineKeyboardMarkup
	if len(rows) > 0 {
		kb = bot.Keyboard(rows...)
	}
	return head + "\n" + strings.Join(lines, "\n"), kb, nil
}

// cbBreak marks task hb:<id> completed, for a presser with rights over its
// unit now, and shows the list again.
func (r *Room) cbBreak(c *bot.Ctx, args []string) error {
	id, err := strconv.ParseUint(bot.Arg(args, 0), 10, 64)
	if err != nil || len(args) != 1 {
		return bot.StaleButton()
	}
	b, err := c.Tx.Breakthrough(id)
	if err != nil {
		return err
	}
	if err := c.RequireManage(b.Unit); err != nil {
		return err
	}
	if b, err = service.CompleteBreakthrough(c.Tx, c.Actor(), b, c.When()); err != nil {
		return err
	}
	text, kb, err := r.breakthroughView(c, b.Unit)
	if err != nil {
		return err
	}
	c.Answer(c.T("breakthrough.completed", b.Text), false)
	return show(c, true, text, kb)
}

// cmdModel registers an effective model of this year (/model [đội] <name>)
// or lists the unit's (/model).
func (r *Room) cmdModel(c *bot.Ctx, args string) error {
	cmd := "M"
	if strings.TrimSpace(args) != "" {
		cmd = "m"
	}
	unit, err := r.unitFor(c, cmd, args)
	if err != nil || unit == "" {
		return err
	}
	return r.modelFor(c, unit, args)
}

// modelFor registers the model args name for unit, or with no name lists
// unit's models of this year.
func (r *Room) modelFor(c *bot.Ctx, unit, args string) error {
	year, name := c.Today.Year, unitName(c, unit)
	if strings.TrimSpace(args) != "" {
		field, text := modelArgs(args)
		m, err := service.RegisterModel(c.Tx, c.Actor(), unit, year, youthbot.ModelField(field), text, c.When())
		if youthbot.ErrorCode(err) == youthbot.ECONFLICT {
			return youthbot.Errorf(youthbot.ECONFLICT, "model.dup", name, year)
		}
		if err != nil {
			return err
		}
		c.Reply(c.T("model.added", c.T("model.field_"+string(m.Field)), year, name, m.Name), nil)
		return nil
	}
	list, err := c.Tx.Models(unit, year)
	if err != nil {
		return err
	}
	if len(list) == 0 {
		c.Reply(c.T("model.none", name, year), nil)
		return nil
	}
	counts := map[youthbot.ModelField]int{}
	lines := []string{""}
	for _, m := range list {
		counts[m.Field]++
		lines = append(lines, c.T("model.item", m.Name, c.T("model.field_"+string(m.Field))))
	}
	lines[0] = c.T("model.list", year, name, counts[youthbot.ModelDoan], counts[youthbot.ModelDoi])
	c.Reply(strings.Join(lines, "\n"), nil)
	return nil
}
