package telegramtest

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
)

func TestValidation(t *testing.T) {
	long := strings.Repeat("😀", 4097)
	tests := []struct {
		name      string
		method    string
		params    map[string]string
		status    int
		desc      string // substring of the description
		violation string // substring of the one violation expected; "" = none
	}{
		{"AcceptsPlainText", "sendMessage", map[string]string{"chat_id": "1001", "text": "hi"}, 200, "", ""},
		{"AcceptsMethodInAnyCase", "SENDMESSAGE", map[string]string{"chat_id": "1001", "text": "hi"}, 200, "", ""},
		{"AcceptsNullEntitiesAndLegacyParams", "sendMessage", map[string]string{"chat_id": "1001", "text": "hi", "entities": "null",
			"disable_web_page_preview": "true", "reply_to_message_id": "0", "allow_sending_without_reply": "false"}, 200, "", ""},
		{"AcceptsMaxLengthInCodePoints", "sendMessage", map[string]string{"chat_id": "1001", "text": long[len("😀"):]}, 200, "", ""},
		{"AcceptsEntitiesInLength", "sendMessage", map[string]string{"chat_id": "1001", "parse_mode": "HTML", "text": "<b>" + strings.Repeat("&amp;", 4096) + "</b>"}, 200, "", ""},
		{"AcceptsInlineKeyboard", "sendMessage", map[string]string{"chat_id": "1001", "text": "k",
			"reply_markup": `{"inline_keyboard":[[{"text":"Có","callback_data":"yes"},{"text":"Web","url":"https://example.com"}]]}`}, 200, "", ""},
		{"AcceptsContactButtonInPrivate", "sendMessage", map[string]string{"chat_id": "1001", "text": "k",
			"reply_markup": `{"keyboard":[[{"text":"Share","request_contact":true}]],"resize_keyboard":true,"one_time_keyboard":true}`}, 200, "", ""},
		{"AcceptsRemoveKeyboard", "sendMessage", map[string]string{"chat_id": "-2001", "text": "k", "reply_markup": `{"remove_keyboard":true,"selective":false}`}, 200, "", ""},
		{"AcceptsJSONBoolean", "sendMessage", map[string]string{"chat_id": "1001", "text": "k", "link_preview_options": `{"is_disabled":true}`}, 200, "", ""},

		{"UnknownParamIsViolationOnly", "sendMessage", map[string]string{"chat_id": "1001", "text": "hi", "colour": "red"}, 200, "", `unknown parameter "colour"`},
		{"MissingChatID", "sendMessage", map[string]string{"text": "hi"}, 400, "Bad Request: chat_id is empty", "chat_id is empty"},
		{"MissingText", "sendMessage", map[string]string{"chat_id": "1001"}, 400, "Bad Request: message text is empty", "message text is empty"},
		{"BlankTextAfterParsing", "sendMessage", map[string]string{"chat_id": "1001", "text": "<b> </b>", "parse_mode": "HTML"}, 400, "Bad Request: message text is empty", "empty"},
		{"TooLong", "sendMessage", map[string]string{"chat_id": "1001", "text": long}, 400, "Bad Request: message is too long", "4097 characters"},
		{"BadInteger", "sendMessage", map[string]string{"chat_id": "1001", "text": "x", "message_thread_id": "one"}, 400, `parameter "message_thread_id": must be an Integer`, "Integer"},
		{"BadBoolean", "sendMessage", map[string]string{"chat_id": "1001", "text": "x", "disable_notification": "yes"}, 400, "must be true or false", "true or false"},
		{"UnknownChat", "sendMessage", map[string]string{"chat_id": "424242", "text": "x"}, 400, "Bad Request: chat not found", "chat not found"},
		{"UsernameChat", "sendMessage", map[string]string{"chat_id": "@somebody", "text": "x"}, 400, "Bad Request: chat not found", "chat not found"},
		{"BadParseMode", "sendMessage", map[string]string{"chat_id": "1001", "text": "x", "parse_mode": "html5"}, 400, "unsupported parse_mode", "parse_mode"},
		{"MalformedHTML", "sendMessage", map[string]string{"chat_id": "1001", "text": "1 < 2", "parse_mode": "HTML"}, 400, "Bad Request: can't parse entities: character '<'", "can't parse entities"},
		{"HTMLNotParsedWithoutParseMode", "sendMessage", map[string]string{"chat_id": "1001", "text": "1 < 2 & <b>"}, 200, "", ""},
		{"ReplyMarkupNull", "sendMessage", map[string]string{"chat_id": "1001", "text": "x", "reply_markup": "null"}, 400, "Bad Request: object expected as reply markup", "object expected"},
		{"ReplyMarkupNullInAnEdit", "editMessageText", map[string]string{"chat_id": "1001", "message_id": "1", "text": "x", "reply_markup": "null"}, 400, "object expected as reply markup", "object expected"},
		{"ReplyMarkupNotJSON", "sendMessage", map[string]string{"chat_id": "1001", "text": "x", "reply_markup": "{inline"}, 400, "can't parse JSON", "reply_markup"},
		{"CallbackDataTooLong", "sendMessage", map[string]string{"chat_id": "1001", "text": "x",
			"reply_markup": `{"inline_keyboard":[[{"text":"a","callback_data":"` + strings.Repeat("д", 33) + `"}]]}`}, 400, "callback_data: must be 1-64 bytes, got 66", "BUTTON_DATA_INVALID"},
		{"ButtonWithTwoActions", "sendMessage", map[string]string{"chat_id": "1001", "text": "x",
			"reply_markup": `{"inline_keyboard":[[{"text":"a","callback_data":"a","url":"https://x.y"}]]}`}, 400, "exactly one of", "exactly one"},
		{"ButtonWithoutAction", "sendMessage", map[string]string{"chat_id": "1001", "text": "x",
			"reply_markup": `{"inline_keyboard":[[{"text":"a"}]]}`}, 400, "exactly one of", "exactly one"},
		{"NineButtonsInARow", "sendMessage", map[string]string{"chat_id": "1001", "text": "x",
			"reply_markup": `{"inline_keyboard":[[` + strings.Repeat(`{"text":"a","callback_data":"a"},`, 8) + `{"text":"a","callback_data":"a"}]]}`}, 400, "at most 8 buttons", "at most 8"},
		{"UnknownButtonField", "sendMessage", map[string]string{"chat_id": "1001", "text": "x",
			"reply_markup": `{"inline_keyboard":[[{"text":"a","callback_data":"a","colour":"red"}]]}`}, 400, "inline_keyboard[0][0].colour: unknown field of InlineKeyboardButton", "colour"},
		{"ButtonDataWrongType", "sendMessage", map[string]string{"chat_id": "1001", "text": "x",
			"reply_markup": `{"inline_keyboard":[[{"text":"a","callback_data":5}]]}`}, 400, "callback_data: must be a String", "String"},
		{"MarkupOfNoKnownType", "sendMessage", map[string]string{"chat_id": "1001", "text": "x", "reply_markup": `{"buttons":[]}`}, 400, "unknown field", "reply_markup"},
		{"ContactButtonInGroup", "sendMessage", map[string]string{"chat_id": "-2001", "text": "x",
			"reply_markup": `{"keyboard":[[{"text":"Share","request_contact":true}]]}`}, 400, "private chats only", "private chats only"},
		{"UnknownEntityType", "sendMessage", map[string]string{"chat_id": "1001", "text": "x", "entities": `[{"type":"shout","offset":0,"length":1}]`}, 400, "unknown entity type", "shout"},
		{"CaptionTooLong", "sendPhoto", map[string]string{"chat_id": "1001", "photo": "https://example.com/a.jpg", "caption": strings.Repeat("a", 1025)}, 400, "Bad Request: message caption is too long", "1025"},
		{"UnknownFileID", "sendPhoto", map[string]string{"chat_id": "1001", "photo": "AgACnope"}, 400, "wrong file identifier", "wrong file"},
		{"BadChatAction", "sendChatAction", map[string]string{"chat_id": "1001", "action": "dancing"}, 400, "wrong parameter action", "dancing"},
		{"CommandWithCapitals", "setMyCommands", map[string]string{"commands": `[{"command":"Start","description":"go"}]`}, 400, "must be 1-32 characters of a-z", "Start"},
		{"CommandDescriptionEmpty", "setMyCommands", map[string]string{"commands": `[{"command":"start","description":""}]`}, 400, "must be 1-256 characters", "description"},
		{"UnknownScopeType", "setMyCommands", map[string]string{"commands": `[{"command":"start","description":"go"}]`, "scope": `{"type":"everyone"}`}, 400, `unknown BotCommandScope type "everyone"`, "everyone"},
		{"ScopeMissingChatID", "setMyCommands", map[string]string{"commands": `[{"command":"start","description":"go"}]`, "scope": `{"type":"chat"}`}, 400, "chat_id: required field of BotCommandScopeChat", "chat_id"},
		{"BadLanguageCode", "setMyCommands", map[string]string{"commands": `[{"command":"start","description":"go"}]`, "language_code": "vie"}, 400, "invalid language code", "vie"},
		{"BadSecretToken", "setWebhook", map[string]string{"url": "https://example.com/h", "secret_token": "with space"}, 400, "secret token", "secret token"},
		{"AnswerTooLong", "answerCallbackQuery", map[string]string{"callback_query_id": "1", "text": strings.Repeat("a", 201)}, 400, "message is too long", "201"},
		{"UnknownMethod", "sendPoll", map[string]string{"chat_id": "1001"}, 404, "Not Found", "Not Found"},
		{"EditNotFoundIsTelegramBehaviour", "editMessageText", map[string]string{"chat_id": "1001", "message_id": "99", "text": "x"}, 400, "Bad Request: message to edit not found", ""},
		{"EditWithoutIdentifier", "editMessageText", map[string]string{"text": "x"}, 400, "message identifier is not specified", "identifier"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newQuiet(t)
			s.NewUser("Anna", "vi")
			s.NewGroup("Chi đoàn")
			a := post(t, s, tt.method, tt.params)
			if a.Status != tt.status {
				t.Errorf("status = %d (%s), want %d", a.Status, a.Body, tt.status)
			}
			if tt.status != http.StatusOK && !strings.Contains(a.Description, tt.desc) {
				t.Errorf("description = %q, want it to contain %q", a.Description, tt.desc)
			}
			if a.Status != http.StatusOK && a.ErrorCode != a.Status {
				t.Errorf("error_code = %d, want the HTTP status %d", a.ErrorCode, a.Status)
			}
			v := s.Violations()
			switch {
			case tt.violation == "" && len(v) > 0:
				t.Errorf("unexpected violations: %q", v)
			case tt.violation != "" && (len(v) != 1 || !strings.Contains(v[0], tt.violation)):
				t.Errorf("violations = %q, want one containing %q", v, tt.violation)
			}
		})
	}
}

