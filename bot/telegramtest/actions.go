package telegramtest

import (
	"fmt"

	"youthbot/bot/telegramtest/internal/htmltext"
	"youthbot/bot/telegramtest/internal/wire"
)

// Send has the user write text in the private chat with the bot. A leading
// /command gets a bot_command entity, as Telegram adds it.
func (u *User) Send(text string) *Message {
	u.s.lock()
	defer u.s.unlock()
	return u.s.userMessageLocked(u.chat, u, &Message{Text: text, Entities: htmltext.CommandEntities(text)})
}

// SendIn has the user write text in a group. A user who is not a member
// joins first: only members can write.
func (u *User) SendIn(g *Group, text string) *Message {
	u.s.lock()
	defer u.s.unlock()
	g.addMemberLocked(u)
	return u.s.userMessageLocked(g.chat, u, &Message{Text: text, Entities: htmltext.CommandEntities(text)})
}

// ShareContact has the user share their own contact (what a request_contact
// button sends): user_id is the user's id, the phone has no '+'.
func (u *User) ShareContact() *Message {
	return u.ShareContactOf(u)
}

// ShareContactOf has the user send someone else's contact from the
// attachment menu: user_id is the other user's id.
func (u *User) ShareContactOf(other *User) *Message {
	u.s.lock()
	defer u.s.unlock()
	c := &Contact{PhoneNumber: phoneDigits(other.Phone), FirstName: other.FirstName, UserID: other.ID}
	return u.s.userMessageLocked(u.chat, u, &Message{Contact: c})
}

// SendPhoto has the user send a photo (three sizes of made-up bytes) with a
// caption; a leading /command in the caption gets a bot_command entity.
func (u *User) SendPhoto(caption string) *Message {
	s := u.s
	s.lock()
	defer s.unlock()
	data := []byte(fmt.Sprintf("photo by %d #%d", u.ID, s.files.Issued()))
	m := &Message{Photo: data, Caption: caption, Entities: htmltext.CommandEntities(caption)}
	for _, size := range [][2]int{{90, 67}, {320, 240}, {800, 600}} {
		id, unique := s.files.Put("AgACAgIAAxkBAAI", data, "")
		m.photoSizes = append(m.photoSizes, wire.PhotoSize{FileID: id, FileUniqueID: unique, Width: size[0], Height: size[1], FileSize: len(data)})
		m.FileID = id
	}
	return s.userMessageLocked(u.chat, u, m)
}

// SendSticker has the user send a sticker: a message without text.
func (u *User) SendSticker() *Message {
	s := u.s
	s.lock()
	defer s.unlock()
	_, unique := s.files.Put("CAACAgIAAxkBAAE", nil, "")
	return s.userMessageLocked(u.chat, u, &Message{Sticker: true, fileUnique: unique})
}

// Block has the user block the bot: from now on every send or edit in the
// private chat answers 403 "Forbidden: bot was blocked by the user". It
// queues a my_chat_member update (member → kicked). Blocking twice does
// nothing.
func (u *User) Block() { u.setBlocked(true) }

// Unblock undoes Block and queues a my_chat_member update (kicked → member).
func (u *User) Unblock() { u.setBlocked(false) }

func (u *User) setBlocked(blocked bool) {
	s := u.s
	s.lock()
	defer s.unlock()
	if u.blocked == blocked {
		return
	}
	u.blocked = blocked
	member := wire.ChatMember{Status: "member", User: botUser()}
	forever := int64(0)
	kicked := wire.ChatMember{Status: "kicked", User: botUser(), UntilDate: &forever}
	upd := wire.ChatMemberUpdated{Chat: u.chat.wire(), From: u.wire(), Date: s.now().Unix(), OldChatMember: member, NewChatMember: kicked}
	if !blocked {
		upd.OldChatMember, upd.NewChatMember = kicked, member
	}
	s.updates.Push("my_chat_member", upd)
}

// userMessageLocked adds a user's message to a chat and queues its update.
func (s *Server) userMessageLocked(ch *chat, from *User, m *Message) *Message {
	m.s = s
	m.From = from
	m.Date = s.now()
	if m.Caption != "" {
		m.Text = m.Caption
	}
	ch.add(m)
	m.UpdateID = s.updates.Push("message", s.wireMessageLocked(m))
	return m
}
