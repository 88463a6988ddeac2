package bot

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
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
func (b *Bot) beginLogDialog(c *Ctx, photo string) error {
	d := youthbot.Dialog{Name: dlgLog, Step: logDate, Data: map[string]string{}, Updated: c.Now}
	if photo != "" {
		d.Data["photo"] = photo
	}
	if err := c.Tx.PutDialog(c.From.ID, d); err != nil {
		return err
	}
	c.Reply(askDateText(c), b.logDateKeyboard(c))
	return nil
}

func (b *Bot) logDateKeyboard(c *Ctx) *tgbotapi.InlineKeyboardMarkup {
	today, yesterday := c.Today, c.Today.AddDays(-1)
	return keyboard(row(
		button(c.T("btn.today", fmt.Sprintf("%02d/%02d", today.Day, int(today.Month))), data(cbLogStep, "d", dayArg(today))),
		button(c.T("btn.yesterday", fmt.Sprintf("%02d/%02d", yesterday.Day, int(yesterday.Month))), data(cbLogStep, "d", dayArg(yesterday))),
	))
}

func dayArg(d youthbot.Date) string { return fmt.Sprintf("%04d%02d%02d", d.Year, int(d.Month), d.Day) }

func parseDayArg(s string) (youthbot.Date, bool) {
	if len(s) != 8 {
		return youthbot.Date{}, false
	}
	d, err := youthbot.ParseDate(s[6:8] + "/" + s[4:6] + "/" + s[0:4])
	return d, err == nil
}

// dlgLog handles the member's messages during the guided /log.
func (b *Bot) dlgLog(c *Ctx, d *youthbot.Dialog, m *tgbotapi.Message) error {
	if d.Data == nil {
		d.Data = map[string]string{}
	}
	text := strings.TrimSpace(m.Text)
	switch d.Step {
	case logDate:
		day, err := parseDayWord(text, c.Today)
		if err != nil {
			c.Reply(c.errorText(err)+"\n\n"+askDateText(c), b.logDateKeyboard(c))
			return nil
		}
		d.Data["date"] = day.ISO()
	case logHours:
		tenths := 0
		if !isSkip(text) {
			var err error
			if tenths, err = youthbot.ParseHours(text); err != nil {
				c.Reply(c.errorText(err)+"\n\n"+c.T("log.ask_hours"), b.logHoursKeyboard(c))
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
				return b.saveDialog(c, d)
			}
		}
		desc := youthbot.NormalizeDescription(youthbot.NormalizeName(text))
		if err := youthbot.ValidateDescription(desc); err != nil {
			c.Reply(c.errorText(err)+"\n\n"+c.T("log.ask_desc"), nil)
			return nil
		}
		d.Data["desc"] = desc
	case logLink:
		if !isSkip(text) {
			project, campaign, err := b.typedLink(c, d, text)
			if err != nil {
				kb, _ := b.logLinkKeyboard(c, d)
				c.Reply(c.errorText(err)+"\n\n"+c.T("log.ask_link"), kb)
				return nil
			}
			d.Data["project"], d.Data["campaign"] = project, campaign
		}
		d.Data["link_done"] = "1"
	case logPhoto:
		p := photoOf(m)
		if p == "" && !isSkip(text) {
			c.Reply(c.T("log.ask_photo"), b.logPhotoKeyboard(c))
			return nil
		}
		d.Data["photo"] = p
		d.Data["photo_done"] = "1"
	default:
		return c.Tx.DeleteDialog(c.From.ID)
	}
	return b.logNext(c, d)
}

// parseDayWord reads the dialog's date answer: any day ParseLogDay reads
// ("hôm qua", "thứ hai", "15/03"), or "nay" / "qua" alone.
func parseDayWord(text string, today youthbot.Date) (youthbot.Date, error) {
	switch youthbot.FoldName(text) {
	case "nay":
		return today, nil
	case "qua":
		return today.AddDays(-1), nil
	}
	return youthbot.ParseLogDay(text, today)
}

// askDateText asks the dialog's date with an example valid today: the
// day before as dd/mm (today on 1 January, when a dd/mm of yesterday would
// be read in this year, in the future).
func askDateText(c *Ctx) string {
	day := c.Today.AddDays(-1)
	if day.Year != c.Today.Year {
		day = c.Today
	}
	return c.T("log.ask_date", fmt.Sprintf("%02d/%02d", day.Day, int(day.Month)))
}

