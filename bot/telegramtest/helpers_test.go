package telegramtest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// answer is a decoded Bot API answer.
type answer struct {
	Status      int
	Body        string
	OK          bool            `json:"ok"`
	Result      json.RawMessage `json:"result"`
	ErrorCode   int             `json:"error_code"`
	Description string          `json:"description"`
	Parameters  struct {
		RetryAfter      int   `json:"retry_after"`
		MigrateToChatID int64 `json:"migrate_to_chat_id"`
	} `json:"parameters"`
}

// newQuiet starts a double whose violations are only collected, for tests
// that make the bot misbehave on purpose.
func newQuiet(t *testing.T) *Server {
	t.Helper()
	s := NewServer(Options{OnViolation: func(string) {}})
	t.Cleanup(s.Close)
	return s
}

// post calls method with url-encoded params, as go-telegram-bot-api does.
func post(t *testing.T, s *Server, method string, params map[string]string) answer {
	t.Helper()
	return postCtx(t, context.Background(), s, method, params)
}

func postCtx(t *testing.T, ctx context.Context, s *Server, method string, params map[string]string) answer {
	t.Helper()
	a, err := tryPost(ctx, s, method, params)
	if err != nil {
		t.Fatalf("%s: %v", method, err)
	}
	return a
}

// tryPost is post for goroutines other than the test's: it returns errors.
func tryPost(ctx context.Context, s *Server, method string, params map[string]string) (answer, error) {
	form := url.Values{}
	for k, v := range params {
		form.Set(k, v)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, fmt.Sprintf(s.Endpoint(), Token, method), strings.NewReader(form.Encode()))
	if err != nil {
		return answer{}, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return send(req)
}

// postFile calls method with a multipart body holding params and one file.
func postFile(t *testing.T, s *Server, method string, params map[string]string, field, fileName string, data []byte) answer {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for k, v := range params {
		if err := mw.WriteField(k, v); err != nil {
			t.Fatalf("write field: %v", err)
		}
	}
	fw, err := mw.CreateFormFile(field, fileName)
	if err != nil {
		t.Fatalf("create form file: %v", err)
	}
	if _, err := fw.Write(data); err != nil {
		t.Fatalf("write file: %v", err)
	}
	if err := mw.Close(); err != nil {
		t.Fatalf("close multipart: %v", err)
	}
	req, err := http.NewRequest(http.MethodPost, fmt.Sprintf(s.Endpoint(), Token, method), &body)
	if err != nil {
		t.Fatalf("new request: %v", err)
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return do(t, req)
}

func do(t *testing.T, req *http.Request) answer {
	t.Helper()
	a, err := send(req)
	if err != nil {
		t.Fatalf("%s: %v", req.URL.Path, err)
	}
	return a
}

func send(req *http.Request) (answer, error) {
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return answer{}, err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return answer{}, fmt.Errorf("read body: %w", err)
	}
	a := answer{Status: resp.StatusCode, Body: string(raw)}
	if strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
		if err := json.Unmarshal(raw, &a); err != nil {
			return answer{}, fmt.Errorf("decode %s: %w", raw, err)
		}
	}
	return a, nil
}

// mustOK fails the test unless the call succeeded, and decodes its result.
func mustOK[T any](t *testing.T, a answer) T {
	t.Helper()
	if !a.OK || a.Status != http.StatusOK {
		t.Fatalf("call failed: %d %s", a.Status, a.Body)
	}
	var v T
	if err := json.Unmarshal(a.Result, &v); err != nil {
		t.Fatalf("decode result %s: %v", a.Result, err)
	}
	return v
}

// update is the part of an Update the tests read.
type update struct {
	UpdateID      int64           `json:"update_id"`
	Message       *testMessage    `json:"message"`
	CallbackQuery *testCallback   `json:"callback_query"`
	MyChatMember  json.RawMessage `json:"my_chat_member"`
}

type testMessage struct {
	MessageID int `json:"message_id"`
	From      *struct {
		ID    int64 `json:"id"`
		IsBot bool  `json:"is_bot"`
	} `json:"from"`
	Chat struct {
		ID    int64  `json:"id"`
		Type  string `json:"type"`
		Title string `json:"title"`
	} `json:"chat"`
	Date     int64  `json:"date"`
	Text     string `json:"text"`
	Caption  string `json:"caption"`
	Entities []struct {
		Type   string `json:"type"`
		Offset int    `json:"offset"`
		Length int    `json:"length"`
	} `json:"entities"`
	Photo []struct {
		FileID string `json:"file_id"`
	} `json:"photo"`
	Document *struct {
		FileID   string `json:"file_id"`
		FileName string `json:"file_name"`
	} `json:"document"`
	Sticker *struct {
		FileID string `json:"file_id"`
	} `json:"sticker"`
	Contact *struct {
		PhoneNumber string `json:"phone_number"`
		FirstName   string `json:"first_name"`
		UserID      int64  `json:"user_id"`
	} `json:"contact"`
	MigrateToChatID   int64 `json:"migrate_to_chat_id"`
	MigrateFromChatID int64 `json:"migrate_from_chat_id"`
	EditDate          int64 `json:"edit_date"`
	ReplyToMessage    *struct {
		MessageID int `json:"message_id"`
	} `json:"reply_to_message"`
	ReplyMarkup *struct {
		InlineKeyboard [][]struct {
			Text         string `json:"text"`
			CallbackData string `json:"callback_data"`
		} `json:"inline_keyboard"`
	} `json:"reply_markup"`
}

type testCallback struct {
	ID      string       `json:"id"`
	Data    string       `json:"data"`
	Message *testMessage `json:"message"`
	From    struct {
		ID int64 `json:"id"`
	} `json:"from"`
}

// poll calls getUpdates and decodes the updates.
func poll(t *testing.T, s *Server, params map[string]string) []update {
	t.Helper()
	return mustOK[[]update](t, post(t, s, "getUpdates", params))
}

func ids(ups []update) []int64 {
	out := make([]int64, len(ups))
	for i, u := range ups {
		out[i] = u.UpdateID
	}
	return out
}

// fakeTB records failures instead of failing the test, so the tests can
// check that the double's assertions fail when they should. Fatalf ends the
// goroutine like testing.T does: run the code under test with fakeTB.run.
type fakeTB struct {
	testing.TB
	mu     sync.Mutex
	errors []string
	fatal  bool
}

func (f *fakeTB) Helper() {}

func (f *fakeTB) Errorf(format string, args ...any) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.errors = append(f.errors, fmt.Sprintf(format, args...))
}

func (f *fakeTB) Fatalf(format string, args ...any) {
	f.Errorf(format, args...)
	f.mu.Lock()
	f.fatal = true
	f.mu.Unlock()
	runtime.Goexit()
}

// run calls fn in a goroutine, as a test body, and waits for it.
func (f *fakeTB) run(fn func(tb testing.TB)) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn(f)
	}()
	<-done
}

func (f *fakeTB) failures() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.errors...)
}
