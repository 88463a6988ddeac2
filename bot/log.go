package bot

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
	"youthbot/i18n"
	"youthbot/report"
	"youthbot/service"
)

// maxCaption is Telegram's limit on a photo caption, in characters.
const maxCaption = 1024

// cmdLog handles /log: without arguments the guided dialog, with them the
// one-line form /log [dd/mm[/yyyy]] [<hours>h] [#<PROJECT>] <description>,
// also as the caption of a photo (the photo is the evidence).
func (b *Bot) cmdLog(c *Ctx, args string) error {
	m, err := b.approvedMember(c)
	if err != nil {
		return err
	}
	photo := photoOf(c.Update.Message)
	if args == "" {
		return b.beginLogDialog(c, photo)
	}
	line, err := youthbot.ParseLogLine(args, c.Today)
	if err != nil {
		return b.logRefusal(c, err)
	}
	a := youthbot.Activity{Date: line.Date, Tenths: line.Tenths, Description: line.Description,
		Project: line.Project, Campaign: line.Campaign, Photo: photo}
	return b.addActivity(c, m, &a)
}

// logRefusal turns a refused /log line into a refusal that also shows the
// expected form.
func (b *Bot) logRefusal(c *Ctx, err error) error {
	var e *youthbot.Error
	if !errors.As(err, &e) || !i18n.Has(e.Key) {
		return err
	}
	return youthbot.Errorf(e.Code, "log.refused", i18n.Raw(c.T(e.Key, e.Args...)), c.Today.AddDays(-1).String())
}

// photoOf returns the file_id of the largest size of a message's photo, or
// "".
func photoOf(m *tgbotapi.Message) string {
	if m == nil || len(m.Photo) == 0 {
		return ""
	}
	return m.Photo[len(m.Photo)-1].FileID
}

// addActivity stores a participation the member logged, credited to their
// branch and waiting for a decision, answers with what was stored and an
// Undo button, and asks the branch's secretaries to confirm it.
func (b *Bot) addActivity(c *Ctx, m youthbot.Member, a *youthbot.Activity) error {
	if err := youthbot.ValidateActivityDate(a.Date, c.Today); err != nil {
		return b.logRefusal(c, err)
	}
	if err := b.checkActivityLink(c, m, a); err != nil {
		return err
	}
	if err := b.checkDayHours(c, m, a); err != nil {
		return err
	}
	a.Member, a.Unit, a.Status, a.Source, a.CreatedAt = m.UserID, m.Unit, youthbot.ActivityPending, youthbot.SourceLog, c.Now
	if err := c.Tx.AddActivity(a); err != nil {
		return err
	}
	c.Reply(c.T("log.stored", i18n.Raw(b.activityDetails(c, c.Lang, *a))),
		keyboard(row(button(c.T("btn.undo"), data(cbActUndo, strconv.FormatUint(a.ID, 10))))))
	return b.askConfirm(c, m, *a)
}

// checkActivityLink checks the project or campaign an activity names: it
// exists, the member's branch sees it (its unit is the branch or above),
// and it runs on the activity's date. A project's campaign is taken over.
func (b *Bot) checkActivityLink(c *Ctx, m youthbot.Member, a *youthbot.Activity) error {
	if a.Project == "" && a.Campaign == "" {
		return nil
	}
	visible, err := c.Tx.Ancestors(m.Unit)
	if err != nil {
		return err
	}
	if a.Project != "" {
		p, err := c.Tx.Project(a.Project)
		if youthbot.ErrorCode(err) == youthbot.ENOTFOUND || err == nil && !slices.Contains(visible, p.Unit) {
			return youthbot.Errorf(youthbot.ENOTFOUND, "err.log_project_unknown", a.Project)
		}
		if err != nil {
			return err
		}
		if p.Status == youthbot.ProjectDone {
			return youthbot.Errorf(youthbot.ECONFLICT, "err.log_project_done", p.Code)
		}
		if a.Date.Before(p.Start) || a.Date.After(p.End) {
			return youthbot.Errorf(youthbot.EINVALID, "err.log_project_dates", p.Code, p.Start.String(), p.End.String())
		}
		if a.Campaign == "" {
			a.Campaign = p.Campaign
		}
	}
	if a.Campaign != "" {
		cp, err := c.Tx.Campaign(a.Campaign)
		if youthbot.ErrorCode(err) == youthbot.ENOTFOUND || err == nil && !slices.Contains(visible, cp.Unit) {
			return youthbot.Errorf(youthbot.ENOTFOUND, "err.log_campaign_unknown", a.Campaign)
		}
		if err != nil {
			return err
		}
		if !cp.ActiveOn(a.Date) {
			return youthbot.Errorf(youthbot.EINVALID, "err.log_campaign_dates", cp.Name, cp.Start.String(), cp.End.String())
		}
	}
	return nil
}

