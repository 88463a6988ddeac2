package bot

import (
	"strconv"
	"strings"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
)

// treePage is how many units a tree-walk keyboard shows at once.
const treePage = 8

// cmdStart handles /start with a deep-link payload (a room's StartLinks:
// j_ member invite, s_ secretary invite, c_ project check-in) or without
// one.
func (b *Bot) cmdStart(c *Ctx, payload string) error {
	if payload != "" {
		prefix, rest, _ := strings.Cut(payload, "_")
		link, ok := b.startLinks[prefix+"_"]
		if !ok {
			return youthbot.Errorf(youthbot.EINVALID, "err.link_invalid")
		}
		c.command = "start." + link.Name
		return link.Handle(c, rest)
	}
	m, err := c.Member()
	if err == nil && (m.Status == youthbot.StatusPending || m.Status == youthbot.StatusApproved) {
		unit, err := c.Tx.Unit(m.Unit)
		if err != nil {
			return err
		}
		c.Reply(c.T("start.member", youthbot.GreetingName(m.FullName), unit.Name)+"\n\n"+b.helpText(c), nil)
		return nil
	}
	if c.IsAdmin() || c.IsSecretary() {
		c.Reply(c.T("start.secretary")+"\n\n"+b.helpText(c), nil)
		return nil
	}
	text, kb, err := b.treeView(c, "", 0)
	if err != nil {
		return err
	}
	c.Reply(c.T("start.visitor")+"\n\n"+text, kb)
	return nil
}

// startJoin opens registration in the branch of a member invite.
func (b *Bot) startJoin(c *Ctx, code string) error {
	inv, err := b.invite(c, code, youthbot.InviteMember)
	if err != nil {
		return err
	}
	unit, err := c.Tx.Unit(inv.Unit)
	if err != nil || unit.Kind != youthbot.KindBranch {
		return youthbot.Errorf(youthbot.EINVALID, "err.link_invalid")
	}
	return b.beginRegistration(c, unit)
}

// startSecretary makes the opener secretary of the invite's unit and uses
// the invite up, if its creator still has rights over the unit.
func (b *Bot) startSecretary(c *Ctx, code string) error {
	inv, err := b.invite(c, code, youthbot.InviteSecretary)
	if err != nil {
		return err
	}
	unit, err := c.Tx.Unit(inv.Unit)
	if err != nil {
		return youthbot.Errorf(youthbot.EINVALID, "err.link_invalid")
	}
	// The link passes on its creator's rights: only while they have them.
	if ok, err := b.hasRights(c.Tx, inv.CreatedBy, unit.Code); err != nil {
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
	if err := c.Tx.SetSecretaryName(c.From.ID, unit.Code, clip(c.From.FirstName+" "+c.From.LastName, youthbot.MaxNameLen)); err != nil {
		return err
	}
	c.secLoaded = false
	c.Reply(c.T("secretary.welcome", unit.Name, unit.Code)+"\n\n"+b.helpText(c), nil)
	name := c.From.FirstName
	return c.Notify(inv.CreatedBy, "secretary_joined", func(lang string) (string, any) {
		return tr(lang, "secretary.joined", name, unit.Name), nil
	})
}

// invite loads the invite of a deep link, refusing malformed, unknown, used
// and expired codes and codes of the other kind.
func (b *Bot) invite(c *Ctx, code string, kind youthbot.InviteKind) (youthbot.Invite, error) {
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
	return inv, inv.Usable(c.Now)
}

// treeView shows the children of unit ("" for the top) as buttons: branches
// open registration, other units open their own children.
func (b *Bot) treeView(c *Ctx, code string, page int) (string, *tgbotapi.InlineKeyboardMarkup, error) {
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
	from, to, page, pages := pageOf(len(children), treePage, page)
	var rows [][]tgbotapi.InlineKeyboardButton
	for _, u := range children[from:to] {
		if u.Kind == youthbot.KindBranch {
			rows = append(rows, row(button("✍️ "+u.Name, data(cbTreeJoin, u.Code))))
		} else {
			rows = append(rows, row(button(u.Name+" ›", data(cbTree, u.Code, "0"))))
		}
	}
	rows = append(rows, pageButtons(page, pages, func(p int) string { return data(cbTree, code, strconv.Itoa(p)) }))
	title := c.T("tree.pick_top")
	if code != "" {
		unit, err := c.Tx.Unit(code)
		if err != nil {
			return "", nil, err
		}
		title = c.T("tree.pick_in", unit.Name)
		if unit.Parent != "" || !single {
			rows = append(rows, row(button(c.T("btn.up"), data(cbTree, unit.Parent, "0"))))
		}
		if len(children) == 0 {
			title = c.T("tree.no_branches", unit.Name)
		}
	}
	return title, keyboard(rows...), nil
}

// cbTree walks the unit tree.
func (b *Bot) cbTree(c *Ctx, args []string) error {
	code := youthbot.NormalizeUnitCode(arg(args, 0))
	page, _ := strconv.Atoi(arg(args, 1))
	if code != "" {
		if _, err := c.Tx.Unit(code); err != nil {
			return staleButton()
		}
	}
	text, kb, err := b.treeView(c, code, page)
	if err != nil {
		return err
	}
	c.EditCallback(text, kb)
	return nil
}

// cbTreeJoin starts registration in the branch picked on the tree.
func (b *Bot) cbTreeJoin(c *Ctx, args []string) error {
	unit, err := c.Tx.Unit(youthbot.NormalizeUnitCode(arg(args, 0)))
	if err != nil || unit.Kind != youthbot.KindBranch {
		return staleButton()
	}
	c.EditCallback(c.T("tree.chosen", unit.Name), nil)
	return b.beginRegistration(c, unit)
}
