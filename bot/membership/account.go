package membership

import (
	"strings"

	"youthbot"
	"youthbot/bot"
	"youthbot/i18n"
)

// cmdHelp lists the commands the sender can use.
func (r *Room) cmdHelp(c *bot.Ctx, _ string) error {
	if !c.Private {
		c.Reply(c.T("help.group"), nil)
		return nil
	}
	c.Reply(r.helpText(c), nil)
	return nil
}

// cmdLang switches the sender's language: /lang vi|en, or buttons.
func (r *Room) cmdLang(c *bot.Ctx, args string) error {
	lang := strings.ToLower(strings.TrimSpace(args))
	if lang == "" {
		c.Reply(c.T("lang.pick"), bot.Keyboard(bot.Row(bot.Button("🇻🇳 Tiếng Việt", bot.Data(cbLang, "vi")), bot.Button("🇬🇧 English", bot.Data(cbLang, "en")))))
		return nil
	}
	if !youthbot.ValidLang(lang) {
		return youthbot.Errorf(youthbot.EINVALID, "err.lang_usage")
	}
	return r.setLang(c, lang, false)
}

func (r *Room) cbLang(c *bot.Ctx, args []string) error {
	lang := bot.Arg(args, 0)
	if !youthbot.ValidLang(lang) {
		return bot.StaleButton()
	}
	return r.setLang(c, lang, true)
}

func (r *Room) setLang(c *bot.Ctx, lang string, edit bool) error {
	c.User.Lang = lang
	c.Lang = lang
	if err := c.Tx.PutUser(c.User); err != nil {
		return err
	}
	return c.Show(edit, i18n.T(lang, "lang.set"), nil)
}

// cmdCancel leaves the dialog in progress.
func (r *Room) cmdCancel(c *bot.Ctx, _ string) error {
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
