package projects

import (
	"strconv"
	"strings"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
	"youthbot/bot"
	"youthbot/service"
)

// /newproject: a secretary (or admin) creates a youth project for one of
// their units, step by step or in one line:
//
//	/newproject [UNIT |] ct|pv | <title> | <start> | <end> | <capacity> [| <campaign>]
//
// Both ways fill the same dialog; whatever is missing is asked for in this
// order: unit (when the sender has several), kind, title, start, end,
// capacity, campaign (only in the guided way, only when one runs for the
// unit). The project is created once nothing is missing.

// Steps of the /newproject dialog, named after the field they fill.
const (
	pfUnit  = "unit"
	pfKind  = "kind"
	pfTitle = "title"
	pfStart = "start"
	pfEnd   = "end"
	pfCap   = "cap"
	pfCamp  = "camp" // a campaign id, or "-" for none
	pfNonce = "n"    // ties the dialog's buttons to this dialog
)

// projectForm is the order in which the /newproject dialog asks the fields.
var projectForm = bot.Form{
	Fields:   []string{pfUnit, pfKind, pfTitle, pfStart, pfEnd, pfCap, pfCamp},
	Campaign: pfCamp, Unit: pfUnit, NoCampaign: noCampaign,
}

// noCampaign is the campaign field of a project that names none.
const noCampaign = "-"

// cmdNewProject starts /newproject: guided without arguments (or with only
// a unit code or a kind), else the one-line form.
func (pj *Projects) cmdNewProject(c *bot.Ctx, args string) error {
	d := youthbot.Dialog{Name: dlgProject, Data: map[string]string{pfNonce: youthbot.NewCode(6)}, Updated: c.Now}
	fields := pipeFields(args)
	switch {
	case args == "":
	case len(fields) == 1:
		if kind, ok := youthbot.ParseProjectKind(fields[0]); ok {
			d.Data[pfKind] = string(kind)
			break
		}
		unit, err := c.ManagedUnit(youthbot.NormalizeUnitCode(fields[0]))
		if err != nil {
			return err
		}
		d.Data[pfUnit] = unit.Code
	default:
		if err := pj.parseProjectLine(c, fields, d.Data); err != nil {
			return err
		}
	}
	if d.Data[pfUnit] == "" {
		if units := actingUnits(c); len(units) == 1 {
			d.Data[pfUnit] = units[0]
		}
	}
	return pj.projectNext(c, &d)
}

// parseProjectLine reads the one-line form into the dialog's fields,
// refusing it whole with the first problem.
func (pj *Projects) parseProjectLine(c *bot.Ctx, fields []string, data map[string]string) error {
	if _, isKind := youthbot.ParseProjectKind(fields[0]); !isKind && len(fields) >= 6 {
		unit, err := c.ManagedUnit(youthbot.NormalizeUnitCode(fields[0]))
		if err != nil {
			return err
		}
		data[pfUnit] = unit.Code
		fields = fields[1:]
	}
	if len(fields) != 5 && len(fields) != 6 {
		start, end := exampleSpan(c.Today)
		return youthbot.Errorf(youthbot.EINVALID, "err.project_usage", start, end)
	}
	kind, ok := youthbot.ParseProjectKind(fields[0])
	if !ok {
		return youthbot.Errorf(youthbot.EINVALID, "err.project_kind")
	}
	p := youthbot.Project{Kind: kind, Title: youthbot.NormalizeTitle(fields[1])}
	var err error
	if p.Start, err = youthbot.ParseDate(fields[2]); err != nil {
		return err
	}
	if p.End, err = youthbot.ParseDate(fields[3]); err != nil {
		return err
	}
	if p.Capacity, err = parseCapacity(fields[4]); err != nil {
		return err
	}
	if err := p.Validate(c.Today); err != nil {
		return err
	}
	data[pfCamp] = noCampaign
	if len(fields) == 6 && fields[5] != "" {
		camp, err := pj.runningCampaign(c, strings.ToUpper(fields[5]))
		if err != nil {
			return err
		}
		if unit := data[pfUnit]; unit != "" {
			if err := pj.campaignCovers(c, camp, unit); err != nil {
				return err
			}
		}
		data[pfCamp] = camp.ID
	}
	data[pfKind], data[pfTitle] = string(p.Kind), p.Title
	data[pfStart], data[pfEnd], data[pfCap] = p.Start.ISO(), p.End.ISO(), strconv.Itoa(p.Capacity)
	return nil
}