// checkDayHours refuses hours that would take the member's day over 24
// hours, counting what is confirmed or still waiting.
func (b *Bot) checkDayHours(c *Ctx, m youthbot.Member, a *youthbot.Activity) error {
	if a.Tenths == 0 {
		return nil
	}
	day := 0
	err := c.Tx.MemberActivities(m.UserID, func(x youthbot.Activity) bool {
		if x.Date == a.Date && (x.Status == youthbot.ActivityPending || x.Status == youthbot.ActivityConfirmed) {
			day += x.Tenths
		}
		return true
	})
	if err != nil {
		return err
	}
	if day+a.Tenths > youthbot.MaxTenthsPerDay {
		return youthbot.Errorf(youthbot.EINVALID, "err.log_day_hours", a.Date.String(), hours(c.Lang, day))
	}
	return nil
}

// activityDetails lists what an activity says, one line each: date, hours,
// description, project, campaign, photo.
func (b *Bot) activityDetails(c *Ctx, lang string, a youthbot.Activity) string {
	h := tr(lang, "activity.no_hours")
	if a.Tenths > 0 {
		h = tr(lang, "activity.hours_n", hours(lang, a.Tenths))
	}
	lines := []string{
		tr(lang, "activity.date", a.Date.String()),
		tr(lang, "activity.hours", i18n.Raw(h)),
		tr(lang, "activity.description", a.Description),
	}
	if a.Project != "" {
		title := ""
		if p, err := c.Tx.Project(a.Project); err == nil {
			title = clip(p.Title, 80)
		}
		lines = append(lines, tr(lang, "activity.project", a.Project, title))
	}
	if a.Campaign != "" {
		if cp, err := c.Tx.Campaign(a.Campaign); err == nil {
			lines = append(lines, tr(lang, "activity.campaign", clip(cp.Name, 80)))
		}
	}
	if a.Photo != "" {
		lines = append(lines, tr(lang, "activity.photo"))
	}
	return strings.Join(lines, "\n")
}

// activityStatus is how an activity's status reads.
func activityStatus(lang string, a youthbot.Activity) string {
	return tr(lang, "activity.status."+string(a.Status))
}

