// Package harness drives a bot core with feature rooms directly with
// updates, without Telegram, for the handler-level tests of the feature
// packages: updates go through Apply, answers are read from the outbox. It
// is the core's test harness too (its external tests, package bot_test); the
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
	"youthbot/bot/membership"
	"youthbot/bot/participation"
	"youthbot/bot/projects"
	"youthbot/bot/requests"
	"youthbot/bot/targets"
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

	features []bot.NewFeature
}

// Rooms are the rooms every harness registers before its own, in menu
// order: those of their own packages that the others' tests go through (a
// member registers, logs; a secretary approves, decides on /pending; the
// requests' live summaries).
var Rooms = []bot.NewFeature{membership.New, participation.New, projects.New, targets.New, requests.New}

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
	h := &H{T: t, DB: db, Out: &Outbox{}, Now: time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC), Logs: &bytes.Buffer{},
		features: append(append([]bot.NewFeature(nil), Rooms...), features...)}
	h.SetAdmins(AdminID)
	rows, err := unitcsv.Parse(strings.NewReader(demo.UnitsCSV))
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *storage.Tx) error { _, _, err := tx.ImportUnits(rows); return err }); err != nil {
		t.Fatal(err)
	}
	return h
}

// SetAdmins gives the harness a new bot on the same database whose
// admins are ids, as a restart with another YOUTHBOT_ADMINS does.
func (h *H) SetAdmins(ids ...int64) {
	loc, _ := time.LoadLocation("Asia/Ho_Chi_Minh")
	h.Bot = bot.New(bot.Config{
		DB: h.DB, Outbox: h.Out, Admins: ids, Location: loc, Lang: "vi",
		Now: func() time.Time { return h.Now }, Log: slog.New(slog.NewTextHandler(&lockedWriter{w: h.Logs}, nil)),
		Features: h.features,
	})
	h.Bot.SetUsername("youthbot_test_bot")
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

// Register takes user id through the whole registration into branch (the
// membership room's dialog, from its first step) and returns the member
// record (pending).
func (h *H) Register(id int64, branch, name string) youthbot.Member {
	h.T.Helper()
	u := User(id, "vi")
	if err := h.DB.Update(func(tx *storage.Tx) error {
		return tx.PutDialog(id, youthbot.Dialog{Name: "reg", Step: "consent", Data: map[string]string{"unit": branch}})
	}); err != nil {
		h.T.Fatal(err)
	}
	h.Press(u, "rg:yes")
	h.Say(u, name)
	h.Say(u, "15/03/2004")
	h.Apply(ContactUpdate(u, id, "84901234567"))
	h.Press(u, "rg:ok")
	return h.Member(id)
}

// ApprovedMember stores an approved member of branch, approved a month
// ago, and returns them as a Telegram user.
func (h *H) ApprovedMember(id int64, branch, name string) *tgbotapi.User {
	h.T.Helper()
	at := h.Now.AddDate(0, -1, 0)
	err := h.DB.Update(func(tx *storage.Tx) error {
		m := youthbot.Member{UserID: id, Unit: branch, FullName: name, Phone: fmt.Sprintf("+849000%05d", id),
			Birth: youthbot.Date{Year: 2003, Month: 5, Day: 1}, Status: youthbot.StatusApproved, RegisteredAt: at, DecidedAt: at}
		if err := tx.PutMember(m); err != nil {
			return err
		}
		return tx.OpenStint(id, branch, at, true)
	})
	if err != nil {
		h.T.Fatal(err)
	}
	return User(id, "vi")
}

// Member is id's member record.
func (h *H) Member(id int64) youthbot.Member {
	h.T.Helper()
	var m youthbot.Member
	if err := h.DB.View(func(tx *storage.Tx) (err error) { m, err = tx.Member(id); return err }); err != nil {
		h.T.Fatalf("member %d: %v", id, err)
	}
	return m
}

// Dialog is id's dialog in progress, if any.
func (h *H) Dialog(id int64) (youthbot.Dialog, bool) {
	var d youthbot.Dialog
	var found bool
	h.DB.View(func(tx *storage.Tx) (err error) { d, found, err = tx.Dialog(id); return err })
	return d, found
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

// ContactUpdate is from's sharing of owner's contact with phone.
func ContactUpdate(from *tgbotapi.User, owner int64, phone string) tgbotapi.Update {
	m := &tgbotapi.Message{MessageID: 1, From: from, Chat: &tgbotapi.Chat{ID: from.ID, Type: "private"}, Date: 1,
		Contact: &tgbotapi.Contact{PhoneNumber: phone, FirstName: "X", UserID: owner}}
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

// To are the messages of msgs sent to chat.
func To(msgs []*youthbot.Outgoing, chat int64) []*youthbot.Outgoing {
	var out []*youthbot.Outgoing
	for _, m := range msgs {
		if m.Chat == chat {
			out = append(out, m)
		}
	}
	return out
}

// Has reports whether one of texts contains sub.
func Has(texts []string, sub string) bool {
	for _, t := range texts {
		if strings.Contains(t, sub) {
			return true
		}
	}
	return false
}

// Describe lists msgs one a line (method, chat, text, alert), for a
// failure's message.
func Describe(msgs []*youthbot.Outgoing) []string {
	var out []string
	for _, m := range msgs {
		out = append(out, fmt.Sprintf("%s→%d %q alert=%s", m.Method, m.Chat, m.Params["text"], m.Params["show_alert"]))
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
