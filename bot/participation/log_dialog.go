package participation

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
	"youthbot/bot"
	"youthbot/vn"
	"youthbot/vnread"
)

// The guided /log dialog: date → hours → description → project or
// campaign (when the member's branch has any running) → photo → stored.
const (
	dlgLog = "log"

	logDate  = "date"
	logHours = "hours"
	logDesc  = "desc"
	logLink  = "link"
	logPhoto = "photo"
)

// logChoices bounds the project and campaign buttons of the dialog.
const logChoices = 6

// beginLogDialog starts the guided /log; a photo sent with a bare /log
// caption is kept as the evidence.
func (r *Participation) beginLogDialog(c *bot.Ctx, photo string) error {
	d := youthbot.Dialog{Name: dlgLog, Step: logDate, Data: map[string]string{}, Updated: c.Now}
	if photo != "" {
		d.Data["photo"] = photo
	}
	if err := c.Tx.PutDialog(c.From.ID, d); err != nil {
		return err
	}
	c.Reply(askDateText(c), r.logDateKeyboard(c))
	return nil
}

func (r *Participation) logDateKeyboard(c *bot.Ctx) *tgbotapi.InlineKeyboardMarkup {
	today, yesterday := c.Today, c.Today.AddDays(-1)
	return bot.Keyboard(bot.Row(
		bot.Button(c.T("btn.today", fmt.Sprintf("%02d/%02d", today.Day, int(today.Month))), bot.Data(cbLogStep, "d", dayArg(today))),
		bot.Button(c.T("btn.yesterday", fmt.Sprintf("%02d/%02d", yesterday.Day, int(yesterday.Month))), bot.Data(cbLogStep, "d", dayArg(yesterday))),
	))
}

func dayArg(d youthbot.Date) string { return fmt.Sprintf("%04d%02d%02d", d.Year, int(d.Month), d.Day) }

func parseDayArg(s string) (youthbot.Date, bool) {
	if len(s) != 8 {
		return youthbot.Date{}, false
	}
	d, err := vnread.ParseDate(s[6:8] + "/" + s[4:6] + "/" + s[0:4])
	return d, err == nil
}

// dlgLog handles the member's messages during the guided /log.
func (r *Participation) dlgLog(c *bot.Ctx, d *youthbot.Dialog, m *tgbotapi.Message) error {
	if d.Data == nil {
		d.Data = map[string]string{}
	}
	text := strings.TrimSpace(m.Text)
	switch d.Step {
	case logDate:
		day, err := parseDayWord(text, c.Today)
		if err != nil {
			c.Reply(c.ErrorText(err)+"\n\n"+askDateText(c), r.logDateKeyboard(c))
			return nil
		}
		d.Data["date"] = day.ISO()
	case logHours:
		tenths := 0
		if !bot.IsSkip(text) {
			var err error
			if tenths, err = vnread.ParseHours(text); err != nil {
				c.Reply(c.ErrorText(err)+"\n\n"+c.T("log.ask_hours"), r.logHoursKeyboard(c))
				return nil
			}
		}
		d.Data["tenths"] = strconv.Itoa(tenths)
	case logDesc:
		if p := photoOf(m); p != "" {
			d.Data["photo"] = p
			text = strings.TrimSpace(m.Caption)
			if text == "" {
				c.Reply(c.T("log.photo_kept")+"\n\n"+c.T("log.ask_desc"), nil)
				return r.saveDialog(c, d)
			}
		}
		desc := youthbot.NormalizeDescription(vn.NormalizeName(text))
		if err := youthbot.ValidateDescription(desc); err != nil {
			c.Reply(c.ErrorText(err)+"\n\n"+c.T("log.ask_desc"), nil)
			return nil
		}
		d.Data["desc"] = desc
	case logLink:
		if !bot.IsSkip(text) {
			project, campaign, err := r.typedLink(c, d, text)
			if err != nil {
				kb, _ := r.logLinkKeyboard(c, d)
				c.Reply(c.ErrorText(err)+"\n\n"+c.T("log.ask_link"), kb)
				return nil
			}
			d.Data["project"], d.Data["campaign"] = project, campaign
		}
		d.Data["link_done"] = "1"
	case logPhoto:
		p := photoOf(m)
		if p == "" && !bot.IsSkip(text) {
			c.Reply(c.T("log.ask_photo"), r.logPhotoKeyboard(c))
			return nil
		}
		d.Data["photo"] = p
		d.Data["photo_done"] = "1"
	default:
		return c.Tx.DeleteDialog(c.From.ID)
	}
	return r.logNext(c, d)
}

// parseDayWord reads the dialog's date answer: any day vnread.ParseLogDay reads
// ("hôm qua", "thứ hai", "15/03"), or "nay" / "qua" alone.
func parseDayWord(text string, today youthbot.Date) (youthbot.Date, error) {
	switch vn.FoldName(text) {
	case "nay":
		return today, nil
	case "qua":
		return today.AddDays(-1), nil
	}
	return vnread.ParseLogDay(text, today)
}

