package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
)

// Groups and broadcasts (F5): /linkgroup, /unlinkgroup, /broadcast
// (broadcast.go), and groups upgraded to supergroups.
// The commands, buttons and dialogs of this feature; see router.go.

// cbGroupLink is the callback data prefix of the unit buttons of
// /linkgroup: gl:<unit> links the group where it is pressed to the unit
// (the broadcasts' are in broadcast.go).
const cbGroupLink = "gl"

// groupAnonymousBot is the sender of an anonymous administrator's messages.
const groupAnonymousBot = 1087968824

// chatMemberTimeout bounds the getChatMember call of the pre-phase.
const chatMemberTimeout = 8 * time.Second

func (b *Bot) groupCommands() []command {
	return []command{
		{name: "broadcast", private: true, who: forSecretaries, need: roleSecretary, handle: b.cmdBroadcast, prepare: b.prepareBroadcast},
		{name: "linkgroup", private: true, group: true, who: forSecretaries, handle: b.cmdLinkGroup, prepare: b.prepareGroupAdmin},
		{name: "unlinkgroup", private: true, group: true, who: forSecretaries, handle: b.cmdUnlinkGroup, prepare: b.prepareGroupAdmin},
	}
}

func (b *Bot) groupCallbacks() map[string]callback {
	return map[string]callback{
		cbGroupLink:       {handle: b.cbGroupLink, prepare: b.prepareGroupAdmin},
		cbBroadcastSend:   {handle: b.cbBroadcast, prepare: b.prepareBroadcast},
		cbBroadcastCancel: {handle: b.cbBroadcast},
	}
}

func (b *Bot) groupDialogs() map[string]dialogHandler {
	return map[string]dialogHandler{dlgBroadcast: b.dlgBroadcast}
}

// groupAdmin is what the pre-phase learnt of the sender in a group: their
// getChatMember status there at the moment of the update.
type groupAdmin struct {
	status string
	err    error
}

func (g groupAdmin) isAdmin() bool { return g.status == "creator" || g.status == "administrator" }

// prepareGroupAdmin claims /linkgroup and /unlinkgroup in groups, and the
// unit buttons of /linkgroup: their handlers need to know, at that moment,
// whether the sender administers the group.
func (b *Bot) prepareGroupAdmin(u *tgbotapi.Update, _ input) func(ctx context.Context) any {
	var chat, user int64
	switch {
	case u.Message != nil && !u.Message.Chat.IsPrivate():
		chat, user = u.Message.Chat.ID, u.Message.From.ID
	case u.CallbackQuery != nil && u.CallbackQuery.Message != nil && u.CallbackQuery.Message.Chat != nil &&
		!u.CallbackQuery.Message.Chat.IsPrivate():
		chat, user = u.CallbackQuery.Message.Chat.ID, u.CallbackQuery.From.ID
	default:
		return nil
	}
	if user == groupAnonymousBot {
		return nil // the handler refuses: nobody to check
	}
	return func(ctx context.Context) any { return b.chatMemberStatus(ctx, chat, user) }
}

// chatMemberStatus asks Telegram for user's status in chat. The call is
// bounded by the API's own timeout; the pre-phase stops waiting for it
// earlier.
func (b *Bot) chatMemberStatus(ctx context.Context, chat, user int64) groupAdmin {
	if b.api == nil {
		return groupAdmin{err: errors.New("no Bot API client")}
	}
	ctx, cancel := context.WithTimeout(ctx, chatMemberTimeout)
	defer cancel()
	done := make(chan groupAdmin, 1)
	go func() {
		raw, err := b.api.Call("getChatMember", map[string]string{
			"chat_id": strconv.FormatInt(chat, 10), "user_id": strconv.FormatInt(user, 10),
		})
		if err != nil {
			done <- groupAdmin{err: err}
			return
		}
		var m struct {
			Status string `json:"status"`
		}
		if err := json.Unmarshal(raw, &m); err != nil {
			done <- groupAdmin{err: fmt.Errorf("decode getChatMember: %w", err)}
			return
		}
		done <- groupAdmin{status: m.Status}
	}()
	select {
	case r := <-done:
		return r
	case <-ctx.Done():
		return groupAdmin{err: ctx.Err()}
	}
}

// requireGroupAdmin checks the pre-phase's answer: the sender administers
// the group now.
func (b *Bot) requireGroupAdmin(c *Ctx) error {
	if c.From.ID == groupAnonymousBot {
		return youthbot.Errorf(youthbot.EUNAUTHORIZED, "err.group_anonymous")
	}
	g, ok := c.pre.(groupAdmin)
	if !ok || g.err != nil {
		if ok {
			b.log.Warn("getChatMember failed", "chat", c.Chat, "user", c.From.ID, "err", g.err)
		}
		return youthbot.Errorf(youthbot.EINTERNAL, "err.group_check")
	}
	if !g.isAdmin() {
		return youthbot.Errorf(youthbot.EUNAUTHORIZED, "err.group_admin")
	}
	return nil
}

