package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
	"youthbot/storage"
)

// Groups and broadcasts (F5): /linkgroup, /unlinkgroup, /broadcast, and
// groups upgraded to supergroups.
// The commands, buttons and dialogs of this feature; see router.go.

// Callback data prefixes of this feature.
const (
	cbGroupLink       = "gl" // gl:<unit> link the group where it is pressed to the unit
	cbBroadcastSend   = "bs" // bs:<id> send the broadcast previewed
	cbBroadcastCancel = "bx" // bx:<id> drop it
)

// dlgBroadcast is the dialog holding a previewed broadcast until Send or
// Cancel: Data "id", "text", "units" (comma-separated codes).
const dlgBroadcast = "broadcast"

// MaxBroadcastLen bounds a broadcast's text, in characters, leaving room
// for its header within Telegram's 4096.
const MaxBroadcastLen = 3500

// groupAnonymousBot is the sender of an anonymous administrator's messages.
const groupAnonymousBot = 1087968824

// chatMemberTimeout bounds the getChatMember call of the pre-phase.
const chatMemberTimeout = 8 * time.Second

func (b *Bot) groupCommands() []command {
	return []command{
		{name: "broadcast", private: true, who: forSecretaries, handle: b.cmdBroadcast},
		{name: "linkgroup", private: true, group: true, who: forSecretaries, handle: b.cmdLinkGroup},
		{name: "unlinkgroup", private: true, group: true, who: forSecretaries, handle: b.cmdUnlinkGroup},
	}
}

