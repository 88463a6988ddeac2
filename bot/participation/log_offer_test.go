package participation_test

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot/bot/participation"
	"youthbot/i18n"
)

// Free text that looks like a log, sent outside a dialog, is offered with
// one button; pressing it stores exactly what /log with that line stores.
func TestFreeTextLogOfferPressedLogsAsLog(t *testing.T) {
	tests := []struct{ name, line, shown string }{
		{"HoursFirst", "3h dọn vệ sinh kênh", "3 giờ — dọn vệ sinh kênh"},
		{"YesterdayTwoHours", "hôm qua 2 giờ trồng cây", "hôm qua, 2 giờ — trồng cây"},
		{"DayOnly", "15/02 Hiến máu", "15/02/2026 — Hiến máu"},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id := int64(620 + i)
			// What /log with the line stores, on a database of its own.
			ref := newHarness(t)
			ref.ptMember(id, ptBranch, "Nguyễn Văn An")
			ref.makeSecretary(610, ptBranch)
			want := ref.say(user(id, "vi"), "/log "+tt.line)
			wantActs := ref.ptActivities(id)
			if len(wantActs) != 1 {
				t.Fatalf("/log stored %d activities", len(wantActs))
			}

			h := newHarness(t)
			an := h.ptMember(id, ptBranch, "Nguyễn Văn An")
			h.makeSecretary(610, ptBranch)
			msgs := h.apply(msgUpdate(an, tt.line))
			got := texts(msgs, id)
			if len(got) != 1 || !strings.Contains(got[0], "📝 Ghi nhận: "+tt.shown+"?") {
				t.Fatalf("offer %q, want it to show %q", got, tt.shown)
			}
			bs := buttons(msgs)
			if len(bs) != 1 || len(bs[0]) > 64 {
				t.Fatalf("offer buttons %q", bs)
			}
			if n := len(h.ptActivities(id)); n != 0 {
				t.Fatalf("the offer stored %d activities", n)
			}
			pressed := h.press(an, bs[0])
			acts := h.ptActivities(id)
			if len(acts) != 1 || !reflect.DeepEqual(acts[0], wantActs[0]) {
				t.Fatalf("stored %+v, /log stores %+v", acts, wantActs)
			}
			if !slices.Contains(pressed, want[0]) {
				t.Errorf("press answered %q, /log answers %q", pressed, want)
			}
			// The button is spent: a second press stores nothing more.
			h.press(an, bs[0])
			if n := len(h.ptActivities(id)); n != 1 {
				t.Errorf("second press: %d activities", n)
			}
		})
	}
}

// Text that does not look like a log keeps the old answer; strangers and
// pending members get no offer; a forged press stores nothing.
func TestFreeTextNoLogOffer(t *testing.T) {
	old := i18n.T("vi", "not_understood")
	h := newHarness(t)
	an := h.ptMember(630, ptBranch, "Nguyễn Văn An")
	h.register(631, ptBranch, "Trần Thị Bình") // pending
	cases := []struct {
		name string
		from *tgbotapi.User
		text string
	}{
		{"Greeting", an, "xin chào"},
		{"DescriptionOnly", an, "dọn vệ sinh kênh"},
		{"HoursOnly", an, "3h"},
		{"FutureDay", an, "20/03 3h dọn vệ sinh"},
		{"Stranger", user(632, "vi"), "3h dọn vệ sinh kênh"},
		{"Pending", user(631, "vi"), "3h dọn vệ sinh kênh"},
	}
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			msgs := h.apply(msgUpdate(tt.from, tt.text))
			if got := texts(msgs, tt.from.ID); !reflect.DeepEqual(got, []string{old}) || len(buttons(msgs)) != 0 {
				t.Errorf("answer %q buttons %q, want only %q", got, buttons(msgs), old)
			}
			if _, found := h.dialog(tt.from.ID); found {
				t.Errorf("a dialog was left open")
			}
		})
	}
	// A pending member pressing a forged offer button stores nothing.
	h.press(user(631, "vi"), participation.CbLogOffer+":1")
	h.press(an, participation.CbLogOffer+":1")
	if n := len(h.ptActivities(630)) + len(h.ptActivities(631)); n != 0 {
		t.Errorf("forged presses stored %d activities", n)
	}
}

// A photo without a caption is offered too; the button starts the guided
// /log with the photo kept as the evidence.
func TestPhotoWithoutCaptionOffersGuidedLog(t *testing.T) {
	h := newHarness(t)
	an := h.ptMember(640, ptBranch, "Nguyễn Văn An")
	u := msgUpdate(an, "")
	u.Message.MessageID = 77
	u.Message.Photo = []tgbotapi.PhotoSize{{FileID: "small"}, {FileID: "big"}}
	msgs := h.apply(u)
	bs := buttons(msgs)
	if got := texts(msgs, 640); len(got) != 1 || got[0] != i18n.T("vi", "log.offer_photo") || len(bs) != 1 {
		t.Fatalf("photo answered %q %q", got, bs)
	}
	h.press(an, bs[0])
	d, found := h.dialog(640)
	if !found || d.Name != participation.DlgLog || d.Step != participation.LogDate || d.Data["photo"] != "big" {
		t.Fatalf("after press dialog %+v (found %v), want the guided /log holding the photo", d, found)
	}
	// A stranger's photo gets the old answer.
	s := msgUpdate(user(641, "vi"), "")
	s.Message.Photo = []tgbotapi.PhotoSize{{FileID: "x"}}
	if got := texts(h.apply(s), 641); !reflect.DeepEqual(got, []string{i18n.T("vi", "not_understood")}) {
		t.Errorf("stranger's photo answered %q", got)
	}
}
