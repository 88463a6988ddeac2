package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
	bolt "go.etcd.io/bbolt"

	"youthbot"
	"youthbot/demo"
	"youthbot/storage"
	"youthbot/unitcsv"
)

// captured is an Outbox that keeps what the bot queued.
type captured struct {
	mu   sync.Mutex
	msgs []*youthbot.Outgoing
}

func (c *captured) Push(msgs []*youthbot.Outgoing) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.msgs = append(c.msgs, msgs...)
}

func (c *captured) take() []*youthbot.Outgoing {
	c.mu.Lock()
	defer c.mu.Unlock()
	m := c.msgs
	c.msgs = nil
	return m
}

// harness drives a Bot directly with updates, without Telegram: updates go
// through Apply, answers are read from the outbox.
type harness struct {
	t      testing.TB
	db     *storage.DB
	bot    *Bot
	out    *captured
	now    time.Time
	nextID int
	logs   *bytes.Buffer
}

const adminID = 900

// TestRooms are the rooms a harness's bot has, in menu order: those of
// bot/internal/harness, which the external test package sets here
// (rooms_test.go), as this one cannot import the rooms.
var TestRooms []NewFeature

// The names of the membership room that the core's tests drive directly.
const (
	dlgRegister = "reg"
	stepConsent = "consent"
	cbTree      = "tw"
	cbRegister  = "rg"
	cbApprove   = "ma"
	cbLang      = "lg"
)

func newHarness(t testing.TB) *harness {
	t.Helper()
	return newHarnessOpts(t, filepath.Join(t.TempDir(), "bot.db"), storage.Options{})
}

// newHarnessOpts is newHarness on the database at path opened with opts.
func newHarnessOpts(t testing.TB, path string, opts storage.Options) *harness {
	t.Helper()
	db, err := storage.Open(path, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	h := &harness{t: t, db: db, out: &captured{}, now: time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC), logs: &bytes.Buffer{}}
	loc, _ := time.LoadLocation("Asia/Ho_Chi_Minh")
	h.bot = New(Config{
		DB: db, Outbox: h.out, Admins: []int64{adminID}, Location: loc, Lang: "vi",
		Now: func() time.Time { return h.now }, Log: slog.New(slog.NewTextHandler(&lockedWriter{w: h.logs}, nil)),
		Features: TestRooms,
	})
	h.bot.SetUsername("youthbot_test_bot")
	rows, err := unitcsv.Parse(strings.NewReader(demo.UnitsCSV))
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *storage.Tx) error { _, _, err := tx.ImportUnits(rows); return err }); err != nil {
		t.Fatal(err)
	}
	return h
}