// cmdLinkGroup links the group to a unit: /linkgroup [UNIT_CODE]. The
// sender must have rights over the unit (a secretary of it or above, or an
// admin) and administer the group; without a code, a secretary of one unit
// links it, of several picks one with buttons.
func (b *Bot) cmdLinkGroup(c *Ctx, args string) error {
	if c.Private {
		c.Reply(c.T("grp.private_hint"), nil)
		return nil
	}
	if err := b.requireGroupAdmin(c); err != nil {
		return err
	}
	fields := strings.Fields(args)
	switch {
	case len(fields) > 1:
		return youthbot.Errorf(youthbot.EINVALID, "err.linkgroup_usage")
	case len(fields) == 1:
		unit, err := b.managedUnit(c, youthbot.NormalizeUnitCode(fields[0]))
		if err != nil {
			return err
		}
		return b.linkGroup(c, unit, false)
	}
	units := c.SecretaryUnits()
	switch len(units) {
	case 0:
		if c.IsAdmin() {
			return youthbot.Errorf(youthbot.EINVALID, "err.linkgroup_usage")
		}
		return youthbot.Errorf(youthbot.EUNAUTHORIZED, "err.group_admin")
	case 1:
		unit, err := c.Tx.Unit(units[0])
		if err != nil {
			return err
		}
		return b.linkGroup(c, unit, false)
	}
	var rows [][]tgbotapi.InlineKeyboardButton
	for _, code := range units {
		u, err := c.Tx.Unit(code)
		if err != nil {
			return err
		}
		rows = append(rows, row(button(u.Name, data(cbGroupLink, u.Code))))
	}
	c.Reply(c.T("grp.pick"), keyboard(rows...))
	return nil
}

// cbGroupLink links the group to the unit picked; the presser is checked
// again, group administrator included.
func (b *Bot) cbGroupLink(c *Ctx, args []string) error {
	if c.Private {
		return staleButton()
	}
	if err := b.requireGroupAdmin(c); err != nil {
		return err
	}
	unit, err := b.managedUnit(c, youthbot.NormalizeUnitCode(arg(args, 0)))
	if err != nil {
		return err
	}
	return b.linkGroup(c, unit, true)
}

// linkGroup links the chat to unit and says so.
func (b *Bot) linkGroup(c *Ctx, unit youthbot.Unit, edit bool) error {
	old, found, err := c.Tx.GroupLink(c.Chat)
	if err != nil {
		return err
	}
	if found && old.Unit == unit.Code {
		return b.show(c, edit, c.T("grp.already", unit.Name), nil)
	}
	title := ""
	if c.Update.Message != nil && c.Update.Message.Chat != nil {
		title = c.Update.Message.Chat.Title
	} else if cb := c.Update.CallbackQuery; cb != nil && cb.Message != nil && cb.Message.Chat != nil {
		title = cb.Message.Chat.Title
	}
	if err := c.Tx.LinkGroup(youthbot.GroupLink{Chat: c.Chat, Unit: unit.Code, Title: title, LinkedBy: c.From.ID, LinkedAt: c.Now}); err != nil {
		return err
	}
	text := c.T("grp.linked", unit.Name)
	if found {
		if prev, err := c.Tx.Unit(old.Unit); err == nil {
			text += "\n" + c.T("grp.linked_elsewhere", prev.Name)
		}
	}
	c.Answer("", false)
	return b.show(c, edit, text, nil)
}

// cmdUnlinkGroup removes the group's link, by someone with rights over its
// unit who administers the group.
func (b *Bot) cmdUnlinkGroup(c *Ctx, _ string) error {
	if c.Private {
		c.Reply(c.T("grp.private_hint"), nil)
		return nil
	}
	if err := b.requireGroupAdmin(c); err != nil {
		return err
	}
	l, found, err := c.Tx.GroupLink(c.Chat)
	if err != nil {
		return err
	}
	if !found {
		c.Reply(c.T("grp.not_linked"), nil)
		return nil
	}
	if err := refusedAs(c.RequireManage(l.Unit), "err.group_admin"); err != nil {
		return err
	}
	if _, _, err := c.Tx.UnlinkGroup(c.Chat); err != nil {
		return err
	}
	name := l.Unit
	if u, err := c.Tx.Unit(l.Unit); err == nil {
		name = u.Name
	}
	c.Reply(c.T("grp.unlinked", name), nil)
	return nil
}

// onGroupMigrated follows a group upgraded to a supergroup: the service
// message in the old chat (migrate_to_chat_id) and the one in the new chat
// (migrate_from_chat_id) both move its link; the second finds it moved.
func (b *Bot) onGroupMigrated(c *Ctx, m *tgbotapi.Message) error {
	c.command = "migrate"
	if m.MigrateToChatID != 0 {
		return c.Tx.MoveGroup(c.Chat, m.MigrateToChatID)
	}
	return c.Tx.MoveGroup(m.MigrateFromChatID, c.Chat)
}

// onGroupMembership follows the bot being removed from a group: the link
// goes, as nothing can be sent there any more.
func (b *Bot) onGroupMembership(c *Ctx, u *tgbotapi.ChatMemberUpdated) error {
	switch u.NewChatMember.Status {
	case "left", "kicked":
		_, _, err := c.Tx.UnlinkGroup(c.Chat)
		return err
	}
	return nil
}

// groupFallback answers a command the bot has no group handler for: in a
// group it does not know, one short line on how to link it; in a linked
// group, that the command works in private.
func (b *Bot) groupFallback(c *Ctx, name string) error {
	_, linked, err := c.Tx.GroupLink(c.Chat)
	if err != nil {
		return err
	}
	if !linked {
		c.Reply(c.T("group_unknown"), nil)
		return nil
	}
	for _, cmd := range b.commands() {
		if cmd.name == name && cmd.private {
			c.Reply(c.T("grp.use_private", name), nil)
			return nil
		}
	}
	c.Reply(c.T("unknown_command"), nil)
	return nil
}
