package membership

import (
	"fmt"
	"strconv"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
	"youthbot/bot"
	"youthbot/vnread"
)

// cmdInvite makes an invite link: /invite [UNIT_CODE] [secretary | bí thư].
func (r *Room) cmdInvite(c *bot.Ctx, args string) error {
	kind, code, err := vnread.ParseInviteArgs(args)
	if err != nil {
		return err
	}
	if code != "" {
		unit, err := c.ManagedUnit(code)
		if err != nil {
			return err
		}
		return r.makeInvite(c, unit, kind, false)
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
		return r.makeInvite(c, unit, kind, false)
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
		rows = append(rows, bot.Row(bot.Button(u.Name+" ›", bot.Data(cbInviteWalk, kindArg(kind), u.Code, "0"))))
	}
	c.Reply(c.T("invite.pick"), bot.Keyboard(rows...))
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

// makeInvite answers with the invite link of unit: the branch's standing
// member link, or a new single-use secretary link. A member link for a unit
// that is not a branch shows its units to pick a branch from.
func (r *Room) makeInvite(c *bot.Ctx, unit youthbot.Unit, kind youthbot.InviteKind, edit bool) error {
	if kind == youthbot.InviteMember && unit.Kind != youthbot.KindBranch {
		text, kb, err := r.inviteWalk(c, unit, kind, 0)
		if err != nil {
			return err
		}
		return c.Show(edit, c.T("invite.branch_only", unit.Name)+"\n\n"+text, kb)
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
	link := fmt.Sprintf("https://t.me/%s?start=%s", r.b.Username(), inv.Payload())
	text := c.T("invite.member", unit.Name, link)
	if kind == youthbot.InviteSecretary {
		text = c.T("invite.secretary", unit.Name, link, r.b.WhenText(inv.ExpiresAt))
	}
	return c.Show(edit, text, nil)
}

// inviteWalk shows a unit's children to pick the invite's unit from.
func (r *Room) inviteWalk(c *bot.Ctx, unit youthbot.Unit, kind youthbot.InviteKind, page int) (string, *tgbotapi.InlineKeyboardMarkup, error) {
	children, err := c.Tx.Children(unit.Code)
	if err != nil {
		return "", nil, err
	}
	k := kindArg(kind)
	var rows [][]tgbotapi.InlineKeyboardButton
	if kind == youthbot.InviteSecretary || unit.Kind == youthbot.KindBranch {
		rows = append(rows, bot.Row(bot.Button("🔗 "+unit.Name, bot.Data(cbInviteMake, k, unit.Code))))
	}
	from, to, page, pages := bot.PageOf(len(children), bot.TreePage, page)
	for _, u := range children[from:to] {
		if u.Kind == youthbot.KindBranch || kind == youthbot.InviteSecretary && len(c.Tx.ChildCodes(u.Code)) == 0 {
			rows = append(rows, bot.Row(bot.Button("🔗 "+u.Name, bot.Data(cbInviteMake, k, u.Code))))
		} else {
			rows = append(rows, bot.Row(bot.Button(u.Name+" ›", bot.Data(cbInviteWalk, k, u.Code, "0"))))
		}
	}
	rows = append(rows, bot.PageButtons(page, pages, func(p int) string { return bot.Data(cbInviteWalk, k, unit.Code, strconv.Itoa(p)) }))
	if unit.Parent != "" {
		ok, err := c.CanManage(unit.Parent)
		if err != nil {
			return "", nil, err
		}
		if ok {
			rows = append(rows, bot.Row(bot.Button(c.T("btn.up"), bot.Data(cbInviteWalk, k, unit.Parent, "0"))))
		}
	}
	return c.T("invite.pick_in", unit.Name), bot.Keyboard(rows...), nil
}

// cbInviteWalk moves the invite unit picker.
func (r *Room) cbInviteWalk(c *bot.Ctx, args []string) error {
	kind, unit, err := r.inviteButton(c, args)
	if err != nil {
		return err
	}
	page, _ := strconv.Atoi(bot.Arg(args, 2))
	return c.Edited(r.inviteWalk(c, unit, kind, page))
}

// cbInviteMake makes the invite for the unit picked.
func (r *Room) cbInviteMake(c *bot.Ctx, args []string) error {
	kind, unit, err := r.inviteButton(c, args)
	if err != nil {
		return err
	}
	return r.makeInvite(c, unit, kind, true)
}

// inviteButton reads the invite kind and the unit an invite button names
// (kind:unit:...), a unit the presser manages.
func (r *Room) inviteButton(c *bot.Ctx, args []string) (youthbot.InviteKind, youthbot.Unit, error) {
	kind, ok := argKind(bot.Arg(args, 0))
	if !ok {
		return "", youthbot.Unit{}, bot.StaleButton()
	}
	unit, err := c.ManagedUnit(youthbot.NormalizeUnitCode(bot.Arg(args, 1)))
	return kind, unit, err
}
