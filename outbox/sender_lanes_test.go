package outbox_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"youthbot"
	"youthbot/bot/telegramtest"
	"youthbot/outbox"
	"youthbot/storage"
)

// users makes n users of the double.
func users(w *world, n int) []*telegramtest.User {
	out := make([]*telegramtest.User, n)
	for i := range out {
		out[i] = w.srv.NewUser(fmt.Sprintf("U%d", i), "vi")
	}
	return out
}

// waitSends waits until the double answered n sends with 200.
func (w *world) waitSends(n int) {
	w.t.Helper()
	w.srv.WaitUntil(w.t, fmt.Sprintf("%d sends", n), func() bool { return len(w.sends()) >= n })
}

// sendOf returns the successful send of text, and the sends before it.
func (w *world) sendOf(text string) (telegramtest.Call, []telegramtest.Call) {
	w.t.Helper()
	sends := w.sends()
	for i, c := range sends {
		if c.Params["text"] == text {
			return c, sends[:i]
		}
	}
	w.t.Fatalf("%q was not sent", text)
	return telegramtest.Call{}, nil
}

func TestSenderSendsAReplyBeforeTheNotificationsOfEveryChat(t *testing.T) {
	noLeaks(t)
	// 120 notifications to 120 chats at 20/s take 6 s. A reply pushed
	// while they go must be the next message sent, whatever chat it is
	// for: before, it queued for a call slot behind every notification
	// waiting for a token (100 of them, 5 s).
	w := newWorld(t, worldOptions{rate: 20})
	us := users(w, 121)
	var notes []*youthbot.Outgoing
	for _, u := range us[:120] {
		notes = append(notes, text(u.ID, "", "tin "+strconv.FormatInt(u.ID, 10)))
	}
	w.queue(notes...)
	w.waitSends(5)
	for i := range 3 {
		r := fmt.Sprintf("trả lời %d", i)
		added := w.store(reply(us[120].ID, r)) // its commit (an fsync) may take a while
		before := len(w.sends())
		w.sender.Push(added)
		w.srv.WaitUntil(t, r, func() bool { return slices.Contains(w.textsTo(us[120].ID), r) })
		_, prior := w.sendOf(r)
		// At most the notifications already given a call slot may
		// arrive first.
		if n := len(prior) - before; n > 2 {
			t.Errorf("reply %d: %d notifications went between its push and it, want at most 2", i, n)
		}
	}
	w.idle(30 * time.Second)
}

func TestSenderKeepsRepliesToTheRateAndNotificationsToWhatIsLeft(t *testing.T) {
	noLeaks(t)
	const rate, nReplies = 50, 100
	w := newWorld(t, worldOptions{rate: rate})
	us := users(w, 30+nReplies)
	var notes []*youthbot.Outgoing
	for _, u := range us[:30] {
		notes = append(notes, text(u.ID, "", "tin "+strconv.FormatInt(u.ID, 10)))
	}
	w.queue(notes...)
	w.waitSends(5)
	var replies []*youthbot.Outgoing
	for i, u := range us[30:] {
		replies = append(replies, reply(u.ID, fmt.Sprintf("trả lời %d", i)))
	}
	w.queue(replies...)
	w.idle(30 * time.Second)
	w.stop()
	first, _ := w.sendOf("trả lời 0")
	last, _ := w.sendOf(fmt.Sprintf("trả lời %d", nReplies-1))
	// The rate bounds replies too: 100 replies at 50/s take at least
	// (100 - burst - 1)/50 s. Before, they left at once.
	burst := rate / 20
	if min := time.Duration(float64(nReplies-burst-1) / rate * float64(time.Second)); last.Time.Sub(first.Time) < min {
		t.Errorf("%d replies in %v, want at least %v at %d/s", nReplies, last.Time.Sub(first.Time), min, rate)
	}
	// Replies take the rate first: no notification between them, but
	// those already in flight.
	var between int
	for _, c := range w.sends() {
		if c.Time.After(first.Time) && c.Time.Before(last.Time) && c.Params["text"][:3] == "tin" {
			between++
		}
	}
	if between > 2 {
		t.Errorf("%d notifications went while replies waited for the rate, want at most 2", between)
	}
	if n := len(w.sends()); n != 30+nReplies {
		t.Errorf("%d sends, want %d", n, 30+nReplies)
	}
}

