package activities

import (
	"strconv"
	"strings"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
	"youthbot/bot"
	"youthbot/service"
)

// /activity: a secretary (or admin) records an activity their unit held,
// step by step or in one line (parseLine). Both ways fill the same dialog;
// whatever is missing is asked in the order of form, then a summary shows
// everything with Confirm, Edit (a field to change) and Cancel. Nothing is
// stored before Confirm. Editing from /activities opens the same summary on
// the activity's fields.

// The dialog's step once every field is filled: the summary waits.
const stepConfirm = "confirm"

// cmdActivity starts /activity: guided without arguments, else the
// one-line form.
func (r *Room) cmdActivity(c *bot.Ctx, args string) error {
	d := youthbot.Dialog{Name: dlgActivity, Data: map[string]string{fNonce: youthbot.NewCode(6)}, Updated: c.Now}
	if strings.TrimSpace(args) != "" {
		if err := parseLine(args, c.Today, d.Data); err != nil {
			return err
		}
	}
	if code := d.Data[fUnit]; code != "" {
		if _, err := c.ManagedUnit(code); err != nil {
			return err
		}
	} else if units := actingUnits(c); len(units) == 1 {
		d.Data[fUnit] = units[0]
	}
	if camp := d.Data[fCamp]; camp != "" && camp != none {
		if _, err := c.Tx.Campaign(camp); err != nil {
			return youthbot.Errorf(youthbot.ENOTFOUND, "activity.campaign_unknown", camp)
		}
		if unit := d.Data[fUnit]; unit != "" {
			if _, err := campaignFor(c, camp, unit); err != nil {
				return err
			}
		}
	}
	return r.next(c, &d)
}

// next asks for the first missing field, or shows the summary.
func (r *Room) next(c *bot.Ctx, d *youthbot.Dialog) error {
	asked, err := form.Next(c, d)
	if err != nil {
		return err
	}
	if asked {
		return r.ask(c, d)
	}
	return r.summary(c, d, false)
}

// ask asks for the field of the dialog's step.
func (r *Room) ask(c *bot.Ctx, d *youthbot.Dialog) error {
	n := d.Data[fNonce]
	btn := func(text, action, value string) tgbotapi.InlineKeyboardButton {
		return bot.Button(text, bot.Data(cbDialog, action, value, n))
	}
	skip := bot.Row(btn(c.T("activity.btn_skip"), "s", d.Step))
	switch d.Step {
	case fUnit:
		var rows [][]tgbotapi.InlineKeyboardButton
		for _, code := range actingUnits(c) {
			rows = append(rows, bot.Row(btn(unitName(c, code), "u", code)))
		}
		if len(rows) == 0 {
			return youthbot.Errorf(youthbot.ENOTFOUND, "tree.empty")
		}
		c.Reply(c.T("activity.ask_unit"), bot.Keyboard(rows...))
	case fDate:
		c.Reply(c.T("activity.ask_date", unitName(c, d.Data[fUnit])), bot.Keyboard(bot.Row(
			btn(c.T("activity.btn_today"), "d", c.Today.ISO()), btn(c.T("activity.btn_yesterday"), "d", c.Today.AddDays(-1).ISO()))))
	case fTitle:
		c.Reply(c.T("activity.ask_title"), nil)
	case fHeads:
		c.Reply(c.T("activity.ask_heads", num(c, youthbot.MaxHeadCount)), nil)
	case fDays:
		c.Reply(c.T("activity.ask_days"), bot.Keyboard(skip))
	case fValue:
		c.Reply(c.T("activity.ask_value"), bot.Keyboard(skip))
	case fSupport:
		c.Reply(c.T("activity.ask_support"), bot.Keyboard(skip))
	case fBenef:
		c.Reply(c.T("activity.ask_benef"), bot.Keyboard(bot.Row(btn(c.T("activity.btn_none"), "s", fBenef))))
	case fCamp:
		options, err := service.CampaignOptions(c.Tx, d.Data[fUnit], c.Today)
		if err != nil {
			return err
		}
		var rows [][]tgbotapi.InlineKeyboardButton
		for _, camp := range options {
			rows = append(rows, bot.Row(btn("📣 "+bot.TruncateRunes(camp.Name, 40), "c", camp.ID)))
		}
		rows = append(rows, bot.Row(btn(c.T("activity.btn_no_campaign"), "c", none)))
		c.Reply(c.T("activity.ask_campaign"), bot.Keyboard(rows...))
	case stepConfirm:
		c.Reply(c.T("activity.press_button"), nil)
	}
	return nil
}