func (b *Bot) groupCallbacks() map[string]func(c *Ctx, args []string) error {
	return map[string]func(c *Ctx, args []string) error{
		cbGroupLink:       b.cbGroupLink,
		cbBroadcastSend:   b.cbBroadcast,
		cbBroadcastCancel: b.cbBroadcast,
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
func (b *Bot) prepareGroupAdmin(u *tgbotapi.Update) func(ctx context.Context) any {
	var chat, user int64
	switch {
	case u.Message != nil && u.Message.Chat != nil && !u.Message.Chat.IsPrivate() && u.Message.From != nil:
		pc, ok := parseCommand(u.Message.Text)
		if !ok || pc.name != "linkgroup" && pc.name != "unlinkgroup" || pc.target != "" && !strings.EqualFold(pc.target, b.username) {
			return nil
		}
		chat, user = u.Message.Chat.ID, u.Message.From.ID
	case u.CallbackQuery != nil && u.CallbackQuery.Message != nil && u.CallbackQuery.Message.Chat != nil &&
		!u.CallbackQuery.Message.Chat.IsPrivate() && u.CallbackQuery.From != nil:
		if prefix, _ := decodeData(u.CallbackQuery.Data); prefix != cbGroupLink {
			return nil
		}
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
		c.Answer(c.T("stale_button"), true)
		return nil
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
	ok, err := c.CanManage(l.Unit)
	if err != nil {
		return err
	}
	if !ok {
		return youthbot.Errorf(youthbot.EUNAUTHORIZED, "err.group_admin")
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

// broadcastUnits are the units whose members a sender may broadcast to:
// those they are secretary of (an admin: the roots).
func broadcastUnits(c *Ctx) []string {
	if c.IsAdmin() {
		return c.Tx.ChildCodes("")
	}
	return c.SecretaryUnits()
}

// broadcastRecipients returns the approved members of the units' subtrees
// who can be reached, each once, by id.
func broadcastRecipients(tx *storage.Tx, units []string) ([]int64, error) {
	seen := map[string]bool{}
	var ids []int64
	for _, top := range units {
		for _, u := range tx.Subtree(top) {
			if seen[u] {
				continue
			}
			seen[u] = true
			ms, err := tx.MembersOf(u, youthbot.StatusApproved)
			if err != nil {
				return nil, err
			}
			for _, m := range ms {
				user, _, err := tx.User(m.UserID)
				if err != nil {
					return nil, err
				}
				if !user.Unreachable {
					ids = append(ids, m.UserID)
				}
			}
		}
	}
	slices.Sort(ids)
	return slices.Compact(ids), nil
}

// maxBroadcastFrom bounds, in characters, the unit names a broadcast's
// header shows (a secretary of several units, an admin of several roots),
// so that header and text (MaxBroadcastLen) stay within Telegram's 4096.
const maxBroadcastFrom = 200

// broadcastFrom names the units a broadcast comes from, clipped to
// maxBroadcastFrom.
func broadcastFrom(tx *storage.Tx, units []string) (string, error) {
	names, err := unitNames(tx, units)
	return truncateRunes(names, maxBroadcastFrom), err
}

// unitNames joins the names of units.
func unitNames(tx *storage.Tx, units []string) (string, error) {
	names := make([]string, 0, len(units))
	for _, code := range units {
		u, err := tx.Unit(code)
		if err != nil {
			return "", err
		}
		names = append(names, u.Name)
	}
	return strings.Join(names, ", "), nil
}

// cmdBroadcast previews an announcement to the approved members of the
// sender's subtree, with Send / Cancel: /broadcast <text>.
func (b *Bot) cmdBroadcast(c *Ctx, args string) error {
	if !c.IsAdmin() && !c.IsSecretary() {
		return youthbot.Errorf(youthbot.EUNAUTHORIZED, "err.secretaries_only")
	}
	text := strings.TrimSpace(args)
	if text == "" {
		return youthbot.Errorf(youthbot.EINVALID, "err.broadcast_usage")
	}
	if utf8.RuneCountInString(text) > MaxBroadcastLen {
		return youthbot.Errorf(youthbot.EINVALID, "err.broadcast_long", MaxBroadcastLen)
	}
	units := broadcastUnits(c)
	ids, err := broadcastRecipients(c.Tx, units)
	if err != nil {
		return err
	}
	if len(ids) == 0 {
		c.Reply(c.T("bc.none"), nil)
		return nil
	}
	names, err := broadcastFrom(c.Tx, units)
	if err != nil {
		return err
	}
	id := youthbot.NewCode(8)
	d := youthbot.Dialog{Name: dlgBroadcast, Step: "confirm", Updated: c.Now,
		Data: map[string]string{"id": id, "text": text, "units": strings.Join(units, ",")}}
	if err := c.Tx.PutDialog(c.From.ID, d); err != nil {
		return err
	}
	c.Reply(c.T("bc.preview", names, len(ids), text),
		yesNo(c.T("btn.send"), data(cbBroadcastSend, id), c.T("btn.cancel"), data(cbBroadcastCancel, id)))
	return nil
}

// cbBroadcast sends or drops the previewed broadcast. Sending checks the
// sender's rights again and queues one notification per member, keyed by
// broadcast and member: a second press sends nothing more.
func (b *Bot) cbBroadcast(c *Ctx, args []string) error {
	prefix, _ := decodeData(c.Update.CallbackQuery.Data)
	d, found, err := c.Tx.Dialog(c.From.ID)
	if err != nil {
		return err
	}
	id := arg(args, 0)
	if !found || d.Name != dlgBroadcast || d.Data["id"] != id || id == "" {
		c.EditCallback(c.T("bc.gone"), nil)
		c.Answer(c.T("bc.gone"), true)
		return nil
	}
	if prefix == cbBroadcastCancel {
		if err := c.Tx.DeleteDialog(c.From.ID); err != nil {
			return err
		}
		c.EditCallback(c.T("bc.cancelled"), nil)
		return nil
	}
	units := strings.Split(d.Data["units"], ",")
	if !c.IsAdmin() && !c.IsSecretary() {
		return youthbot.Errorf(youthbot.EUNAUTHORIZED, "err.secretaries_only")
	}
	for _, u := range units {
		ok, err := c.CanManage(u)
		if err != nil {
			return err
		}
		if !ok {
			return youthbot.Errorf(youthbot.EUNAUTHORIZED, "err.not_your_unit")
		}
	}
	ids, err := broadcastRecipients(c.Tx, units)
	if err != nil {
		return err
	}
	names, err := broadcastFrom(c.Tx, units)
	if err != nil {
		return err
	}
	text := d.Data["text"]
	for _, member := range ids {
		n := len(c.out)
		err := c.Notify(member, "broadcast", func(lang string) (string, any) {
			return tr(lang, "bc.message", names, text), nil
		})
		if err != nil {
			return err
		}
		if len(c.out) > n {
			c.out[n].Key = fmt.Sprintf("bc/%s/%d", id, member)
		}
	}
	if err := c.Tx.DeleteDialog(c.From.ID); err != nil {
		return err
	}
	c.EditCallback(c.T("bc.preview", names, len(ids), text)+"\n\n"+c.T("bc.sent", len(ids)), nil)
	c.Answer(c.T("bc.sent", len(ids)), false)
	return nil
}

// dlgBroadcast answers a message sent while a broadcast waits for Send or
// Cancel.
func (b *Bot) dlgBroadcast(c *Ctx, _ *youthbot.Dialog, _ *tgbotapi.Message) error {
	c.Reply(c.T("bc.waiting"), nil)
	return nil
}