// floods records the sender's bot-wide flood waits.
type floods struct {
	mu    sync.Mutex
	got   []time.Duration
	first chan struct{} // closed at the first flood wait
}

func (f *floods) FloodWait(d time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.got = append(f.got, d)
	if f.first != nil && len(f.got) == 1 {
		close(f.first)
	}
}

func (f *floods) waits() []time.Duration {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.got)
}

// inFlight is how late after a bot-wide 429 a send the bot had already
// made may arrive at the double.
const inFlight = 250 * time.Millisecond

// breaches returns the double's breaches the bot could have avoided.
func breaches(srv *telegramtest.Server) []telegramtest.Breach {
	var out []telegramtest.Breach
	for _, b := range srv.Breaches() {
		if !b.BotWide || b.Time.Sub(b.Opened) > inFlight {
			out = append(out, b)
		}
	}
	return out
}

func TestSenderWaitsOutABotWideFloodInEveryChat(t *testing.T) {
	noLeaks(t)
	rec := &floods{}
	w := newWorld(t, worldOptions{rate: 200, recorder: rec})
	us := users(w, 300)
	var notes []*youthbot.Outgoing
	for _, u := range us {
		notes = append(notes, text(u.ID, "", "tin "+strconv.FormatInt(u.ID, 10)))
	}
	w.queue(notes[:100]...)
	w.waitSends(20)
	w.srv.FloodBot(2)
	w.queue(notes[100:]...)
	w.idle(30 * time.Second)
	w.stop()
	if b := breaches(w.srv); len(b) != 0 {
		t.Errorf("%d sends inside a retry_after, first %+v", len(b), b[0])
	}
	if got := rec.waits(); len(got) == 0 || got[0] != 2*time.Second {
		t.Errorf("flood waits recorded %v, want one of 2s", got)
	}
	if n := len(w.sends()); n != len(notes) {
		t.Errorf("%d delivered, want %d", n, len(notes))
	}
}

func TestSenderTellsAChatsFloodWaitFromTheBots(t *testing.T) {
	noLeaks(t)
	// A chat given more replies than its limit allows gets its own 429:
	// that chat waits, the others go on. A 429 although the chat kept to
	// its limit is the bot's: every chat waits.
	cases := []struct {
		name    string
		botWide bool
		setup   func(w *world, busy, other *telegramtest.User)
	}{
		{"ChatOverItsLimit", false, func(w *world, busy, other *telegramtest.User) {
			w.srv.SetLimits(telegramtest.Limits{PerChat: 1, PerChatBurst: 3})
			var rs []*youthbot.Outgoing
			for i := range 5 {
				rs = append(rs, reply(busy.ID, fmt.Sprintf("trả lời %d", i)))
			}
			w.queue(rs...)
		}},
		{"ChatWithinItsLimit", true, func(w *world, busy, other *telegramtest.User) {
			w.srv.FailChat(busy.ID, 1, telegramtest.Fault{RetryAfter: 2})
			w.queue(reply(busy.ID, "trả lời 0"))
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rec := &floods{first: make(chan struct{})}
			w := newWorld(t, worldOptions{rate: 100, recorder: rec})
			busy, other := w.srv.NewUser("Bận", "vi"), w.srv.NewUser("Khác", "vi")
			tc.setup(w, busy, other)
			w.srv.WaitUntil(t, "a 429", func() bool {
				for _, c := range w.srv.Calls() {
					if c.Status == 429 {
						return true
					}
				}
				return false
			})
			var at time.Time
			for _, c := range w.srv.Calls() {
				if c.Status == 429 && at.IsZero() {
					at = c.Time
				}
			}
			if tc.botWide {
				// The 429 reached the double; the other chat's reply is
				// queued once the Sender has taken it as the bot's (else
				// it may go out before the Sender has read the answer).
				select {
				case <-rec.first:
				case <-time.After(10 * time.Second):
					t.Fatal("the Sender did not take the 429 as the bot's flood limit")
				}
			}
			w.queue(reply(other.ID, "khác"))
			w.idle(30 * time.Second)
			got, _ := w.sendOf("khác")
			waited := got.Time.Sub(at) >= 900*time.Millisecond
			if waited != tc.botWide {
				t.Errorf("the other chat's reply came %v after the 429; bot-wide wait %v, want %v", got.Time.Sub(at), waited, tc.botWide)
			}
			if n := len(rec.waits()); (n > 0) != tc.botWide {
				t.Errorf("%d flood waits recorded, want bot-wide %v", n, tc.botWide)
			}
			if b := breaches(w.srv); len(b) != 0 {
				t.Errorf("%d sends inside a retry_after, first %+v", len(b), b[0])
			}
		})
	}
}

