package participation

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
	"youthbot/bot"
	"youthbot/bot/internal/decision"
	"youthbot/i18n"
	"youthbot/report"
	"youthbot/service"
	"youthbot/vnread"
)

// maxCaption is Telegram's limit on a photo caption, in characters.
const maxCaption = 1024

// cmdLog handles /log: without arguments the guided dialog, with them the
// one-line form /log [dd/mm[/yyyy]] [<hours>h] [#<PROJECT>] <description>,
// also as the caption of a photo (the photo is the evidence).
func (r *Participation) cmdLog(c *bot.Ctx, args string) error {
	m, err := r.approvedMember(c)
	if err != nil {
		return err
	}
	photo := photoOf(c.Update.Message)
	if args == "" {
		return r.beginLogDialog(c, photo)
	}
	line, err := vnread.ParseLogLine(args, c.Today)
	if err != nil {
		return r.logRefusal(c, err)
	}
	a := youthbot.Activity{Date: line.Date, Tenths: line.Tenths, Description: line.Description,
		Project: line.Project, Campaign: line.Campaign, Photo: photo}
	return r.addActivity(c, m, &a)
}

// logRefusal turns a refused /log line into a refusal that also shows the
// expected form.
func (r *Participation) logRefusal(c *bot.Ctx, err error) error {
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

// addActivity stores a participation the member logged, credited to the
// branch they were in that day and waiting for a decision, answers with what was stored and an
// Undo button, and asks the branch's secretaries to confirm it.
func (r *Participation) addActivity(c *bot.Ctx, m youthbot.Member, a *youthbot.Activity) error {
	if err := youthbot.ValidateActivityDate(a.Date, c.Today); err != nil {
		return r.logRefusal(c, err)
	}
	if err := r.checkActivityLink(c, m, a); err != nil {
		return err
	}
	if err := r.checkDayHours(c, m, a); err != nil {
		return err
	}
	a.Member, a.Status, a.Source, a.CreatedAt = m.UserID, youthbot.ActivityPending, youthbot.SourceLog, c.Now
	a.Unit = service.LogBranch(c.Tx, m, a.Date, r.b.Location())
	if err := c.Tx.AddActivity(a); err != nil {
		return err
	}
	c.Reply(c.T("log.stored", i18n.Raw(r.activityDetails(c, c.Lang, *a))),
		bot.Keyboard(bot.Row(bot.Button(c.T("btn.undo"), bot.Data(cbActUndo, strconv.FormatUint(a.ID, 10))))))
	return r.askConfirm(c, m, *a)
}

// checkActivityLink checks the project or campaign an activity names: it
// exists, the member's branch sees it (its unit is the branch or above),
// and it runs on the activity's date. A project's campaign is taken over.
func (r *Participation) checkActivityLink(c *bot.Ctx, m youthbot.Member, a *youthbot.Activity) error {
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
func (r *Participation) checkDayHours(c *bot.Ctx, m youthbot.Member, a *youthbot.Activity) error {
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
func (r *Participation) activityDetails(c *bot.Ctx, lang string, a youthbot.Activity) string {
	h := i18n.T(lang, "activity.no_hours")
	if a.Tenths > 0 {
		h = i18n.T(lang, "activity.hours_n", hours(lang, a.Tenths))
	}
	lines := []string{
		i18n.T(lang, "activity.date", a.Date.String()),
		i18n.T(lang, "activity.hours", i18n.Raw(h)),
		i18n.T(lang, "activity.description", a.Description),
	}
	if a.Project != "" {
		title := ""
		if p, err := c.Tx.Project(a.Project); err == nil {
			title = clip(p.Title, 80)
		}
		lines = append(lines, i18n.T(lang, "activity.project", a.Project, title))
	}
	if a.Campaign != "" {
		if cp, err := c.Tx.Campaign(a.Campaign); err == nil {
			lines = append(lines, i18n.T(lang, "activity.campaign", clip(cp.Name, 80)))
		}
	}
	if a.Photo != "" {
		lines = append(lines, i18n.T(lang, "activity.photo"))
	}
	return strings.Join(lines, "\n")
}

// activityStatus is how an activity's status reads.
func activityStatus(lang string, a youthbot.Activity) string {
	return i18n.T(lang, "activity.status."+string(a.Status))
}

// askConfirm sends a logged activity to whoever confirms it: the branch's
// secretaries, else the nearest unit above with secretaries, else the
// admins; never the member who logged it, nor only their peers
// (bot.Bot.Deciders). With a photo, the photo goes with the text as its caption.
func (r *Participation) askConfirm(c *bot.Ctx, m youthbot.Member, a youthbot.Activity) error {
	ids, _, err := r.b.Deciders(c.Tx, a.Unit, m.UserID)
	if err != nil {
		return err
	}
	unit, err := c.Tx.Unit(a.Unit)
	if err != nil {
		return err
	}
	id := strconv.FormatUint(a.ID, 10)
	for _, to := range ids {
		err := c.AskDecision(to, bot.RequestActivity, a.Unit, id, func() error { // alone, or into the live summary
			return r.notifyActivity(c, to, a.Photo, func(lang string) (string, *tgbotapi.InlineKeyboardMarkup) {
				return r.requestText(c, lang, a, m, unit, ""), activityKeyboard(lang, id)
			})
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// requestText is the confirmation request a secretary reads; status, if
// set, is the decision line shown once it is handled.
func (r *Participation) requestText(c *bot.Ctx, lang string, a youthbot.Activity, m youthbot.Member, unit youthbot.Unit, status string) string {
	name := m.FullName
	if name == "" {
		name = i18n.T(lang, "members.anonymous")
	}
	text := i18n.T(lang, "activity.request", unit.Name, name, i18n.Raw(r.activityDetails(c, lang, a)))
	if status != "" {
		text += "\n\n" + status
	}
	return text
}

// notifyActivity sends a message with buttons to a user in their language,
// as a photo with the text as caption when photo is set. Users who blocked
// the bot are skipped.
func (r *Participation) notifyActivity(c *bot.Ctx, to int64, photo string, text func(lang string) (string, *tgbotapi.InlineKeyboardMarkup)) error {
	if photo == "" {
		return c.Notify(to, "activity", func(lang string) (string, any) { return text(lang) })
	}
	lang, ok, err := service.Recipient(c.Tx, to, r.b.Lang())
	if err != nil || !ok {
		return err
	}
	caption, kb := text(lang)
	c.Queue(&youthbot.Outgoing{Chat: to, Lane: youthbot.LaneNotify, Method: "sendPhoto", Notice: "activity", Params: map[string]string{
		"chat_id":      strconv.FormatInt(to, 10),
		"photo":        photo,
		"caption":      fitCaption(caption),
		"parse_mode":   "HTML",
		"reply_markup": bot.MarkupJSON(kb),
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
			return i18n.Esc(bot.TruncateRunes(report.Plain(s), maxCaption))
		}
		s = s[:i]
	}
	return s
}

// activityKeyboard is a confirmation request's Confirm / Reject buttons.
func activityKeyboard(lang, id string) *tgbotapi.InlineKeyboardMarkup {
	return bot.YesNo(i18n.T(lang, "btn.confirm_activity"), bot.Data(cbActConfirm, id), i18n.T(lang, "btn.reject"), bot.Data(cbActReject, id))
}

// cbActDecide handles Confirm / Reject on a confirmation request, or on
// the /pending list through decideItem (bot/membership/approve.go).
func (r *Participation) cbActDecide(c *bot.Ctx, args []string) error {
	prefix, _ := bot.DecodeData(c.Update.CallbackQuery.Data)
	why, err := decision.ReasonArg(prefix == cbActRejectWhy, bot.Arg(args, 1))
	if err != nil {
		return err
	}
	a, err := decision.ActivityToDecide(c, bot.Arg(args, 0))
	if err != nil {
		return err
	}
	if a.Status != youthbot.ActivityPending {
		status := r.activityDecision(c.Lang, a)
		r.editRequest(c, a, status)
		c.Answer(c.T("activity.already")+"\n"+status, true)
		return nil
	}
	id := bot.Arg(args, 0)
	switch {
	case prefix == cbActReject:
		c.EditMarkup(decision.ReasonKeyboard(c.Lang, func(why string) string { return bot.Data(cbActRejectWhy, id, why) },
			decision.RejectTextData("a"+id)))
		c.Answer(c.T("reject.ask"), false)
		return nil
	case why == decision.ReasonBack:
		c.EditMarkup(activityKeyboard(c.Lang, id))
		c.Answer("", false)
		return nil
	}
	if err := decision.DecideActivity(c, &a, prefix == cbActConfirm, why); err != nil {
		return err
	}
	status := r.activityDecision(c.Lang, a)
	r.editRequest(c, a, status)
	c.Answer(status, false)
	return nil
}

// activityDecision says what became of an activity and when.
func (r *Participation) activityDecision(lang string, a youthbot.Activity) string {
	when := r.b.WhenText(a.DecidedAt)
	switch a.Status {
	case youthbot.ActivityConfirmed:
		return i18n.T(lang, "activity.decided_confirmed", when)
	case youthbot.ActivityRejected:
		return decision.WithReason(lang, i18n.T(lang, "activity.decided_rejected", when), a.Reason)
	case youthbot.ActivityUndone:
		return i18n.T(lang, "activity.decided_undone")
	}
	return activityStatus(lang, a)
}

// editRequest shows the decision on the request whose button was pressed:
// a text request gets the decision line, a photo request (whose caption
// the double and older clients cannot edit) loses its buttons; a
// rejection's keeps the button that undoes it.
func (r *Participation) editRequest(c *bot.Ctx, a youthbot.Activity, status string) {
	cb := c.Update.CallbackQuery
	if cb == nil || cb.Message == nil || strings.HasPrefix(cb.Data, bot.PendingPrefix+":") {
		return
	}
	var undo *tgbotapi.InlineKeyboardMarkup
	if a.Status == youthbot.ActivityRejected { // its rejecter may undo it within 24 h (bot/membership)
		undo = bot.Keyboard(bot.Row(bot.Button(i18n.T(c.Lang, "btn.undo_reject"), decision.UndoRejectData("a"+strconv.FormatUint(a.ID, 10)))))
	}
	if len(cb.Message.Photo) > 0 {
		c.EditMarkup(undo)
		return
	}
	m, _ := c.Tx.Member(a.Member)
	unit, _ := c.Tx.Unit(a.Unit)
	c.EditCallback(r.requestText(c, c.Lang, a, m, unit, status), undo)
}

// cbActUndo withdraws the sender's own activity while it still waits for
// a decision.
func (r *Participation) cbActUndo(c *bot.Ctx, args []string) error {
	id, ok := idArg(bot.Arg(args, 0))
	if !ok {
		return bot.StaleButton()
	}
	a, err := c.Tx.Activity(id)
	if err != nil {
		return err
	}
	if a.Member != c.From.ID {
		return youthbot.Errorf(youthbot.EUNAUTHORIZED, "err.not_your_activity")
	}
	if a.Status != youthbot.ActivityPending {
		return youthbot.Errorf(youthbot.ECONFLICT, "err.undo_decided", i18n.Raw(r.activityDecision(c.Lang, a)))
	}
	a.Status, a.DecidedAt, a.DecidedBy = youthbot.ActivityUndone, c.Now, c.From.ID
	if err := c.Tx.PutActivity(&a); err != nil {
		return err
	}
	if err := c.RequestDecided(bot.RequestActivity, a.Unit, bot.Arg(args, 0)); err != nil {
		return err
	}
	c.EditCallback(c.T("log.undone", i18n.Raw(r.activityDetails(c, c.Lang, a))), nil)
	c.Answer(c.T("activity.decided_undone"), false)
	return nil
}
