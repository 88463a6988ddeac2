package bot

import (
	"strings"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
	"youthbot/service"
)

// audience says who a command is for: it decides /help and the menus.
type audience int

const (
	forAll audience = iota
	forMembers
	forSecretaries
)

// command is one slash command. Its menu description is the catalog message
// "cmd.<name>".
type command struct {
	name    string
	private bool // usable in private chats
	group   bool // usable in groups
	who     audience
	hidden  bool // not in menus (/start)
	handle  func(c *Ctx, args string) error
}

// commands lists every command in menu order: the core's, then each
// feature's (each feature file declares its own list).
func (b *Bot) buildCommands() []command {
	var all []command
	for _, list := range [][]command{b.coreCommands(), b.participationCommands(), b.projectCommands(),
		b.reportCommands(), b.groupCommands()} {
		all = append(all, list...)
	}
	return all
}

// coreCommands are registration's and the account's commands.
func (b *Bot) coreCommands() []command {
	return []command{
		{name: "start", private: true, hidden: true, handle: b.cmdStart},
		{name: "help", private: true, group: true, handle: b.cmdHelp},
		{name: "profile", private: true, who: forMembers, handle: b.cmdProfile},
		{name: "pending", private: true, who: forSecretaries, handle: b.cmdPending},
		{name: "invite", private: true, who: forSecretaries, handle: b.cmdInvite},
		{name: "secretaries", private: true, who: forSecretaries, handle: b.cmdSecretaries},
		{name: "lang", private: true, handle: b.cmdLang},
		{name: "cancel", private: true, handle: b.cmdCancel},
		{name: "forgetme", private: true, handle: b.cmdForgetMe},
	}
}

// callbacks maps the prefix of callback_data to its handler, the core's and
// each feature's. Two features claiming one prefix is a programming error.
func (b *Bot) buildCallbacks() map[string]func(c *Ctx, args []string) error {
	all := b.coreCallbacks()
	for _, m := range []map[string]func(c *Ctx, args []string) error{b.participationCallbacks(), b.projectCallbacks(),
		b.reportCallbacks(), b.groupCallbacks()} {
		for prefix, h := range m {
			if _, dup := all[prefix]; dup {
				panic("callback prefix claimed twice: " + prefix)
			}
			all[prefix] = h
		}
	}
	return all
}

func (b *Bot) coreCallbacks() map[string]func(c *Ctx, args []string) error {
	return map[string]func(c *Ctx, args []string) error{
		cbTree:        b.cbTree,
		cbTreeJoin:    b.cbTreeJoin,
		cbRegister:    b.cbRegister,
		cbApprove:     b.cbDecide,
		cbReject:      b.cbDecide,
		cbPending:     b.cbPending,
		cbProfileEdit: b.cbProfileEdit,
		cbForget:      b.cbForget,
		cbLang:        b.cbLang,
		cbInviteWalk:  b.cbInviteWalk,
		cbInviteMake:  b.cbInviteMake,

		cbSecretaries:     b.cbSecretaries,
		cbSecretaryAsk:    b.cbSecretaryAsk,
		cbSecretaryRemove: b.cbSecretaryRemove,
	}
}

// commands, callbacks and dialogs return the tables built once by New.
func (b *Bot) commands() []command                                     { return b.cmdTable }
func (b *Bot) callbacks() map[string]func(c *Ctx, args []string) error { return b.cbTable }
func (b *Bot) dialogs() map[string]dialogHandler                       { return b.dlgTable }

// dialogHandler handles the user's next message in a dialog.
type dialogHandler = func(c *Ctx, d *youthbot.Dialog, m *tgbotapi.Message) error

// dialogs maps a dialog's name to its handler, the core's and each
// feature's.
func (b *Bot) buildDialogs() map[string]dialogHandler {
	all := map[string]dialogHandler{
		dlgRegister: b.dlgRegister,
		dlgEdit:     b.dlgEdit,
	}
	for _, m := range []map[string]dialogHandler{b.participationDialogs(), b.projectDialogs(), b.reportDialogs(), b.groupDialogs()} {
		for name, h := range m {
			if _, dup := all[name]; dup {
				panic("dialog name claimed twice: " + name)
			}
			all[name] = h
		}
	}
	return all
}

