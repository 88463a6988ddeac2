package telegramtest

import (
	"bytes"
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

const keyboardYesNo = `{"inline_keyboard":[[{"text":"Yes","callback_data":"yes"},{"text":"No","callback_data":"no"}]]}`

func TestGetMe(t *testing.T) {
	s := New(t)
	me := mustOK[map[string]any](t, post(t, s, "getMe", nil))
	if me["id"] != float64(BotID) || me["is_bot"] != true || me["username"] != BotUsername || me["first_name"] != "Youthbot" {
		t.Errorf("getMe = %v", me)
	}
}

func TestSendMessageAnswersAndRecordsTheMessage(t *testing.T) {
	now := time.Date(2026, 3, 26, 8, 0, 0, 0, time.UTC)
	s := NewServer(Options{Now: func() time.Time { return now }})
	t.Cleanup(s.Close)
	u := s.NewUser("Anna", "vi")
	u.Send("/start")
	got := mustOK[testMessage](t, post(t, s, "sendMessage", map[string]string{
		"chat_id": "1001", "text": "Xin chào <b>Anna</b> &amp; 😀", "parse_mode": "HTML", "reply_markup": keyboardYesNo,
	}))
	if got.MessageID != 2 || got.Chat.ID != 1001 || got.Chat.Type != "private" || got.From == nil || !got.From.IsBot || got.Date != now.Unix() {
		t.Errorf("message = %+v", got)
	}
	if got.Text != "Xin chào Anna & 😀" || len(got.Entities) != 1 || got.Entities[0].Type != "bold" || got.Entities[0].Offset != 9 {
		t.Errorf("text %q entities %+v", got.Text, got.Entities)
	}
	if got.ReplyMarkup == nil || got.ReplyMarkup.InlineKeyboard[0][1].CallbackData != "no" {
		t.Errorf("reply_markup = %+v", got.ReplyMarkup)
	}
	msgs := u.Messages()
	if len(msgs) != 1 {
		t.Fatalf("Messages = %d, want 1", len(msgs))
	}
	m := msgs[0]
	if m.ID != 2 || !m.FromBot || m.Text != "Xin chào Anna & 😀" || m.HTML != "Xin chào <b>Anna</b> &amp; 😀" ||
		!slices.Equal(m.Buttons[0], []Button{{Text: "Yes", Data: "yes"}, {Text: "No", Data: "no"}}) {
		t.Errorf("recorded message = %+v", m)
	}
	calls := s.Calls()
	if last := calls[len(calls)-1]; last.Method != "sendMessage" || last.Chat != 1001 || last.Status != 200 || last.Params["parse_mode"] != "HTML" || !last.Time.Equal(now) {
		t.Errorf("call = %+v", last)
	}
}

func TestReplyKeyboardAndReplies(t *testing.T) {
	s := New(t)
	u := s.NewUser("Anna", "vi")
	asked := u.Send("hello")
	post(t, s, "sendMessage", map[string]string{"chat_id": "1001", "text": "Share your phone", "reply_to_message_id": strconv.Itoa(asked.ID),
		"reply_markup": `{"keyboard":[[{"text":"📱 Share","request_contact":true}]],"resize_keyboard":true}`})
	post(t, s, "sendMessage", map[string]string{"chat_id": "1001", "text": "Thanks", "reply_markup": `{"remove_keyboard":true}`})
	m := u.Next(t)
	if len(m.ReplyKeyboard) != 1 || !m.ReplyKeyboard[0][0].RequestContact || m.ReplyTo != asked.ID {
		t.Errorf("first message = %+v", m)
	}
	if m := u.Next(t); !m.RemoveKeyboard {
		t.Errorf("second message does not remove the keyboard: %+v", m)
	}
	a := post(t, s, "sendMessage", map[string]string{"chat_id": "1001", "text": "x", "reply_parameters": `{"message_id":77}`})
	if a.Status != 400 || a.Description != "Bad Request: message to be replied not found" {
		t.Errorf("reply to a missing message = %d %q", a.Status, a.Description)
	}
}

func TestEditMessageText(t *testing.T) {
	s := newQuiet(t)
	u := s.NewUser("Anna", "vi")
	sent := mustOK[testMessage](t, post(t, s, "sendMessage", map[string]string{"chat_id": "1001", "text": "Question?", "reply_markup": keyboardYesNo}))
	id := strconv.Itoa(sent.MessageID)
	m := u.Expect(t, "Question?")

	// Same text and markup: Telegram's "not modified", not a violation.
	a := post(t, s, "editMessageText", map[string]string{"chat_id": "1001", "message_id": id, "text": "Question?", "reply_markup": keyboardYesNo})
	if a.Status != 400 || a.Description != notModified {
		t.Errorf("same edit = %d %q, want 400 not modified", a.Status, a.Description)
	}
	// An edit without reply_markup removes the keyboard, as on Telegram.
	edited := mustOK[testMessage](t, post(t, s, "editMessageText", map[string]string{"chat_id": "1001", "message_id": id, "text": "<i>Answered</i>", "parse_mode": "HTML"}))
	if edited.Text != "Answered" || edited.EditDate == 0 || edited.ReplyMarkup != nil {
		t.Errorf("edit answer = %+v", edited)
	}
	s.WaitUntil(t, "the message is edited", func() bool { return m.Edited == 1 })
	if m.Text != "Answered" || m.Buttons != nil || m.HTML != "<i>Answered</i>" {
		t.Errorf("live message after edit = %+v", m.Snapshot())
	}
	mustOK[testMessage](t, post(t, s, "editMessageReplyMarkup", map[string]string{"chat_id": "1001", "message_id": id, "reply_markup": keyboardYesNo}))
	if snap := m.Snapshot(); snap.Edited != 2 || len(snap.Buttons) != 1 {
		t.Errorf("after editMessageReplyMarkup: %+v", snap)
	}
	userMsg := u.Send("mine")
	a = post(t, s, "editMessageText", map[string]string{"chat_id": "1001", "message_id": strconv.Itoa(userMsg.ID), "text": "hacked"})
	if a.Status != 400 || a.Description != "Bad Request: message can't be edited" {
		t.Errorf("editing a user's message = %d %q", a.Status, a.Description)
	}
	// Only editing the user's message is a bug of the bot; "not modified" is not.
	if v := s.Violations(); len(v) != 1 || !strings.Contains(v[0], "message can't be edited") {
		t.Errorf("violations = %q, want the edit of a user's message only", v)
	}
}

func TestDeleteMessage(t *testing.T) {
	s := New(t)
	u := s.NewUser("Anna", "vi")
	sent := mustOK[testMessage](t, post(t, s, "sendMessage", map[string]string{"chat_id": "1001", "text": "bye"}))
	params := map[string]string{"chat_id": "1001", "message_id": strconv.Itoa(sent.MessageID)}
	if !mustOK[bool](t, post(t, s, "deleteMessage", params)) {
		t.Error("deleteMessage answered false")
	}
	if m := u.Next(t); !m.Deleted {
		t.Error("message not marked deleted")
	}
	if a := post(t, s, "deleteMessage", params); a.Status != 400 || a.Description != "Bad Request: message to delete not found" {
		t.Errorf("second delete = %d %q", a.Status, a.Description)
	}
}

func TestPhotoUploadAndResendByFileID(t *testing.T) {
	s := New(t)
	u := s.NewUser("Anna", "vi")
	img := []byte("\x89PNG fake image")
	got := mustOK[testMessage](t, postFile(t, s, "sendPhoto", map[string]string{"chat_id": "1001", "caption": "<b>Report</b>", "parse_mode": "HTML"}, "photo", "r.png", img))
	if len(got.Photo) == 0 || got.Caption != "Report" {
		t.Fatalf("sendPhoto answer = %+v", got)
	}
	m := u.Expect(t, "Report")
	if !bytes.Equal(m.Photo, img) || m.Caption != "Report" {
		t.Errorf("photo message = %+v", m)
	}
	again := mustOK[testMessage](t, post(t, s, "sendPhoto", map[string]string{"chat_id": "1001", "photo": got.Photo[0].FileID}))
	if len(again.Photo) == 0 {
		t.Errorf("resend answer = %+v", again)
	}
	if m := u.Next(t); !bytes.Equal(m.Photo, img) {
		t.Errorf("resent photo bytes = %q", m.Photo)
	}
	doc := mustOK[testMessage](t, postFile(t, s, "sendDocument", map[string]string{"chat_id": "1001"}, "document", "list.csv", []byte("a,b\n")))
	if doc.Document == nil || doc.Document.FileName != "list.csv" {
		t.Errorf("sendDocument answer = %+v", doc)
	}
	if m := u.Next(t); string(m.Document) != "a,b\n" || m.DocumentName != "list.csv" {
		t.Errorf("document message = %+v", m)
	}
	calls := s.Calls()
	if string(calls[0].Files["photo"]) != string(img) {
		t.Errorf("recorded files = %v", calls[0].Files)
	}
}

func TestChatMembers(t *testing.T) {
	s := New(t)
	creator, admin, member, outsider := s.NewUser("A", "vi"), s.NewUser("B", "vi"), s.NewUser("C", "vi"), s.NewUser("D", "vi")
	g := s.NewGroup("Chi đoàn 1")
	g.SetAdmin(creator, true)
	g.SetAdmin(admin, true)
	g.AddMember(member)
	gid := strconv.FormatInt(g.ID(), 10)
	tests := []struct {
		user *User
		want string
	}{{creator, "creator"}, {admin, "administrator"}, {member, "member"}, {outsider, "left"}}
	for _, tt := range tests {
		got := mustOK[map[string]any](t, post(t, s, "getChatMember", map[string]string{"chat_id": gid, "user_id": strconv.FormatInt(tt.user.ID, 10)}))
		if got["status"] != tt.want {
			t.Errorf("status of %s = %v, want %s", tt.user, got["status"], tt.want)
		}
	}
	if a := post(t, s, "getChatMember", map[string]string{"chat_id": gid, "user_id": "9999"}); a.Status != 400 || a.Description != "Bad Request: user not found" {
		t.Errorf("unknown user = %d %q", a.Status, a.Description)
	}
	g.RemoveMember(member)
	if got := mustOK[map[string]any](t, post(t, s, "getChatMember", map[string]string{"chat_id": gid, "user_id": strconv.FormatInt(member.ID, 10)})); got["status"] != "left" {
		t.Errorf("status after RemoveMember = %v, want left", got["status"])
	}
	admins := mustOK[[]map[string]any](t, post(t, s, "getChatAdministrators", map[string]string{"chat_id": gid}))
	if len(admins) != 2 || admins[0]["status"] != "creator" || admins[1]["status"] != "administrator" {
		t.Errorf("administrators = %v", admins)
	}
	if a := post(t, s, "getChatMember", map[string]string{"chat_id": "1001", "user_id": "1001"}); a.Status != 400 || a.Description != "Bad Request: chat not found" {
		t.Errorf("getChatMember in a private chat = %d %q", a.Status, a.Description)
	}
	chat := mustOK[map[string]any](t, post(t, s, "getChat", map[string]string{"chat_id": gid}))
	if chat["type"] != "group" || chat["title"] != "Chi đoàn 1" {
		t.Errorf("getChat = %v", chat)
	}
	mustOK[bool](t, post(t, s, "leaveChat", map[string]string{"chat_id": gid}))
	if a := post(t, s, "sendMessage", map[string]string{"chat_id": gid, "text": "x"}); a.Status != http.StatusForbidden {
		t.Errorf("send after leaving = %d %q, want 403", a.Status, a.Description)
	}
}

func TestMyCommands(t *testing.T) {
	s := New(t)
	g := s.NewGroup("G")
	cmds := `[{"command":"start","description":"Bắt đầu"},{"command":"help","description":"Trợ giúp"}]`
	mustOK[bool](t, post(t, s, "setMyCommands", map[string]string{"commands": cmds, "language_code": "vi"}))
	mustOK[bool](t, post(t, s, "setMyCommands", map[string]string{"commands": `[{"command":"admin","description":"Admin"}]`,
		"scope": `{"type":"chat_administrators","chat_id":` + strconv.FormatInt(g.ID(), 10) + `}`}))
	want := []BotCommand{{"start", "Bắt đầu"}, {"help", "Trợ giúp"}}
	if got := s.Commands("default", "vi"); !slices.Equal(got, want) {
		t.Errorf("Commands(default, vi) = %v, want %v", got, want)
	}
	if got := s.Commands("chat_administrators:-2001", ""); len(got) != 1 || got[0].Command != "admin" {
		t.Errorf("Commands(chat_administrators:-2001) = %v", got)
	}
	if got := s.Commands("default", ""); got != nil {
		t.Errorf("Commands(default, \"\") = %v, want nil", got)
	}
	got := mustOK[[]BotCommand](t, post(t, s, "getMyCommands", map[string]string{"scope": `{"type":"default"}`, "language_code": "vi"}))
	if !slices.Equal(got, want) {
		t.Errorf("getMyCommands = %v", got)
	}
	mustOK[bool](t, post(t, s, "deleteMyCommands", map[string]string{"language_code": "vi"}))
	if got := mustOK[[]BotCommand](t, post(t, s, "getMyCommands", map[string]string{"language_code": "vi"})); len(got) != 0 {
		t.Errorf("after delete: %v", got)
	}
}

func TestWebhookState(t *testing.T) {
	s := New(t)
	s.NewUser("Anna", "vi").Send("pending")
	mustOK[bool](t, post(t, s, "setWebhook", map[string]string{"url": "https://bot.example.com/tg", "secret_token": "s3cret_-X",
		"allowed_updates": `["message","callback_query"]`, "max_connections": "10"}))
	w := s.Webhook()
	if w.URL != "https://bot.example.com/tg" || w.SecretToken != "s3cret_-X" || !slices.Equal(w.AllowedUpdates, []string{"message", "callback_query"}) || w.MaxConnections != 10 {
		t.Errorf("Webhook = %+v", w)
	}
	info := mustOK[map[string]any](t, post(t, s, "getWebhookInfo", nil))
	if info["url"] != "https://bot.example.com/tg" || info["pending_update_count"] != float64(1) {
		t.Errorf("getWebhookInfo = %v", info)
	}
	mustOK[bool](t, post(t, s, "deleteWebhook", map[string]string{"drop_pending_updates": "true"}))
	if s.Webhook().URL != "" || s.Pending() != 0 {
		t.Errorf("after deleteWebhook: %+v, Pending %d", s.Webhook(), s.Pending())
	}
	raw, _ := json.Marshal(s.AllowedUpdates())
	if string(raw) != `["message","callback_query"]` {
		t.Errorf("allowed_updates from setWebhook not kept: %s", raw)
	}
}