func TestSenderSendsARefusedPhotoRequestAsText(t *testing.T) {
	w := newWorld(t, worldOptions{})
	sec := w.srv.NewUser("Hoa", "vi")
	photo := sec.SendPhoto("minh chứng").FileID
	kb := `{"inline_keyboard":[[{"text":"✅ Xác nhận","callback_data":"ac:7"},{"text":"❌ Từ chối","callback_data":"ar:7"}]]}`
	req := &youthbot.Outgoing{Chat: sec.ID, Lane: youthbot.LaneNotify, Method: "sendPhoto", Notice: "activity", Queued: time.Now(),
		Params: map[string]string{"chat_id": strconv.FormatInt(sec.ID, 10), "photo": photo,
			"caption": "<b>An</b> xin xác nhận 4 giờ", "parse_mode": "HTML", "reply_markup": kb}}
	chart := &youthbot.Outgoing{Chat: sec.ID, Lane: youthbot.LaneNotify, Method: "sendPhoto", Notice: "tally", Queued: time.Now(),
		Params: map[string]string{"chat_id": strconv.FormatInt(sec.ID, 10), "photo": photo, "caption": "Biểu đồ"}}
	refusal := telegramtest.Fault{Code: 400, Description: "Bad Request: wrong file identifier/HTTP URL specified"}
	w.srv.FailNext("sendPhoto", 2, refusal)
	w.queue(req, chart)
	w.idle(10 * time.Second)
	msgs := sec.Messages()
	if len(msgs) != 1 {
		t.Fatalf("got %d messages, want the request as text only:\n%s", len(msgs), sec.Transcript())
	}
	m := msgs[0]
	if m.Photo != nil || m.Text != "An xin xác nhận 4 giờ" || m.HTML != "<b>An</b> xin xác nhận 4 giờ" {
		t.Errorf("got %+v, want the caption as HTML text", m)
	}
	var got []string
	for _, row := range m.Buttons {
		for _, b := range row {
			got = append(got, b.Text+"="+b.Data)
		}
	}
	if want := []string{"✅ Xác nhận=ac:7", "❌ Từ chối=ar:7"}; !slices.Equal(got, want) {
		t.Errorf("buttons %q, want %q", got, want)
	}
	if _, err := json.Marshal(m.Buttons); err != nil {
		t.Fatal(err)
	}
}

