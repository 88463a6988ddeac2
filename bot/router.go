package bot

import (
	"strings"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
	"youthbot/service"
)

// Audience says whose menus and /help show a command.
type Audience int

// The audiences of Command.Who.
const (
	ForAll Audience = iota
	ForMembers
	ForSecretaries
)

// command is a table entry: a feature's Command with its handler wrapped
// in the route's middleware (compile). Its menu description is the
// catalog message "cmd.<Name>".
type command struct {
	Command
	h Handler
}

// callback is a table entry: a feature's Callback, the handler of the
// buttons whose callback_data has one prefix, with its middleware.
type callback struct {
	Callback
	h Handler
}

// compile wraps every table entry's handler in the route's middleware:
// the name it is logged as, then who may use it.
func (b *Bot) compile() {
	for i := range b.cmdTable {
		cmd := &b.cmdTable[i]
		cmd.h = chain(commandHandler(cmd.Handle), logAs(cmd.Name), requireRole(cmd.Need))
	}
	for prefix, cb := range b.cbTable {
		cb.h = chain(callbackHandler(cb.Handle), logAs("cb:"+prefix), requireRole(cb.Need))
		b.cbTable[prefix] = cb
	}
	b.dlgRoutes = make(map[string]Handler, len(b.dlgTable))
	for name, h := range b.dlgTable {
		b.dlgRoutes[name] = chain(dialogStepHandler(h), logDialogStep)
	}
}

// commands lists every command in menu order: each feature's, in the
// order of Config.Features.
func (b *Bot) buildCommands() []command {
	var all []command
	for _, f := range b.features {
		for _, cmd := range f.Commands() {
			all = append(all, command{Command: cmd})
		}
	}
	return all
}

// callbacks maps the prefix of callback_data to its handler, each
// feature's. Two features claiming one prefix is a programming error.
func (b *Bot) buildCallbacks() map[string]callback {
	all := map[string]callback{}
	for _, f := range b.features {
		for prefix, cb := range f.Callbacks() {
			claim(all, prefix, callback{Callback: cb}, "callback prefix")
		}
	}
	return all
}

// claim adds v to all under key; two claiming one key is a programming
// error.
func claim[V any](all map[string]V, key string, v V, what string) {
	if _, dup := all[key]; dup {
		panic(what + " claimed twice: " + key)
	}
	all[key] = v
}

// commands returns the command table built once by New.
func (b *Bot) commands() []command { return b.cmdTable }

// DialogHandler handles the user's next message in a dialog.
type DialogHandler = func(c *Ctx, d *youthbot.Dialog, m *tgbotapi.Message) error

// dialogs maps a dialog's name to its handler, each feature's.
func (b *Bot) buildDialogs() map[string]DialogHandler {
	all := map[string]DialogHandler{}
	for _, f := range b.features {
		for name, h := range f.Dialogs() {
			claim(all, name, h, "dialog name")
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
	if pc, cmd, ok := b.commandOf(m); ok {
		if cmd != nil {
			c.in = input{args: pc.args, msg: m}
			return cmd.h(c)
		}
		c.command = b.logName(pc.name)
		if near := b.suggestCommand(pc.name); near != "" {
			c.Reply(c.T("unknown_command_near", near), nil)
			return nil
		}
		c.Reply(c.T("unknown_command"), nil)
		return nil
	}
	d, found, err := c.Tx.Dialog(c.From.ID)
	if err != nil {
		return err
	}
	if found {
		if h, ok := b.dlgRoutes[d.Name]; ok {
			c.in = input{dialog: &d, msg: m}
			return h(c)
		}
		// A dialog of an older build: drop it.
		if err := c.Tx.DeleteDialog(c.From.ID); err != nil {
			return err
		}
	}
	return b.OutsideDialog(c, m)
}

// OutsideDialog answers a private message that is no command and no
// dialog's answer.
func (b *Bot) OutsideDialog(c *Ctx, m *tgbotapi.Message) error {
	if offered, err := b.offer(c, m); err != nil || offered {
		return err
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
	pc, cmd, ok := b.commandOf(m)
	if !ok {
		return nil
	}
	if cmd != nil {
		c.in = input{args: pc.args, msg: m}
		return cmd.h(c)
	}
	c.command = b.logName(pc.name)
	return b.groupFallback(c, pc.name) // group.go
}

// commandOf reads the command a message gives the bot: in a private chat
// its text or a photo's caption ("/log ..." under a photo), in a group its
// text, addressed to no bot or to this one. ok says the message is such a
// command; cmd is its table entry for the chat, nil when there is none.
func (b *Bot) commandOf(m *tgbotapi.Message) (pc parsedCommand, cmd *command, ok bool) {
	private := m.Chat.IsPrivate()
	text := m.Text
	if private && text == "" {
		text = m.Caption
	}
	pc, ok = parseCommand(text)
	if !ok || !private && pc.target != "" && !strings.EqualFold(pc.target, b.username) {
		return pc, nil, false
	}
	for i := range b.cmdTable {
		if cmd := &b.cmdTable[i]; cmd.Name == pc.name && (private && cmd.Private || !private && cmd.Group) {
			return pc, cmd, true
		}
	}
	return pc, nil, true
}

// suggestCommand returns the private command closest to a misspelled name
// by edit distance, or "" when none is close: at most one edit for short
// names, two from six letters on, and never a whole different word.
func (b *Bot) suggestCommand(name string) string {
	limit := 1
	if len(name) >= 6 {
		limit = 2
	}
	best, bestD := "", limit+1
	for i := range b.cmdTable {
		cmd := &b.cmdTable[i]
		if !cmd.Private || cmd.Hidden {
			continue
		}
		if d := editDistance(name, cmd.Name); d < bestD && d < len(cmd.Name) {
			best, bestD = cmd.Name, d
		}
	}
	return best
}

// editDistance is the Damerau (optimal string alignment) distance between
// two ASCII names: insertions, deletions, substitutions and swaps of two
// neighbours each count one.
func editDistance(a, b string) int {
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

// logName is how a command is named in the logs: its name if it is one of
// the bot's, else "unknown" (what a user typed after a slash may be a phone
// number).
func (b *Bot) logName(name string) string {
	for _, cmd := range b.commands() {
		if cmd.Name == name {
			return name
		}
	}
	return "unknown"
}

func (b *Bot) onCallback(c *Ctx, cb *tgbotapi.CallbackQuery) error {
	prefix, args := DecodeData(cb.Data)
	r, ok := b.cbTable[prefix]
	if !ok {
		c.command = "cb:?"
		return staleButton()
	}
	c.in = input{data: args}
	return r.h(c)
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