// askConfirm sends a logged activity to whoever confirms it: the branch's
// secretaries, else the nearest unit above with secretaries, else the
// admins; never the member who logged it, nor only their peers
// (b.deciders). With a photo, the photo goes with the text as its caption.
func (b *Bot) askConfirm(c *Ctx, m youthbot.Member, a youthbot.Activity) error {
	ids, _, err := b.deciders(c.Tx, a.Unit, m.UserID)
	if err != nil {
		return err
	}
	unit, err := c.Tx.Unit(a.Unit)
	if err != nil {
		return err
	}
	id := strconv.FormatUint(a.ID, 10)
	for _, to := range ids {
		err := b.notifyActivity(c, to, a.Photo, func(lang string) (string, *tgbotapi.InlineKeyboardMarkup) {
			return b.requestText(c, lang, a, m, unit, ""), activityKeyboard(lang, id)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// requestText is the confirmation request a secretary reads; status, if
// set, is the decision line shown once it is handled.
func (b *Bot) requestText(c *Ctx, lang string, a youthbot.Activity, m youthbot.Member, unit youthbot.Unit, status string) string {
	name := m.FullName
	if name == "" {
		name = tr(lang, "members.anonymous")
	}
	text := tr(lang, "activity.request", unit.Name, name, i18n.Raw(b.activityDetails(c, lang, a)))
	if status != "" {
		text += "\n\n" + status
	}
	return text
}

// notifyActivity sends a message with buttons to a user in their language,
// as a photo with the text as caption when photo is set. Users who blocked
// the bot are skipped.
func (b *Bot) notifyActivity(c *Ctx, to int64, photo string, text func(lang string) (string, *tgbotapi.InlineKeyboardMarkup)) error {
	if photo == "" {
		return c.Notify(to, "activity", func(lang string) (string, any) { return text(lang) })
	}
	lang, ok, err := service.Recipient(c.Tx, to, b.lang)
	if err != nil || !ok {
		return err
	}
	caption, kb := text(lang)
	c.queue(&youthbot.Outgoing{Chat: to, Lane: youthbot.LaneNotify, Method: "sendPhoto", Notice: "activity", Params: map[string]string{
		"chat_id":      strconv.FormatInt(to, 10),
		"photo":        photo,
		"caption":      fitCaption(caption),
		"parse_mode":   "HTML",
		"reply_markup": mustJSON(kb),
	}})
	return nil
}

// fitCaption keeps a caption within Telegram's 1024 characters. Activity
// texts are bounded well below it (descriptions at 500 characters, names
// at 80, clipped titles); this guards the bound without cutting markup:
// past the limit it drops whole lines from the end.
func fitCaption(s string) string {
	for captionLen(s) > maxCaption {
		i := strings.LastIndexByte(s, '\n')
		if i < 0 {
			return i18n.Esc(truncateRunes(report.Plain(s), maxCaption))
		}
		s = s[:i]
	}
	return s
}

// activityKeyboard is a confirmation request's Confirm / Reject buttons.
func activityKeyboard(lang, id string) *tgbotapi.InlineKeyboardMarkup {
	return yesNo(tr(lang, "btn.confirm_activity"), data(cbActConfirm, id), tr(lang, "btn.reject"), data(cbActReject, id))
}

// cbActDecide handles Confirm / Reject on a confirmation request, or on
// the /pending list through decideItem.
func (b *Bot) cbActDecide(c *Ctx, args []string) error {
	prefix, _ := decodeData(c.Update.CallbackQuery.Data)
	why, err := reasonArg(prefix == cbActRejectWhy, arg(args, 1))
	if err != nil {
		return err
	}
	a, err := b.activityToDecide(c, arg(args, 0))
	if err != nil {
		return err
	}
	if a.Status != youthbot.ActivityPending {
		status := b.activityDecision(c.Lang, a)
		b.editRequest(c, a, status)
		c.Answer(c.T("activity.already")+"\n"+status, true)
		return nil
	}
	id := arg(args, 0)
	switch {
	case prefix == cbActReject:
		c.EditMarkup(reasonKeyboard(c.Lang, func(why string) string { return data(cbActRejectWhy, id, why) }))
		c.Answer(c.T("reject.ask"), false)
		return nil
	case why == reasonBack:
		c.EditMarkup(activityKeyboard(c.Lang, id))
		c.Answer("", false)
		return nil
	}
	if err := b.decideActivity(c, &a, prefix == cbActConfirm, why); err != nil {
		return err
	}
	status := b.activityDecision(c.Lang, a)
	b.editRequest(c, a, status)
	c.Answer(status, false)
	return nil
}

// activityDecision says what became of an activity and when.
func (b *Bot) activityDecision(lang string, a youthbot.Activity) string {
	when := b.whenText(a.DecidedAt)
	switch a.Status {
	case youthbot.ActivityConfirmed:
		return tr(lang, "activity.decided_confirmed", when)
	case youthbot.ActivityRejected:
		return tr(lang, "activity.decided_rejected", when)
	case youthbot.ActivityUndone:
		return tr(lang, "activity.decided_undone")
	}
	return activityStatus(lang, a)
}

// editRequest shows the decision on the request whose button was pressed:
// a text request gets the decision line, a photo request (whose caption
// the double and older clients cannot edit) loses its buttons.
func (b *Bot) editRequest(c *Ctx, a youthbot.Activity, status string) {
	cb := c.Update.CallbackQuery
	if cb == nil || cb.Message == nil || strings.HasPrefix(cb.Data, cbPending+":") {
		return
	}
	if len(cb.Message.Photo) > 0 {
		c.queue(&youthbot.Outgoing{Chat: c.Chat, Lane: youthbot.LaneReply, Method: "editMessageReplyMarkup", Notice: "edit",
			Params: map[string]string{"chat_id": strconv.FormatInt(c.Chat, 10), "message_id": strconv.Itoa(cb.Message.MessageID)}})
		return
	}
	m, _ := c.Tx.Member(a.Member)
	unit, _ := c.Tx.Unit(a.Unit)
	c.EditCallback(b.requestText(c, c.Lang, a, m, unit, status), nil)
}

// cbActUndo withdraws the sender's own activity while it still waits for
// a decision.
func (b *Bot) cbActUndo(c *Ctx, args []string) error {
	id, ok := idArg(arg(args, 0))
	if !ok {
		return staleButton()
	}
	a, err := c.Tx.Activity(id)
	if err != nil {
		return err
	}
	if a.Member != c.From.ID {
		return youthbot.Errorf(youthbot.EUNAUTHORIZED, "err.not_your_activity")
	}
	if a.Status != youthbot.ActivityPending {
		return youthbot.Errorf(youthbot.ECONFLICT, "err.undo_decided", i18n.Raw(b.activityDecision(c.Lang, a)))
	}
	a.Status, a.DecidedAt, a.DecidedBy = youthbot.ActivityUndone, c.Now, c.From.ID
	if err := c.Tx.PutActivity(&a); err != nil {
		return err
	}
	c.EditCallback(c.T("log.undone", i18n.Raw(b.activityDetails(c, c.Lang, a))), nil)
	c.Answer(c.T("activity.decided_undone"), false)
	return nil
}
