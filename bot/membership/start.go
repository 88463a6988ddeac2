package membership

import (
	"strconv"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
	"youthbot/bot"
	"youthbot/i18n"
	"youthbot/service"
	"youthbot/vn"
)

// cmdStart handles /start with a deep-link payload (a room's StartLinks:
// j_ member invite, s_ secretary invite, c_ project check-in) or without
// one.
func (r *Room) cmdStart(c *bot.Ctx, payload string) error {
	if payload != "" {
		return r.b.FollowLink(c, payload)
	}
	m, err := c.Member()
	if err == nil && (m.Status == youthbot.StatusPending || m.Status == youthbot.StatusApproved) {
		unit, err := c.Tx.Unit(m.Unit)
		if err != nil {
			return err
		}
		c.Reply(c.T("start.member", vn.GreetingName(m.FullName), unit.Name)+"\n\n"+r.helpText(c), nil)
		return nil
	}
	if c.IsAdmin() || c.IsSecretary() {
		c.Reply(c.T("start.secretary")+"\n\n"+r.helpText(c), nil)
		return nil
	}
	text, kb, err := r.treeView(c, "", 0)
	if err != nil {
		return err
	}
	c.Reply(c.T("start.visitor")+"\n\n"+text, kb)
	return nil
}

// startJoin opens registration in the branch of a member invite.
func (r *Room) startJoin(c *bot.Ctx, code string) error {
	inv, err := r.invite(c, code, youthbot.InviteMember)
	if err != nil {
		return err
	}
	unit, err := c.Tx.Unit(inv.Unit)
	if err != nil || unit.Kind != youthbot.KindBranch {
		return youthbot.Errorf(youthbot.EINVALID, "err.link_invalid")
	}
	return r.beginRegistration(c, unit)
}

// startSecretary makes the opener secretary of the invite's unit and uses
// the invite up, if its creator still has rights over the unit.
func (r *Room) startSecretary(c *bot.Ctx, code string) error {
	inv, err := r.invite(c, code, youthbot.InviteSecretary)
	if err != nil {
		return err
	}
	unit, err := c.Tx.Unit(inv.Unit)
	if err != nil {
		return youthbot.Errorf(youthbot.EINVALID, "err.link_invalid")
	}
	// The link passes on its creator's rights: only while they have them.
	if ok, err := r.hasRights(c.Tx, inv.CreatedBy, unit.Code); err != nil {
		return err
	} else if !ok {
		return youthbot.Errorf(youthbot.EUNAUTHORIZED, "err.invite_revoked", unit.Name)
	}
	for _, u := range c.SecretaryUnits() {
		if u == unit.Code {
			c.Reply(c.T("secretary.already", unit.Name), nil)
			return nil
		}
	}
	if err := inv.Usable(c.Now); err != nil {
		return err
	}
	inv.UsedBy, inv.UsedAt = c.From.ID, c.Now
	if err := c.Tx.PutInvite(inv); err != nil {
		return err
	}
	if err := c.Tx.AddSecretary(c.From.ID, unit.Code); err != nil {
		return err
	}
	if err := c.Tx.SetSecretaryName(c.From.ID, unit.Code, service.Clip(c.From.FirstName+" "+c.From.LastName, youthbot.MaxNameLen)); err != nil {
		return err
	}
	c.SecretaryUnitsChanged()
	c.Reply(c.T("secretary.welcome", unit.Name, bot.CodeOfUnit(c, unit.Code))+"\n\n"+r.helpText(c), nil)
	name := c.From.FirstName
	return c.Notify(inv.CreatedBy, "secretary_joined", func(lang string) (string, any) {
		return i18n.T(lang, "secretary.joined", name, unit.Name), nil
	})
}

// invite loads the invite of a deep link, refusing malformed, unknown, used
// and expired codes and codes of the other kind.
func (r *Room) invite(c *bot.Ctx, code string, kind youthbot.InviteKind) (youthbot.Invite, error) {
	if !youthbot.ValidCode(code) {
		return youthbot.Invite{}, youthbot.Errorf(youthbot.EINVALID, "err.link_invalid")
	}
	inv, err := c.Tx.Invite(code)
	if youthbot.ErrorCode(err) == youthbot.ENOTFOUND || err == nil && inv.Kind != kind {
		return inv, youthbot.Errorf(youthbot.ENOTFOUND, "err.link_invalid")
	}
	if err != nil {
		return inv, err
	}
	if gone, ok := c.Tx.UnitGone(inv.Unit); ok {
		return inv, youthbot.Errorf(youthbot.EINVALID, "tree.invite_gone", gone.String()) // merged or dissolved (F8)
	}
	return inv, inv.Usable(c.Now)
}

// treeView shows the children of unit ("" for the top) as buttons: branches
// open registration, other units open their own children.
func (r *Room) treeView(c *bot.Ctx, code string, page int) (string, *tgbotapi.InlineKeyboardMarkup, error) {
	children, err := c.Tx.Children(code)
	if err != nil {
		return "", nil, err
	}
	single := len(c.Tx.ChildCodes("")) == 1
	if code == "" && single && len(children) == 1 && children[0].Kind != youthbot.KindBranch {
		code = children[0].Code // one province: start inside it
		if children, err = c.Tx.Children(code); err != nil {
			return "", nil, err
		}
	}
	if len(children) == 0 && code == "" {
		return c.T("tree.empty"), nil, nil
	}
	from, to, page, pages := bot.PageOf(len(children), bot.TreePage, page)
	var rows [][]tgbotapi.InlineKeyboardButton
	for _, u := range children[from:to] {
		if u.Kind == youthbot.KindBranch {
			rows = append(rows, bot.Row(bot.Button("✍️ "+u.Name, bot.Data(cbTreeJoin, u.Code))))
		} else {
			rows = append(rows, bot.Row(bot.Button(u.Name+" ›", bot.Data(cbTree, u.Code, "0"))))
		}
	}
	rows = append(rows, bot.PageButtons(page, pages, func(p int) string { return bot.Data(cbTree, code, strconv.Itoa(p)) }))
	title := c.T("tree.pick_top")
	if code != "" {
		unit, err := c.Tx.Unit(code)
		if err != nil {
			return "", nil, err
		}
		title = c.T("tree.pick_in", unit.Name)
		if unit.Parent != "" || !single {
			rows = append(rows, bot.Row(bot.Button(c.T("btn.up"), bot.Data(cbTree, unit.Parent, "0"))))
		}
		if len(children) == 0 {
			title = c.T("tree.no_branches", unit.Name)
		}
	}
	return title, bot.Keyboard(rows...), nil
}

// cbTree walks the unit tree.
func (r *Room) cbTree(c *bot.Ctx, args []string) error {
	code := youthbot.NormalizeUnitCode(bot.Arg(args, 0))
	page, _ := strconv.Atoi(bot.Arg(args, 1))
	if code != "" {
		if _, err := c.Tx.Unit(code); err != nil {
			return bot.StaleButton()
		}
	}
	return c.Edited(r.treeView(c, code, page))
}

// cbTreeJoin starts registration in the branch picked on the tree.
func (r *Room) cbTreeJoin(c *bot.Ctx, args []string) error {
	unit, err := c.Tx.Unit(youthbot.NormalizeUnitCode(bot.Arg(args, 0)))
	if err != nil || unit.Kind != youthbot.KindBranch {
		return bot.StaleButton()
	}
	c.EditCallback(c.T("tree.chosen", unit.Name), nil)
	return r.beginRegistration(c, unit)
}
