package projects

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
	"youthbot/bot"
	"youthbot/vn"
)

// The /newcampaign schedule picker: a campaign typed without a schedule
// (/newcampaign name | start | end | reminder) asks for one with buttons —
// daily, weekly on chosen weekdays, monthly on a day — then a time, and
// builds the same 5-field cron a typed schedule gives; "Gõ lịch cron"
// still takes a cron typed by those who know it. Every press is checked
// against the dialog (its nonce and step) and the sender's rights.

// Steps of the picker (Dialog.Step of dlgCampaign; "confirm" is the last).
const (
	csKind     = "kind"     // daily, weekly, monthly or a typed cron
	csWeekdays = "weekdays" // toggling weekdays, then Xong
	csMonthday = "monthday" // a day of the month, pressed or typed
	csTime     = "time"     // a time, pressed or typed
	csCron     = "cron"     // a cron typed
	csConfirm  = "confirm"
)

// Fields of the picker in the dialog.
const (
	cfKind = "kind" // d, w or m
	cfDays = "days" // weekdays chosen, cron numbers, comma-separated
	cfDay  = "day"  // day of the month
)

// Picker operations in callback data: kc:<op>:<nonce>:<value>.
const (
	cpKind    = "k" // value d|w|m|c
	cpWeekday = "w" // value 0-6, or x for Xong
	cpDay     = "m" // value 1-28
	cpTime    = "t" // value HHMM
)

// pickerTimes are the times offered as buttons (hour, minute).
var pickerTimes = [][2]int{{6, 0}, {7, 0}, {7, 30}, {8, 0}, {9, 0}, {12, 0}, {17, 0}, {19, 0}, {20, 0}}

// weekOrder lists cron weekdays Monday first.
var weekOrder = []int{1, 2, 3, 4, 5, 6, 0}

// startSchedulePicker stores the campaign checked so far and asks for its
// schedule.
func (pj *Projects) startSchedulePicker(c *bot.Ctx, camp *youthbot.Campaign, units []string) error {
	d := youthbot.Dialog{Name: dlgCampaign, Step: csKind, Updated: c.Now, Data: map[string]string{
		pfNonce: youthbot.NewCode(6), cfName: camp.Name, cfStart: camp.Start.ISO(), cfEnd: camp.End.ISO(),
		cfText: camp.Reminder, cfUnits: strings.Join(units, ","),
	}}
	if err := c.Tx.PutDialog(c.From.ID, d); err != nil {
		return err
	}
	c.Reply(c.T("campaign.pick_kind", camp.Name), kindKeyboard(c, d.Data[pfNonce]))
	return nil
}

func kindKeyboard(c *bot.Ctx, n string) *tgbotapi.InlineKeyboardMarkup {
	return bot.Keyboard(
		bot.Row(bot.Button(c.T("campaign.pick_daily"), bot.Data(cbNewCampaign, cpKind, n, "d")),
			bot.Button(c.T("campaign.pick_weekly"), bot.Data(cbNewCampaign, cpKind, n, "w"))),
		bot.Row(bot.Button(c.T("campaign.pick_monthly"), bot.Data(cbNewCampaign, cpKind, n, "m")),
			bot.Button(c.T("campaign.pick_cron"), bot.Data(cbNewCampaign, cpKind, n, "c"))),
		bot.Row(bot.Button(c.T("campaign.btn_cancel"), bot.Data(cbNewCampaign, "no", n))),
	)
}

func weekdayKeyboard(c *bot.Ctx, n string, chosen []string) *tgbotapi.InlineKeyboardMarkup {
	var days []tgbotapi.InlineKeyboardButton
	for _, wd := range weekOrder {
		label := c.T("campaign.pick_wd_" + strconv.Itoa(wd))
		if slices.Contains(chosen, strconv.Itoa(wd)) {
			label = "✅ " + label
		}
		days = append(days, bot.Button(label, bot.Data(cbNewCampaign, cpWeekday, n, strconv.Itoa(wd))))
	}
	return bot.Keyboard(days[:4], days[4:],
		bot.Row(bot.Button(c.T("campaign.pick_done"), bot.Data(cbNewCampaign, cpWeekday, n, "x")),
			bot.Button(c.T("campaign.btn_cancel"), bot.Data(cbNewCampaign, "no", n))))
}

