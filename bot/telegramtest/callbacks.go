package telegramtest

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"youthbot/bot/telegramtest/internal/wire"
)

// maxCallbackAnswer is the length limit of answerCallbackQuery.text.
const maxCallbackAnswer = 200

// Callback is a callback query: a user pressed an inline button.
type Callback struct {
	ID       string
	Data     string
	From     *User
	Message  *Message // the message whose button was pressed
	UpdateID int64

	s          *Server
	answered   bool
	answerText string
	showAlert  bool
}

// Press has the user press the inline button of m whose text is buttonText,
// or else the only button whose text contains it. It queues a
// callback_query update. If no button matches, it fails the test (servers
// made by New) or panics; PressE returns the error instead.
func (u *User) Press(m *Message, buttonText string) *Callback {
	cb, err := u.PressE(m, buttonText)
	if err != nil {
		if u.s.tb != nil {
			u.s.tb.Helper()
			u.s.tb.Fatalf("telegram double: %v", err)
		}
		panic("telegramtest: " + err.Error())
	}
	return cb
}

// PressE is Press returning an error when the user cannot press the button.
func (u *User) PressE(m *Message, buttonText string) (*Callback, error) {
	s := u.s
	s.lock()
	defer s.unlock()
	if err := u.canSeeLocked(m); err != nil {
		return nil, err
	}
	b, err := findButton(m.Buttons, buttonText)
	if err != nil {
		return nil, fmt.Errorf("press %q on message %d in chat %d: %w\n%s", buttonText, m.ID, m.Chat, err, s.transcriptLocked(s.chatsOf(m), -1))
	}
	if b.Data == "" {
		return nil, fmt.Errorf("press %q on message %d: the button has no callback_data (url %q)", b.Text, m.ID, b.URL)
	}
	return s.callbackLocked(u, m, b.Data), nil
}

// PressData has the user send a callback query with any data on m, as a
// stale keyboard or a forged client would. The data need not be on a button.
func (u *User) PressData(m *Message, data string) *Callback {
	s := u.s
	s.lock()
	defer s.unlock()
	return s.callbackLocked(u, m, data)
}

func (u *User) canSeeLocked(m *Message) error {
	if m == nil {
		return errors.New("press on a nil message")
	}
	if !m.FromBot {
		return fmt.Errorf("message %d in chat %d was not sent by the bot", m.ID, m.Chat)
	}
	if m.Deleted {
		return fmt.Errorf("message %d in chat %d was deleted", m.ID, m.Chat)
	}
	ch := u.s.chats[m.Chat]
	if ch.user != nil && ch.user != u {
		return fmt.Errorf("message %d is in another user's private chat (%d)", m.ID, m.Chat)
	}
	if ch.isGroup() && !ch.people.IsMember(u.ID) {
		return fmt.Errorf("%s is not a member of chat %d", u, m.Chat)
	}
	return nil
}

// findButton finds a button by exact text, or by a substring only one
// button contains.
func findButton(rows [][]Button, text string) (Button, error) {
	var partial []Button
	for _, row := range rows {
		for _, b := range row {
			if b.Text == text {
				return b, nil
			}
			if strings.Contains(b.Text, text) {
				partial = append(partial, b)
			}
		}
	}
	switch len(partial) {
	case 0:
		return Button{}, errors.New("no button has this text")
	case 1:
		return partial[0], nil
	}
	return Button{}, fmt.Errorf("%d buttons contain this text", len(partial))
}

func (s *Server) callbackLocked(u *User, m *Message, data string) *Callback {
	s.nextQueryID++
	cb := &Callback{
		ID:      strconv.FormatInt(4_000_000_000_000_000_000+s.nextQueryID, 10),
		Data:    data,
		From:    u,
		Message: m,
		s:       s,
	}
	cb.UpdateID = s.updates.Push("callback_query", wire.CallbackQuery{
		ID:           cb.ID,
		From:         u.wire(),
		Message:      s.wireMessageLocked(m),
		ChatInstance: strconv.FormatInt(-m.Chat*7919, 10),
		Data:         data,
	})
	s.callbacks[cb.ID] = cb
	return cb
}

// Answer waits until the bot answers the query (answerCallbackQuery) and
// returns the answer; it fails the test if the bot does not answer within
// the wait timeout. text is what the user reads: a callback answer has no
// parse mode, so Telegram shows tags and entities (&amp;) literally.
func (c *Callback) Answer(tb testing.TB) (text string, showAlert bool) {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), c.s.timeout())
	defer cancel()
	if err := c.s.await(ctx, func() bool { return c.answered }); err != nil {
		tb.Fatalf("telegram double: callback query %s (data %q) was not answered: %v", c.ID, c.Data, err)
	}
	text, showAlert, _ = c.Answered()
	return text, showAlert
}

// Answered returns the bot's answer, if it has answered.
func (c *Callback) Answered() (text string, showAlert, ok bool) {
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	return c.answerText, c.showAlert, c.answered
}

// answerCallbackQuery records the answer. Unknown or already answered
// queries get Telegram's "query is too old" error: a bot that restarts and
// answers a redelivered query meets it, so it is no violation.
func (s *Server) answerCallbackQuery(c *call) (any, *apiError) {
	if n := utf8.RuneCountInString(c.str("text")); n > maxCallbackAnswer {
		return nil, invalid("message is too long").WithDetail("callback answer text has %d characters, at most %d", n, maxCallbackAnswer)
	}
	cb, ok := s.callbacks[c.str("callback_query_id")]
	if !ok || cb.answered {
		return nil, refused(http.StatusBadRequest, "Bad Request: query is too old and response timeout expired or query ID is invalid")
	}
	cb.answered = true
	cb.answerText = c.str("text")
	cb.showAlert = c.bool("show_alert")
	return true, nil
}