// askDateText asks the dialog's date with an example valid today: the
// day before as dd/mm (today on 1 January, when a dd/mm of yesterday would
// be read in this year, in the future).
func askDateText(c *bot.Ctx) string {
	day := c.Today.AddDays(-1)
	if day.Year != c.Today.Year {
		day = c.Today
	}
	return c.T("log.ask_date", fmt.Sprintf("%02d/%02d", day.Day, int(day.Month)))
}

// cbLogStep handles the dialog's buttons: each is valid only at its step.
func (r *Participation) cbLogStep(c *bot.Ctx, args []string) error {
	d, found, err := c.Tx.Dialog(c.From.ID)
	if err != nil {
		return err
	}
	action, value := bot.Arg(args, 0), bot.Arg(args, 1)
	want := map[string][]string{"d": {logDate}, "h": {logHours}, "p": {logLink}, "c": {logLink}, "s": {logHours, logLink, logPhoto}}[action]
	if !found || d.Name != dlgLog || !slices.Contains(want, d.Step) {
		return bot.StaleButton()
	}
	if d.Data == nil {
		d.Data = map[string]string{}
	}
	var picked string
	switch action {
	case "d":
		day, ok := parseDayArg(value)
		if !ok {
			return bot.StaleButton()
		}
		if err := youthbot.ValidateActivityDate(day, c.Today); err != nil {
			return err
		}
		d.Data["date"], picked = day.ISO(), day.String()
	case "h":
		t, err := strconv.Atoi(value)
		if err != nil || youthbot.ValidateTenths(t) != nil {
			return bot.StaleButton()
		}
		d.Data["tenths"], picked = value, c.T("activity.hours_n", hours(c.Lang, t))
	case "p", "c":
		project, campaign, err := r.typedLink(c, &d, value)
		if err != nil {
			return err
		}
		d.Data["project"], d.Data["campaign"], d.Data["link_done"] = project, campaign, "1"
		picked = linkLabel(c, project, campaign)
	case "s":
		switch d.Step {
		case logHours:
			d.Data["tenths"] = "0"
		case logLink:
			d.Data["link_done"] = "1"
		case logPhoto:
			d.Data["photo_done"] = "1"
		}
		picked = c.T("btn.skip")
	}
	c.EditCallback(c.T("log.picked", picked), nil)
	return r.logNext(c, &d)
}

// logNext asks the next unanswered question, or stores the activity when
// all are answered.
func (r *Participation) logNext(c *bot.Ctx, d *youthbot.Dialog) error {
	switch {
	case d.Data["date"] == "":
		d.Step = logDate
		c.Reply(askDateText(c), r.logDateKeyboard(c))
	case d.Data["tenths"] == "":
		d.Step = logHours
		c.Reply(c.T("log.ask_hours"), r.logHoursKeyboard(c))
	case d.Data["desc"] == "":
		d.Step = logDesc
		c.Reply(c.T("log.ask_desc"), nil)
	case d.Data["link_done"] == "":
		kb, n := r.logLinkKeyboard(c, d)
		if n == 0 {
			d.Data["link_done"] = "1"
			return r.logNext(c, d)
		}
		d.Step = logLink
		c.Reply(c.T("log.ask_link"), kb)
	case d.Data["photo"] == "" && d.Data["photo_done"] == "":
		d.Step = logPhoto
		c.Reply(c.T("log.ask_photo"), r.logPhotoKeyboard(c))
	default:
		return r.finishLog(c, d)
	}
	return r.saveDialog(c, d)
}

func (r *Participation) saveDialog(c *bot.Ctx, d *youthbot.Dialog) error {
	d.Updated = c.Now
	return c.Tx.PutDialog(c.From.ID, *d)
}

// finishLog stores the activity the dialog gathered. The dialog ends
// whatever the outcome; a refusal says why.
func (r *Participation) finishLog(c *bot.Ctx, d *youthbot.Dialog) error {
	if err := c.Tx.DeleteDialog(c.From.ID); err != nil {
		return err
	}
	m, err := r.approvedMember(c)
	if err != nil {
		c.Reply(c.ErrorText(err), nil)
		return nil
	}
	var day youthbot.Date
	if err := day.UnmarshalText([]byte(d.Data["date"])); err != nil {
		return fmt.Errorf("log dialog date: %w", err)
	}
	tenths, _ := strconv.Atoi(d.Data["tenths"])
	a := youthbot.Activity{Date: day, Tenths: tenths, Description: d.Data["desc"],
		Project: d.Data["project"], Campaign: d.Data["campaign"], Photo: d.Data["photo"]}
	return r.addActivity(c, m, &a)
}