func monthdayKeyboard(c *bot.Ctx, n string) *tgbotapi.InlineKeyboardMarkup {
	var rows [][]tgbotapi.InlineKeyboardButton
	for day := 1; day <= 28; day += 7 {
		var r []tgbotapi.InlineKeyboardButton
		for d := day; d < day+7; d++ {
			r = append(r, bot.Button(strconv.Itoa(d), bot.Data(cbNewCampaign, cpDay, n, strconv.Itoa(d))))
		}
		rows = append(rows, r)
	}
	rows = append(rows, bot.Row(bot.Button(c.T("campaign.btn_cancel"), bot.Data(cbNewCampaign, "no", n))))
	return bot.Keyboard(rows...)
}

func timeKeyboard(c *bot.Ctx, n string) *tgbotapi.InlineKeyboardMarkup {
	var rows [][]tgbotapi.InlineKeyboardButton
	var r []tgbotapi.InlineKeyboardButton
	for _, t := range pickerTimes {
		r = append(r, bot.Button(fmt.Sprintf("%d:%02d", t[0], t[1]), bot.Data(cbNewCampaign, cpTime, n, fmt.Sprintf("%02d%02d", t[0], t[1]))))
		if len(r) == 3 {
			rows, r = append(rows, r), nil
		}
	}
	rows = append(rows, bot.Row(bot.Button(c.T("campaign.btn_cancel"), bot.Data(cbNewCampaign, "no", n))))
	return bot.Keyboard(rows...)
}

// checkPickerRights refuses a press or answer from a sender who no longer
// manages any unit the campaign may be for.
func (pj *Projects) checkPickerRights(c *bot.Ctx, d *youthbot.Dialog) error {
	var first error
	for _, u := range strings.Split(d.Data[cfUnits], ",") {
		if _, err := c.ManagedUnit(u); err == nil {
			return nil
		} else if first == nil {
			first = err
		}
	}
	if first == nil {
		first = bot.StaleButton()
	}
	return first
}

// cbCampaignPick answers a press of the picker: op and value from the
// callback data, the dialog already matched by its nonce.
func (pj *Projects) cbCampaignPick(c *bot.Ctx, d *youthbot.Dialog, op, value string) error {
	if err := pj.checkPickerRights(c, d); err != nil {
		return err
	}
	n := d.Data[pfNonce]
	switch {
	case op == cpKind && d.Step == csKind:
		switch value {
		case "d":
			d.Data[cfKind], d.Step = "d", csTime
			return pj.pickerEdit(c, d, pj.pickTimeText(c), timeKeyboard(c, n))
		case "w":
			d.Data[cfKind], d.Step = "w", csWeekdays
			return pj.pickerEdit(c, d, c.T("campaign.pick_weekdays"), weekdayKeyboard(c, n, nil))
		case "m":
			d.Data[cfKind], d.Step = "m", csMonthday
			return pj.pickerEdit(c, d, c.T("campaign.pick_monthday"), monthdayKeyboard(c, n))
		case "c":
			d.Step = csCron
			return pj.pickerEdit(c, d, c.T("campaign.pick_type_cron"), bot.Keyboard(bot.Row(bot.Button(c.T("campaign.btn_cancel"), bot.Data(cbNewCampaign, "no", n)))))
		}
	case op == cpWeekday && d.Step == csWeekdays:
		chosen := splitList(d.Data[cfDays])
		if value == "x" {
			if len(chosen) == 0 {
				c.Answer(c.T("campaign.pick_weekdays_none"), true)
				return nil
			}
			d.Step = csTime
			return pj.pickerEdit(c, d, pj.pickTimeText(c), timeKeyboard(c, n))
		}
		wd, err := strconv.Atoi(value)
		if err != nil || wd < 0 || wd > 6 || strconv.Itoa(wd) != value {
			return bot.StaleButton()
		}
		if i := slices.Index(chosen, value); i >= 0 {
			chosen = slices.Delete(chosen, i, i+1)
		} else {
			chosen = append(chosen, value)
		}
		slices.SortFunc(chosen, func(a, b string) int { return strings.Compare(a, b) })
		d.Data[cfDays] = strings.Join(chosen, ",")
		return pj.pickerEdit(c, d, c.T("campaign.pick_weekdays"), weekdayKeyboard(c, n, chosen))
	case op == cpDay && d.Step == csMonthday:
		day, err := strconv.Atoi(value)
		if err != nil || day < 1 || day > 28 || strconv.Itoa(day) != value {
			return bot.StaleButton()
		}
		d.Data[cfDay], d.Step = value, csTime
		return pj.pickerEdit(c, d, pj.pickTimeText(c), timeKeyboard(c, n))
	case op == cpTime && d.Step == csTime:
		h, m, ok := parseClock(value)
		if !ok || len(value) != 4 {
			return bot.StaleButton()
		}
		return pj.finishPicker(c, d, pickerCron(d, h, m), true)
	}
	return bot.StaleButton()
}

