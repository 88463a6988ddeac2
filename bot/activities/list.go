package activities

import (
	"strconv"
	"strings"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
	"youthbot/bot"
	"youthbot/service"
)

// listPage is how many activities a page of /activities shows.
const listPage = 5

// cmdActivities lists a unit's activities of the last year, newest first:
// /activities [UNIT]; a secretary of several units picks one.
func (r *Room) cmdActivities(c *bot.Ctx, args string) error {
	var unit string
	if code := strings.TrimSpace(args); code != "" {
		u, err := c.ManagedUnit(youthbot.NormalizeUnitCode(code))
		if err != nil {
			return err
		}
		unit = u.Code
	} else if u, err := r.unitFor(c, "l", ""); err != nil || u == "" {
		return err
	} else {
		unit = u
	}
	text, kb, err := listView(c, unit, 0)
	if err != nil {
		return err
	}
	return show(c, false, text, kb)
}

// cbList shows page hl:<unit>:<page> of a unit's activities.
func (r *Room) cbList(c *bot.Ctx, args []string) error {
	page, err := strconv.Atoi(bot.Arg(args, 1))
	if err != nil || len(args) != 2 {
		return bot.StaleButton()
	}
	unit, err := c.ManagedUnit(youthbot.NormalizeUnitCode(bot.Arg(args, 0)))
	if err != nil {
		return err
	}
	text, kb, err := listView(c, unit.Code, page)
	if err != nil {
		return err
	}
	return show(c, true, text, kb)
}

// listView is a page of unit's activities dated within the last year, with
// Edit and Delete for those still editable (service.CheckEditable).
func listView(c *bot.Ctx, unit string, page int) (string, *tgbotapi.InlineKeyboardMarkup, error) {
	acts, err := c.Tx.UnitActivitiesSince(unit, youthbot.Date{Year: c.Today.Year - 1, Month: c.Today.Month, Day: c.Today.Day})
	if err != nil {
		return "", nil, err
	}
	name := unitName(c, unit)
	if len(acts) == 0 {
		return c.T("activity.list_none", name), nil, nil
	}
	pages := (len(acts) + listPage - 1) / listPage
	page = min(max(page, 0), pages-1)
	from, to := page*listPage, min(page*listPage+listPage, len(acts))
	lines := []string{c.T("activity.list_title", name, len(acts), page+1, pages)}
	var rows [][]tgbotapi.InlineKeyboardButton
	for i, a := range acts[from:to] {
		n := strconv.Itoa(from + i + 1)
		lines = append(lines, n+". "+c.T("activity.list_item", a.Title, a.Date.String(), num(c, a.Participations())))
		if service.CheckEditable(a, c.When()) == nil {
			id := strconv.FormatUint(a.ID, 10)
			rows = append(rows, bot.Row(bot.Button(c.T("activity.btn_edit_one", n), bot.Data(cbEdit, id)),
				bot.Button(c.T("activity.btn_del_one", n), bot.Data(cbDelete, id))))
		}
	}
	var nav []tgbotapi.InlineKeyboardButton
	if page > 0 {
		nav = append(nav, bot.Button("◀", bot.Data(cbList, unit, strconv.Itoa(page-1))))
	}
	if page < pages-1 {
		nav = append(nav, bot.Button("▶", bot.Data(cbList, unit, strconv.Itoa(page+1))))
	}
	rows = append(rows, nav)
	var kb *tgbotapi.InlineKeyboardMarkup
	if k := bot.Keyboard(rows...); len(k.InlineKeyboard) > 0 {
		kb = k
	}
	return strings.Join(lines, "\n\n"), kb, nil
}

// unitFor is the unit a command acts for: the sender's one unit. A sender
// of several units is shown them as buttons (hu:<cmd>:<unit>:<nonce>), the
// command's arguments kept in a dialog until one is pressed; unit is then
// "".
func (r *Room) unitFor(c *bot.Ctx, cmd, args string) (string, error) {
	units := actingUnits(c)
	switch len(units) {
	case 0:
		return "", youthbot.Errorf(youthbot.ENOTFOUND, "tree.empty")
	case 1:
		return units[0], nil
	}
	d := youthbot.Dialog{Name: dlgPick, Step: cmd, Data: map[string]string{"args": args, fNonce: youthbot.NewCode(6)}, Updated: c.Now}
	if err := c.Tx.PutDialog(c.From.ID, d); err != nil {
		return "", err
	}
	var rows [][]tgbotapi.InlineKeyboardButton
	for _, code := range units {
		rows = append(rows, bot.Row(bot.Button(unitName(c, code), bot.Data(cbUnit, cmd, code, d.Data[fNonce]))))
	}
	key := map[string]string{"l": "activity.list_pick", "b": "breakthrough.pick", "B": "breakthrough.list_pick",
		"m": "model.pick", "M": "model.list_pick"}[cmd]
	c.Reply(c.T(key), bot.Keyboard(rows...))
	return "", nil
}

// cbUnit runs the command kept by unitFor for the unit pressed.
func (r *Room) cbUnit(c *bot.Ctx, args []string) error {
	d, found, err := c.Tx.Dialog(c.From.ID)
	if err != nil {
		return err
	}
	cmd := bot.Arg(args, 0)
	if !found || d.Name != dlgPick || d.Step != cmd || len(args) != 3 || bot.Arg(args, 2) != d.Data[fNonce] {
		return bot.StaleButton()
	}
	unit, err := c.ManagedUnit(youthbot.NormalizeUnitCode(bot.Arg(args, 1)))
	if err != nil {
		return err
	}
	if err := c.Tx.DeleteDialog(c.From.ID); err != nil {
		return err
	}
	c.EditCallback(c.T("activity.chosen", unit.Name), nil)
	switch cmd {
	case "l":
		text, kb, err := listView(c, unit.Code, 0)
		if err != nil {
			return err
		}
		return show(c, false, text, kb)
	case "b", "B":
		return r.breakthroughFor(c, unit.Code, d.Data["args"])
	case "m", "M":
		return r.modelFor(c, unit.Code, d.Data["args"])
	}
	return bot.StaleButton()
}

// dlgPick answers text typed while a unit is to be picked.
func (r *Room) dlgPick(c *bot.Ctx, _ *youthbot.Dialog, _ *tgbotapi.Message) error {
	c.Reply(c.T("activity.press_button"), nil)
	return nil
}

// actingUnits are the units the sender acts for: an admin's are the roots,
// a secretary's those they are secretary of.
func actingUnits(c *bot.Ctx) []string {
	return service.ActingUnits(c.Tx, c.From.ID, c.IsAdmin())
}
