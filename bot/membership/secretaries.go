package membership

import (
	"strconv"
	"strings"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
	"youthbot/bot"
	"youthbot/i18n"
	"youthbot/report"
	"youthbot/service"
	"youthbot/storage"
)

// Secretary rights: who holds them, who decides about whom, and
// /secretaries, which lists a unit's secretaries and removes one.
//
// A secretary may be removed by an admin, by a secretary of a unit above
// the unit (rights over its parent), or by themselves (stepping down); a
// co-secretary of the same unit may not remove a peer. Removing the role
// revokes the secretary links its holder made and nobody used
// (storage.RemoveSecretary); a secretary link is also refused when its
// creator no longer has rights over its unit (startSecretary).

// Callback data of /secretaries (membership.go lists the room's others).
const (
	cbSecretaries     = "sv" // sv:<unit>:<page>  a unit's secretaries
	cbSecretaryAsk    = "sa" // sa:<unit>:<user>  ask to confirm a removal
	cbSecretaryRemove = "sy" // sy:<unit>:<user>  remove, confirmed
)

// hasRights reports whether user has rights over unit now: an admin, or a
// secretary of the unit or of a unit above it. It is Ctx.CanManage for
// someone other than the sender (the creator of an invite).
func (r *Room) hasRights(tx *storage.Tx, user int64, unit string) (bool, error) {
	if r.b.IsAdmin(user) {
		_, err := tx.Unit(unit)
		return err == nil, nil
	}
	return tx.Manages(tx.CurrentSecretaryUnits(user), unit)
}

// cmdSecretaries lists a unit's secretaries: /secretaries [UNIT_CODE];
// without a code the sender's own unit, or their units to pick from.
func (r *Room) cmdSecretaries(c *bot.Ctx, args string) error {
	fields := strings.Fields(args)
	if len(fields) > 1 {
		return youthbot.Errorf(youthbot.EINVALID, "err.secretaries_usage")
	}
	tops := c.SecretaryUnits()
	if c.IsAdmin() {
		tops = c.Tx.ChildCodes("")
	}
	if len(fields) == 1 {
		tops = []string{youthbot.NormalizeUnitCode(fields[0])}
	}
	if len(tops) == 0 {
		return youthbot.Errorf(youthbot.ENOTFOUND, "tree.empty")
	}
	if len(tops) == 1 {
		unit, err := c.ManagedUnit(tops[0])
		if err != nil {
			return err
		}
		return c.Replied(r.secretariesView(c, unit, 0))
	}
	var rows [][]tgbotapi.InlineKeyboardButton
	for _, code := range tops {
		u, err := c.Tx.Unit(code)
		if err != nil {
			return err
		}
		rows = append(rows, bot.Row(bot.Button(u.Name+" ›", bot.Data(cbSecretaries, u.Code, "0"))))
	}
	c.Reply(c.T("secretaries.pick"), bot.Keyboard(rows...))
	return nil
}

// secretariesView shows unit's own secretaries, a remove button for each
// the sender may remove, and the unit's children to walk down to.
func (r *Room) secretariesView(c *bot.Ctx, unit youthbot.Unit, page int) (string, *tgbotapi.InlineKeyboardMarkup, error) {
	var sb strings.Builder
	sb.WriteString(c.T("secretaries.title", unit.Name, bot.CodeOfUnit(c, unit.Code)))
	var rows [][]tgbotapi.InlineKeyboardButton
	ids := c.Tx.Secretaries(unit.Code)
	if len(ids) == 0 {
		sb.WriteString("\n" + c.T("secretaries.none", bot.CodeOfUnit(c, unit.Code)))
	}
	for i, id := range ids {
		name := r.secretaryName(c, id, unit.Code)
		you := ""
		if id == c.From.ID {
			you = c.T("secretaries.you")
		}
		sb.WriteString("\n" + c.T("secretaries.line", i+1, id, name, i18n.Raw(you)))
		ok, err := r.canRemoveSecretary(c, unit, id)
		if err != nil {
			return "", nil, err
		}
		if ok {
			rows = append(rows, bot.Row(bot.Button(c.T("btn.remove_secretary", i+1, i18n.Raw(service.Clip(name, 30))), // a button is plain text
				bot.Data(cbSecretaryAsk, unit.Code, strconv.FormatInt(id, 10)))))
		}
	}
	children, err := c.Tx.Children(unit.Code)
	if err != nil {
		return "", nil, err
	}
	from, to, page, pages := bot.PageOf(len(children), bot.TreePage, page)
	for _, u := range children[from:to] {
		rows = append(rows, bot.Row(bot.Button(u.Name+" ›", bot.Data(cbSecretaries, u.Code, "0"))))
	}
	rows = append(rows, bot.PageButtons(page, pages, func(p int) string { return bot.Data(cbSecretaries, unit.Code, strconv.Itoa(p)) }))
	if unit.Parent != "" {
		if ok, err := c.CanManage(unit.Parent); err != nil {
			return "", nil, err
		} else if ok {
			rows = append(rows, bot.Row(bot.Button(c.T("btn.up"), bot.Data(cbSecretaries, unit.Parent, "0"))))
		}
	}
	return sb.String(), bot.Keyboard(rows...), nil
}

