package telegramtest

import (
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

func hello(chat string) map[string]string { return map[string]string{"chat_id": chat, "text": "hello"} }

func TestFailNext(t *testing.T) {
	s := New(t)
	u := s.NewUser("Anna", "vi")
	s.FailNext("sendmessage", 2, Fault{Code: 500})
	for i := range 2 {
		if a := post(t, s, "sendMessage", hello("1001")); a.Status != 500 || a.Description != "Internal Server Error" {
			t.Errorf("call %d = %d %q, want 500", i, a.Status, a.Description)
		}
	}
	mustOK[testMessage](t, post(t, s, "sendMessage", hello("1001")))
	if n := len(u.Messages()); n != 1 {
		t.Errorf("%d messages recorded, want only the one that succeeded", n)
	}
}

func TestFailNextAnyMethodAndRetryAfter(t *testing.T) {
	s := New(t)
	s.FailNext("", 1, Fault{RetryAfter: 7})
	a := post(t, s, "getUpdates", nil)
	if a.Status != 429 || a.ErrorCode != 429 || a.Description != "Too Many Requests: retry after 7" || a.Parameters.RetryAfter != 7 {
		t.Errorf("got %d %s", a.Status, a.Body)
	}
	mustOK[[]update](t, post(t, s, "getUpdates", nil))
}

func TestFaultApplied(t *testing.T) {
	s := New(t)
	u := s.NewUser("Anna", "vi")
	s.FailNext("sendMessage", 1, Fault{Code: 502, Description: "Bad Gateway", Applied: true})
	if a := post(t, s, "sendMessage", hello("1001")); a.Status != 502 {
		t.Errorf("status = %d, want 502", a.Status)
	}
	if n := len(u.Messages()); n != 1 {
		t.Errorf("%d messages, want 1: an applied fault still sends", n)
	}
}

func TestFailChat(t *testing.T) {
	s := New(t)
	s.NewUser("Anna", "vi")
	s.NewUser("Binh", "vi")
	s.FailChat(1002, 1, Fault{Code: 403, Description: "Forbidden: user is deactivated"})
	mustOK[testMessage](t, post(t, s, "sendMessage", hello("1001")))
	mustOK[map[string]any](t, post(t, s, "getChat", map[string]string{"chat_id": "1002"}))
	if a := post(t, s, "sendMessage", hello("1002")); a.Status != 403 || a.Description != "Forbidden: user is deactivated" {
		t.Errorf("got %d %q", a.Status, a.Description)
	}
	mustOK[testMessage](t, post(t, s, "sendMessage", hello("1002")))
}

func TestFail5xxAnswersHTML(t *testing.T) {
	s := New(t)
	s.NewUser("Anna", "vi")
	s.Fail5xx("sendMessage", 1)
	a := post(t, s, "sendMessage", hello("1001"))
	if a.Status != http.StatusBadGateway || !strings.HasPrefix(a.Body, "<html>") || a.OK {
		t.Errorf("got %d %q", a.Status, a.Body)
	}
}

func TestFailRawSendsTheBodyAsIs(t *testing.T) {
	tests := []struct {
		name        string
		raw         RawAnswer
		status      int
		contentType string
		body        string
	}{
		{"GatewayJSON5xx", RawAnswer{Status: 504, ContentType: "application/json", Body: GatewayJSON}, 504, "application/json", GatewayJSON},
		{"HTMLPage", RawAnswer{Status: 503, ContentType: "text/html", Body: ProxyErrorPage}, 503, "text/html", ProxyErrorPage},
		{"EmptyBodyNoContentType", RawAnswer{Status: 502}, 502, "", ""},
		{"StatusDefaultsTo502", RawAnswer{Body: "bad gateway"}, 502, "", "bad gateway"},
		{"OKStatusNotTelegram", RawAnswer{Status: 200, ContentType: "application/json", Body: `{"message":"ok"}`}, 200, "application/json", `{"message":"ok"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := New(t)
			u := s.NewUser("Anna", "vi")
			s.FailRaw("sendMessage", 1, tt.raw)
			req, err := http.NewRequest(http.MethodPost, fmt.Sprintf(s.Endpoint(), Token, "sendMessage"),
				strings.NewReader("chat_id=1001&text=hello"))
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tt.status || resp.Header.Get("Content-Type") != tt.contentType || string(body) != tt.body {
				t.Errorf("got %d %q %q, want %d %q %q", resp.StatusCode, resp.Header.Get("Content-Type"), body, tt.status, tt.contentType, tt.body)
			}
			if n := len(u.Messages()); n != 0 {
				t.Errorf("%d messages sent, want none: the answer replaced the call", n)
			}
			calls := s.Calls()
			if last := calls[len(calls)-1]; last.Method != "sendMessage" || last.Status != tt.status {
				t.Errorf("recorded %s %d, want sendMessage %d", last.Method, last.Status, tt.status)
			}
			mustOK[testMessage](t, post(t, s, "sendMessage", hello("1001")))
		})
	}
}

func TestFailRawApplied(t *testing.T) {
	s := New(t)
	u := s.NewUser("Anna", "vi")
	s.FailRaw("sendMessage", 1, RawAnswer{Status: 504, ContentType: "application/json", Body: GatewayJSON, Applied: true})
	if a := post(t, s, "sendMessage", hello("1001")); a.Status != 504 || a.Body != GatewayJSON || a.OK {
		t.Errorf("got %d %q", a.Status, a.Body)
	}
	if n := len(u.Messages()); n != 1 {
		t.Errorf("%d messages, want 1: an applied answer still sends", n)
	}
}

// clock is a settable clock for Options.Now.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

func TestLimits(t *testing.T) {
	tests := []struct {
		name      string
		limits    Limits
		chats     []string // chat of each send, in order
		want      []int    // status of each send
		retry     int      // retry_after of the first 429
		advance   time.Duration
		thenChat  string
		thenState int
	}{
		{"PerChatBurst", Limits{PerChat: 1, PerChatBurst: 2}, []string{"1001", "1001", "1001", "1002"}, []int{200, 200, 429, 200}, 1, time.Second, "1001", 200},
		{"PerChatSlowRate", Limits{PerChat: 0.25}, []string{"1001", "1001"}, []int{200, 429}, 4, 3 * time.Second, "1001", 429},
		{"Global", Limits{Global: 2}, []string{"1001", "1002", "1001"}, []int{200, 200, 429}, 1, time.Second, "1002", 200},
		{"PerGroupPerMinute", Limits{PerGroupPerMinute: 2}, []string{"-2001", "-2001", "1001", "-2001"}, []int{200, 200, 200, 429}, 30, 30 * time.Second, "-2001", 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clk := &clock{now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
			s := NewServer(Options{Now: clk.Now})
			t.Cleanup(s.Close)
			s.NewUser("Anna", "vi")
			s.NewUser("Binh", "vi")
			s.NewGroup("G")
			s.SetLimits(tt.limits)
			retry := 0
			for i, chat := range tt.chats {
				a := post(t, s, "sendMessage", hello(chat))
				if a.Status != tt.want[i] {
					t.Errorf("send %d to %s = %d, want %d", i, chat, a.Status, tt.want[i])
				}
				if a.Status == 429 && retry == 0 {
					retry = a.Parameters.RetryAfter
					if !strings.HasPrefix(a.Description, "Too Many Requests: retry after ") {
						t.Errorf("description = %q", a.Description)
					}
				}
			}
			if retry != tt.retry {
				t.Errorf("retry_after = %d, want %d", retry, tt.retry)
			}
			if s.Count429() != 1 {
				t.Errorf("Count429 = %d, want 1", s.Count429())
			}
			// Edits are not counted.
			mustOK[testMessage](t, post(t, s, "editMessageText", map[string]string{"chat_id": tt.chats[0], "message_id": "1", "text": "edited"}))
			clk.Advance(tt.advance)
			if a := post(t, s, "sendMessage", hello(tt.thenChat)); a.Status != tt.thenState {
				t.Errorf("after %v: %d, want %d", tt.advance, a.Status, tt.thenState)
			}
		})
	}
}

func TestFaultForUnservedMethodPanics(t *testing.T) {
	s := New(t)
	defer func() {
		if r := recover(); r == nil || !strings.Contains(r.(string), `"sendPoll"`) {
			t.Errorf("recover() = %v, want a panic naming sendPoll", r)
		}
	}()
	s.FailNext("sendPoll", 1, Fault{Code: 500})
}
