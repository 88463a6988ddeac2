package projects

import (
	"slices"
	"strings"
	"unicode/utf8"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
	"youthbot/bot"
	"youthbot/report"
	"youthbot/vn"
	"youthbot/vnread"
)

// Campaigns (F4): /newcampaign shows the campaign and the next three
// firings of its reminder schedule, in the bot's time zone, and stores it
// only once confirmed; /campaigns lists those running or about to;
// /endcampaign ends one early. Reminders themselves are the scheduler's:
// it reads Tx.Campaigns().

// campaignFirings is how many upcoming reminders the preview shows.
const campaignFirings = 3

// Fields of the /newcampaign dialog (the campaign waiting for Confirm).
const (
	cfName  = "name"
	cfStart = "start"
	cfEnd   = "end"
	cfCron  = "cron"
	cfText  = "text"
	cfUnits = "units" // the units it may be for, comma-separated
)

// cmdNewCampaign reads
//
//	/newcampaign [UNIT |] <name> | <start> | <end> | <cron> | <reminder text>
//
// checks it and shows it with the next reminders for confirmation.
func (pj *Projects) cmdNewCampaign(c *bot.Ctx, args string) error {
	fields := pipeFields(args)
	// Without a schedule (4 fields, or 5 with a unit whose 4th is a
	// date) the schedule picker asks for one.
	picker := len(fields) == 4
	if len(fields) == 5 {
		if _, err := vnread.ParseDate(fields[3]); err == nil {
			picker = true
		}
	}
	var units []string
	if len(fields) == 6 || picker && len(fields) == 5 {
		unit, err := c.ManagedUnit(youthbot.NormalizeUnitCode(fields[0]))
		if err != nil {
			return err
		}
		units, fields = []string{unit.Code}, fields[1:]
	}
	if picker {
		if _, err := youthbot.ParseSchedule(fields[3]); err == nil {
			// A schedule where the reminder goes: the reminder is missing.
			start, end := exampleSpan(c.Today)
			return youthbot.Errorf(youthbot.EINVALID, "err.campaign_usage", start, end)
		}
		// The schedule's place, for the same reading as the typed form.
		fields = []string{fields[0], fields[1], fields[2], "", fields[3]}
	}
	if len(fields) != 5 {
		start, end := exampleSpan(c.Today)
		return youthbot.Errorf(youthbot.EINVALID, "err.campaign_usage", start, end)
	}
	camp := youthbot.Campaign{
		Name: youthbot.NormalizeCampaignText(fields[0]), Cron: strings.Join(strings.Fields(fields[3]), " "),
		Reminder: youthbot.NormalizeCampaignText(fields[4]),
	}
	var err error
	if camp.Start, err = vnread.ParseDate(fields[1]); err != nil {
		return err
	}
	if camp.End, err = vnread.ParseDate(fields[2]); err != nil {
		return err
	}
	if picker {
		err = camp.ValidateDetails(c.Now, pj.b.Location())
	} else {
		err = camp.Validate(c.Now, pj.b.Location())
	}
	if err != nil {
		return err
	}
	if units == nil {
		units = actingUnits(c)
	}
	if len(units) == 0 {
		return youthbot.Errorf(youthbot.ENOTFOUND, "tree.empty")
	}
	if picker {
		return pj.startSchedulePicker(c, &camp, units)
	}
	d := youthbot.Dialog{Name: dlgCampaign, Step: csConfirm, Updated: c.Now, Data: map[string]string{
		pfNonce: youthbot.NewCode(6), cfName: camp.Name, cfStart: camp.Start.ISO(), cfEnd: camp.End.ISO(),
		cfCron: camp.Cron, cfText: camp.Reminder, cfUnits: strings.Join(units, ","),
	}}
	if err := c.Tx.PutDialog(c.From.ID, d); err != nil {
		return err
	}
	return pj.showCampaignConfirm(c, &d, &camp, false)
}