// parseCapacity reads a number of seats.
func parseCapacity(s string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		return 0, youthbot.Errorf(youthbot.EINVALID, "err.project_capacity", youthbot.MaxProjectCapacity)
	}
	return n, youthbot.ValidateCapacity(n)
}

// projectNext asks for the first missing field, or creates the project
// when none is missing.
func (pj *Projects) projectNext(c *bot.Ctx, d *youthbot.Dialog) error {
	asked, err := projectForm.Next(c, d)
	if err != nil {
		return err
	}
	if asked {
		return pj.askProjectField(c, d)
	}
	return pj.createProject(c, d)
}

// askProjectField asks for the field of the dialog's step.
func (pj *Projects) askProjectField(c *bot.Ctx, d *youthbot.Dialog) error {
	n := d.Data[pfNonce]
	switch d.Step {
	case pfUnit:
		var rows [][]tgbotapi.InlineKeyboardButton
		for _, code := range actingUnits(c) {
			rows = append(rows, bot.Row(bot.Button(bot.NameOfUnit(c, code), bot.Data(cbNewProject, "u", code, n))))
		}
		if len(rows) == 0 {
			return youthbot.Errorf(youthbot.ENOTFOUND, "tree.empty")
		}
		c.Reply(c.T("project.new_ask_unit"), bot.Keyboard(rows...))
	case pfKind:
		c.Reply(c.T("project.new_ask_kind", bot.NameOfUnit(c, d.Data[pfUnit])), bot.Keyboard(
			bot.Row(bot.Button("🏗 "+c.T("project.kind_work"), bot.Data(cbNewProject, "k", "ct", n))),
			bot.Row(bot.Button("🛠 "+c.T("project.kind_task"), bot.Data(cbNewProject, "k", "pv", n)))))
	case pfTitle:
		c.Reply(c.T("project.new_ask_title"), nil)
	case pfStart:
		c.Reply(c.T("project.new_ask_start"), nil)
	case pfEnd:
		c.Reply(c.T("project.new_ask_end", dialogDate(d, pfStart).String()), nil)
	case pfCap:
		c.Reply(c.T("project.new_ask_capacity", youthbot.MaxProjectCapacity), nil)
	case pfCamp:
		options, err := service.CampaignOptions(c.Tx, d.Data[pfUnit], c.Today)
		if err != nil {
			return err
		}
		var rows [][]tgbotapi.InlineKeyboardButton
		for _, camp := range options {
			rows = append(rows, bot.Row(bot.Button("📣 "+bot.TruncateRunes(camp.Name, 40), bot.Data(cbNewProject, "c", camp.ID, n))))
		}
		rows = append(rows, bot.Row(bot.Button(c.T("project.btn_no_campaign"), bot.Data(cbNewProject, "c", noCampaign, n))))
		c.Reply(c.T("project.new_ask_campaign"), bot.Keyboard(rows...))
	}
	return nil
}

// dialogDate reads a date field of the dialog (zero if unset).
func dialogDate(d *youthbot.Dialog, field string) youthbot.Date {
	var day youthbot.Date
	day.UnmarshalText([]byte(d.Data[field]))
	return day
}

// dlgProject takes the answer typed for the dialog's step; a wrong answer
// is explained and asked again.
func (pj *Projects) dlgProject(c *bot.Ctx, d *youthbot.Dialog, m *tgbotapi.Message) error {
	text := strings.TrimSpace(m.Text)
	again := func(err error) error {
		c.Reply(c.ErrorText(err), nil)
		return pj.askProjectField(c, d)
	}
	switch d.Step {
	case pfKind:
		kind, ok := youthbot.ParseProjectKind(text)
		if !ok {
			c.Reply(c.T("project.new_press_button"), nil)
			return pj.askProjectField(c, d)
		}
		d.Data[pfKind] = string(kind)
	case pfTitle:
		title := youthbot.NormalizeTitle(text)
		if err := youthbot.ValidateProjectTitle(title); err != nil {
			return again(err)
		}
		d.Data[pfTitle] = title
	case pfStart:
		day, err := youthbot.ParseDate(text)
		if err == nil {
			err = youthbot.ValidateProjectDates(day, day, c.Today)
		}
		if err != nil {
			return again(err)
		}
		d.Data[pfStart] = day.ISO()
	case pfEnd:
		day, err := youthbot.ParseDate(text)
		if err == nil {
			err = youthbot.ValidateProjectDates(dialogDate(d, pfStart), day, c.Today)
		}
		if err != nil {
			return again(err)
		}
		d.Data[pfEnd] = day.ISO()
	case pfCap:
		n, err := parseCapacity(text)
		if err != nil {
			return again(err)
		}
		d.Data[pfCap] = strconv.Itoa(n)
	case pfUnit, pfCamp:
		c.Reply(c.T("project.new_press_button"), nil)
		return pj.askProjectField(c, d)
	default:
		return c.Tx.DeleteDialog(c.From.ID)
	}
	return pj.projectNext(c, d)
}

