package activities

import (
	"strconv"

	"youthbot"
	"youthbot/bot"
	"youthbot/service"
)

// activityOf is the activity the dialog's fields describe.
func activityOf(d *youthbot.Dialog) youthbot.UnitActivity {
	a := youthbot.UnitActivity{Unit: d.Data[fUnit], Title: d.Data[fTitle], ValueVND: atoi(d.Data[fValue])}
	a.Date.UnmarshalText([]byte(d.Data[fDate]))
	if camp := d.Data[fCamp]; camp != none {
		a.Campaign = camp
	}
	h := readHeads(d.Data[fHeads])
	a.Heads = youthbot.HeadCounts{Members: h[0], Youth: h[1], Students: h[2], Residents: h[3]}
	a.PersonDayTenths, a.SupportVND = atoi(d.Data[fDays]), atoi(d.Data[fSupport])
	for g, b := range readBenef(d.Data[fBenef]) {
		a.SetBenefit(youthbot.Benefit{Group: youthbot.BenefitGroup(g), People: b[0], ValueVND: b[1]})
	}
	return a
}

// dataOf fills a dialog's fields with activity a, to edit it.
func dataOf(a youthbot.UnitActivity, data map[string]string) {
	data[fID], data[fUnit], data[fDate], data[fTitle] = strconv.FormatUint(a.ID, 10), a.Unit, a.Date.ISO(), a.Title
	data[fHeads] = formatHeads([]int64{a.Heads.Members, a.Heads.Youth, a.Heads.Students, a.Heads.Residents})
	data[fDays], data[fValue], data[fSupport] = strconv.FormatInt(a.PersonDayTenths, 10), strconv.FormatInt(a.ValueVND, 10), strconv.FormatInt(a.SupportVND, 10)
	b := map[string][2]int64{}
	for _, x := range a.Beneficiaries {
		b[string(x.Group)] = [2]int64{x.People, x.ValueVND}
	}
	data[fBenef], data[fCamp] = formatBenef(b), none
	if a.Campaign != "" {
		data[fCamp] = a.Campaign
	}
}

// confirm records the dialog's activity, or saves the one edited, after
// checking everything again: rights and campaigns may have changed since
// the dialog began.
func (r *Room) confirm(c *bot.Ctx, d *youthbot.Dialog) error {
	a := activityOf(d)
	var old youthbot.UnitActivity
	if id := d.Data[fID]; id != "" {
		var err error
		if old, err = managedActivity(c, id); err != nil {
			return err
		}
		a.Unit = old.Unit
	} else if _, err := c.ManagedUnit(a.Unit); err != nil {
		return err
	}
	if a.Campaign != "" && a.Campaign != old.Campaign {
		if _, err := campaignFor(c, a.Campaign, a.Unit); err != nil {
			return err
		}
	}
	text, err := summaryText(c, d)
	if err != nil {
		return err
	}
	if old.ID != 0 {
		saved, err := service.EditUnitActivity(c.Tx, c.Actor(), old.ID, a, c.When())
		if err != nil {
			return err
		}
		text += "\n\n" + c.T("activity.saved", saved.Title)
	} else {
		saved, err := service.RecordUnitActivity(c.Tx, c.Actor(), a, c.When())
		if err != nil {
			return err
		}
		text += "\n\n" + c.T("activity.recorded", saved.Title, unitName(c, saved.Unit), num(c, saved.Participations()))
	}
	if err := c.Tx.DeleteDialog(c.From.ID); err != nil {
		return err
	}
	c.EditCallback(text, nil)
	return nil
}

// managedActivity loads the activity a button names by its id, for a
// presser with rights over its unit now; a forged id is a stale button.
func managedActivity(c *bot.Ctx, idArg string) (youthbot.UnitActivity, error) {
	id, err := strconv.ParseUint(idArg, 10, 64)
	if err != nil || id == 0 {
		return youthbot.UnitActivity{}, bot.StaleButton()
	}
	a, err := c.Tx.UnitActivity(id)
	if youthbot.ErrorCode(err) == youthbot.ENOTFOUND {
		return a, youthbot.Errorf(youthbot.ENOTFOUND, "activity.gone")
	}
	if err != nil {
		return a, err
	}
	return a, bot.RefusedAs(c.RequireManage(a.Unit), "activity.not_yours")
}

// cbEdit opens the summary of activity he:<id> to edit it.
func (r *Room) cbEdit(c *bot.Ctx, args []string) error {
	a, err := managedActivity(c, bot.Arg(args, 0))
	if err != nil {
		return err
	}
	if err := service.CheckEditable(a, c.When()); err != nil {
		return err
	}
	d := youthbot.Dialog{Name: dlgActivity, Data: map[string]string{fNonce: youthbot.NewCode(6)}, Updated: c.Now}
	dataOf(a, d.Data)
	return r.summary(c, &d, false)
}

// cbDelete asks to confirm the deletion of activity hd:<id>.
func (r *Room) cbDelete(c *bot.Ctx, args []string) error {
	a, err := managedActivity(c, bot.Arg(args, 0))
	if err != nil {
		return err
	}
	if err := service.CheckEditable(a, c.When()); err != nil {
		return err
	}
	id := strconv.FormatUint(a.ID, 10)
	c.Reply(c.T("activity.delete_ask", a.Title, unitName(c, a.Unit), a.Date.String()),
		bot.YesNo(c.T("activity.btn_delete"), bot.Data(cbDeleteOK, id, "yes"), c.T("activity.btn_keep"), bot.Data(cbDeleteOK, id, "no")))
	return nil
}

// cbDeleteOK deletes activity hx:<id>:yes, or keeps it (no).
func (r *Room) cbDeleteOK(c *bot.Ctx, args []string) error {
	a, err := managedActivity(c, bot.Arg(args, 0))
	if err != nil {
		return err
	}
	switch bot.Arg(args, 1) {
	case "no":
		c.EditCallback(c.T("activity.delete_kept"), nil)
		return nil
	case "yes":
	default:
		return bot.StaleButton()
	}
	if _, err := service.DeleteUnitActivity(c.Tx, c.Actor(), a.ID, c.When()); err != nil {
		return err
	}
	c.EditCallback(c.T("activity.deleted", a.Title, a.Date.String()), nil)
	return nil
}
