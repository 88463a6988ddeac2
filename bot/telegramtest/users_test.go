package telegramtest

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestNewUserAndGroupIDs(t *testing.T) {
	s := New(t)
	a, b := s.NewUser("Anna", "vi"), s.NewUser("Binh", "en")
	g1, g2 := s.NewGroup("One"), s.NewGroup("Two")
	if a.ID != 1001 || b.ID != 1002 || g1.ID() != -2001 || g2.ID() != -2002 {
		t.Errorf("ids = %d %d %d %d", a.ID, b.ID, g1.ID(), g2.ID())
	}
	if a.Phone != "+84900001001" || len(a.Phone) != 12 {
		t.Errorf("phone = %q", a.Phone)
	}
}

func TestSendAddsCommandEntity(t *testing.T) {
	tests := []struct {
		text   string
		length int // 0: no entity
	}{
		{"/start", 6},
		{"/start abc", 6},
		{"/start@" + BotUsername + " payload", 7 + len(BotUsername)},
		{"/đăng_ký x", 8},
		{"hello /start", 0},
		{"/", 0},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			s := New(t)
			s.NewUser("Anna", "vi").Send(tt.text)
			ups := poll(t, s, nil)
			es := ups[0].Message.Entities
			switch {
			case tt.length == 0 && len(es) != 0:
				t.Errorf("entities = %+v, want none", es)
			case tt.length != 0 && (len(es) != 1 || es[0].Type != "bot_command" || es[0].Offset != 0 || es[0].Length != tt.length):
				t.Errorf("entities = %+v, want bot_command 0+%d", es, tt.length)
			}
		})
	}
}

func TestUserMessagesShareTheChatSequence(t *testing.T) {
	s := New(t)
	u := s.NewUser("Anna", "vi")
	first := u.Send("one")
	sent := mustOK[testMessage](t, post(t, s, "sendMessage", hello("1001")))
	second := u.SendSticker()
	if first.ID != 1 || sent.MessageID != 2 || second.ID != 3 {
		t.Errorf("ids = %d, %d, %d; want 1, 2, 3", first.ID, sent.MessageID, second.ID)
	}
	ups := poll(t, s, nil)
	if ups[1].Message.Sticker == nil || ups[1].Message.Text != "" {
		t.Errorf("sticker update = %+v", ups[1].Message)
	}
}

func TestContactSharing(t *testing.T) {
	s := New(t)
	anna, binh := s.NewUser("Anna", "vi"), s.NewUser("Binh", "vi")
	anna.ShareContact()
	anna.ShareContactOf(binh)
	ups := poll(t, s, nil)
	own, other := ups[0].Message, ups[1].Message
	if own.Contact == nil || own.Contact.UserID != anna.ID || own.Contact.PhoneNumber != "84900001001" || own.From.ID != anna.ID {
		t.Errorf("own contact = %+v from %+v", own.Contact, own.From)
	}
	if other.Contact == nil || other.Contact.UserID != binh.ID || other.From.ID != anna.ID || other.Chat.ID != anna.ID {
		t.Errorf("other's contact = %+v from %+v in %d", other.Contact, other.From, other.Chat.ID)
	}
}

func TestUserPhoto(t *testing.T) {
	s := New(t)
	m := s.NewUser("Anna", "vi").SendPhoto("/report May")
	ups := poll(t, s, nil)
	got := ups[0].Message
	if len(got.Photo) != 3 || got.Caption != "/report May" || m.Text != "/report May" {
		t.Fatalf("photo update = %+v", got)
	}
	// The bot can send the photo on by file_id.
	mustOK[testMessage](t, post(t, s, "sendPhoto", map[string]string{"chat_id": "1001", "photo": got.Photo[2].FileID}))
}

func TestBlock(t *testing.T) {
	s := New(t)
	u := s.NewUser("Anna", "vi")
	u.Block()
	for method, params := range map[string]map[string]string{
		"sendMessage":    hello("1001"),
		"sendChatAction": {"chat_id": "1001", "action": "typing"},
	} {
		a := post(t, s, method, params)
		if a.Status != http.StatusForbidden || a.Description != "Forbidden: bot was blocked by the user" {
			t.Errorf("%s to a blocking user = %d %q", method, a.Status, a.Description)
		}
	}
	u.Unblock()
	mustOK[testMessage](t, post(t, s, "sendMessage", hello("1001")))
	ups := poll(t, s, nil)
	if len(ups) != 2 {
		t.Fatalf("%d updates, want 2 my_chat_member", len(ups))
	}
	type member struct {
		Status string `json:"status"`
		User   struct {
			ID int64 `json:"id"`
		} `json:"user"`
	}
	var changes [2]struct {
		Chat struct {
			ID int64 `json:"id"`
		} `json:"chat"`
		Old member `json:"old_chat_member"`
		New member `json:"new_chat_member"`
	}
	for i, up := range ups {
		if err := json.Unmarshal(up.MyChatMember, &changes[i]); err != nil {
			t.Fatalf("decode my_chat_member: %v", err)
		}
	}
	if changes[0].Old.Status != "member" || changes[0].New.Status != "kicked" || changes[1].Old.Status != "kicked" || changes[1].New.Status != "member" ||
		changes[0].Chat.ID != u.ID || changes[0].New.User.ID != BotID {
		t.Errorf("my_chat_member updates = %+v", changes)
	}
	if v := s.Violations(); len(v) != 0 {
		t.Errorf("blocked sends are not violations, got %q", v)
	}
}