func TestWrongTokenIsUnauthorized(t *testing.T) {
	s := New(t)
	req, err := http.NewRequest(http.MethodPost, s.URL()+"/bot1:wrong/getMe", nil)
	if err != nil {
		t.Fatal(err)
	}
	a := do(t, req)
	if a.Status != http.StatusUnauthorized || a.ErrorCode != 401 || a.Description != "Unauthorized" || a.OK {
		t.Errorf("got %d %s, want 401 Unauthorized", a.Status, a.Body)
	}
}

func TestUnknownPathIsNotFoundAndViolation(t *testing.T) {
	s := newQuiet(t)
	a := do(t, mustRequest(t, http.MethodGet, s.URL()+"/file/bot"+Token+"/photos/1.jpg"))
	if a.Status != http.StatusNotFound || a.Description != "Not Found" || len(s.Violations()) != 1 {
		t.Errorf("got %d %s, violations %q", a.Status, a.Body, s.Violations())
	}
}

func mustRequest(t *testing.T, method, url string) *http.Request {
	t.Helper()
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	return req
}

func TestNewReportsViolationsToTheTest(t *testing.T) {
	ft := &fakeTB{}
	var s *Server
	ft.run(func(tb testing.TB) {
		s = NewServer(Options{OnViolation: func(msg string) { tb.Errorf("telegram double: %s", msg) }})
	})
	defer s.Close()
	s.NewUser("Anna", "vi")
	post(t, s, "sendMessage", map[string]string{"chat_id": "1001", "text": "<p>x</p>", "parse_mode": "HTML"})
	f := ft.failures()
	if len(f) != 1 || !strings.Contains(f[0], `telegram double: sendMessage to chat 1001: Bad Request: can't parse entities: unsupported start tag "p"`) {
		t.Errorf("failures = %q", f)
	}
}