// secretaryName is how a secretary is named in lists: their member name,
// else the name they had on Telegram when they took the role, else their
// id.
func (r *Room) secretaryName(c *bot.Ctx, id int64, unit string) string {
	if m, err := c.Tx.Member(id); err == nil && m.FullName != "" {
		return m.FullName
	}
	if name := c.Tx.SecretaryName(id, unit); name != "" {
		return name
	}
	return c.T("secretaries.unnamed", id)
}

// canRemoveSecretary reports whether the sender may take unit's secretary
// role from target: an admin, a secretary with rights over the unit's
// parent, or target themselves.
func (r *Room) canRemoveSecretary(c *bot.Ctx, unit youthbot.Unit, target int64) (bool, error) {
	if target == c.From.ID || c.IsAdmin() {
		return true, nil
	}
	if unit.Parent == "" {
		return false, nil
	}
	return c.CanManage(unit.Parent)
}

// secretaryToRemove checks a remove button against the state now: the
// sender has rights over the unit and may remove target, who is still its
// secretary.
func (r *Room) secretaryToRemove(c *bot.Ctx, args []string) (youthbot.Unit, int64, error) {
	target, ok := userArg(bot.Arg(args, 1))
	if !ok {
		return youthbot.Unit{}, 0, bot.StaleButton()
	}
	unit, err := c.ManagedUnit(youthbot.NormalizeUnitCode(bot.Arg(args, 0)))
	if err != nil {
		return unit, 0, err
	}
	allowed, err := r.canRemoveSecretary(c, unit, target)
	if err != nil {
		return unit, 0, err
	}
	if !allowed {
		return unit, 0, youthbot.Errorf(youthbot.EUNAUTHORIZED, "err.secretary_remove_rights", unit.Name)
	}
	if !c.Tx.IsSecretaryOf(target, unit.Code) {
		return unit, 0, youthbot.Errorf(youthbot.ENOTFOUND, "err.secretary_gone", unit.Name)
	}
	return unit, target, nil
}

// cbSecretaries shows a unit's secretaries (walking the tree).
func (r *Room) cbSecretaries(c *bot.Ctx, args []string) error {
	unit, err := c.ManagedUnit(youthbot.NormalizeUnitCode(bot.Arg(args, 0)))
	if err != nil {
		return err
	}
	page, _ := strconv.Atoi(bot.Arg(args, 1))
	return c.Edited(r.secretariesView(c, unit, page))
}

// cbSecretaryAsk asks the sender to confirm a removal.
func (r *Room) cbSecretaryAsk(c *bot.Ctx, args []string) error {
	unit, target, err := r.secretaryToRemove(c, args)
	if err != nil {
		return err
	}
	id := strconv.FormatInt(target, 10)
	text := c.T("secretaries.confirm", r.secretaryName(c, target, unit.Code), unit.Name)
	if target == c.From.ID {
		text = c.T("secretaries.confirm_self", unit.Name)
	}
	c.EditCallback(text,
		bot.YesNo(c.T("btn.remove_confirm"), bot.Data(cbSecretaryRemove, unit.Code, id), c.T("btn.keep_secretary"), bot.Data(cbSecretaries, unit.Code, "0")))
	return nil
}

// cbSecretaryRemove takes the role, tells the person and shows the list
// again.
func (r *Room) cbSecretaryRemove(c *bot.Ctx, args []string) error {
	unit, target, err := r.secretaryToRemove(c, args)
	if err != nil {
		return err
	}
	name := r.secretaryName(c, target, unit.Code)
	if err := c.Tx.RemoveSecretary(target, unit.Code); err != nil {
		return err
	}
	c.SecretaryUnitsChanged() // the sender may have stepped down
	if target != c.From.ID {
		by := strings.TrimSpace(c.From.FirstName + " " + c.From.LastName)
		if err := c.Notify(target, "secretary_removed", func(lang string) (string, any) {
			return i18n.T(lang, "secretaries.you_removed", unit.Name, by), nil
		}); err != nil {
			return err
		}
	}
	ok, err := c.CanManage(unit.Code)
	if err != nil {
		return err
	}
	if ok {
		text, kb, err := r.secretariesView(c, unit, 0)
		if err != nil {
			return err
		}
		c.EditCallback(text, kb)
	} else {
		c.EditCallback(c.T("secretaries.stepped_down", unit.Name), nil)
	}
	c.Answer(report.Plain(c.T("secretaries.removed", name, unit.Name)), false)
	return nil
}

// userArg reads a Telegram user id argument of callback data.
func userArg(s string) (int64, bool) {
	id, err := strconv.ParseInt(s, 10, 64)
	return id, err == nil && id != 0
}