// showCampaignConfirm shows the campaign of d (camp) with its next
// reminders and the buttons that confirm it for a unit or cancel it: in
// a new message, or in the message of the button pressed (edit).
func (pj *Projects) showCampaignConfirm(c *bot.Ctx, d *youthbot.Dialog, camp *youthbot.Campaign, edit bool) error {
	units := strings.Split(d.Data[cfUnits], ",")
	preview, err := pj.campaignPreview(c, camp)
	if err != nil {
		return err
	}
	n := d.Data[pfNonce]
	var kb *tgbotapi.InlineKeyboardMarkup
	if len(units) == 1 {
		preview = c.T("campaign.new_for_unit", bot.NameOfUnit(c, units[0])) + "\n" + preview
		kb = bot.YesNo(c.T("btn.confirm"), bot.Data(cbNewCampaign, "ok", n, units[0]), c.T("campaign.btn_cancel"), bot.Data(cbNewCampaign, "no", n))
	} else {
		var rows [][]tgbotapi.InlineKeyboardButton
		for _, u := range units {
			rows = append(rows, bot.Row(bot.Button("✅ "+bot.NameOfUnit(c, u), bot.Data(cbNewCampaign, "ok", n, u))))
		}
		rows = append(rows, bot.Row(bot.Button(c.T("campaign.btn_cancel"), bot.Data(cbNewCampaign, "no", n))))
		preview += "\n\n" + c.T("campaign.new_pick_unit")
		kb = bot.Keyboard(rows...)
	}
	if edit {
		c.EditCallback(preview, kb)
	} else {
		c.Reply(preview, kb)
	}
	return nil
}

// exampleSpan is the first and last day of next month, dd/mm/yyyy: the
// dates of the usage examples of /newcampaign and /newproject, valid on
// the day they are shown.
func exampleSpan(today youthbot.Date) (start, end string) {
	p := youthbot.MonthPeriod(today.Year, today.Month)
	next := youthbot.MonthPeriod(p.Last().AddDays(1).Year, p.Last().AddDays(1).Month)
	return next.First().String(), next.Last().String()
}

// campaignPreview describes a campaign and its next reminders.
func (pj *Projects) campaignPreview(c *bot.Ctx, camp *youthbot.Campaign) (string, error) {
	firings, err := camp.Firings(c.Now, pj.b.Location(), campaignFirings)
	if err != nil {
		return "", err
	}
	var times []string
	for _, t := range firings {
		times = append(times, "• "+pj.firingText(c, t))
	}
	return c.T("campaign.new_preview", camp.Name, camp.Start.String(), camp.End.String(), vn.DescribeSchedule(camp.Cron, c.Lang),
		vn.DescribeZone(pj.b.Location(), c.Now, c.Lang), strings.Join(times, "\n"), camp.Reminder), nil
}

// dlgCampaign answers text typed while a campaign waits for confirmation.
func (pj *Projects) dlgCampaign(c *bot.Ctx, d *youthbot.Dialog, m *tgbotapi.Message) error {
	if handled, err := pj.dlgCampaignText(c, d, m.Text); handled {
		return err
	}
	c.Reply(c.T("campaign.new_press_button"), nil)
	return nil
}

