package telegramtest

import (
	"net/http"
	"slices"

	"youthbot/bot/telegramtest/internal/htmltext"
)

// notModified is Telegram's answer to an edit that changes nothing. It is
// not a violation: bots meet it when a user presses the same button twice.
const notModified = "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message"

// editTarget finds the bot message an edit addresses.
func (s *Server) editTarget(c *call) (*Message, *apiError) {
	if c.has("inline_message_id") {
		return nil, invalid("inline messages are not supported by the double")
	}
	if c.chat == nil || !c.has("message_id") {
		return nil, invalid("message identifier is not specified").WithDetail("send chat_id and message_id")
	}
	m := c.chat.find(int(c.int64("message_id")))
	if m == nil || m.Deleted {
		return nil, refused(http.StatusBadRequest, "Bad Request: message to edit not found")
	}
	if !m.FromBot {
		return nil, invalid("message can't be edited").WithDetail("message %d was sent by a user", m.ID)
	}
	return m, nil
}

// editMessageText replaces the text of a bot message. Like Telegram, an
// edit without reply_markup removes the inline keyboard.
func (s *Server) editMessageText(c *call) (any, *apiError) {
	m, e := s.editTarget(c)
	if e != nil {
		return nil, e
	}
	if c.has("rich_message") {
		return nil, invalid("rich_message is not supported by the double")
	}
	if !m.isText() {
		return nil, invalid("there is no text in the message to edit")
	}
	f, e := htmltext.ParseText(c.str("text"), c.str("parse_mode"), c.str("entities"))
	if e != nil {
		return nil, e
	}
	mk, e := parseMarkup(c.str("reply_markup"), c.chat)
	if e != nil {
		return nil, e
	}
	if m.Text == f.Text && slices.Equal(m.Entities, f.Entities) && buttonsEqual(m.Buttons, mk.buttons) {
		return nil, refused(http.StatusBadRequest, notModified)
	}
	m.Text, m.HTML, m.ParseMode, m.Entities = f.Text, c.str("text"), c.str("parse_mode"), f.Entities
	m.Buttons = mk.buttons
	s.editedLocked(m)
	return s.wireMessageLocked(m), nil
}

// editMessageReplyMarkup replaces (or, without reply_markup, removes) the
// inline keyboard of a bot message.
func (s *Server) editMessageReplyMarkup(c *call) (any, *apiError) {
	m, e := s.editTarget(c)
	if e != nil {
		return nil, e
	}
	mk, e := parseMarkup(c.str("reply_markup"), c.chat)
	if e != nil {
		return nil, e
	}
	if buttonsEqual(m.Buttons, mk.buttons) {
		return nil, refused(http.StatusBadRequest, notModified)
	}
	m.Buttons = mk.buttons
	s.editedLocked(m)
	return s.wireMessageLocked(m), nil
}

func (s *Server) editedLocked(m *Message) {
	m.Edited++
	m.editDate = s.now()
}

// deleteMessage marks a message deleted.
func (s *Server) deleteMessage(c *call) (any, *apiError) {
	m := c.chat.find(int(c.int64("message_id")))
	if m == nil || m.Deleted {
		return nil, refused(http.StatusBadRequest, "Bad Request: message to delete not found")
	}
	m.Deleted = true
	return true, nil
}