func (b *Bot) dispatch(c *Ctx) error {
	u := c.Update
	switch {
	case c.From == nil || c.From.IsBot || c.Chat == 0:
		return nil
	case u.Message != nil:
		return b.onMessage(c, u.Message)
	case u.CallbackQuery != nil:
		return b.onCallback(c, u.CallbackQuery)
	case u.MyChatMember != nil:
		return b.onMyChatMember(c, u.MyChatMember)
	}
	return nil
}

func (b *Bot) onMessage(c *Ctx, m *tgbotapi.Message) error {
	if m.Chat == nil {
		return nil
	}
	if !c.Private {
		return b.onGroupMessage(c, m)
	}
	text := m.Text
	if text == "" {
		text = m.Caption // a photo captioned "/log ..."
	}
	if pc, ok := parseCommand(text); ok {
		c.command = b.logName(pc.name)
		for _, cmd := range b.commands() {
			if cmd.name == pc.name && cmd.private {
				return cmd.handle(c, pc.args)
			}
		}
		c.Reply(c.T("unknown_command"), nil)
		return nil
	}
	d, found, err := c.Tx.Dialog(c.From.ID)
	if err != nil {
		return err
	}
	if found {
		if h, ok := b.dialogs()[d.Name]; ok {
			c.command = d.Name + "." + d.Step
			return h(c, &d, m)
		}
		// A dialog of an older build: drop it.
		if err := c.Tx.DeleteDialog(c.From.ID); err != nil {
			return err
		}
	}
	switch {
	case m.Contact != nil:
		c.Reply(c.T("contact_outside_dialog"), nil)
	default:
		c.Reply(c.T("not_understood"), nil)
	}
	return nil
}

// onGroupMessage handles a message in a group or channel: commands meant for
// this bot get an answer; other messages are ignored.
func (b *Bot) onGroupMessage(c *Ctx, m *tgbotapi.Message) error {
	if m.MigrateToChatID != 0 || m.MigrateFromChatID != 0 {
		return b.onGroupMigrated(c, m) // group.go
	}
	pc, ok := parseCommand(m.Text)
	if !ok || pc.target != "" && !strings.EqualFold(pc.target, b.username) {
		return nil
	}
	c.command = b.logName(pc.name)
	for _, cmd := range b.commands() {
		if cmd.name == pc.name && cmd.group {
			return cmd.handle(c, pc.args)
		}
	}
	return b.groupFallback(c, pc.name) // group.go
}

// logName is how a command is named in the logs: its name if it is one of
// the bot's, else "unknown" (what a user typed after a slash may be a phone
// number).
func (b *Bot) logName(name string) string {
	for _, cmd := range b.commands() {
		if cmd.name == name {
			return name
		}
	}
	return "unknown"
}

func (b *Bot) onCallback(c *Ctx, cb *tgbotapi.CallbackQuery) error {
	prefix, args := decodeData(cb.Data)
	c.command = "cb:" + prefix
	h, ok := b.callbacks()[prefix]
	if !ok {
		c.command = "cb:?"
		c.Answer(c.T("stale_button"), true)
		return nil
	}
	return h(c, args)
}

// onMyChatMember follows a private chat being blocked or unblocked.
func (b *Bot) onMyChatMember(c *Ctx, u *tgbotapi.ChatMemberUpdated) error {
	c.command = "my_chat_member"
	if !c.Private {
		return b.onGroupMembership(c, u) // group.go
	}
	blocked := u.NewChatMember.Status == "kicked"
	if c.User.Unreachable == blocked {
		return nil
	}
	c.User.Unreachable = blocked
	return service.SetBlocked(c.Tx, c.User.ID, blocked)
}
