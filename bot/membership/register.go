package membership

import (
	"fmt"
	"strconv"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
	"youthbot/bot"
	"youthbot/i18n"
	"youthbot/vn"
	"youthbot/vnread"
)

// Registration dialog: consent → name → birth → phone → confirm, and from
// the confirmation the optional day of joining the Union (joined → confirm).
const (
	dlgRegister = "reg"

	stepConsent = "consent"
	stepName    = "name"
	stepBirth   = "birth"
	stepPhone   = "phone"
	stepConfirm = "confirm"
	stepJoined  = "joined"
)

// beginRegistration starts the registration dialog in a branch, unless the
// user is already registered.
func (r *Room) beginRegistration(c *bot.Ctx, unit youthbot.Unit) error {
	if err := r.checkNotRegistered(c); err != nil {
		return err
	}
	d := youthbot.Dialog{Name: dlgRegister, Step: stepConsent, Data: map[string]string{"unit": unit.Code}, Updated: c.Now}
	if err := c.Tx.PutDialog(c.From.ID, d); err != nil {
		return err
	}
	c.Reply(r.consentText(c, unit), r.consentKeyboard(c))
	return nil
}

// checkNotRegistered refuses a second registration.
func (r *Room) checkNotRegistered(c *bot.Ctx) error {
	m, err := c.Member()
	if youthbot.ErrorCode(err) == youthbot.ENOTFOUND {
		return nil
	}
	if err != nil {
		return err
	}
	unit, err := c.Tx.Unit(m.Unit)
	if err != nil {
		return err
	}
	switch m.Status {
	case youthbot.StatusPending:
		return youthbot.Errorf(youthbot.ECONFLICT, "err.already_pending", unit.Name)
	case youthbot.StatusApproved:
		return youthbot.Errorf(youthbot.ECONFLICT, "err.already_member", unit.Name)
	}
	return nil
}

func (r *Room) consentText(c *bot.Ctx, unit youthbot.Unit) string {
	where := unit.Name
	if parent, err := c.Tx.Unit(unit.Parent); err == nil {
		where = unit.Name + " — " + parent.Name
	}
	return c.T("reg.consent", where)
}

func (r *Room) consentKeyboard(c *bot.Ctx) *tgbotapi.InlineKeyboardMarkup {
	return bot.YesNo(c.T("btn.agree"), bot.Data(cbRegister, "yes"), c.T("btn.disagree"), bot.Data(cbRegister, "no"))
}

// cbRegister handles the registration dialog's buttons.
func (r *Room) cbRegister(c *bot.Ctx, args []string) error {
	d, found, err := c.Tx.Dialog(c.From.ID)
	if err != nil {
		return err
	}
	action := bot.Arg(args, 0)
	want := map[string]string{"yes": stepConsent, "no": stepConsent, "ok": stepConfirm, "edit": stepConfirm, "title": stepBirth,
		"joined": stepConfirm, "nojoined": stepJoined}[action]
	if !found || d.Name != dlgRegister || want == "" || d.Step != want {
		return bot.StaleButton()
	}
	switch action {
	case "yes":
		d.Step = stepName
		c.EditCallback(c.T("reg.consented"), nil)
		c.Reply(c.T("reg.ask_name"), nil)
	case "no":
		c.EditCallback(c.T("reg.declined"), nil)
		return c.Tx.DeleteDialog(c.From.ID)
	case "edit":
		d.Step = stepName
		c.EditCallback(c.T("reg.editing"), nil)
		c.Reply(c.T("reg.ask_name"), nil)
	case "title":
		title, ok := vn.TitleCaseName(d.Data["name"])
		if !ok {
			return bot.StaleButton()
		}
		d.Data["name"] = title
		c.EditCallback(c.T("reg.name_set", title), nil)
		c.Reply(c.T("reg.ask_birth", vn.GreetingName(title)), nil)
	case "ok":
		c.EditCallback(r.summary(c, &d), nil)
		return r.submitRegistration(c, &d)
	case "joined":
		d.Step = stepJoined
		c.EditCallback(r.summary(c, &d), nil)
		c.Reply(c.T("reg.ask_joined"), bot.Keyboard(bot.Row(bot.Button(c.T("btn.skip"), bot.Data(cbRegister, "nojoined")))))
	case "nojoined":
		delete(d.Data, "joined")
		d.Step = stepConfirm
		c.EditCallback(c.T("reg.joined_skipped"), nil)
		c.Reply(r.summary(c, &d), r.confirmKeyboard(c))
	}
	d.Updated = c.Now
	return c.Tx.PutDialog(c.From.ID, d)
}