func TestSenderHoldsAPageOfTheOutboxNotAllOfIt(t *testing.T) {
	noLeaks(t)
	const n = 20000
	srv := telegramtest.New(t)
	db := openDB(t)
	err := db.Update(func(tx *storage.Tx) error {
		for i := range n {
			chat := srv.NewUser(fmt.Sprintf("U%d", i), "vi").ID
			if _, err := tx.Enqueue(text(chat, "", fmt.Sprintf("m%d", i))); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	w := newWorld(t, worldOptions{db: db, srv: srv, rate: 1}) // Load, then Run
	held := 0
	srv.WaitUntil(t, "the sender to read its window", func() bool {
		h, reading := w.sender.InHand()
		held = h
		return !reading && h > 0
	})
	if held > 4096+512 {
		t.Errorf("the sender holds %d of %d queued messages, want at most a window (4,608)", held, n)
	}
	if q := w.sender.Queued(); q < n-10 || q > n { // a few sent at 1/s
		t.Errorf("Queued() = %d, want about %d", q, n)
	}
}

func TestSenderLoadTakesOnlyTheRepliesLeft(t *testing.T) {
	db := openDB(t)
	srv := telegramtest.New(t)
	u := srv.NewUser("An", "vi")
	db.Update(func(tx *storage.Tx) error {
		for i := range 1000 {
			tx.Enqueue(text(int64(6000000+i), "", "tin"))
		}
		tx.Enqueue(reply(u.ID, "trả lời"))
		return nil
	})
	s := outbox.NewSender(outbox.SenderConfig{DB: db, API: nil, Rate: 1})
	if err := s.Load(); err != nil {
		t.Fatal(err)
	}
	if held, _ := s.InHand(); held != 1 {
		t.Errorf("Load took %d messages, want the reply only", held)
	}
	if q := s.Queued(); q != 1001 {
		t.Errorf("Queued() = %d, want 1001", q)
	}
}

func TestSenderDoesNotSendWhatLeftTheOutboxMeanwhile(t *testing.T) {
	w := newWorld(t, worldOptions{})
	u := w.srv.NewUser("An", "vi")
	var msgs []*youthbot.Outgoing
	for i := range 5 {
		msgs = append(msgs, text(u.ID, "", fmt.Sprintf("m%d", i)))
	}
	w.queue(msgs...)
	// The chat's burst is 3: m3 and m4 wait a second each. An erasure
	// removes m4 meanwhile.
	if err := w.db.Update(func(tx *storage.Tx) error { return tx.DeleteOutgoing(msgs[4].Seq) }); err != nil {
		t.Fatal(err)
	}
	w.idle(10 * time.Second)
	if got := w.textsTo(u.ID); !slices.Equal(got, []string{"m0", "m1", "m2", "m3"}) {
		t.Errorf("delivered %q, want m0..m3", got)
	}
}

// TestSenderSendsRepliesAsTheOutboxHoldsThem: a reply is pushed after its
// commit, and an erasure may remove or rewrite it before it goes; the sender
// sends what the outbox holds at that moment, not its copy.
func TestSenderSendsRepliesAsTheOutboxHoldsThem(t *testing.T) {
	w := newWorld(t, worldOptions{})
	u := w.srv.NewUser("An", "vi")
	msgs := []*youthbot.Outgoing{reply(u.ID, "r0"), reply(u.ID, "r1 Nguyễn Văn Bình"), reply(u.ID, "r2")}
	err := w.db.Update(func(tx *storage.Tx) error {
		for _, m := range msgs {
			if _, err := tx.Enqueue(m); err != nil {
				return err
			}
		}
		if err := tx.DeleteOutgoing(msgs[0].Seq); err != nil {
			return err
		}
		red := *msgs[1]
		red.Params = map[string]string{"chat_id": red.Params["chat_id"], "text": "r1 (đã xoá dữ liệu)"}
		return tx.PutOutgoing(&red)
	})
	if err != nil {
		t.Fatal(err)
	}
	w.sender.Push(msgs) // the copies the committing update handed over
	w.idle(10 * time.Second)
	if got, want := w.textsTo(u.ID), []string{"r1 (đã xoá dữ liệu)", "r2"}; !slices.Equal(got, want) {
		t.Errorf("delivered %q, want %q", got, want)
	}
}

func openDB(t *testing.T) *storage.DB {
	t.Helper()
	db, err := storage.Open(t.TempDir()+"/y.db", storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}
