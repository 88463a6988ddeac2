package membership_test

import (
	"strings"
	"testing"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
	"youthbot/bot/internal/harness"
	"youthbot/bot/membership"
	"youthbot/storage"
)

func TestSkippingThePhoneIsAnsweredSkipped(t *testing.T) {
	for _, tt := range []struct{ lang, skip, want, notWant string }{
		{"vi", "Bỏ qua", "Đã bỏ qua", "Đã nhận"},
		{"en", "Skip", "Skipped", "Got it"},
	} {
		t.Run(tt.lang, func(t *testing.T) {
			h := harness.New(t)
			u := harness.User(504, tt.lang)
			if err := h.DB.Update(func(tx *storage.Tx) error {
				return tx.PutDialog(504, youthbot.Dialog{Name: membership.DlgRegister, Step: membership.StepConsent, Data: map[string]string{"unit": "VT-P5-KV1"}})
			}); err != nil {
				t.Fatal(err)
			}
			h.Press(u, "rg:yes")
			h.Say(u, "Nguyễn Văn An")
			h.Say(u, "15/03/2004")
			got := h.Say(u, tt.skip)
			if !harness.Has(got, tt.want) || harness.Has(got, tt.notWant) {
				t.Errorf("skipping the phone: %q, want %q and not %q", got, tt.want, tt.notWant)
			}
		})
	}
}

// startRegistration puts user id at the name step of registering in branch.
func startRegistration(h *harness.H, id int64, lang, branch string) *tgbotapi.User {
	h.T.Helper()
	u := harness.User(id, lang)
	if err := h.DB.Update(func(tx *storage.Tx) error {
		return tx.PutDialog(id, youthbot.Dialog{Name: membership.DlgRegister, Step: membership.StepConsent, Data: map[string]string{"unit": branch}})
	}); err != nil {
		h.T.Fatal(err)
	}
	h.Press(u, "rg:yes")
	return u
}

func TestNamesAreStoredAsTypedAndGreetedCapitalised(t *testing.T) {
	h := harness.New(t)
	u := startRegistration(h, 505, "vi", "VT-P5-KV1")
	msgs := h.Apply(harness.MsgUpdate(u, "nguyễn văn an"))
	if got := harness.Texts(msgs, 505); !harness.Has(got, "Chào An!") {
		t.Errorf("greeting after the name: %q, want Chào An!", got)
	}
	if b := harness.Buttons(msgs); len(b) != 0 {
		t.Errorf("a name in lower case is offered a title case: %v", b)
	}
	h.Say(u, "15/03/2004")
	h.Say(u, "Bỏ qua")
	h.Press(u, "rg:ok")
	if m := h.Member(505); m.FullName != "nguyễn văn an" {
		t.Errorf("stored %q, want the name as typed", m.FullName)
	}
	if got := h.Say(u, "/start"); !harness.Has(got, "Chào An!") {
		t.Errorf("/start greets %q, want Chào An!", got)
	}
}

func TestAllCapsNameIsOfferedTitleCase(t *testing.T) {
	h := harness.New(t)
	u := startRegistration(h, 506, "vi", "VT-P5-KV1")
	msgs := h.Apply(harness.MsgUpdate(u, "NGUYỄN VĂN ĐỨC"))
	if got := harness.Texts(msgs, 506); !harness.Has(got, "Chào Đức!") || !harness.Has(got, "«Nguyễn Văn Đức»") {
		t.Errorf("after an all-caps name: %q, want a greeting of Đức and the title case offered", got)
	}
	if b := harness.Buttons(msgs); strings.Join(b, " ") != "rg:title" {
		t.Fatalf("buttons %v, want rg:title", b)
	}
	if got := h.Press(u, "rg:title"); !harness.Has(got, "Nguyễn Văn Đức") {
		t.Errorf("pressing the title case: %q", got)
	}
	h.Say(u, "15/03/2004")
	h.Say(u, "Bỏ qua")
	h.Press(u, "rg:ok")
	if m := h.Member(506); m.FullName != "Nguyễn Văn Đức" {
		t.Errorf("stored %q, want the title case taken", m.FullName)
	}
	// Not pressing keeps the name as typed.
	u = startRegistration(h, 507, "vi", "VT-P5-KV1")
	h.Say(u, "TRẦN THỊ HOA")
	h.Say(u, "15/03/2004")
	h.Say(u, "Bỏ qua")
	h.Press(u, "rg:ok")
	if m := h.Member(507); m.FullName != "TRẦN THỊ HOA" {
		t.Errorf("stored %q, want the name as typed", m.FullName)
	}
	if got := h.Press(u, "rg:title"); !harness.Has(got, "cũ") {
		t.Errorf("a late title-case press: %q, want a stale-button answer", got)
	}
}