// cbNewCampaign confirms (for a unit) or cancels the campaign shown.
func (pj *Projects) cbNewCampaign(c *bot.Ctx, args []string) error {
	d, found, err := c.Tx.Dialog(c.From.ID)
	if err != nil {
		return err
	}
	op := bot.Arg(args, 0)
	if !found || d.Name != dlgCampaign || bot.Arg(args, 1) != d.Data[pfNonce] {
		return bot.StaleButton()
	}
	switch op {
	case cpKind, cpWeekday, cpDay, cpTime:
		if len(args) != 3 {
			return bot.StaleButton()
		}
		return pj.cbCampaignPick(c, &d, op, bot.Arg(args, 2))
	case "ok":
		if d.Step != csConfirm {
			return bot.StaleButton()
		}
	case "no":
	default:
		return bot.StaleButton()
	}
	if op == "no" {
		c.EditCallback(c.T("campaign.new_cancelled"), nil)
		return c.Tx.DeleteDialog(c.From.ID)
	}
	code := bot.Arg(args, 2)
	if !slices.Contains(strings.Split(d.Data[cfUnits], ","), code) {
		return bot.StaleButton()
	}
	unit, err := c.ManagedUnit(code)
	if err != nil {
		return err
	}
	camp := youthbot.Campaign{
		Name: d.Data[cfName], Unit: unit.Code, Start: dialogDate(&d, cfStart), End: dialogDate(&d, cfEnd),
		Cron: d.Data[cfCron], Reminder: d.Data[cfText], CreatedBy: c.From.ID, CreatedAt: c.Now,
	}
	if err := camp.Validate(c.Now, pj.b.Location()); err != nil {
		return err
	}
	if err := c.Tx.NewCampaign(&camp); err != nil {
		return err
	}
	if err := c.Tx.DeleteDialog(c.From.ID); err != nil {
		return err
	}
	preview, err := pj.campaignPreview(c, &camp)
	if err != nil {
		return err
	}
	c.EditCallback(c.T("campaign.new_created", camp.ID, unit.Name)+"\n"+preview, nil)
	return nil
}

// runningCampaign loads a campaign a project may still name: not ended
// early and not past its last day.
func (pj *Projects) runningCampaign(c *bot.Ctx, id string) (youthbot.Campaign, error) {
	camp, err := c.Tx.Campaign(id)
	if err != nil {
		return camp, err
	}
	if !camp.EndedAt.IsZero() || camp.End.Before(c.Today) {
		return camp, youthbot.Errorf(youthbot.ECONFLICT, "err.campaign_ended", camp.ID, camp.Name)
	}
	return camp, nil
}

// campaignCovers refuses a campaign that does not cover unit: a campaign
// is for its unit's subtree.
func (pj *Projects) campaignCovers(c *bot.Ctx, camp youthbot.Campaign, unit string) error {
	ok, err := c.Tx.InSubtree(unit, camp.Unit)
	if err != nil {
		return err
	}
	if !ok {
		return youthbot.Errorf(youthbot.EINVALID, "err.campaign_not_for_unit", camp.ID, bot.NameOfUnit(c, unit))
	}
	return nil
}

// visibleCampaigns are the campaigns not over that the sender sees: those
// of their branch and the units above it, and for a secretary those of the
// units above theirs and of their subtrees; an admin sees all.
func (pj *Projects) visibleCampaigns(c *bot.Ctx) ([]youthbot.Campaign, error) {
	all, err := c.Tx.Campaigns()
	if err != nil {
		return nil, err
	}
	var mine []string
	if m, err := bot.MemberForProjects(c); err == nil {
		mine = append(mine, m.Unit)
	}
	tops := c.SecretaryUnits()
	mine = append(mine, tops...)
	var out []youthbot.Campaign
	for _, camp := range all {
		if !camp.EndedAt.IsZero() || camp.End.Before(c.Today) {
			continue
		}
		visible := c.IsAdmin()
		for _, u := range mine {
			if ok, err := c.Tx.InSubtree(u, camp.Unit); err == nil && ok {
				visible = true
			}
		}
		if !visible {
			if ok, err := c.Tx.Manages(tops, camp.Unit); err == nil && ok {
				visible = true
			}
		}
		if visible {
			out = append(out, camp)
		}
	}
	return out, nil
}

