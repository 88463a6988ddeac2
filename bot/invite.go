package bot

import (
	"fmt"
	"strconv"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
)

// cmdInvite makes an invite link: /invite [UNIT_CODE] [secretary | bí thư].
func (b *Bot) cmdInvite(c *Ctx, args string) error {
	kind, code, err := youthbot.ParseInviteArgs(args)
	if err != nil {
		return err
	}
	if code != "" {
		unit, err := b.managedUnit(c, code)
		if err != nil {
			return err
		}
		return b.makeInvite(c, unit, kind, false)
	}
	tops := c.SecretaryUnits()
	if c.IsAdmin() {
		tops = c.Tx.ChildCodes("")
	}
	if len(tops) == 1 {
		unit, err := c.Tx.Unit(tops[0])
		if err != nil {
			return err
		}
		return b.makeInvite(c, unit, kind, false)
	}
	if len(tops) == 0 {
		return youthbot.Errorf(youthbot.ENOTFOUND, "tree.empty")
	}
	var rows [][]tgbotapi.InlineKeyboardButton
	for _, code := range tops {
		u, err := c.Tx.Unit(code)
		if err != nil {
			return err
		}
		rows = append(rows, row(button(u.Name+" ›", data(cbInviteWalk, kindArg(kind), u.Code, "0"))))
	}
	c.Reply(c.T("invite.pick"), keyboard(rows...))
	return nil
}

func kindArg(k youthbot.InviteKind) string {
	if k == youthbot.InviteSecretary {
		return "s"
	}
	return "m"
}

func argKind(s string) (youthbot.InviteKind, bool) {
	switch s {
	case "s":
		return youthbot.InviteSecretary, true
	case "m":
		return youthbot.InviteMember, true
	}
	return "", false
}

// managedUnit loads a unit the sender has rights over.
func (b *Bot) managedUnit(c *Ctx, code string) (youthbot.Unit, error) { return c.ManagedUnit(code) }

// makeInvite answers with the invite link of unit: the branch's standing
// member link, or a new single-use secretary link. A member link for a unit
// that is not a branch shows its units to pick a branch from.
func (b *Bot) makeInvite(c *Ctx, unit youthbot.Unit, kind youthbot.InviteKind, edit bool) error {
	if kind == youthbot.InviteMember && unit.Kind != youthbot.KindBranch {
		text, kb, err := b.inviteWalk(c, unit, kind, 0)
		if err != nil {
			return err
		}
		return b.show(c, edit, c.T("invite.branch_only", unit.Name)+"\n\n"+text, kb)
	}
	var inv youthbot.Invite
	if kind == youthbot.InviteMember {
		existing, found, err := c.Tx.MemberInvite(unit.Code)
		if err != nil {
			return err
		}
		inv = existing
		if !found {
			inv = youthbot.Invite{Code: youthbot.NewCode(10), Kind: kind, Unit: unit.Code, CreatedBy: c.From.ID, CreatedAt: c.Now}
		}
	} else {
		inv = youthbot.Invite{Code: youthbot.NewCode(12), Kind: kind, Unit: unit.Code, CreatedBy: c.From.ID,
			CreatedAt: c.Now, ExpiresAt: c.Now.Add(youthbot.SecretaryInviteTTL)}
	}
	if err := c.Tx.PutInvite(inv); err != nil {
		return err
	}
	link := fmt.Sprintf("https://t.me/%s?start=%s", b.username, inv.Payload())
	text := c.T("invite.member", unit.Name, link)
	if kind == youthbot.InviteSecretary {
		text = c.T("invite.secretary", unit.Name, link, b.whenText(inv.ExpiresAt))
	}
	return b.show(c, edit, text, nil)
}

// show edits the pressed message, or replies.
func (b *Bot) show(c *Ctx, edit bool, text string, kb *tgbotapi.InlineKeyboardMarkup) error {
	return c.Show(edit, text, kb)
}

// inviteWalk shows a unit's children to pick the invite's unit from.
func (b *Bot) inviteWalk(c *Ctx, unit youthbot.Unit, kind youthbot.InviteKind, page int) (string, *tgbotapi.InlineKeyboardMarkup, error) {
	children, err := c.Tx.Children(unit.Code)
	if err != nil {
		return "", nil, err
	}
	k := kindArg(kind)
	var rows [][]tgbotapi.InlineKeyboardButton
	if kind == youthbot.InviteSecretary || unit.Kind == youthbot.KindBranch {
		rows = append(rows, row(button("🔗 "+unit.Name, data(cbInviteMake, k, unit.Code))))
	}
	from, to, page, pages := pageOf(len(children), treePage, page)
	for _, u := range children[from:to] {
		if u.Kind == youthbot.KindBranch || kind == youthbot.InviteSecretary && len(c.Tx.ChildCodes(u.Code)) == 0 {
			rows = append(rows, row(button("🔗 "+u.Name, data(cbInviteMake, k, u.Code))))
		} else {
			rows = append(rows, row(button(u.Name+" ›", data(cbInviteWalk, k, u.Code, "0"))))
		}
	}
	rows = append(rows, pageButtons(page, pages, func(p int) string { return data(cbInviteWalk, k, unit.Code, strconv.Itoa(p)) }))
	if unit.Parent != "" {
		ok, err := c.CanManage(unit.Parent)
		if err != nil {
			return "", nil, err
		}
		if ok {
			rows = append(rows, row(button(c.T("btn.up"), data(cbInviteWalk, k, unit.Parent, "0"))))
		}
	}
	return c.T("invite.pick_in", unit.Name), keyboard(rows...), nil
}

// cbInviteWalk moves the invite unit picker.
func (b *Bot) cbInviteWalk(c *Ctx, args []string) error {
	kind, unit, err := b.inviteButton(c, args)
	if err != nil {
		return err
	}
	page, _ := strconv.Atoi(arg(args, 2))
	text, kb, err := b.inviteWalk(c, unit, kind, page)
	if err != nil {
		return err
	}
	c.EditCallback(text, kb)
	return nil
}

// cbInviteMake makes the invite for the unit picked.
func (b *Bot) cbInviteMake(c *Ctx, args []string) error {
	kind, unit, err := b.inviteButton(c, args)
	if err != nil {
		return err
	}
	return b.makeInvite(c, unit, kind, true)
}

// inviteButton reads the invite kind and the unit an invite button names
// (kind:unit:...), a unit the presser manages.
func (b *Bot) inviteButton(c *Ctx, args []string) (youthbot.InviteKind, youthbot.Unit, error) {
	kind, ok := argKind(arg(args, 0))
	if !ok {
		return "", youthbot.Unit{}, staleButton()
	}
	unit, err := b.managedUnit(c, youthbot.NormalizeUnitCode(arg(args, 1)))
	return kind, unit, err
}