func (r *Participation) logHoursKeyboard(c *bot.Ctx) *tgbotapi.InlineKeyboardMarkup {
	var btns []tgbotapi.InlineKeyboardButton
	for _, h := range []int{1, 2, 3, 4, 8} {
		btns = append(btns, bot.Button(c.T("activity.hours_n", strconv.Itoa(h)), bot.Data(cbLogStep, "h", strconv.Itoa(h*10))))
	}
	return bot.Keyboard(btns, bot.Row(bot.Button(c.T("btn.skip"), bot.Data(cbLogStep, "s"))))
}

func (r *Participation) logPhotoKeyboard(c *bot.Ctx) *tgbotapi.InlineKeyboardMarkup {
	return bot.Keyboard(bot.Row(bot.Button(c.T("btn.no_photo"), bot.Data(cbLogStep, "s"))))
}

// logLinkKeyboard offers the open projects and active campaigns the
// member's branch sees on the dialog's date; n is how many.
func (r *Participation) logLinkKeyboard(c *bot.Ctx, d *youthbot.Dialog) (kb *tgbotapi.InlineKeyboardMarkup, n int) {
	projects, campaigns := r.logLinks(c, d)
	var rows [][]tgbotapi.InlineKeyboardButton
	for _, p := range projects {
		rows = append(rows, bot.Row(bot.Button("🏗 "+p.Code+" · "+clip(p.Title, 40), bot.Data(cbLogStep, "p", p.Code))))
	}
	for _, cp := range campaigns {
		rows = append(rows, bot.Row(bot.Button("🚩 "+clip(cp.Name, 48), bot.Data(cbLogStep, "c", cp.ID))))
	}
	n = len(rows)
	rows = append(rows, bot.Row(bot.Button(c.T("btn.skip"), bot.Data(cbLogStep, "s"))))
	return bot.Keyboard(rows...), n
}

// logLinks lists what an activity of the dialog's date may name.
func (r *Participation) logLinks(c *bot.Ctx, d *youthbot.Dialog) ([]youthbot.Project, []youthbot.Campaign) {
	m, err := c.Member()
	if err != nil {
		return nil, nil
	}
	var day youthbot.Date
	if day.UnmarshalText([]byte(d.Data["date"])) != nil {
		return nil, nil
	}
	units, err := c.Tx.Ancestors(m.Unit)
	if err != nil {
		return nil, nil
	}
	var projects []youthbot.Project
	for _, u := range units {
		ps, err := c.Tx.ProjectsOf(u)
		if err != nil {
			continue
		}
		for _, p := range ps {
			if p.Status == youthbot.ProjectOpen && !day.Before(p.Start) && !day.After(p.End) && len(projects) < logChoices {
				projects = append(projects, p)
			}
		}
	}
	var campaigns []youthbot.Campaign
	all, _ := c.Tx.Campaigns()
	for _, cp := range all {
		if slices.Contains(units, cp.Unit) && cp.ActiveOn(day) && len(projects)+len(campaigns) < logChoices {
			campaigns = append(campaigns, cp)
		}
	}
	return projects, campaigns
}

// linkLabel is how the dialog echoes the project or campaign picked: as
// its button said it (a project by code and title, a campaign by name;
// campaign codes mean nothing to members).
func linkLabel(c *bot.Ctx, project, campaign string) string {
	if project != "" {
		if p, err := c.Tx.Project(project); err == nil {
			return p.Code + " · " + p.Title
		}
		return project
	}
	if cp, err := c.Tx.Campaign(campaign); err == nil {
		return cp.Name
	}
	return campaign
}

// typedLink reads a project or campaign code typed (or pressed) in the
// dialog and checks the member may name it on the dialog's date.
func (r *Participation) typedLink(c *bot.Ctx, d *youthbot.Dialog, text string) (project, campaign string, err error) {
	code := strings.ToUpper(strings.TrimPrefix(strings.TrimSpace(text), "#"))
	a := youthbot.Activity{}
	if err := a.Date.UnmarshalText([]byte(d.Data["date"])); err != nil {
		return "", "", fmt.Errorf("log dialog date: %w", err)
	}
	switch {
	case len(code) > 1 && code[0] == 'P':
		a.Project = code
	case len(code) > 1 && code[0] == 'C':
		a.Campaign = code
	default:
		return "", "", youthbot.Errorf(youthbot.EINVALID, "err.log_code", text)
	}
	if _, err := strconv.ParseUint(code[1:], 10, 64); err != nil {
		return "", "", youthbot.Errorf(youthbot.EINVALID, "err.log_code", text)
	}
	m, err := r.approvedMember(c)
	if err != nil {
		return "", "", err
	}
	if err := r.checkActivityLink(c, m, &a); err != nil {
		return "", "", err
	}
	return a.Project, a.Campaign, nil
}