type lockedWriter struct {
	mu sync.Mutex
	w  *bytes.Buffer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// apply applies one update and returns what the bot queued.
func (h *harness) apply(u tgbotapi.Update) []*youthbot.Outgoing {
	h.t.Helper()
	h.nextID++
	u.UpdateID = h.nextID
	if err := h.bot.Apply(context.Background(), []tgbotapi.Update{u}); err != nil {
		h.t.Fatalf("apply: %v", err)
	}
	return h.out.take()
}

func user(id int64, lang string) *tgbotapi.User {
	return &tgbotapi.User{ID: id, FirstName: fmt.Sprintf("U%d", id), LanguageCode: lang}
}

func msgUpdate(from *tgbotapi.User, text string) tgbotapi.Update {
	m := &tgbotapi.Message{MessageID: 1, From: from, Chat: &tgbotapi.Chat{ID: from.ID, Type: "private"}, Text: text, Date: 1}
	if strings.HasPrefix(text, "/") {
		n := len(strings.Fields(text)[0])
		m.Entities = []tgbotapi.MessageEntity{{Type: "bot_command", Offset: 0, Length: n}}
	}
	return tgbotapi.Update{Message: m}
}

func contactUpdate(from *tgbotapi.User, owner int64, phone string) tgbotapi.Update {
	m := &tgbotapi.Message{MessageID: 1, From: from, Chat: &tgbotapi.Chat{ID: from.ID, Type: "private"}, Date: 1,
		Contact: &tgbotapi.Contact{PhoneNumber: phone, FirstName: "X", UserID: owner}}
	return tgbotapi.Update{Message: m}
}

func cbUpdate(from *tgbotapi.User, data string) tgbotapi.Update {
	return tgbotapi.Update{CallbackQuery: &tgbotapi.CallbackQuery{
		ID: fmt.Sprint(time.Now().UnixNano()), From: from, Data: data,
		Message: &tgbotapi.Message{MessageID: 5, Chat: &tgbotapi.Chat{ID: from.ID, Type: "private"}},
	}}
}

// say sends text as from and returns the texts of the replies to from.
func (h *harness) say(from *tgbotapi.User, text string) []string {
	h.t.Helper()
	return texts(h.apply(msgUpdate(from, text)), from.ID)
}

// press presses a button with data as from and returns every text (messages,
// edits, callback answers) sent to from.
func (h *harness) press(from *tgbotapi.User, data string) []string {
	h.t.Helper()
	return texts(h.apply(cbUpdate(from, data)), from.ID)
}

func texts(msgs []*youthbot.Outgoing, chat int64) []string {
	var out []string
	for _, m := range msgs {
		if m.Chat != chat {
			continue
		}
		if t := m.Params["text"]; t != "" {
			out = append(out, t)
		}
	}
	return out
}

// buttons returns every callback_data in the markup of queued messages.
func buttons(msgs []*youthbot.Outgoing) []string {
	var out []string
	for _, m := range msgs {
		var kb tgbotapi.InlineKeyboardMarkup
		if json.Unmarshal([]byte(m.Params["reply_markup"]), &kb) != nil {
			continue
		}
		for _, r := range kb.InlineKeyboard {
			for _, b := range r {
				if b.CallbackData != nil {
					out = append(out, *b.CallbackData)
				}
			}
		}
	}
	return out
}

// register takes user id through the whole registration into branch and
// returns the member record (pending).
func (h *harness) register(id int64, branch, name string) youthbot.Member {
	h.t.Helper()
	u := user(id, "vi")
	if err := h.db.Update(func(tx *storage.Tx) error {
		return tx.PutDialog(id, youthbot.Dialog{Name: dlgRegister, Step: stepConsent, Data: map[string]string{"unit": branch}})
	}); err != nil {
		h.t.Fatal(err)
	}
	h.press(u, "rg:yes")
	h.say(u, name)
	h.say(u, "15/03/2004")
	h.apply(contactUpdate(u, id, "84901234567"))
	h.press(u, "rg:ok")
	return h.member(id)
}

func (h *harness) member(id int64) youthbot.Member {
	h.t.Helper()
	var m youthbot.Member
	if err := h.db.View(func(tx *storage.Tx) (err error) { m, err = tx.Member(id); return err }); err != nil {
		h.t.Fatalf("member %d: %v", id, err)
	}
	return m
}

func (h *harness) makeSecretary(id int64, unit string) {
	h.t.Helper()
	if err := h.db.Update(func(tx *storage.Tx) error { return tx.AddSecretary(id, unit) }); err != nil {
		h.t.Fatal(err)
	}
}

// snapshot dumps the buckets that hold the domain (not the update log,
// outbox or user settings, which every update may touch), to show that a
// refused action changed nothing.
func (h *harness) snapshot() string {
	h.t.Helper()
	var sb strings.Builder
	err := h.db.Bolt().View(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
			switch string(name) {
			case "updates", "meta", "outbox", "outbox_keys", "users":
				return nil
			}
			return b.ForEach(func(k, v []byte) error {
				fmt.Fprintf(&sb, "%s %x %s\n", name, k, v)
				return nil
			})
		})
	})
	if err != nil {
		h.t.Fatal(err)
	}
	return sb.String()
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