// dlgActivity takes the answer typed for the dialog's step; a wrong answer
// is explained and asked again, nothing kept of it.
func (r *Room) dlgActivity(c *bot.Ctx, d *youthbot.Dialog, m *tgbotapi.Message) error {
	text := strings.TrimSpace(m.Text)
	var value string
	var err error
	switch d.Step {
	case fDate:
		var day youthbot.Date
		if day, err = youthbot.ParseLogDay(text, c.Today); err == nil {
			value = day.ISO()
		}
	case fTitle:
		value = youthbot.NormalizeDescription(text)
		err = checkTitle(value)
	case fHeads:
		var heads []int64
		if heads, err = parseHeads(text); err == nil {
			value = formatHeads(heads)
		}
	case fDays:
		var v int64
		v, err = parseDays(text)
		value = strconv.FormatInt(v, 10)
	case fValue, fSupport:
		var v int64
		v, err = parseMoney(text)
		value = strconv.FormatInt(v, 10)
	case fBenef:
		var b map[string][2]int64
		if b, err = parseBenefits(text); err == nil {
			value = formatBenef(b)
		}
	default: // buttons only: unit, campaign, the summary
		c.Reply(c.T("activity.press_button"), nil)
		if d.Step == stepConfirm {
			return nil
		}
		return r.ask(c, d)
	}
	if err != nil {
		c.Reply(c.ErrorText(err), nil)
		return r.ask(c, d)
	}
	d.Data[d.Step] = value
	return r.filled(c, d, false)
}

// filled goes on once the step's field is set: back to the summary when
// the field was being edited from it, else to the next missing field.
func (r *Room) filled(c *bot.Ctx, d *youthbot.Dialog, edit bool) error {
	if d.Data[fBack] != "" {
		delete(d.Data, fBack)
		return r.summary(c, d, edit)
	}
	return r.next(c, d)
}

