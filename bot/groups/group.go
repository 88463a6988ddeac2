// Package groups is the feature room of groups and broadcasts (F5):
// /linkgroup, /unlinkgroup and /broadcast, with their buttons and dialog.
// What the core does for groups by itself (migration, removal, the
// fallback answer) is in bot/groupchat.go.
package groups

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
	"youthbot/bot"
)

// Groups and broadcasts (F5): /linkgroup, /unlinkgroup, /broadcast
// (broadcast.go).
// The commands, buttons and dialogs of this feature; see bot/feature.go.

// cbGroupLink is the callback data prefix of the unit buttons of
// /linkgroup: gl:<unit> links the group where it is pressed to the unit
// (the broadcasts' are in broadcast.go).
const cbGroupLink = "gl"

// groupAnonymousBot is the sender of an anonymous administrator's messages.
const groupAnonymousBot = 1087968824

// chatMemberTimeout bounds the getChatMember call of the pre-phase.
const chatMemberTimeout = 8 * time.Second

// Groups is the feature, on the core it registered with.
type Groups struct{ b *bot.Bot }

// New is the feature's bot.NewFeature.
func New(b *bot.Bot) bot.Feature { return &Groups{b: b} }

// Commands are the feature's commands, in menu order.
func (g *Groups) Commands() []bot.Command {
	return []bot.Command{
		{Name: "broadcast", Private: true, Who: bot.ForSecretaries, Need: bot.RoleSecretary, Handle: g.cmdBroadcast, Prepare: g.prepareBroadcast},
		{Name: "linkgroup", Private: true, Group: true, Who: bot.ForSecretaries, Handle: g.cmdLinkGroup, Prepare: g.prepareGroupAdmin},
		{Name: "unlinkgroup", Private: true, Group: true, Who: bot.ForSecretaries, Handle: g.cmdUnlinkGroup, Prepare: g.prepareGroupAdmin},
	}
}

// Callbacks are the feature's buttons by prefix.
func (g *Groups) Callbacks() map[string]bot.Callback {
	return map[string]bot.Callback{
		cbGroupLink:       {Handle: g.cbGroupLink, Prepare: g.prepareGroupAdmin},
		cbBroadcastSend:   {Handle: g.cbBroadcast, Prepare: g.prepareBroadcast},
		cbBroadcastCancel: {Handle: g.cbBroadcast},
	}
}

// Dialogs are the feature's dialogs by name.
func (g *Groups) Dialogs() map[string]bot.DialogHandler {
	return map[string]bot.DialogHandler{dlgBroadcast: g.dlgBroadcast}
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
func (g *Groups) prepareGroupAdmin(u *tgbotapi.Update, _ bot.Input) func(ctx context.Context) any {
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
	return func(ctx context.Context) any { return g.chatMemberStatus(ctx, chat, user) }
}

// chatMemberStatus asks Telegram for user's status in chat. The call is
// bounded by the API's own timeout; the pre-phase stops waiting for it
// earlier.
func (g *Groups) chatMemberStatus(ctx context.Context, chat, user int64) groupAdmin {
	api := g.b.API()
	if api == nil {
		return groupAdmin{err: errors.New("no Bot API client")}
	}
	ctx, cancel := context.WithTimeout(ctx, chatMemberTimeout)
	defer cancel()
	done := make(chan groupAdmin, 1)
	go func() {
		raw, err := api.Call("getChatMember", map[string]string{
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
func (g *Groups) requireGroupAdmin(c *bot.Ctx) error {
	if c.From.ID == groupAnonymousBot {
		return youthbot.Errorf(youthbot.EUNAUTHORIZED, "err.group_anonymous")
	}
	a, ok := c.Prepared().(groupAdmin)
	if !ok || a.err != nil {
		if ok {
			g.b.Log().Warn("getChatMember failed", "chat", c.Chat, "user", c.From.ID, "err", a.err)
		}
		return youthbot.Errorf(youthbot.EINTERNAL, "err.group_check")
	}
	if !a.isAdmin() {
		return youthbot.Errorf(youthbot.EUNAUTHORIZED, "err.group_admin")
	}
	return nil
}

// cmdLinkGroup links the group to a unit: /linkgroup [UNIT_CODE]. The
// sender must have rights over the unit (a secretary of it or above, or an
// admin) and administer the group; without a code, a secretary of one unit
// links it, of several picks one with buttons.
func (g *Groups) cmdLinkGroup(c *bot.Ctx, args string) error {
	if c.Private {
		c.Reply(c.T("grp.private_hint"), nil)
		return nil
	}
	if err := g.requireGroupAdmin(c); err != nil {
		return err
	}
	fields := strings.Fields(args)
	switch {
	case len(fields) > 1:
		return youthbot.Errorf(youthbot.EINVALID, "err.linkgroup_usage")
	case len(fields) == 1:
		unit, err := c.ManagedUnit(youthbot.NormalizeUnitCode(fields[0]))
		if err != nil {
			return err
		}
		return g.linkGroup(c, unit, false)
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
		return g.linkGroup(c, unit, false)
	}
	var rows [][]tgbotapi.InlineKeyboardButton
	for _, code := range units {
		u, err := c.Tx.Unit(code)
		if err != nil {
			return err
		}
		rows = append(rows, bot.Row(bot.Button(u.Name, bot.Data(cbGroupLink, u.Code))))
	}
	c.Reply(c.T("grp.pick"), bot.Keyboard(rows...))
	return nil
}

// cbGroupLink links the group to the unit picked; the presser is checked
// again, group administrator included.
func (g *Groups) cbGroupLink(c *bot.Ctx, args []string) error {
	if c.Private {
		return bot.StaleButton()
	}
	if err := g.requireGroupAdmin(c); err != nil {
		return err
	}
	unit, err := c.ManagedUnit(youthbot.NormalizeUnitCode(bot.Arg(args, 0)))
	if err != nil {
		return err
	}
	return g.linkGroup(c, unit, true)
}

// linkGroup links the chat to unit and says so.
func (g *Groups) linkGroup(c *bot.Ctx, unit youthbot.Unit, edit bool) error {
	old, found, err := c.Tx.GroupLink(c.Chat)
	if err != nil {
		return err
	}
	if found && old.Unit == unit.Code {
		return c.Show(edit, c.T("grp.already", unit.Name), nil)
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
	return c.Show(edit, text, nil)
}

// cmdUnlinkGroup removes the group's link, by someone with rights over its
// unit who administers the group.
func (g *Groups) cmdUnlinkGroup(c *bot.Ctx, _ string) error {
	if c.Private {
		c.Reply(c.T("grp.private_hint"), nil)
		return nil
	}
	if err := g.requireGroupAdmin(c); err != nil {
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
	if err := bot.RefusedAs(c.RequireManage(l.Unit), "err.group_admin"); err != nil {
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