func TestMigrate(t *testing.T) {
	s := New(t)
	u := s.NewUser("Anna", "vi")
	g := s.NewGroup("Chi đoàn")
	g.SetAdmin(u, true)
	old := g.ID()
	mustOK[testMessage](t, post(t, s, "sendMessage", hello(strconv.FormatInt(old, 10))))
	newID := g.Migrate()
	if newID != -1001000000001 || g.ID() != newID || !strings.HasPrefix(strconv.FormatInt(newID, 10), "-100") {
		t.Errorf("new id = %d, ID() = %d", newID, g.ID())
	}
	ups := poll(t, s, nil)
	if len(ups) != 2 || ups[0].Message.Chat.ID != old || ups[0].Message.MigrateToChatID != newID ||
		ups[1].Message.Chat.ID != newID || ups[1].Message.MigrateFromChatID != old || ups[1].Message.Chat.Type != "supergroup" {
		t.Fatalf("migration updates = %+v", ups)
	}
	a := post(t, s, "sendMessage", hello(strconv.FormatInt(old, 10)))
	if a.Status != 400 || a.Description != "Bad Request: group chat was upgraded to a supergroup chat" || a.Parameters.MigrateToChatID != newID {
		t.Errorf("send to the old id = %d %s", a.Status, a.Body)
	}
	mustOK[testMessage](t, post(t, s, "sendMessage", map[string]string{"chat_id": strconv.FormatInt(newID, 10), "text": "moved"}))
	member := mustOK[map[string]any](t, post(t, s, "getChatMember", map[string]string{"chat_id": strconv.FormatInt(newID, 10), "user_id": "1001"}))
	if member["status"] != "creator" {
		t.Errorf("membership not carried over: %v", member)
	}
	// The group's reader follows the migration.
	g.Expect(t, "hello")
	g.Expect(t, "moved")
	if v := s.Violations(); len(v) != 0 {
		t.Errorf("a send to a migrated group is not a violation, got %q", v)
	}
}

func TestPress(t *testing.T) {
	s := New(t)
	u := s.NewUser("Anna", "vi")
	other := s.NewUser("Binh", "vi")
	post(t, s, "sendMessage", map[string]string{"chat_id": "1001", "text": "Choose",
		"reply_markup": `{"inline_keyboard":[[{"text":"✅ Đồng ý","callback_data":"agree:7"},{"text":"❌ Từ chối","callback_data":"refuse:7"}],[{"text":"Web","url":"https://example.com"}]]}`})
	m := u.Expect(t, "Choose")

	exact := u.Press(m, "✅ Đồng ý")
	partial := u.Press(m, "Từ chối")
	forged := u.PressData(m, "agree:999")
	if exact.Data != "agree:7" || partial.Data != "refuse:7" || forged.Data != "agree:999" {
		t.Errorf("data = %q %q %q", exact.Data, partial.Data, forged.Data)
	}
	for _, tt := range []struct{ text, wantErr string }{
		{"Maybe", "no button has this text"},
		{"Web", "no callback_data"},
		{"", "3 buttons contain"},
	} {
		if _, err := u.PressE(m, tt.text); err == nil || !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("PressE(%q) error = %v, want %q", tt.text, err, tt.wantErr)
		}
	}
	if _, err := other.PressE(m, "Web"); err == nil || !strings.Contains(err.Error(), "another user's private chat") {
		t.Errorf("pressing in another user's chat: %v", err)
	}

	ups := poll(t, s, nil)
	if len(ups) != 3 || ups[0].CallbackQuery == nil || ups[0].CallbackQuery.ID != exact.ID || ups[0].CallbackQuery.Message.MessageID != m.ID ||
		ups[0].CallbackQuery.From.ID != u.ID || ups[2].CallbackQuery.Data != "agree:999" {
		t.Fatalf("callback updates = %+v", ups)
	}
	mustOK[bool](t, post(t, s, "answerCallbackQuery", map[string]string{"callback_query_id": exact.ID, "text": "Đã ghi nhận", "show_alert": "true"}))
	if text, alert := exact.Answer(t); text != "Đã ghi nhận" || !alert {
		t.Errorf("Answer = %q, %t", text, alert)
	}
	a := post(t, s, "answerCallbackQuery", map[string]string{"callback_query_id": exact.ID})
	if a.Status != 400 || a.Description != "Bad Request: query is too old and response timeout expired or query ID is invalid" {
		t.Errorf("second answer = %d %q", a.Status, a.Description)
	}
	if _, _, ok := partial.Answered(); ok {
		t.Error("an unanswered query reports an answer")
	}
}

func TestPressFailsTheTestWhenNoButtonMatches(t *testing.T) {
	ft := &fakeTB{}
	s := New(t)
	u := s.NewUser("Anna", "vi")
	post(t, s, "sendMessage", map[string]string{"chat_id": "1001", "text": "k", "reply_markup": keyboardYesNo})
	m := u.Next(t)
	s.tb = ft
	ft.run(func(testing.TB) { u.Press(m, "Maybe") })
	if f := ft.failures(); len(f) != 1 || !strings.Contains(f[0], `press "Maybe"`) || !strings.Contains(f[0], "Yes → yes") {
		t.Errorf("failures = %q, want one with the transcript", f)
	}
}

func TestAnswerFailsWhenTheBotDoesNotAnswer(t *testing.T) {
	s := New(t)
	s.SetWaitTimeout(50 * time.Millisecond)
	u := s.NewUser("Anna", "vi")
	post(t, s, "sendMessage", map[string]string{"chat_id": "1001", "text": "k", "reply_markup": keyboardYesNo})
	cb := u.Press(u.Next(t), "Yes")
	ft := &fakeTB{}
	ft.run(func(tb testing.TB) { cb.Answer(tb) })
	if f := ft.failures(); len(f) != 1 || !strings.Contains(f[0], "was not answered") {
		t.Errorf("failures = %q", f)
	}
}
