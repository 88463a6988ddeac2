package telegramtest

import (
	"youthbot/bot/telegramtest/internal/roster"
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

	people      roster.Roster // groups
	migratedTo  int64         // a basic group upgraded to this supergroup
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