// dlgRegister handles the user's messages during registration.
func (r *Room) dlgRegister(c *bot.Ctx, d *youthbot.Dialog, m *tgbotapi.Message) error {
	switch d.Step {
	case stepConsent:
		unit, err := c.Tx.Unit(d.Data["unit"])
		if err != nil {
			return err
		}
		c.Reply(c.T("reg.press_button")+"\n\n"+r.consentText(c, unit), r.consentKeyboard(c))
		return nil
	case stepName:
		name := vn.NormalizeName(m.Text)
		if m.Text == "" {
			c.Reply(c.T("reg.ask_name"), nil)
			return nil
		}
		if err := youthbot.ValidateName(name); err != nil {
			c.Reply(c.ErrorText(err)+"\n"+c.T("reg.ask_name"), nil)
			return nil
		}
		d.Data["name"] = name // as typed: the title case is only offered
		d.Step = stepBirth
		text := c.T("reg.ask_birth", vn.GreetingName(name))
		if title, ok := vn.TitleCaseName(name); ok {
			c.Reply(text+"\n\n"+c.T("reg.offer_title_case", title),
				bot.Keyboard(bot.Row(bot.Button(c.T("btn.use_name", title), bot.Data(cbRegister, "title")))))
		} else {
			c.Reply(text, nil)
		}
	case stepBirth:
		birth, err := vnread.ParseDate(m.Text)
		if err == nil {
			err = youthbot.ValidateBirth(birth, c.Today)
		}
		if err != nil {
			c.Reply(c.ErrorText(err)+"\n"+c.T("reg.ask_birth_again"), nil)
			return nil
		}
		d.Data["birth"] = birth.ISO()
		d.Step = stepPhone
		text := c.T("reg.ask_phone")
		if (&youthbot.Member{Birth: birth}).AgeOutsideUnion(c.Today) {
			text = c.T("reg.age_note", birth.YearsSince(c.Today)) + "\n\n" + text
		}
		c.Reply(text, contactKeyboard(c.T("btn.share_phone"), c.T("btn.skip")))
	case stepPhone:
		phone, ok, err := r.phoneAnswer(c, m)
		if err != nil || !ok {
			return err
		}
		d.Data["phone"] = phone
		d.Step = stepConfirm
		if phone == "" { // skipped: "Đã nhận" would say a number was taken
			c.Reply(c.T("reg.phone_skipped"), removeKeyboard())
		} else {
			c.Reply(c.T("reg.phone_done"), removeKeyboard())
		}
		c.Reply(r.summary(c, d), r.confirmKeyboard(c))
	case stepConfirm:
		c.Reply(c.T("reg.press_button")+"\n\n"+r.summary(c, d), r.confirmKeyboard(c))
		return nil
	case stepJoined:
		if bot.IsSkip(m.Text) {
			delete(d.Data, "joined")
		} else {
			joined, err := r.joinedAnswer(c, d, m.Text)
			if err != nil {
				c.Reply(c.ErrorText(err)+"\n"+c.T("reg.ask_joined"), nil)
				return nil
			}
			d.Data["joined"] = joined.ISO()
		}
		d.Step = stepConfirm
		c.Reply(r.summary(c, d), r.confirmKeyboard(c))
	default:
		return c.Tx.DeleteDialog(c.From.ID)
	}
	d.Updated = c.Now
	return c.Tx.PutDialog(c.From.ID, *d)
}

// phoneAnswer reads the answer to "share your phone": the user's own contact,
// or the skip button. Anything else is answered with why and ok false.
func (r *Room) phoneAnswer(c *bot.Ctx, m *tgbotapi.Message) (phone string, ok bool, err error) {
	switch {
	case m.Contact != nil && m.Contact.UserID == c.From.ID:
		phone = youthbot.NormalizePhone(m.Contact.PhoneNumber)
		if phone == "" {
			c.Reply(c.T("err.phone_invalid"), contactKeyboard(c.T("btn.share_phone"), c.T("btn.skip")))
			return "", false, nil
		}
		return phone, true, nil
	case m.Contact != nil:
		c.Reply("⚠️ "+c.T("err.contact_not_own"), contactKeyboard(c.T("btn.share_phone"), c.T("btn.skip")))
		return "", false, nil
	case bot.IsSkip(m.Text):
		return "", true, nil
	}
	c.Reply(c.T("reg.phone_use_button"), contactKeyboard(c.T("btn.share_phone"), c.T("btn.skip")))
	return "", false, nil
}

// confirmKeyboard confirms or edits the registration, or adds the day of
// joining the Union.
func (r *Room) confirmKeyboard(c *bot.Ctx) *tgbotapi.InlineKeyboardMarkup {
	return bot.Keyboard(
		bot.Row(bot.Button(c.T("btn.confirm"), bot.Data(cbRegister, "ok")), bot.Button(c.T("btn.edit"), bot.Data(cbRegister, "edit"))),
		bot.Row(bot.Button(c.T("btn.joined"), bot.Data(cbRegister, "joined"))))
}

