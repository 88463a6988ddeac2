package telegramtest

import (
	"fmt"
	"strings"

	"youthbot/bot/telegramtest/internal/wire"
)

// User is a Telegram user of the double's world. Its private chat with the
// bot has the same id as the user. Set the exported fields before the user
// acts; the double reads them when it answers the bot.
type User struct {
	ID           int64
	FirstName    string
	LanguageCode string
	Phone        string // with a leading '+'

	s       *Server
	chat    *chat
	cursor  int // read position in the bot's messages of the private chat
	blocked bool
}

// NewUser adds a user with the next id (1001, 1002, ...) and a phone number
// "+8490" followed by 7 digits derived from the id.
func (s *Server) NewUser(firstName, languageCode string) *User {
	s.lock()
	defer s.unlock()
	id := s.nextUser
	s.nextUser++
	u := &User{
		ID:           id,
		FirstName:    firstName,
		LanguageCode: languageCode,
		Phone:        fmt.Sprintf("+8490%07d", id%10_000_000),
		s:            s,
	}
	u.chat = &chat{id: id, kind: chatPrivate, user: u}
	s.users[id] = u
	s.chats[id] = u.chat
	return u
}

func (u *User) wire() wire.User {
	return wire.User{ID: u.ID, FirstName: u.FirstName, LanguageCode: u.LanguageCode}
}

func botUser() wire.User {
	return wire.User{ID: BotID, IsBot: true, FirstName: botFirstName, Username: BotUsername}
}

// String names the user in transcripts and failures.
func (u *User) String() string { return fmt.Sprintf("%s (%d)", u.FirstName, u.ID) }

// Messages returns the bot's messages in the user's private chat, in order.
func (u *User) Messages() []*Message {
	u.s.mu.Lock()
	defer u.s.mu.Unlock()
	return botMessages([]*chat{u.chat})
}

// phoneDigits is a phone number without its '+', as Contact.phone_number.
func phoneDigits(phone string) string { return strings.TrimPrefix(phone, "+") }