func TestJSONAndMultipartBodiesAreValidated(t *testing.T) {
	s := newQuiet(t)
	s.NewUser("Anna", "vi")
	req, err := http.NewRequest(http.MethodPost, s.URL()+"/bot"+Token+"/sendMessage",
		strings.NewReader(`{"chat_id":1001,"text":"hi","reply_markup":{"inline_keyboard":[[{"text":"a","callback_data":"a"}]]}}`))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if a := do(t, req); !a.OK {
		t.Errorf("JSON body refused: %s", a.Body)
	}
	a := postFile(t, s, "sendDocument", map[string]string{"chat_id": "1001", "caption": "<i>x", "parse_mode": "HTML"}, "document", "a.txt", []byte("x"))
	if a.Status != 400 || len(s.Violations()) != 1 {
		t.Errorf("bad caption in multipart: %d %s, violations %q", a.Status, a.Body, s.Violations())
	}
}

// TestARequestCutOffByTheBotIsNoViolation: a call the bot cancels while
// sending it (at shutdown) reaches the double with its body cut short;
// that is no fault of the request, whereas a body that does not parse is.
func TestARequestCutOffByTheBotIsNoViolation(t *testing.T) {
	var violations []string
	var mu sync.Mutex
	s := NewServer(Options{OnViolation: func(msg string) { mu.Lock(); violations = append(violations, msg); mu.Unlock() }})
	defer s.Close()
	conn, err := net.Dial("tcp", strings.TrimPrefix(s.URL(), "http://"))
	if err != nil {
		t.Fatal(err)
	}
	body := "commands=%5B%7B%22command%22%3A%22start%22"
	fmt.Fprintf(conn, "POST /bot%s/setMyCommands HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: %d\r\n\r\n%s", Token, len(body)+40, body)
	conn.(*net.TCPConn).CloseWrite()
	io.Copy(io.Discard, conn)
	conn.Close()
	s.Close()
	mu.Lock()
	defer mu.Unlock()
	if len(violations) != 0 {
		t.Errorf("a request cut off by the bot is reported: %q", violations)
	}
}
