package membership

import (
	"strings"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
	"youthbot/bot"
	"youthbot/i18n"
	"youthbot/service"
	"youthbot/vn"
	"youthbot/vnread"
)

// Profile edit dialog: one step, the field being edited.
const dlgEdit = "edit"

// cmdProfile shows the sender's own data with buttons to edit it.
func (r *Room) cmdProfile(c *bot.Ctx, _ string) error {
	return c.Replied(r.profileView(c))
}

func (r *Room) profileView(c *bot.Ctx) (string, *tgbotapi.InlineKeyboardMarkup, error) {
	var roles string
	if units := c.SecretaryUnits(); len(units) > 0 {
		names := make([]string, 0, len(units))
		for _, code := range units {
			if u, err := c.Tx.Unit(code); err == nil {
				names = append(names, u.Name)
			}
		}
		roles = "\n" + c.T("profile.secretary_of", strings.Join(names, ", "))
	}
	if c.IsAdmin() {
		roles += "\n" + c.T("profile.admin")
	}
	m, err := c.Member()
	if youthbot.ErrorCode(err) == youthbot.ENOTFOUND || err == nil && !editable(m) {
		return c.T("profile.none") + roles, nil, nil
	}
	if err != nil {
		return "", nil, err
	}
	unit, err := c.Tx.Unit(m.Unit)
	if err != nil {
		return "", nil, err
	}
	phone := m.Phone
	if phone == "" {
		phone = c.T("profile.no_phone")
	}
	status := c.T("status." + string(m.Status))
	text := c.T("profile.view", m.FullName, m.Birth.String(), phone, unit.Name, status)
	if !m.Joined.IsZero() {
		text += "\n" + c.T("profile.joined", m.Joined.String())
	}
	text += roles
	kb := bot.Keyboard(bot.Row(
		bot.Button(c.T("btn.edit_name"), bot.Data(cbProfileEdit, "name")),
		bot.Button(c.T("btn.edit_birth"), bot.Data(cbProfileEdit, "birth")),
		bot.Button(c.T("btn.edit_phone"), bot.Data(cbProfileEdit, "phone")),
	))
	return text, kb, nil
}

// editable reports whether a member record is the member's own to see and
// edit (pending or approved).
func editable(m youthbot.Member) bool {
	return m.Status == youthbot.StatusPending || m.Status == youthbot.StatusApproved
}

// cbProfileEdit starts editing one field of the profile.
func (r *Room) cbProfileEdit(c *bot.Ctx, args []string) error {
	m, err := c.Member()
	if err != nil || !editable(m) {
		return bot.StaleButton()
	}
	field := bot.Arg(args, 0)
	switch field {
	case "name":
		c.Reply(c.T("edit.ask_name"), nil)
	case "birth":
		c.Reply(c.T("edit.ask_birth"), nil)
	case "phone":
		c.Reply(c.T("edit.ask_phone"), contactKeyboard(c.T("btn.share_phone"), c.T("btn.remove_phone")))
	default:
		return bot.StaleButton()
	}
	return c.Tx.PutDialog(c.From.ID, youthbot.Dialog{Name: dlgEdit, Step: field, Updated: c.Now})
}

// dlgEdit takes the new value of the field being edited.
func (r *Room) dlgEdit(c *bot.Ctx, d *youthbot.Dialog, msg *tgbotapi.Message) error {
	m, err := c.Member()
	if err != nil || !editable(m) {
		c.Reply(c.T("profile.none"), removeKeyboard())
		return c.Tx.DeleteDialog(c.From.ID)
	}
	switch d.Step {
	case "name":
		name := vn.NormalizeName(msg.Text)
		if err := youthbot.ValidateName(name); err != nil {
			c.Reply(c.ErrorText(err)+"\n"+c.T("edit.ask_name"), nil)
			return nil
		}
		m.FullName = name
	case "birth":
		birth, err := vnread.ParseDate(msg.Text)
		if err == nil {
			err = youthbot.ValidateBirth(birth, c.Today)
		}
		if err != nil {
			c.Reply(c.ErrorText(err)+"\n"+c.T("edit.ask_birth"), nil)
			return nil
		}
		m.Birth = birth
	case "phone":
		if strings.EqualFold(strings.TrimSpace(msg.Text), c.T("btn.remove_phone")) {
			m.Phone = ""
			break
		}
		if msg.Contact == nil || msg.Contact.UserID != c.From.ID || youthbot.NormalizePhone(msg.Contact.PhoneNumber) == "" {
			key := "reg.phone_use_button"
			if msg.Contact != nil {
				key = "err.contact_not_own"
			}
			c.Reply(c.T(key), contactKeyboard(c.T("btn.share_phone"), c.T("btn.remove_phone")))
			return nil
		}
		m.Phone = youthbot.NormalizePhone(msg.Contact.PhoneNumber)
	default:
		return c.Tx.DeleteDialog(c.From.ID)
	}
	if err := c.Tx.PutMember(m); err != nil {
		return err
	}
	if err := c.Tx.DeleteDialog(c.From.ID); err != nil {
		return err
	}
	c.Reply(c.T("edit.saved"), removeKeyboard())
	return r.cmdProfile(c, "")
}

// cmdForgetMe asks for confirmation before erasing the sender's data.
func (r *Room) cmdForgetMe(c *bot.Ctx, _ string) error {
	c.Reply(c.T("forget.confirm"), bot.YesNo(c.T("btn.forget"), bot.Data(cbForget, "yes"), c.T("btn.keep"), bot.Data(cbForget, "no")))
	return nil
}

// cbForget erases the sender's personal data (or keeps it): service.Forget.
// The member record stays as an anonymous count so past figures do not
// change; their places in projects go (a joined seat to the waiting list).
func (r *Room) cbForget(c *bot.Ctx, args []string) error {
	switch bot.Arg(args, 0) {
	case "no":
		c.EditCallback(c.T("forget.kept"), nil)
		return nil
	case "yes":
	default:
		return bot.StaleButton()
	}
	// Their seats, then everything else, the queued messages about them
	// included, in storage: the same erasure `youthbot restore` applies
	// again.
	known := []string{strings.TrimSpace(c.From.FirstName + " " + c.From.LastName), c.From.FirstName, c.From.LastName}
	if c.From.UserName != "" {
		known = append(known, "@"+c.From.UserName)
	}
	notices, err := service.Forget(c.Tx, c.Actor(), i18n.T(r.b.Lang(), "members.anonymous"), known, c.When())
	if err != nil {
		return err
	}
	if err := c.Deliver(notices); err != nil {
		return err
	}
	c.EditCallback(c.T("forget.done"), nil)
	return nil
}

// removeKeyboard hides a reply keyboard (the contact button).
func removeKeyboard() tgbotapi.ReplyKeyboardRemove {
	return tgbotapi.ReplyKeyboardRemove{RemoveKeyboard: true}
}

// contactKeyboard asks for the user's own phone number with Telegram's
// contact button, with a second button to go without.
func contactKeyboard(share, other string) tgbotapi.ReplyKeyboardMarkup {
	return tgbotapi.ReplyKeyboardMarkup{
		Keyboard: [][]tgbotapi.KeyboardButton{
			{tgbotapi.NewKeyboardButtonContact(share)},
			{tgbotapi.NewKeyboardButton(other)},
		},
		ResizeKeyboard:  true,
		OneTimeKeyboard: true,
	}
}