// cbDialog takes the dialog's buttons: ha:<action>:<value>:<nonce>, where
// action is u (unit), d (date), s (skip the field value), c (campaign),
// ok (confirm), e (edit: pick a field), f (ask field value again), b (back
// to the summary), x (cancel).
// A button of another dialog or step is stale.
func (r *Room) cbDialog(c *bot.Ctx, args []string) error {
	d, found, err := c.Tx.Dialog(c.From.ID)
	if err != nil {
		return err
	}
	action, value := bot.Arg(args, 0), bot.Arg(args, 1)
	if !found || d.Name != dlgActivity || len(args) != 3 || bot.Arg(args, 2) != d.Data[fNonce] {
		return bot.StaleButton()
	}
	step := map[string]string{"u": fUnit, "d": fDate, "c": fCamp, "s": value, "ok": stepConfirm, "e": stepConfirm, "x": d.Step, "f": stepConfirm, "b": stepConfirm}[action]
	if step == "" || step != d.Step {
		return bot.StaleButton()
	}
	switch action {
	case "u":
		unit, err := c.ManagedUnit(youthbot.NormalizeUnitCode(value))
		if err != nil {
			return err
		}
		if d.Data[fID] != "" {
			return bot.StaleButton() // an activity edited keeps its unit
		}
		d.Data[fUnit] = unit.Code
		c.EditCallback(c.T("activity.chosen", unit.Name), nil)
	case "d":
		var day youthbot.Date
		if day.UnmarshalText([]byte(value)) != nil {
			return bot.StaleButton()
		}
		if err := youthbot.ValidateActivityDate(day, c.Today); err != nil {
			return err
		}
		d.Data[fDate] = day.ISO()
		c.EditCallback(c.T("activity.chosen", day.String()), nil)
	case "s":
		switch value {
		case fDays, fValue, fSupport:
			d.Data[value] = "0"
		case fBenef:
			d.Data[value] = none
		default:
			return bot.StaleButton()
		}
		c.EditCallback(c.T("activity.skipped"), nil)
	case "c":
		chosen := c.T("activity.btn_no_campaign")
		if value != none {
			camp, err := campaignFor(c, value, d.Data[fUnit])
			if err != nil {
				return err
			}
			chosen = camp.Name
		}
		d.Data[fCamp] = value
		c.EditCallback(c.T("activity.chosen", chosen), nil)
	case "e":
		return r.editMenu(c, &d)
	case "b":
		return r.summary(c, &d, true)
	case "f":
		if !editable(value) {
			return bot.StaleButton()
		}
		d.Data[fBack], d.Step, d.Updated = "1", value, c.Now
		if err := c.Tx.PutDialog(c.From.ID, d); err != nil {
			return err
		}
		c.EditCallback(c.T("activity.editing"), nil)
		return r.ask(c, &d)
	case "x":
		if err := c.Tx.DeleteDialog(c.From.ID); err != nil {
			return err
		}
		c.EditCallback(c.T("activity.cancelled"), nil)
		return nil
	case "ok":
		return r.confirm(c, &d)
	}
	return r.filled(c, &d, false)
}

// editable reports whether the summary's Edit may ask field again.
func editable(field string) bool {
	switch field {
	case fDate, fTitle, fHeads, fDays, fValue, fSupport, fBenef, fCamp:
		return true
	}
	return false
}

// editMenu replaces the summary's buttons with one per field to change.
func (r *Room) editMenu(c *bot.Ctx, d *youthbot.Dialog) error {
	n := d.Data[fNonce]
	btn := func(key, field string) tgbotapi.InlineKeyboardButton {
		return bot.Button(c.T(key), bot.Data(cbDialog, "f", field, n))
	}
	rows := [][]tgbotapi.InlineKeyboardButton{
		bot.Row(btn("activity.f_date", fDate), btn("activity.f_title", fTitle)),
		bot.Row(btn("activity.f_heads", fHeads), btn("activity.f_days", fDays)),
		bot.Row(btn("activity.f_value", fValue), btn("activity.f_support", fSupport)),
		bot.Row(btn("activity.f_benef", fBenef), btn("activity.f_campaign", fCamp)),
		bot.Row(bot.Button(c.T("activity.btn_back"), bot.Data(cbDialog, "b", "", n))),
	}
	text, err := summaryText(c, d)
	if err != nil {
		return err
	}
	c.EditCallback(text+"\n\n"+c.T("activity.edit_which"), bot.Keyboard(rows...))
	return nil
}

// summary shows what will be recorded, with Confirm first, Edit and
// Cancel; the dialog waits on it.
func (r *Room) summary(c *bot.Ctx, d *youthbot.Dialog, edit bool) error {
	d.Step, d.Updated = stepConfirm, c.Now
	if err := c.Tx.PutDialog(c.From.ID, *d); err != nil {
		return err
	}
	text, err := summaryText(c, d)
	if err != nil {
		return err
	}
	n := d.Data[fNonce]
	yes := "activity.btn_confirm"
	if d.Data[fID] != "" {
		yes = "activity.btn_save"
	}
	kb := bot.Keyboard(
		bot.Row(bot.Button(c.T(yes), bot.Data(cbDialog, "ok", "", n)), bot.Button(c.T("activity.btn_edit"), bot.Data(cbDialog, "e", "", n))),
		bot.Row(bot.Button(c.T("btn.cancel"), bot.Data(cbDialog, "x", "", n))))
	return c.Show(edit, text, kb)
}