// cbLogStep handles the dialog's buttons: each is valid only at its step.
func (b *Bot) cbLogStep(c *Ctx, args []string) error {
	d, found, err := c.Tx.Dialog(c.From.ID)
	if err != nil {
		return err
	}
	action, value := arg(args, 0), arg(args, 1)
	want := map[string][]string{"d": {logDate}, "h": {logHours}, "p": {logLink}, "c": {logLink}, "s": {logHours, logLink, logPhoto}}[action]
	if !found || d.Name != dlgLog || !slices.Contains(want, d.Step) {
		return staleButton()
	}
	if d.Data == nil {
		d.Data = map[string]string{}
	}
	var picked string
	switch action {
	case "d":
		day, ok := parseDayArg(value)
		if !ok {
			return staleButton()
		}
		if err := youthbot.ValidateActivityDate(day, c.Today); err != nil {
			return err
		}
		d.Data["date"], picked = day.ISO(), day.String()
	case "h":
		t, err := strconv.Atoi(value)
		if err != nil || youthbot.ValidateTenths(t) != nil {
			return staleButton()
		}
		d.Data["tenths"], picked = value, c.T("activity.hours_n", hours(c.Lang, t))
	case "p", "c":
		project, campaign, err := b.typedLink(c, &d, value)
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
	return b.logNext(c, &d)
}

// logNext asks the next unanswered question, or stores the activity when
// all are answered.
func (b *Bot) logNext(c *Ctx, d *youthbot.Dialog) error {
	switch {
	case d.Data["date"] == "":
		d.Step = logDate
		c.Reply(askDateText(c), b.logDateKeyboard(c))
	case d.Data["tenths"] == "":
		d.Step = logHours
		c.Reply(c.T("log.ask_hours"), b.logHoursKeyboard(c))
	case d.Data["desc"] == "":
		d.Step = logDesc
		c.Reply(c.T("log.ask_desc"), nil)
	case d.Data["link_done"] == "":
		kb, n := b.logLinkKeyboard(c, d)
		if n == 0 {
			d.Data["link_done"] = "1"
			return b.logNext(c, d)
		}
		d.Step = logLink
		c.Reply(c.T("log.ask_link"), kb)
	case d.Data["photo"] == "" && d.Data["photo_done"] == "":
		d.Step = logPhoto
		c.Reply(c.T("log.ask_photo"), b.logPhotoKeyboard(c))
	default:
		return b.finishLog(c, d)
	}
	return b.saveDialog(c, d)
}

func (b *Bot) saveDialog(c *Ctx, d *youthbot.Dialog) error {
	d.Updated = c.Now
	return c.Tx.PutDialog(c.From.ID, *d)
}

// finishLog stores the activity the dialog gathered. The dialog ends
// whatever the outcome; a refusal says why.
func (b *Bot) finishLog(c *Ctx, d *youthbot.Dialog) error {
	if err := c.Tx.DeleteDialog(c.From.ID); err != nil {
		return err
	}
	m, err := b.approvedMember(c)
	if err != nil {
		c.Reply(c.errorText(err), nil)
		return nil
	}
	var day youthbot.Date
	if err := day.UnmarshalText([]byte(d.Data["date"])); err != nil {
		return fmt.Errorf("log dialog date: %w", err)
	}
	tenths, _ := strconv.Atoi(d.Data["tenths"])
	a := youthbot.Activity{Date: day, Tenths: tenths, Description: d.Data["desc"],
		Project: d.Data["project"], Campaign: d.Data["campaign"], Photo: d.Data["photo"]}
	return b.addActivity(c, m, &a)
}

func (b *Bot) logHoursKeyboard(c *Ctx) *tgbotapi.InlineKeyboardMarkup {
	var r []tgbotapi.InlineKeyboardButton
	for _, h := range []int{1, 2, 3, 4, 8} {
		r = append(r, button(c.T("activity.hours_n", strconv.Itoa(h)), data(cbLogStep, "h", strconv.Itoa(h*10))))
	}
	return keyboard(r, row(button(c.T("btn.skip"), data(cbLogStep, "s"))))
}

func (b *Bot) logPhotoKeyboard(c *Ctx) *tgbotapi.InlineKeyboardMarkup {
	return keyboard(row(button(c.T("btn.no_photo"), data(cbLogStep, "s"))))
}

// logLinkKeyboard offers the open projects and active campaigns the
// member's branch sees on the dialog's date; n is how many.
func (b *Bot) logLinkKeyboard(c *Ctx, d *youthbot.Dialog) (kb *tgbotapi.InlineKeyboardMarkup, n int) {
	projects, campaigns := b.logLinks(c, d)
	var rows [][]tgbotapi.InlineKeyboardButton
	for _, p := range projects {
		rows = append(rows, row(button("🏗 "+p.Code+" · "+clip(p.Title, 40), data(cbLogStep, "p", p.Code))))
	}
	for _, cp := range campaigns {
		rows = append(rows, row(button("🚩 "+clip(cp.Name, 48), data(cbLogStep, "c", cp.ID))))
	}
	n = len(rows)
	rows = append(rows, row(button(c.T("btn.skip"), data(cbLogStep, "s"))))
	return keyboard(rows...), n
}

// logLinks lists what an activity of the dialog's date may name.
func (b *Bot) logLinks(c *Ctx, d *youthbot.Dialog) ([]youthbot.Project, []youthbot.Campaign) {
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
func linkLabel(c *Ctx, project, campaign string) string {
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
func (b *Bot) typedLink(c *Ctx, d *youthbot.Dialog, text string) (project, campaign string, err error) {
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
	m, err := b.approvedMember(c)
	if err != nil {
		return "", "", err
	}
	if err := b.checkActivityLink(c, m, &a); err != nil {
		return "", "", err
	}
	return a.Project, a.Campaign, nil
}
