// Package harness drives a bot core with feature rooms directly with
// updates, without Telegram, for the handler-level tests of the feature
// packages: updates go through Apply, answers are read from the outbox. It
// is bot's own test harness (bot/helpers_test.go) made importable; the
// end-to-end tests use bot/bottest.
package harness

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
	"youthbot/bot"
	"youthbot/bot/participation"
	"youthbot/bot/projects"
	"youthbot/demo"
	"youthbot/storage"
	"youthbot/unitcsv"
)

// AdminID is the harness's admin (YOUTHBOT_ADMINS).
const AdminID = 900

// Outbox is an Outbox that keeps what the bot queued.
type Outbox struct {
	mu   sync.Mutex
	msgs []*youthbot.Outgoing
}

// Push keeps msgs.
func (o *Outbox) Push(msgs []*youthbot.Outgoing) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.msgs = append(o.msgs, msgs...)
}

// Take returns what was queued since the last Take.
func (o *Outbox) Take() []*youthbot.Outgoing {
	o.mu.Lock()
	defer o.mu.Unlock()
	m := o.msgs
	o.msgs = nil
	return m
}

// H is a bot on a database of the demo units, with the clock at Now.
type H struct {
	T      testing.TB
	DB     *storage.DB
	Bot    *bot.Bot
	Out    *Outbox
	Now    time.Time
	NextID int // the last update_id applied
	Logs   *bytes.Buffer
}

// Rooms are the rooms every harness registers before its own, in menu
// order: the core's and those of their own packages that the others' tests
// go through (a member logs, a secretary decides on /pending).
var Rooms = []bot.NewFeature{bot.Membership, participation.New, projects.New}

// New returns a harness whose bot has Rooms and features, on a new
// database.
func New(t testing.TB, features ...bot.NewFeature) *H {
	t.Helper()
	return NewOpts(t, filepath.Join(t.TempDir(), "bot.db"), storage.Options{}, features...)
}

// NewOpts is New on the database at path opened with opts.
func NewOpts(t testing.TB, path string, opts storage.Options, features ...bot.NewFeature) *H {
	t.Helper()
	db, err := storage.Open(path, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	h := &H{T: t, DB: db, Out: &Outbox{}, Now: time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC), Logs: &bytes.Buffer{}}
	loc, _ := time.LoadLocation("Asia/Ho_Chi_Minh")
	h.Bot = bot.New(bot.Config{
		DB: db, Outbox: h.Out, Admins: []int64{AdminID}, Location: loc, Lang: "vi",
		Now: func() time.Time { return h.Now }, Log: slog.New(slog.NewTextHandler(&lockedWriter{w: h.Logs}, nil)),
		Features: append(append([]bot.NewFeature(nil), Rooms...), features...),
	})
	h.Bot.SetUsername("youthbot_test_bot")
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

// Apply applies one update and returns what the bot queued.
func (h *H) Apply(u tgbotapi.Update) []*youthbot.Outgoing {
	h.T.Helper()
	h.NextID++
	u.UpdateID = h.NextID
	if err := h.Bot.Apply(context.Background(), []tgbotapi.Update{u}); err != nil {
		h.T.Fatalf("apply: %v", err)
	}
	return h.Out.Take()
}

// Say sends text as from and returns the texts of the replies to from.
func (h *H) Say(from *tgbotapi.User, text string) []string {
	h.T.Helper()
	return Texts(h.Apply(MsgUpdate(from, text)), from.ID)
}

// Press presses a button with data as from and returns every text
// (messages, edits, callback answers) sent to from.
func (h *H) Press(from *tgbotapi.User, data string) []string {
	h.T.Helper()
	return Texts(h.Apply(CbUpdate(from, data)), from.ID)
}

// MakeSecretary makes id a secretary of unit.
func (h *H) MakeSecretary(id int64, unit string) {
	h.T.Helper()
	if err := h.DB.Update(func(tx *storage.Tx) error { return tx.AddSecretary(id, unit) }); err != nil {
		h.T.Fatal(err)
	}
}

// User is a Telegram user with the app language lang.
func User(id int64, lang string) *tgbotapi.User {
	return &tgbotapi.User{ID: id, FirstName: fmt.Sprintf("U%d", id), LanguageCode: lang}
}

// MsgUpdate is a private message from from (a command when text starts
// with a slash).
func MsgUpdate(from *tgbotapi.User, text string) tgbotapi.Update {
	m := &tgbotapi.Message{MessageID: 1, From: from, Chat: &tgbotapi.Chat{ID: from.ID, Type: "private"}, Text: text, Date: 1}
	if strings.HasPrefix(text, "/") {
		n := len(strings.Fields(text)[0])
		m.Entities = []tgbotapi.MessageEntity{{Type: "bot_command", Offset: 0, Length: n}}
	}
	return tgbotapi.Update{Message: m}
}

// CbUpdate is from's press of a button with data in their private chat.
func CbUpdate(from *tgbotapi.User, data string) tgbotapi.Update {
	return tgbotapi.Update{CallbackQuery: &tgbotapi.CallbackQuery{
		ID: fmt.Sprint(time.Now().UnixNano()), From: from, Data: data,
		Message: &tgbotapi.Message{MessageID: 5, Chat: &tgbotapi.Chat{ID: from.ID, Type: "private"}},
	}}
}

// Texts are the texts of msgs sent to chat.
func Texts(msgs []*youthbot.Outgoing, chat int64) []string {
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

// Buttons returns every callback_data in the markup of queued messages.
func Buttons(msgs []*youthbot.Outgoing) []string {
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

// Snapshot dumps the buckets that hold the domain (not the update log,
// outbox or user settings, which every update may touch), to show that a
// refused action changed nothing.
func (h *H) Snapshot() string {
	h.T.Helper()
	var sb strings.Builder
	err := h.DB.Bolt().View(func(tx *bolt.Tx) error {
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
		h.T.Fatal(err)
	}
	return sb.String()
}

// Refused reports whether msgs tell id of a refusal: an alert, or a
// message starting with ⛔ or ⚠️.
func Refused(msgs []*youthbot.Outgoing, id int64) bool {
	for _, m := range msgs {
		if m.Chat != id {
			continue
		}
		switch m.Method {
		case "answerCallbackQuery":
			if m.Params["show_alert"] == "true" && m.Params["text"] != "" {
				return true
			}
		case "sendMessage":
			if strings.HasPrefix(m.Params["text"], "⛔") || strings.HasPrefix(m.Params["text"], "⚠️") {
				return true
			}
		}
	}
	return false
}
