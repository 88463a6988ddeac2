package telegramtest

import (
	"slices"
	"time"

	"youthbot/bot/telegramtest/internal/htmltext"
	"youthbot/bot/telegramtest/internal/wire"
)

// Message is the double's view of a message in a chat, sent by the bot or
// by a user. It is live: the bot's edits and deletions update it (see the
// package comment on reading it safely).
type Message struct {
	ID       int       // per chat, shared by users' and bot's messages
	Chat     int64     // chat id
	FromBot  bool      // sent by the bot
	From     *User     // the sending user; nil when FromBot
	Date     time.Time // when it was sent (Options.Now)
	UpdateID int64     // the update that delivered a user's message; 0 for the bot's

	Text      string   // text (or caption of a media message) after HTML parsing
	HTML      string   // the text or caption parameter as sent
	ParseMode string   // parse_mode as sent
	Entities  []Entity // entities of Text or Caption
	Caption   string   // caption of a photo or document, after parsing

	Buttons        [][]Button         // inline keyboard
	ReplyKeyboard  [][]KeyboardButton // reply keyboard sent with the message
	RemoveKeyboard bool               // sent with ReplyKeyboardRemove
	ForceReply     bool               // sent with ForceReply
	ReplyTo        int                // id of the message it replies to, if any

	Photo        []byte // uploaded photo bytes (nil for a photo sent by URL)
	Document     []byte // uploaded document bytes
	DocumentName string
	FileID       string // file_id of the photo or document

	Contact *Contact // a shared contact
	Sticker bool     // a sticker (the double's stand-in for non-text messages)

	Edited  int  // number of successful edits by the bot
	Deleted bool // deleted by the bot

	s           *Server
	editDate    time.Time
	photoSizes  []wire.PhotoSize
	fileUnique  string
	migrateTo   int64
	migrateFrom int64
}

// Button is a button of an inline keyboard.
type Button struct {
	Text string
	Data string // callback_data
	URL  string
}

// KeyboardButton is a button of a reply keyboard.
type KeyboardButton struct {
	Text            string
	RequestContact  bool
	RequestLocation bool
}

// Contact is a contact shared in a message.
type Contact struct {
	PhoneNumber string // without a leading '+', as Telegram clients send it
	FirstName   string
	UserID      int64
}

// Snapshot returns a copy of m taken under the double's lock, safe to read
// while the bot runs.
func (m *Message) Snapshot() Message {
	m.s.mu.Lock()
	defer m.s.mu.Unlock()
	return *m
}

// isText reports whether m is a text message (the only kind editMessageText
// edits).
func (m *Message) isText() bool {
	return m.Photo == nil && m.photoSizes == nil && m.Document == nil && m.FileID == "" &&
		m.Contact == nil && !m.Sticker && m.migrateTo == 0 && m.migrateFrom == 0
}

// wireMessageLocked is m as the Bot API shows it.
func (s *Server) wireMessageLocked(m *Message) *wire.Message {
	w := s.wireMessageNoReply(m)
	if m.ReplyTo != 0 {
		if r := s.chats[m.Chat].find(m.ReplyTo); r != nil {
			w.ReplyToMessage = s.wireMessageNoReply(r)
		}
	}
	return w
}

func (s *Server) wireMessageNoReply(m *Message) *wire.Message {
	w := &wire.Message{
		MessageID:         m.ID,
		Chat:              s.chats[m.Chat].wire(),
		Date:              m.Date.Unix(),
		Contact:           wireContactOf(m.Contact),
		MigrateToChatID:   m.migrateTo,
		MigrateFromChatID: m.migrateFrom,
	}
	switch {
	case m.FromBot:
		bot := botUser()
		w.From = &bot
	case m.From != nil:
		u := m.From.wire()
		w.From = &u
	}
	if !m.editDate.IsZero() {
		w.EditDate = m.editDate.Unix()
	}
	switch {
	case m.photoSizes != nil:
		w.Photo = m.photoSizes
		w.Caption, w.CaptionEntities = m.Caption, htmltext.WireEntities(m.Entities)
	case m.FileID != "":
		w.Document = &wire.Document{FileID: m.FileID, FileUniqueID: m.fileUnique, FileName: m.DocumentName, FileSize: len(m.Document)}
		w.Caption, w.CaptionEntities = m.Caption, htmltext.WireEntities(m.Entities)
	case m.Sticker:
		w.Sticker = &wire.Sticker{FileID: "CAACAgIAAxkBAAE" + m.fileUnique, FileUniqueID: m.fileUnique, Type: "regular", Width: 512, Height: 512, Emoji: "👍"}
	default:
		w.Text, w.Entities = m.Text, htmltext.WireEntities(m.Entities)
	}
	if len(m.Buttons) > 0 {
		w.ReplyMarkup = &wire.InlineMarkup{InlineKeyboard: make([][]wire.Button, len(m.Buttons))}
		for i, row := range m.Buttons {
			for _, b := range row {
				w.ReplyMarkup.InlineKeyboard[i] = append(w.ReplyMarkup.InlineKeyboard[i], wire.Button{Text: b.Text, CallbackData: b.Data, URL: b.URL})
			}
		}
	}
	return w
}

func wireContactOf(c *Contact) *wire.Contact {
	if c == nil {
		return nil
	}
	return &wire.Contact{PhoneNumber: c.PhoneNumber, FirstName: c.FirstName, UserID: c.UserID}
}

func buttonsEqual(a, b [][]Button) bool {
	return slices.EqualFunc(a, b, func(x, y []Button) bool { return slices.Equal(x, y) })
}
