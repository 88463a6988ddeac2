package participation_test

import (
	"testing"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
	"youthbot/bot"
	th "youthbot/bot/internal/harness"
	"youthbot/storage"
)

// The test helpers on the shared harness (bot/internal/harness),
// which registers this room among its Rooms.

var (
	msgUpdate = th.MsgUpdate
	cbUpdate  = th.CbUpdate
	user      = th.User
	texts     = th.Texts
	buttons   = th.Buttons
	refused   = th.Refused
	has       = th.Has
	describe  = th.Describe
)

const adminID = th.AdminID

// harness is th.H with the method names of the core's tests.
type harness struct {
	*th.H
	t   testing.TB
	db  *storage.DB
	bot *bot.Bot
	out *th.Outbox
}

func newHarness(t testing.TB) *harness {
	t.Helper()
	return wrap(t, th.New(t))
}

func wrap(t testing.TB, h *th.H) *harness {
	return &harness{H: h, t: t, db: h.DB, bot: h.Bot, out: h.Out}
}

func (h *harness) apply(u tgbotapi.Update) []*youthbot.Outgoing { h.t.Helper(); return h.Apply(u) }

func (h *harness) say(from *tgbotapi.User, text string) []string {
	h.t.Helper()
	return h.Say(from, text)
}

func (h *harness) press(from *tgbotapi.User, data string) []string {
	h.t.Helper()
	return h.Press(from, data)
}

func (h *harness) makeSecretary(id int64, unit string) { h.t.Helper(); h.MakeSecretary(id, unit) }

func (h *harness) snapshot() string { h.t.Helper(); return h.Snapshot() }

func (h *harness) member(id int64) youthbot.Member {
	h.t.Helper()
	var m youthbot.Member
	if err := h.db.View(func(tx *storage.Tx) (err error) { m, err = tx.Member(id); return err }); err != nil {
		h.t.Fatalf("member %d: %v", id, err)
	}
	return m
}

func (h *harness) dialog(id int64) (youthbot.Dialog, bool) {
	var d youthbot.Dialog
	var found bool
	h.db.View(func(tx *storage.Tx) (err error) { d, found, err = tx.Dialog(id); return err })
	return d, found
}

// register takes user id through the whole registration into branch and
// returns the member record (pending).
func (h *harness) register(id int64, branch, name string) youthbot.Member {
	h.t.Helper()
	u := user(id, "vi")
	if err := h.db.Update(func(tx *storage.Tx) error {
		return tx.PutDialog(id, youthbot.Dialog{Name: "reg", Step: "consent", Data: map[string]string{"unit": branch}})
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

func contactUpdate(from *tgbotapi.User, owner int64, phone string) tgbotapi.Update {
	m := &tgbotapi.Message{MessageID: 1, From: from, Chat: &tgbotapi.Chat{ID: from.ID, Type: "private"}, Date: 1,
		Contact: &tgbotapi.Contact{PhoneNumber: phone, FirstName: "X", UserID: owner}}
	return tgbotapi.Update{Message: m}
}

// noSummary leaves out the live summaries' renders (bot/requests).
func noSummary(msgs []*youthbot.Outgoing) []*youthbot.Outgoing {
	var out []*youthbot.Outgoing
	for _, m := range msgs {
		if m.Notice != "summary" {
			out = append(out, m)
		}
	}
	return out
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// newHarnessOpts is newHarness on the database at path opened with opts.
func newHarnessOpts(t testing.TB, path string, opts storage.Options) *harness {
	t.Helper()
	return wrap(t, th.NewOpts(t, path, opts))
}