// cmdCampaigns lists the campaigns running now and those about to start.
func (pj *Projects) cmdCampaigns(c *bot.Ctx, _ string) error {
	list, err := pj.visibleCampaigns(c)
	if err != nil {
		return err
	}
	if len(list) == 0 {
		c.Reply(c.T("campaign.list_none"), nil)
		return nil
	}
	var sb strings.Builder
	sb.WriteString(c.T("campaign.list_title", len(list)))
	// A province's campaigns may not fit in one message: those that do
	// not are counted in a last line.
	room := report.MaxMessage - textLen(sb.String()) - textLen("\n\n"+c.T("campaign.list_more", len(list)))
	for i, camp := range list {
		state := c.T("campaign.list_running")
		if !camp.ActiveOn(c.Today) {
			state = c.T("campaign.list_upcoming")
		}
		item := "\n\n" + c.T("campaign.list_item", camp.ID, camp.Name, state, bot.NameOfUnit(c, camp.Unit),
			camp.Start.String(), camp.End.String(), vn.DescribeSchedule(camp.Cron, c.Lang),
			vn.DescribeZone(pj.b.Location(), c.Now, c.Lang))
		ok, err := c.CanManage(camp.Unit)
		if err != nil {
			return err
		}
		if ok {
			item += "\n" + c.T("campaign.list_manage", camp.ID)
		}
		if room -= textLen(item); room < 0 {
			sb.WriteString("\n\n" + c.T("campaign.list_more", len(list)-i))
			break
		}
		sb.WriteString(item)
	}
	c.Reply(sb.String(), nil)
	return nil
}

// managedCampaign loads a campaign the sender may end.
func (pj *Projects) managedCampaign(c *bot.Ctx, id string) (youthbot.Campaign, error) {
	camp, err := bot.Managed(c, id, c.Tx.Campaign, func(camp youthbot.Campaign) string { return camp.Unit }, "err.not_your_campaign")
	if err != nil {
		return camp, err
	}
	if !camp.EndedAt.IsZero() || camp.End.Before(c.Today) {
		return camp, youthbot.Errorf(youthbot.ECONFLICT, "err.campaign_ended", camp.ID, camp.Name)
	}
	return camp, nil
}

// validCampaignID reports whether s looks like a campaign id (C and digits).
func validCampaignID(s string) bool {
	if len(s) < 2 || len(s) > 12 || s[0] != 'C' {
		return false
	}
	for _, r := range s[1:] {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// cmdEndCampaign asks to end a campaign early: /endcampaign C3.
func (pj *Projects) cmdEndCampaign(c *bot.Ctx, args string) error {
	id := strings.ToUpper(strings.TrimSpace(args))
	if !validCampaignID(id) {
		return youthbot.Errorf(youthbot.EINVALID, "err.campaign_end_usage")
	}
	camp, err := pj.managedCampaign(c, id)
	if err != nil {
		return err
	}
	c.Reply(c.T("campaign.end_confirm", camp.ID, camp.Name, bot.NameOfUnit(c, camp.Unit), camp.End.String()),
		bot.YesNo(c.T("campaign.btn_end"), bot.Data(cbEndCampaign, "ok", camp.ID), c.T("btn.keep"), bot.Data(cbEndCampaign, "no", camp.ID)))
	return nil
}

// cbEndCampaign ends the campaign (ok) or keeps it (no).
func (pj *Projects) cbEndCampaign(c *bot.Ctx, args []string) error {
	op, id := bot.Arg(args, 0), bot.Arg(args, 1)
	if op != "ok" && op != "no" || !validCampaignID(id) || len(args) != 2 {
		return bot.StaleButton()
	}
	camp, err := pj.managedCampaign(c, id)
	if err != nil {
		return err
	}
	if op == "no" {
		c.EditCallback(c.T("campaign.end_kept", camp.ID, camp.Name), nil)
		return nil
	}
	camp.EndedAt = c.Now
	if err := c.Tx.PutCampaign(&camp); err != nil {
		return err
	}
	c.EditCallback(c.T("campaign.end_done", camp.ID, camp.Name), nil)
	return nil
}

// textLen counts the characters Telegram counts in a text (its limit:
// report.MaxMessage): the text without tags, entities decoded.
func textLen(s string) int { return utf8.RuneCountInString(report.Plain(s)) }
