package telegramtest

import (
	"context"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

func offset(id int64) map[string]string {
	return map[string]string{"offset": strconv.FormatInt(id, 10)}
}

func TestGetUpdatesOffsetConfirmsAndRedelivers(t *testing.T) {
	s := New(t)
	u := s.NewUser("Anna", "vi")
	m1 := u.Send("/start")
	m2 := u.Send("hello")
	m3 := u.Send("again")

	first := poll(t, s, nil)
	if got, want := ids(first), []int64{firstUpdateID, firstUpdateID + 1, firstUpdateID + 2}; !slices.Equal(got, want) {
		t.Fatalf("first poll = %v, want %v", got, want)
	}
	if first[0].UpdateID != m1.UpdateID || first[1].Message.Text != "hello" {
		t.Errorf("updates do not match the messages: %+v", first)
	}
	// A bot that crashed before confirming gets the same updates again.
	if got := ids(poll(t, s, nil)); !slices.Equal(got, ids(first)) {
		t.Errorf("redelivery = %v, want %v", got, ids(first))
	}
	if s.Confirmed() != 0 || s.Pending() != 3 {
		t.Errorf("before confirming: Confirmed = %d, Pending = %d; want 0, 3", s.Confirmed(), s.Pending())
	}
	// offset = m2+1 confirms m1 and m2 only.
	got := poll(t, s, offset(m2.UpdateID+1))
	if !slices.Equal(ids(got), []int64{m3.UpdateID}) {
		t.Errorf("after offset %d: %v, want [%d]", m2.UpdateID+1, ids(got), m3.UpdateID)
	}
	if s.Confirmed() != m2.UpdateID || s.Pending() != 1 {
		t.Errorf("Confirmed = %d, Pending = %d; want %d, 1", s.Confirmed(), s.Pending(), m2.UpdateID)
	}
	// offset 0 serves from the earliest unconfirmed update.
	if got := ids(poll(t, s, nil)); !slices.Equal(got, []int64{m3.UpdateID}) {
		t.Errorf("offset 0 = %v, want [%d]", got, m3.UpdateID)
	}
	if got := poll(t, s, offset(m3.UpdateID+1)); len(got) != 0 || s.Pending() != 0 {
		t.Errorf("after confirming all: %v, Pending %d", ids(got), s.Pending())
	}
}

func TestGetUpdatesLimitAndNegativeOffset(t *testing.T) {
	s := New(t)
	u := s.NewUser("Binh", "vi")
	for i := range 5 {
		u.Send("m" + strconv.Itoa(i))
	}
	if got := poll(t, s, map[string]string{"limit": "2"}); len(got) != 2 || got[0].UpdateID != firstUpdateID {
		t.Errorf("limit 2 = %v", ids(got))
	}
	got := poll(t, s, map[string]string{"offset": "-2"})
	if want := []int64{firstUpdateID + 3, firstUpdateID + 4}; !slices.Equal(ids(got), want) {
		t.Errorf("offset -2 = %v, want %v", ids(got), want)
	}
	if s.Pending() != 2 || s.Confirmed() != firstUpdateID+2 {
		t.Errorf("after offset -2: Pending %d Confirmed %d, want 2 and %d", s.Pending(), s.Confirmed(), firstUpdateID+2)
	}
}

func TestGetUpdatesFutureOffsetServesQueueHead(t *testing.T) {
	s := New(t)
	m := s.NewUser("Chi", "vi").Send("hi")
	got := poll(t, s, offset(m.UpdateID+1000))
	if !slices.Equal(ids(got), []int64{m.UpdateID}) {
		t.Errorf("future offset = %v, want [%d]", ids(got), m.UpdateID)
	}
	if s.Confirmed() != 0 {
		t.Errorf("a future offset confirmed %d", s.Confirmed())
	}
}

func TestLongPollReturnsOnNewUpdate(t *testing.T) {
	s := New(t)
	u := s.NewUser("Dung", "vi")
	got := make(chan answer, 1)
	go func() {
		a, err := tryPost(context.Background(), s, "getUpdates", map[string]string{"timeout": "30"})
		if err != nil {
			a.Description = err.Error()
		}
		got <- a
	}()
	s.WaitUntil(t, "the long poll waits", func() bool { return s.activePolls() == 1 })
	m := u.Send("wake up")
	select {
	case a := <-got:
		ups := mustOK[[]update](t, a)
		if len(ups) != 1 || ups[0].UpdateID != m.UpdateID {
			t.Errorf("long poll = %v, want [%d]", ids(ups), m.UpdateID)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the long poll did not return after an update")
	}
}

func TestLongPollReturnsWhenClientCancels(t *testing.T) {
	s := New(t)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		_, _ = tryPost(ctx, s, "getUpdates", map[string]string{"timeout": "50"})
	}()
	s.WaitUntil(t, "the long poll waits", func() bool { return s.activePolls() == 1 })
	cancel()
	<-done
	// The handler, not only the client, must be gone.
	s.WaitUntil(t, "the handler returns", func() bool { return s.activePolls() == 0 })
}

func TestLongPollTimesOutEmpty(t *testing.T) {
	s := New(t)
	start := time.Now()
	got := poll(t, s, map[string]string{"timeout": "1"})
	if len(got) != 0 {
		t.Errorf("got %v, want no updates", ids(got))
	}
	if d := time.Since(start); d < 900*time.Millisecond {
		t.Errorf("returned after %v, want about 1s", d)
	}
}

func TestSecondPollTerminatesFirst(t *testing.T) {
	s := New(t)
	first := make(chan answer, 1)
	go func() {
		a, err := tryPost(context.Background(), s, "getUpdates", map[string]string{"timeout": "30"})
		if err != nil {
			a.Description = err.Error()
		}
		first <- a
	}()
	s.WaitUntil(t, "the first poll waits", func() bool { return s.activePolls() == 1 })
	poll(t, s, nil)
	a := <-first
	if a.Status != http.StatusConflict || a.Description != "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running" {
		t.Errorf("first poll = %d %q, want 409 terminated", a.Status, a.Description)
	}
	if v := s.Violations(); len(v) != 0 {
		t.Errorf("violations: %v", v)
	}
}

func TestAllowedUpdatesFilterAndPersist(t *testing.T) {
	s := New(t)
	u := s.NewUser("Giang", "vi")
	post(t, s, "sendMessage", map[string]string{"chat_id": "1001", "text": "menu",
		"reply_markup": `{"inline_keyboard":[[{"text":"OK","callback_data":"ok"}]]}`})
	u.Send("hi")
	s.SendRaw(`{"chat_member":{"x":1}}`)
	u.Block()
	// The default (allowed_updates=null keeps it) excludes chat_member.
	got := poll(t, s, map[string]string{"allowed_updates": "null"})
	if len(got) != 2 || got[0].Message == nil || got[1].MyChatMember == nil {
		t.Fatalf("default allowed_updates = %+v, want the message and my_chat_member", got)
	}
	poll(t, s, map[string]string{"offset": strconv.FormatInt(got[1].UpdateID+1, 10), "allowed_updates": `["callback_query"]`})
	if got := s.AllowedUpdates(); !slices.Equal(got, []string{"callback_query"}) {
		t.Errorf("AllowedUpdates = %v", got)
	}
	u.Send("filtered out")
	cb := u.Press(u.Messages()[0], "OK")
	// allowed_updates absent: the previous setting stays.
	got = poll(t, s, nil)
	if len(got) != 1 || got[0].CallbackQuery == nil || got[0].UpdateID != cb.UpdateID {
		t.Errorf("with allowed_updates=[callback_query]: %+v, want only callback %d", got, cb.UpdateID)
	}
	if s.Pending() != 1 {
		t.Errorf("Pending = %d, want 1: the filtered message is dropped", s.Pending())
	}
}

func TestAllowedUpdatesUnknownKindIsViolation(t *testing.T) {
	s := newQuiet(t)
	a := post(t, s, "getUpdates", map[string]string{"allowed_updates": `["mesage"]`})
	if a.Status != http.StatusBadRequest || len(s.Violations()) != 1 {
		t.Errorf("got %d %q, violations %v; want 400 and one violation", a.Status, a.Description, s.Violations())
	}
}

func TestGetUpdatesConflictsWithWebhook(t *testing.T) {
	s := New(t)
	mustOK[bool](t, post(t, s, "setWebhook", map[string]string{"url": "https://example.com/hook", "secret_token": "abc_DEF-123"}))
	a := post(t, s, "getUpdates", nil)
	if a.Status != http.StatusConflict || a.Description != "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first" {
		t.Errorf("getUpdates with a webhook = %d %q", a.Status, a.Description)
	}
	mustOK[bool](t, post(t, s, "deleteWebhook", nil))
	mustOK[[]update](t, post(t, s, "getUpdates", nil))
}

func TestSendRawFillsUpdateID(t *testing.T) {
	s := New(t)
	id := s.SendRaw(`{"message":{"message_id":"not a number"}}`)
	explicit := s.SendRaw(`{"update_id":600000000,"message":{}}`)
	next := s.NewUser("Ha", "vi").Send("after")
	if id != firstUpdateID || explicit != 600000000 || next.UpdateID != 600000001 {
		t.Errorf("ids = %d, %d, %d; want %d, 600000000, 600000001", id, explicit, next.UpdateID, firstUpdateID)
	}
	a := post(t, s, "getUpdates", nil)
	if !a.OK || !containsAll(a.Body, `"message_id":"not a number"`, `"update_id":500000001`) {
		t.Errorf("poison update not served as sent: %s", a.Body)
	}
}

func containsAll(s string, subs ...string) bool {
	for _, sub := range subs {
		if !strings.Contains(s, sub) {
			return false
		}
	}
	return true
}

func TestCloseEndsLongPoll(t *testing.T) {
	s := NewServer(Options{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		_, _ = tryPost(context.Background(), s, "getUpdates", map[string]string{"timeout": "50"})
	}()
	s.WaitUntil(t, "the long poll waits", func() bool { return s.activePolls() == 1 })
	s.Close() // returns only once the handler has returned
	if n := s.activePolls(); n != 0 {
		t.Errorf("%d polls still active after Close", n)
	}
	<-done
}