// pickerEdit stores the dialog's new step and shows it in the picker's message.
func (pj *Projects) pickerEdit(c *bot.Ctx, d *youthbot.Dialog, text string, kb *tgbotapi.InlineKeyboardMarkup) error {
	d.Updated = c.Now
	if err := c.Tx.PutDialog(c.From.ID, *d); err != nil {
		return err
	}
	c.EditCallback(text, kb)
	return nil
}

// dlgCampaignText answers text typed during the picker: a day of the
// month, a time or a cron, at the step that asks for it.
func (pj *Projects) dlgCampaignText(c *bot.Ctx, d *youthbot.Dialog, text string) (handled bool, err error) {
	text = strings.TrimSpace(text)
	switch d.Step {
	case csMonthday:
		if err := pj.checkPickerRights(c, d); err != nil {
			return true, err
		}
		day, err := strconv.Atoi(text)
		if err != nil || day < 1 || day > 31 {
			return true, youthbot.Errorf(youthbot.EINVALID, "campaign.pick_monthday_bad", text)
		}
		d.Data[cfDay], d.Step, d.Updated = strconv.Itoa(day), csTime, c.Now
		if err := c.Tx.PutDialog(c.From.ID, *d); err != nil {
			return true, err
		}
		c.Reply(pj.pickTimeText(c), timeKeyboard(c, d.Data[pfNonce]))
		return true, nil
	case csTime:
		if err := pj.checkPickerRights(c, d); err != nil {
			return true, err
		}
		h, m, ok := parseClock(text)
		if !ok {
			return true, youthbot.Errorf(youthbot.EINVALID, "campaign.pick_time_bad", text)
		}
		return true, pj.finishPicker(c, d, pickerCron(d, h, m), false)
	case csCron:
		if err := pj.checkPickerRights(c, d); err != nil {
			return true, err
		}
		return true, pj.finishPicker(c, d, strings.Join(strings.Fields(text), " "), false)
	}
	return false, nil
}

// clockRE reads 8:00, 08:30, 7h30, 7h, 8 and the buttons' 0730.
var clockRE = regexp.MustCompile(`^(\d{1,2})(?:[:hH.]?(\d{2}))?[hH]?$`)

// parseClock reads a time of day.
func parseClock(s string) (h, m int, ok bool) {
	g := clockRE.FindStringSubmatch(strings.TrimSpace(s))
	if g == nil {
		return 0, 0, false
	}
	h, _ = strconv.Atoi(g[1])
	if g[2] != "" {
		m, _ = strconv.Atoi(g[2])
	}
	return h, m, h <= 23 && m <= 59
}

// pickerCron is the cron of the choices in d at h:m.
func pickerCron(d *youthbot.Dialog, h, m int) string {
	dom, dow := "*", "*"
	switch d.Data[cfKind] {
	case "w":
		dow = d.Data[cfDays]
	case "m":
		dom = d.Data[cfDay]
	}
	return fmt.Sprintf("%d %d %s * %s", m, h, dom, dow)
}

// finishPicker checks the campaign with its schedule and shows it for
// confirmation, in the picker's message (edit) or a new one.
func (pj *Projects) finishPicker(c *bot.Ctx, d *youthbot.Dialog, cron string, edit bool) error {
	camp := youthbot.Campaign{Name: d.Data[cfName], Start: dialogDate(d, cfStart), End: dialogDate(d, cfEnd),
		Cron: cron, Reminder: d.Data[cfText]}
	if err := camp.Validate(c.Now, pj.b.Location()); err != nil {
		// A picked schedule is refused in the words it was picked in,
		// not as the cron the user never saw.
		var e *youthbot.Error
		if d.Step != csCron && errors.As(err, &e) && e.Key == "err.campaign_cron_never" {
			return youthbot.Errorf(youthbot.EINVALID, "campaign.pick_never",
				vn.DescribeSchedule(cron, c.Lang), camp.Start.String(), camp.End.String())
		}
		return err
	}
	d.Data[cfCron], d.Step, d.Updated = cron, csConfirm, c.Now
	if err := c.Tx.PutDialog(c.From.ID, *d); err != nil {
		return err
	}
	return pj.showCampaignConfirm(c, d, &camp, edit)
}

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

// pickTimeText asks for the time, naming the bot's zone in words.
func (pj *Projects) pickTimeText(c *bot.Ctx) string {
	return c.T("campaign.pick_time", vn.DescribeZone(pj.b.Location(), c.Now, c.Lang))
}
