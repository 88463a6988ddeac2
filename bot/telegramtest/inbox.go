package telegramtest

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// reader is a user's or group's view of the bot's messages: the chats they
// come from and the read cursor.
type reader struct {
	s      *Server
	name   string
	chats  func() []*chat // called with mu held
	cursor *int           // guarded by mu
}

func (u *User) reader() reader {
	return reader{s: u.s, name: u.String(), chats: func() []*chat { return []*chat{u.chat} }, cursor: &u.cursor}
}

func (g *Group) reader() reader {
	return reader{s: g.s, name: fmt.Sprintf("group %q", g.title), chats: func() []*chat { return g.chats }, cursor: &g.cursor}
}

// receive waits for the next unread bot message and advances the cursor.
func (r reader) receive(ctx context.Context) (*Message, error) {
	var m *Message
	err := r.s.await(ctx, func() bool {
		msgs := botMessages(r.chats())
		if *r.cursor < len(msgs) {
			m = msgs[*r.cursor]
			*r.cursor++
			return true
		}
		return false
	})
	return m, err
}

func (r reader) next(tb testing.TB) *Message {
	tb.Helper()
	d := r.s.timeout()
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	m, err := r.receive(ctx)
	if err != nil {
		tb.Fatalf("telegram double: no new bot message for %s within %v (%v)\n%s", r.name, d, err, r.transcript())
	}
	return m
}

func (r reader) expect(tb testing.TB, substr string) *Message {
	tb.Helper()
	m := r.next(tb)
	if !strings.Contains(m.Text, substr) {
		tb.Fatalf("telegram double: bot message %d for %s does not contain %q:\n%s", m.ID, r.name, substr, r.transcript())
	}
	return m
}

func (r reader) noMore(tb testing.TB) {
	tb.Helper()
	r.s.mu.Lock()
	unread := len(botMessages(r.chats())) - *r.cursor
	r.s.mu.Unlock()
	if unread > 0 {
		tb.Errorf("telegram double: %d unread bot message(s) for %s:\n%s", unread, r.name, r.transcript())
	}
}

func (r reader) transcript() string {
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	return r.s.transcriptLocked(r.chats(), *r.cursor)
}

// Next returns the next bot message in the user's private chat after the
// user's read cursor, in send order, waiting for it up to the wait timeout.
// On timeout it fails the test with the chat's transcript.
func (u *User) Next(tb testing.TB) *Message { tb.Helper(); return u.reader().next(tb) }

// Expect is Next, and fails the test with the transcript unless the
// message's Text contains substr.
func (u *User) Expect(tb testing.TB, substr string) *Message {
	tb.Helper()
	return u.reader().expect(tb, substr)
}

// NoMore reports an error (tb.Errorf) if the user has unread bot messages
// now. It does not wait.
func (u *User) NoMore(tb testing.TB) { tb.Helper(); u.reader().noMore(tb) }

// Receive waits for the next unread bot message in the user's chat until
// ctx ends. It is Next for programs without testing.TB.
func (u *User) Receive(ctx context.Context) (*Message, error) { return u.reader().receive(ctx) }

// Transcript is the user's private chat as text, with the read cursor.
func (u *User) Transcript() string { return u.reader().transcript() }

// Next returns the next bot message in the group after the group's read
// cursor, waiting for it up to the wait timeout; see User.Next.
func (g *Group) Next(tb testing.TB) *Message { tb.Helper(); return g.reader().next(tb) }

// Expect is Next, and fails the test with the transcript unless the
// message's Text contains substr.
func (g *Group) Expect(tb testing.TB, substr string) *Message {
	tb.Helper()
	return g.reader().expect(tb, substr)
}

// NoMore reports an error (tb.Errorf) if the group has unread bot messages
// now. It does not wait.
func (g *Group) NoMore(tb testing.TB) { tb.Helper(); g.reader().noMore(tb) }

// Receive waits for the next unread bot message in the group until ctx ends.
func (g *Group) Receive(ctx context.Context) (*Message, error) { return g.reader().receive(ctx) }

// Transcript is the group's chat (every chat it has been) as text.
func (g *Group) Transcript() string { return g.reader().transcript() }

// chatsOf returns the chats whose transcript shows m.
func (s *Server) chatsOf(m *Message) []*chat {
	ch := s.chats[m.Chat]
	if ch.group != nil {
		return ch.group.chats
	}
	return []*chat{ch}
}

// transcriptLocked renders chats; cursor counts the bot messages read (-1:
// no marker).
func (s *Server) transcriptLocked(chats []*chat, cursor int) string {
	var b strings.Builder
	seen := 0
	for _, ch := range chats {
		fmt.Fprintf(&b, "--- chat %d (%s", ch.id, ch.kind)
		if ch.title != "" {
			fmt.Fprintf(&b, " %q", ch.title)
		}
		b.WriteString(") ---\n")
		for _, m := range ch.messages {
			if m.FromBot {
				if seen == cursor {
					b.WriteString("  ----- unread -----\n")
				}
				seen++
			}
			b.WriteString("  " + describe(m) + "\n")
		}
	}
	if len(chats) > 0 && seen == 0 {
		b.WriteString("  (no bot messages)\n")
	}
	return b.String()
}

// describe renders one message on one line (plus its keyboards).
func describe(m *Message) string {
	who := "bot"
	if !m.FromBot {
		who = "?"
		if m.From != nil {
			who = m.From.FirstName
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "#%d %s: ", m.ID, who)
	switch {
	case m.migrateTo != 0:
		fmt.Fprintf(&b, "[migrated to %d]", m.migrateTo)
	case m.migrateFrom != 0:
		fmt.Fprintf(&b, "[migrated from %d]", m.migrateFrom)
	case m.Contact != nil:
		fmt.Fprintf(&b, "[contact %s +%s user %d]", m.Contact.FirstName, m.Contact.PhoneNumber, m.Contact.UserID)
	case m.Sticker:
		b.WriteString("[sticker]")
	case m.photoSizes != nil:
		fmt.Fprintf(&b, "[photo] %q", m.Text)
	case m.FileID != "":
		fmt.Fprintf(&b, "[document %s] %q", m.DocumentName, m.Text)
	default:
		fmt.Fprintf(&b, "%q", m.Text)
	}
	if m.Edited > 0 {
		fmt.Fprintf(&b, " (edited %d×)", m.Edited)
	}
	if m.Deleted {
		b.WriteString(" (deleted)")
	}
	for _, row := range m.Buttons {
		b.WriteString("\n      [")
		for i, btn := range row {
			if i > 0 {
				b.WriteString(" | ")
			}
			fmt.Fprintf(&b, "%s → %s%s", btn.Text, btn.Data, btn.URL)
		}
		b.WriteString("]")
	}
	for _, row := range m.ReplyKeyboard {
		b.WriteString("\n      keyboard: ")
		for i, btn := range row {
			if i > 0 {
				b.WriteString(" | ")
			}
			b.WriteString(btn.Text)
			if btn.RequestContact {
				b.WriteString(" (contact)")
			}
		}
	}
	if m.RemoveKeyboard {
		b.WriteString("\n      (removes the keyboard)")
	}
	return b.String()
}
