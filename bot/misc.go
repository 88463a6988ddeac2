package bot

import (
	"strings"

	"youthbot"
	"youthbot/i18n"
)

// cmdHelp lists the commands the sender can use.
func (b *Bot) cmdHelp(c *Ctx, _ string) error {
	if !c.Private {
		c.Reply(c.T("help.group"), nil)
		return nil
	}
	c.Reply(b.helpText(c), nil)
	return nil
}

// helpText lists commands by audience: everyone's, members', secretaries'.
func (b *Bot) helpText(c *Ctx) string {
	member, pending, unit := false, false, ""
	if m, err := c.Member(); err == nil {
		member = m.Status == youthbot.StatusApproved
		pending, unit = m.Status == youthbot.StatusPending, m.Unit
	}
	secretary := c.IsAdmin() || c.IsSecretary()
	var sb strings.Builder
	sb.WriteString(c.T("help.title"))
	section := func(title string, who audience) {
		sb.WriteString("\n\n" + title)
		for _, cmd := range b.commands() {
			if cmd.who == who && cmd.private && !cmd.hidden {
				sb.WriteString("\n/" + cmd.name + " — " + c.T("cmd."+cmd.name))
			}
		}
	}
	section(c.T("help.everyone"), forAll)
	if member || secretary {
		section(c.T("help.members"), forMembers)
	}
	if secretary {
		section(c.T("help.secretaries"), forSecretaries)
	}
	switch {
	case member || secretary:
	case pending: // registered already: an invite link would only confuse
		sb.WriteString("\n\n" + c.T("help.pending", nameOfUnit(c, unit)))
	default:
		sb.WriteString("\n\n" + c.T("help.join"))
	}
	return sb.String()
}

// cmdLang switches the sender's language: /lang vi|en, or buttons.
func (b *Bot) cmdLang(c *Ctx, args string) error {
	lang := strings.ToLower(strings.TrimSpace(args))
	if lang == "" {
		c.Reply(c.T("lang.pick"), keyboard(row(button("🇻🇳 Tiếng Việt", data(cbLang, "vi")), button("🇬🇧 English", data(cbLang, "en")))))
		return nil
	}
	if !youthbot.ValidLang(lang) {
		return youthbot.Errorf(youthbot.EINVALID, "err.lang_usage")
	}
	return b.setLang(c, lang, false)
}

func (b *Bot) cbLang(c *Ctx, args []string) error {
	lang := arg(args, 0)
	if !youthbot.ValidLang(lang) {
		return staleButton()
	}
	return b.setLang(c, lang, true)
}

func (b *Bot) setLang(c *Ctx, lang string, edit bool) error {
	c.User.Lang = lang
	c.Lang = lang
	if err := c.Tx.PutUser(c.User); err != nil {
		return err
	}
	return b.show(c, edit, i18n.T(lang, "lang.set"), nil)
}

// cmdCancel leaves the dialog in progress.
func (b *Bot) cmdCancel(c *Ctx, _ string) error {
	_, found, err := c.Tx.Dialog(c.From.ID)
	if err != nil {
		return err
	}
	if !found {
		c.Reply(c.T("cancel.nothing"), removeKeyboard())
		return nil
	}
	if err := c.Tx.DeleteDialog(c.From.ID); err != nil {
		return err
	}
	if err := c.ClearDialogButtons(); err != nil {
		return err
	}
	c.Reply(c.T("cancel.done"), removeKeyboard())
	return nil
}