// joinedAnswer reads the day the user joined the Union: a date, not in the
// future, when they were at least youthbot.MinJoinAge.
func (r *Room) joinedAnswer(c *bot.Ctx, d *youthbot.Dialog, text string) (youthbot.Date, error) {
	joined, err := vnread.ParseDate(text)
	if err != nil {
		return joined, err
	}
	var birth youthbot.Date
	birth.UnmarshalText([]byte(d.Data["birth"]))
	return joined, youthbot.ValidateJoined(joined, birth, c.Today)
}

// summary shows what the user entered, for confirmation.
func (r *Room) summary(c *bot.Ctx, d *youthbot.Dialog) string {
	unit, _ := c.Tx.Unit(d.Data["unit"])
	birth := youthbot.Date{}
	birth.UnmarshalText([]byte(d.Data["birth"]))
	phone := d.Data["phone"]
	if phone == "" {
		phone = c.T("profile.no_phone")
	}
	joined := c.T("reg.joined_unknown")
	var j youthbot.Date
	if j.UnmarshalText([]byte(d.Data["joined"])) == nil && !j.IsZero() {
		joined = j.String()
	}
	return c.T("reg.summary", unit.Name, d.Data["name"], birth.String(), phone, joined)
}

// submitRegistration stores the registration as pending and asks the
// branch's secretaries (or the nearest above, or the admins) to decide.
func (r *Room) submitRegistration(c *bot.Ctx, d *youthbot.Dialog) error {
	if err := r.checkNotRegistered(c); err != nil {
		return err
	}
	unit, err := c.Tx.Unit(d.Data["unit"])
	if err != nil || unit.Kind != youthbot.KindBranch {
		return youthbot.Errorf(youthbot.EINVALID, "err.unit_gone")
	}
	var birth youthbot.Date
	if err := birth.UnmarshalText([]byte(d.Data["birth"])); err != nil {
		return fmt.Errorf("dialog birth: %w", err)
	}
	m := youthbot.Member{
		UserID: c.From.ID, Unit: unit.Code, FullName: d.Data["name"], Birth: birth, Phone: d.Data["phone"],
		Status: youthbot.StatusPending, RegisteredAt: c.Now,
	}
	m.Joined.UnmarshalText([]byte(d.Data["joined"])) // "" is no date
	if err := c.Tx.DeleteDialog(c.From.ID); err != nil {
		return err
	}
	if ok, err := r.claimByPhone(c, m, unit); err != nil || ok {
		return err
	}
	if err := c.Tx.PutMember(m); err != nil {
		return err
	}
	c.Reply(c.T("reg.submitted", unit.Name), nil)
	return r.askApproval(c, m, unit)
}

// askApproval sends the approval request of a registration to whoever
// decides it: the branch's secretaries, else the nearest unit above with
// secretaries, else the admins; never the registering person, nor only
// their peers (bot.Bot.Deciders).
func (r *Room) askApproval(c *bot.Ctx, m youthbot.Member, unit youthbot.Unit) error {
	ids, at, err := r.b.Deciders(c.Tx, unit.Code, m.UserID)
	if err != nil {
		return err
	}
	for _, id := range ids {
		showPhone := at == unit.Code
		err := c.AskDecision(id, bot.RequestRegistration, unit.Code, strconv.FormatInt(m.UserID, 10), func() error {
			return c.Notify(id, "approval", func(lang string) (string, any) {
				return r.approvalText(c, lang, m, unit, showPhone, ""), r.approvalKeyboard(lang, m)
			})
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// approvalText is the approval request a secretary reads; status, if set,
// is the decision line shown once the request is handled.
func (r *Room) approvalText(c *bot.Ctx, lang string, m youthbot.Member, unit youthbot.Unit, showPhone bool, status string) string {
	age := m.Birth.YearsSince(c.Today)
	ageLine := i18n.T(lang, "approval.age", age)
	if m.AgeOutsideUnion(c.Today) {
		ageLine = "⚠ " + i18n.T(lang, "approval.age_warn", age, youthbot.MinUnionAge, youthbot.MaxUnionAge)
	}
	phone := ""
	if showPhone && m.Phone != "" {
		phone = "\n" + i18n.T(lang, "approval.phone", m.Phone)
	}
	text := i18n.T(lang, "approval.request", unit.Name, m.FullName, m.Birth.String(), i18n.Raw(ageLine), i18n.Raw(phone),
		r.b.WhenText(m.RegisteredAt))
	if match := r.importedMatch(c, lang, m); match != "" {
		text += "\n\n" + match
	}
	if status != "" {
		text += "\n\n" + status
	}
	return text
}

func (r *Room) approvalKeyboard(lang string, m youthbot.Member) *tgbotapi.InlineKeyboardMarkup {
	id, reg := fmt.Sprint(m.UserID), fmt.Sprint(m.RegisteredAt.Unix())
	return bot.YesNo(i18n.T(lang, "btn.approve"), bot.Data(cbApprove, id, reg), i18n.T(lang, "btn.reject"), bot.Data(cbReject, id, reg))
}
