package telegramtest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// echoBot is a tiny bot over plain HTTP: it long-polls, confirms each batch
// after handling it, echoes texts with a keyboard, and on a callback answers
// it and edits the message.
func echoBot(ctx context.Context, s *Server) error {
	var offset int64
	for {
		a, err := tryPost(ctx, s, "getUpdates", map[string]string{"offset": strconv.FormatInt(offset, 10), "timeout": "10"})
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return err
		}
		if !a.OK {
			return fmt.Errorf("getUpdates: %s", a.Body)
		}
		var ups []update
		if err := json.Unmarshal(a.Result, &ups); err != nil {
			return err
		}
		for _, up := range ups {
			offset = up.UpdateID + 1
			switch {
			case up.Message != nil && up.Message.Text != "":
				chat := strconv.FormatInt(up.Message.Chat.ID, 10)
				if _, err := tryPost(ctx, s, "sendMessage", map[string]string{"chat_id": chat, "parse_mode": "HTML",
					"text": "echo: <b>" + htmlEscape(up.Message.Text) + "</b>", "reply_markup": keyboardYesNo}); err != nil {
					return err
				}
			case up.CallbackQuery != nil:
				q := up.CallbackQuery
				if _, err := tryPost(ctx, s, "answerCallbackQuery", map[string]string{"callback_query_id": q.ID, "text": "got " + q.Data}); err != nil {
					return err
				}
				if _, err := tryPost(ctx, s, "editMessageText", map[string]string{"chat_id": strconv.FormatInt(q.Message.Chat.ID, 10),
					"message_id": strconv.Itoa(q.Message.MessageID), "text": "chose " + q.Data}); err != nil {
					return err
				}
			}
		}
	}
}

func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

func TestConversationWithARunningBot(t *testing.T) {
	s := New(t)
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		if err := echoBot(ctx, s); err != nil {
			t.Errorf("bot: %v", err)
		}
	}()
	defer wg.Wait()
	defer cancel()

	anna, binh := s.NewUser("Anna", "vi"), s.NewUser("Binh", "vi")
	g := s.NewGroup("G")
	anna.Send("one")
	binh.Send("a < b")
	anna.Send("two")
	binh.SendIn(g, "group hi")

	if m := anna.Expect(t, "echo: one"); m.Text != "echo: one" || m.HTML != "echo: <b>one</b>" {
		t.Errorf("first reply = %q / %q", m.Text, m.HTML)
	}
	m := anna.Expect(t, "two")
	binh.Expect(t, "echo: a < b")
	g.Expect(t, "group hi")

	cb := anna.Press(m, "No")
	if text, alert := cb.Answer(t); text != "got no" || alert {
		t.Errorf("answer = %q %t", text, alert)
	}
	s.WaitUntil(t, "the message is edited", func() bool { return m.Text == "chose no" })
	if m.Buttons != nil || m.Edited != 1 {
		t.Errorf("after the edit: buttons %v, edited %d", m.Buttons, m.Edited)
	}
	anna.NoMore(t)
	binh.NoMore(t)
	s.WaitUntil(t, "every update is confirmed", func() bool { return s.Pending() == 0 })
	if len(s.Violations()) != 0 {
		t.Errorf("violations: %q", s.Violations())
	}
}

func TestNextFailsWithTranscript(t *testing.T) {
	s := New(t)
	s.SetWaitTimeout(20 * time.Millisecond)
	u := s.NewUser("Anna", "vi")
	u.Send("/start")
	post(t, s, "sendMessage", map[string]string{"chat_id": "1001", "text": "Welcome", "reply_markup": keyboardYesNo})

	ft := &fakeTB{}
	ft.run(func(tb testing.TB) { u.Expect(tb, "Goodbye") })
	f := ft.failures()
	if len(f) != 1 || !containsAll(f[0], `does not contain "Goodbye"`, `#1 Anna: "/start"`, `#2 bot: "Welcome"`, "Yes → yes | No → no") {
		t.Errorf("Expect failure = %q", f)
	}
	ft = &fakeTB{}
	ft.run(func(tb testing.TB) { u.Next(tb) })
	if f := ft.failures(); len(f) != 1 || !strings.Contains(f[0], "no new bot message for Anna (1001)") {
		t.Errorf("Next failure = %q", f)
	}
}

func TestNoMoreReportsUnreadMessages(t *testing.T) {
	s := New(t)
	u := s.NewUser("Anna", "vi")
	post(t, s, "sendMessage", hello("1001"))
	ft := &fakeTB{}
	ft.run(func(tb testing.TB) { u.NoMore(tb) })
	if f := ft.failures(); len(f) != 1 || !strings.Contains(f[0], "1 unread bot message(s)") || !strings.Contains(f[0], "----- unread -----") {
		t.Errorf("NoMore failure = %q", f)
	}
	u.Next(t)
	ft = &fakeTB{}
	ft.run(func(tb testing.TB) { u.NoMore(tb) })
	if f := ft.failures(); len(f) != 0 {
		t.Errorf("NoMore after reading = %q", f)
	}
}

func TestWaitUntilTimesOut(t *testing.T) {
	s := New(t)
	s.SetWaitTimeout(20 * time.Millisecond)
	ft := &fakeTB{}
	ft.run(func(tb testing.TB) { s.WaitUntil(tb, "pigs fly", func() bool { return false }) })
	if f := ft.failures(); len(f) != 1 || !strings.Contains(f[0], "waiting until pigs fly") {
		t.Errorf("WaitUntil failure = %q", f)
	}
}

func TestReceiveWithoutTestingTB(t *testing.T) {
	s := NewServer(Options{})
	defer s.Close()
	u := s.NewUser("Anna", "vi")
	got := make(chan *Message, 1)
	go func() {
		m, err := u.Receive(context.Background())
		if err != nil {
			t.Errorf("Receive: %v", err)
		}
		got <- m
	}()
	post(t, s, "sendMessage", hello("1001"))
	if m := <-got; m == nil || m.Text != "hello" {
		t.Errorf("Receive = %+v", m)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := u.Receive(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("Receive with a cancelled context = %v", err)
	}
}
