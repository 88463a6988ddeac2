package telegramtest

import (
	"encoding/json"
	"net/http"

	"youthbot/bot/telegramtest/internal/htmltext"
	"youthbot/bot/telegramtest/internal/wire"
)

// sendMessage posts a text message from the bot.
func (s *Server) sendMessage(c *call) (any, *apiError) {
	f, e := htmltext.ParseText(c.str("text"), c.str("parse_mode"), c.str("entities"))
	if e != nil {
		return nil, e
	}
	m := &Message{Text: f.Text, HTML: c.str("text"), ParseMode: c.str("parse_mode"), Entities: f.Entities}
	return s.postLocked(c, m)
}

// sendPhoto posts a photo, uploaded or by file_id or URL.
func (s *Server) sendPhoto(c *call) (any, *apiError) {
	f, e := htmltext.ParseCaption(c.str("caption"), c.str("parse_mode"), c.str("caption_entities"))
	if e != nil {
		return nil, e
	}
	file, e := s.files.Input("photo", c.params, c.files)
	if e != nil {
		return nil, e
	}
	m := &Message{Text: f.Text, Caption: f.Text, HTML: c.str("caption"), ParseMode: c.str("parse_mode"), Entities: f.Entities, Photo: file.Data}
	id, unique := s.files.Put("AgACAgIAAxkDAAI", file.Data, file.Name)
	m.FileID = id
	m.photoSizes = []wire.PhotoSize{{FileID: id, FileUniqueID: unique, Width: 800, Height: 600, FileSize: len(file.Data)}}
	return s.postLocked(c, m)
}

// sendDocument posts a document, uploaded or by file_id or URL.
func (s *Server) sendDocument(c *call) (any, *apiError) {
	f, e := htmltext.ParseCaption(c.str("caption"), c.str("parse_mode"), c.str("caption_entities"))
	if e != nil {
		return nil, e
	}
	file, e := s.files.Input("document", c.params, c.files)
	if e != nil {
		return nil, e
	}
	m := &Message{Text: f.Text, Caption: f.Text, HTML: c.str("caption"), ParseMode: c.str("parse_mode"), Entities: f.Entities,
		Document: file.Data, DocumentName: file.Name}
	m.FileID, m.fileUnique = s.files.Put("BQACAgIAAxkDAAI", file.Data, file.Name)
	return s.postLocked(c, m)
}

// postLocked finishes a bot message (markup, reply) and adds it to the
// call's chat. It answers the Message object.
func (s *Server) postLocked(c *call, m *Message) (any, *apiError) {
	mk, e := parseMarkup(c.str("reply_markup"), c.chat)
	if e != nil {
		return nil, e
	}
	mk.applyTo(m)
	if e := replyTarget(c, m); e != nil {
		return nil, e
	}
	m.s = s
	m.FromBot = true
	m.Date = s.now()
	c.chat.add(m)
	return s.wireMessageLocked(m), nil
}

// replyTarget sets m.ReplyTo from reply_parameters or the legacy
// reply_to_message_id.
func replyTarget(c *call, m *Message) *apiError {
	var p struct {
		MessageID                int  `json:"message_id"`
		ChatID                   any  `json:"chat_id"`
		AllowSendingWithoutReply bool `json:"allow_sending_without_reply"`
	}
	switch {
	case c.has("reply_parameters"):
		if err := json.Unmarshal([]byte(c.str("reply_parameters")), &p); err != nil {
			return invalid("can't parse reply parameters JSON object")
		}
		if p.ChatID != nil {
			return invalid("replies to messages of other chats are not supported by the double")
		}
	case c.has("reply_to_message_id"):
		p.MessageID = int(c.int64("reply_to_message_id"))
		p.AllowSendingWithoutReply = c.bool("allow_sending_without_reply")
	default:
		return nil
	}
	if p.MessageID == 0 {
		return nil
	}
	if r := c.chat.find(p.MessageID); r == nil || r.Deleted {
		if p.AllowSendingWithoutReply {
			return nil
		}
		return refused(http.StatusBadRequest, "Bad Request: message to be replied not found")
	}
	m.ReplyTo = p.MessageID
	return nil
}
