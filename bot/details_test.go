package bot

import (
	"strings"
	"testing"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
	"youthbot/storage"
)

func TestMisspelledCommandGetsTheClosest(t *testing.T) {
	tests := []struct {
		lang, text, want string
	}{
		{"vi", "/pendng", "Ý bạn là /pending?"},
		{"vi", "/pneding", "Ý bạn là /pending?"},
		{"vi", "/hlep", "Ý bạn là /help?"},
		{"en", "/pendin", "Did you mean /pending?"},
		{"vi", "/xyzzyq", "Không có lệnh này. Gõ /help"},
		{"en", "/0901234567", "There is no such command. Send /help"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			h := newHarness(t)
			got := strings.Join(h.say(user(501, tt.lang), tt.text), "\n")
			if !strings.Contains(got, tt.want) {
				t.Errorf("%s: got %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"log", "log", 0}, {"lgo", "log", 1}, {"pendng", "pending", 1},
		{"pneding", "pending", 1}, {"help", "", 4}, {"kitten", "sitting", 3},
	}
	for _, tt := range tests {
		if got := editDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestHelpOfAPendingMemberSaysItIsPending(t *testing.T) {
	h := newHarness(t)
	m := h.register(502, "VT-P5-KV1", "Nguyễn Văn An")
	if m.Status != "pending" {
		t.Fatalf("status %q, want pending", m.Status)
	}
	got := strings.Join(h.say(user(502, "vi"), "/help"), "\n")
	if strings.Contains(got, "link mời") {
		t.Errorf("a pending member's /help says to open an invite link:\n%s", got)
	}
	if !strings.Contains(got, "đang chờ bí thư duyệt") {
		t.Errorf("a pending member's /help does not say it is pending:\n%s", got)
	}
	// Someone not registered is still told how to join.
	if got := strings.Join(h.say(user(503, "vi"), "/help"), "\n"); !strings.Contains(got, "link mời") {
		t.Errorf("a newcomer's /help does not say how to join:\n%s", got)
	}
}

func TestSkippingThePhoneIsAnsweredSkipped(t *testing.T) {
	for _, tt := range []struct{ lang, skip, want, notWant string }{
		{"vi", "Bỏ qua", "Đã bỏ qua", "Đã nhận"},
		{"en", "Skip", "Skipped", "Got it"},
	} {
		t.Run(tt.lang, func(t *testing.T) {
			h := newHarness(t)
			u := user(504, tt.lang)
			if err := h.db.Update(func(tx *storage.Tx) error {
				return tx.PutDialog(504, youthbot.Dialog{Name: dlgRegister, Step: stepConsent, Data: map[string]string{"unit": "VT-P5-KV1"}})
			}); err != nil {
				t.Fatal(err)
			}
			h.press(u, "rg:yes")
			h.say(u, "Nguyễn Văn An")
			h.say(u, "15/03/2004")
			got := h.say(u, tt.skip)
			if !has(got, tt.want) || has(got, tt.notWant) {
				t.Errorf("skipping the phone: %q, want %q and not %q", got, tt.want, tt.notWant)
			}
		})
	}
}

// startRegistration puts user id at the name step of registering in branch.
func (h *harness) startRegistration(id int64, lang, branch string) *tgbotapi.User {
	h.t.Helper()
	u := user(id, lang)
	if err := h.db.Update(func(tx *storage.Tx) error {
		return tx.PutDialog(id, youthbot.Dialog{Name: dlgRegister, Step: stepConsent, Data: map[string]string{"unit": branch}})
	}); err != nil {
		h.t.Fatal(err)
	}
	h.press(u, "rg:yes")
	return u
}

func TestNamesAreStoredAsTypedAndGreetedCapitalised(t *testing.T) {
	h := newHarness(t)
	u := h.startRegistration(505, "vi", "VT-P5-KV1")
	msgs := h.apply(msgUpdate(u, "nguyễn văn an"))
	if got := texts(msgs, 505); !has(got, "Chào An!") {
		t.Errorf("greeting after the name: %q, want Chào An!", got)
	}
	if b := buttons(msgs); len(b) != 0 {
		t.Errorf("a name in lower case is offered a title case: %v", b)
	}
	h.say(u, "15/03/2004")
	h.say(u, "Bỏ qua")
	h.press(u, "rg:ok")
	if m := h.member(505); m.FullName != "nguyễn văn an" {
		t.Errorf("stored %q, want the name as typed", m.FullName)
	}
	if got := h.say(u, "/start"); !has(got, "Chào An!") {
		t.Errorf("/start greets %q, want Chào An!", got)
	}
}

func TestAllCapsNameIsOfferedTitleCase(t *testing.T) {
	h := newHarness(t)
	u := h.startRegistration(506, "vi", "VT-P5-KV1")
	msgs := h.apply(msgUpdate(u, "NGUYỄN VĂN ĐỨC"))
	if got := texts(msgs, 506); !has(got, "Chào Đức!") || !has(got, "«Nguyễn Văn Đức»") {
		t.Errorf("after an all-caps name: %q, want a greeting of Đức and the title case offered", got)
	}
	if b := buttons(msgs); strings.Join(b, " ") != "rg:title" {
		t.Fatalf("buttons %v, want rg:title", b)
	}
	if got := h.press(u, "rg:title"); !has(got, "Nguyễn Văn Đức") {
		t.Errorf("pressing the title case: %q", got)
	}
	h.say(u, "15/03/2004")
	h.say(u, "Bỏ qua")
	h.press(u, "rg:ok")
	if m := h.member(506); m.FullName != "Nguyễn Văn Đức" {
		t.Errorf("stored %q, want the title case taken", m.FullName)
	}
	// Not pressing keeps the name as typed.
	u = h.startRegistration(507, "vi", "VT-P5-KV1")
	h.say(u, "TRẦN THỊ HOA")
	h.say(u, "15/03/2004")
	h.say(u, "Bỏ qua")
	h.press(u, "rg:ok")
	if m := h.member(507); m.FullName != "TRẦN THỊ HOA" {
		t.Errorf("stored %q, want the name as typed", m.FullName)
	}
	if got := h.press(u, "rg:title"); !has(got, "cũ") {
		t.Errorf("a late title-case press: %q, want a stale-button answer", got)
	}
}
