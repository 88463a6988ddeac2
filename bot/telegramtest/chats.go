package telegramtest

import (
	"slices"

	"youthbot/bot/telegramtest/internal/wire"
)

// Chat types.
const (
	chatPrivate    = "private"
	chatGroup      = "group"
	chatSupergroup = "supergroup"
)

// chat is a chat the double knows: a user's private chat or a group.
type chat struct {
	id       int64
	kind     string
	title    string // groups
	user     *User  // private chats: the other party
	group    *Group // groups
	messages []*Message

	members     []int64 // user ids, in joining order
	admins      []int64 // in promotion order
	creator     int64   // the first admin set; 0 if none
	migratedTo  int64   // a basic group upgraded to this supergroup
	migrateFrom int64
	botLeft     bool
}

// add appends m to the chat and gives it the next message id.
func (ch *chat) add(m *Message) {
	m.Chat = ch.id
	m.ID = len(ch.messages) + 1
	ch.messages = append(ch.messages, m)
}

// find returns the message with the id, or nil.
func (ch *chat) find(id int) *Message {
	if id < 1 || id > len(ch.messages) {
		return nil
	}
	return ch.messages[id-1]
}

func (ch *chat) wire() wire.Chat {
	w := wire.Chat{ID: ch.id, Type: ch.kind, Title: ch.title}
	if ch.user != nil {
		w.FirstName = ch.user.FirstName
	}
	return w
}

func (ch *chat) isGroup() bool { return ch.kind == chatGroup || ch.kind == chatSupergroup }

func (ch *chat) isMember(uid int64) bool { return slices.Contains(ch.members, uid) }

func (ch *chat) isAdmin(uid int64) bool { return slices.Contains(ch.admins, uid) }

// status is the ChatMember status of a user in a group.
func (ch *chat) status(uid int64) string {
	switch {
	case uid == ch.creator && ch.creator != 0:
		return "creator"
	case ch.isAdmin(uid):
		return "administrator"
	case ch.isMember(uid):
		return "member"
	}
	return "left"
}

// botMessages returns the bot's messages of the chats, in order.
func botMessages(chats []*chat) []*Message {
	var out []*Message
	for _, ch := range chats {
		for _, m := range ch.messages {
			if m.FromBot {
				out = append(out, m)
			}
		}
	}
	return out
}