// cbNewProject takes the dialog's button answers: unit, kind, campaign.
func (pj *Projects) cbNewProject(c *bot.Ctx, args []string) error {
	d, found, err := c.Tx.Dialog(c.From.ID)
	if err != nil {
		return err
	}
	field := map[string]string{"u": pfUnit, "k": pfKind, "c": pfCamp}[bot.Arg(args, 0)]
	value := bot.Arg(args, 1)
	if !found || d.Name != dlgProject || field == "" || d.Step != field || bot.Arg(args, 2) != d.Data[pfNonce] {
		return bot.StaleButton()
	}
	if err := c.RequireManage(""); err != nil {
		return err
	}
	var chosen string
	switch field {
	case pfUnit:
		unit, err := c.ManagedUnit(youthbot.NormalizeUnitCode(value))
		if err != nil {
			return err
		}
		value, chosen = unit.Code, unit.Name
	case pfKind:
		kind, ok := youthbot.ParseProjectKind(value)
		if !ok {
			return bot.StaleButton()
		}
		value, chosen = string(kind), kindName(c, kind)
	case pfCamp:
		chosen = c.T("project.btn_no_campaign")
		if value != noCampaign {
			camp, err := pj.runningCampaign(c, value)
			if err != nil {
				return err
			}
			if err := pj.campaignCovers(c, camp, d.Data[pfUnit]); err != nil {
				return err
			}
			chosen = camp.Name
		}
	}
	d.Data[field] = value
	c.EditCallback(c.T("project.new_chosen", chosen), nil)
	return pj.projectNext(c, &d)
}

// createProject stores the dialog's project after checking everything
// again (rights and dates may have changed since the dialog began).
func (pj *Projects) createProject(c *bot.Ctx, d *youthbot.Dialog) error {
	unit, err := c.ManagedUnit(d.Data[pfUnit])
	if err != nil {
		return err
	}
	kind, _ := youthbot.ParseProjectKind(d.Data[pfKind])
	capacity, err := parseCapacity(d.Data[pfCap])
	if err != nil {
		return err
	}
	p := youthbot.Project{
		Kind: kind, Title: d.Data[pfTitle], Unit: unit.Code, Start: dialogDate(d, pfStart), End: dialogDate(d, pfEnd),
		Capacity: capacity, Status: youthbot.ProjectOpen, CreatedBy: c.From.ID, CreatedAt: c.Now,
	}
	if err := p.Validate(c.Today); err != nil {
		return err
	}
	campName := ""
	if id := d.Data[pfCamp]; id != noCampaign && id != "" {
		camp, err := pj.runningCampaign(c, id)
		if err != nil {
			return err
		}
		if err := pj.campaignCovers(c, camp, unit.Code); err != nil {
			return err
		}
		p.Campaign, campName = camp.ID, camp.Name
	}
	if err := c.Tx.NewProject(&p); err != nil {
		return err
	}
	if err := c.Tx.DeleteDialog(c.From.ID); err != nil {
		return err
	}
	text := c.T("project.new_created", kindName(c, p.Kind), p.Code, p.Title, unit.Name, p.Start.String(), p.End.String(), p.Capacity)
	if campName != "" {
		text += "\n" + c.T("project.campaign", campName)
	}
	c.Reply(text+"\n\n"+c.T("project.new_share", p.Code), nil)
	return nil
}
