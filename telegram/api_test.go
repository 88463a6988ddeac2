package telegram

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"youthbot/bot/telegramtest"
)

// TestAPIClassifiesAnswers calls sendMessage against the double answering
// each kind of failure and checks what the outbox and the logs get: whether
// to retry, Telegram's code, the HTTP status (the metric's label) and a
// token-free excerpt of a body that is not a Bot API answer.
func TestAPIClassifiesAnswers(t *testing.T) {
	tests := []struct {
		name      string
		arm       func(s *telegramtest.Server)
		temporary bool
		code      int    // Telegram's error_code
		status    int    // HTTP status; the metric's label
		inError   string // in the error's text
	}{
		{"GatewayJSON5xxIsTemporary", func(s *telegramtest.Server) {
			s.FailRaw("sendMessage", 1, telegramtest.RawAnswer{Status: 504, ContentType: "application/json", Body: telegramtest.GatewayJSON})
		}, true, 0, 504, `HTTP 504, not a Bot API answer: {"message":"upstream request timeout"}`},
		{"JSON5xxWithoutContentTypeIsTemporary", func(s *telegramtest.Server) {
			s.FailRaw("sendMessage", 1, telegramtest.RawAnswer{Status: 500, Body: `{"message":"internal"}`})
		}, true, 0, 500, `HTTP 500, not a Bot API answer: {"message":"internal"}`},
		{"ProxyPageIsTemporary", func(s *telegramtest.Server) { s.Fail5xx("sendMessage", 1) }, true, 0, 502,
			"HTTP 502, not a Bot API answer: <html> <head><title>502 Bad Gateway</title>"},
		{"EmptyBodyIsTemporary", func(s *telegramtest.Server) {
			s.FailRaw("sendMessage", 1, telegramtest.RawAnswer{Status: 503})
		}, true, 0, 503, "HTTP 503, not a Bot API answer: (empty body)"},
		{"A4xxPageOfAProxyIsTemporary", func(s *telegramtest.Server) {
			s.FailRaw("sendMessage", 1, telegramtest.RawAnswer{Status: 403, ContentType: "text/html", Body: "<h1>Forbidden by the firewall</h1>"})
		}, true, 0, 403, "HTTP 403, not a Bot API answer: <h1>Forbidden by the firewall</h1>"},
		{"A200ThatIsNotTelegramsIsTemporary", func(s *telegramtest.Server) {
			s.FailRaw("sendMessage", 1, telegramtest.RawAnswer{Status: 200, ContentType: "application/json", Body: `{"message":"maintenance"}`})
		}, true, 0, 200, `HTTP 200, not a Bot API answer: {"message":"maintenance"}`},
		{"TheTokenIsRedactedFromTheExcerpt", func(s *telegramtest.Server) {
			s.FailRaw("sendMessage", 1, telegramtest.RawAnswer{Status: 404, Body: "Cannot POST /bot" + telegramtest.Token + "/sendMessage"})
		}, true, 0, 404, "HTTP 404, not a Bot API answer: Cannot POST /bot<token>/sendMessage"},
		{"TelegramsOwn5xxIsTemporary", func(s *telegramtest.Server) {
			s.FailNext("sendMessage", 1, telegramtest.Fault{Code: 502, Description: "Bad Gateway"})
		}, true, 502, 502, "502 Bad Gateway"},
		{"FloodIsTemporary", func(s *telegramtest.Server) {
			s.FailNext("sendMessage", 1, telegramtest.Fault{RetryAfter: 3})
		}, true, 429, 429, "429 Too Many Requests: retry after 3"},
		{"BlockedIsPermanent", func(s *telegramtest.Server) {
			s.FailNext("sendMessage", 1, telegramtest.Fault{Code: 403, Description: "Forbidden: bot was blocked by the user"})
		}, false, 403, 403, "403 Forbidden: bot was blocked by the user"},
		{"BadRequestIsPermanent", func(s *telegramtest.Server) {
			s.FailNext("sendMessage", 1, telegramtest.Fault{Code: 400, Description: "Bad Request: chat not found"})
		}, false, 400, 400, "400 Bad Request: chat not found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := telegramtest.New(t)
			s.NewUser("Anna", "vi")
			api := NewAPI(telegramtest.Token, s.Endpoint(), context.Background(), context.Background())
			defer api.CloseIdleConnections()
			m := &countingMetrics{}
			api.SetMetrics(m)
			tt.arm(s)
			_, err := api.Call("sendMessage", map[string]string{"chat_id": "1001", "text": "hello"})
			var ae *APIError
			if !errors.As(err, &ae) {
				t.Fatalf("got %v, want an *APIError", err)
			}
			if ae.Temporary != tt.temporary || ae.Code != tt.code || ae.Blocked() != (tt.code == 403) {
				t.Errorf("temporary %v code %d blocked %v, want %v %d %v (%v)", ae.Temporary, ae.Code, ae.Blocked(),
					tt.temporary, tt.code, tt.code == 403, err)
			}
			if !strings.Contains(err.Error(), tt.inError) {
				t.Errorf("error %q does not say %q", err, tt.inError)
			}
			if strings.Contains(err.Error(), telegramtest.Token) {
				t.Errorf("the token is in the error: %q", err)
			}
			if key := fmt.Sprintf("api sendMessage %d", tt.status); m.get(key) != 1 {
				t.Errorf("metric %q = %d, want 1 (counted: %v)", key, m.get(key), m.n)
			}
		})
	}
}

// TestAPIExcerptIsShortAndOneLine keeps a long body out of the log line.
func TestAPIExcerptIsShortAndOneLine(t *testing.T) {
	s := telegramtest.New(t)
	page := "<html>\n" + strings.Repeat("<p>lorem ipsum dolor</p>\r\n", 100) + "</html>"
	s.FailRaw("getMe", 1, telegramtest.RawAnswer{Status: http.StatusServiceUnavailable, ContentType: "text/html", Body: page})
	api := NewAPI(telegramtest.Token, s.Endpoint(), context.Background(), context.Background())
	defer api.CloseIdleConnections()
	_, err := api.GetMe()
	if err == nil {
		t.Fatal("no error")
	}
	msg := err.Error()
	if len(msg) > 300 || strings.ContainsAny(msg, "\r\n") || !strings.HasSuffix(msg, "…") {
		t.Errorf("error is %d bytes, want a short one-line excerpt ending in …: %q", len(msg), msg)
	}
}

// TestAPIUploadKeepsTheCode: go-telegram-bot-api drops error_code from
// upload answers; the HTTP status gives it back, so that Telegram's 5xx to
// an upload is retried like any other.
func TestAPIUploadKeepsTheCode(t *testing.T) {
	tests := []struct {
		fault     telegramtest.Fault
		code      int
		temporary bool
	}{
		{telegramtest.Fault{Code: 500}, 500, true},
		{telegramtest.Fault{Code: 400, Description: "Bad Request: wrong file"}, 400, false},
		{telegramtest.Fault{RetryAfter: 2}, 429, true},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.code), func(t *testing.T) {
			s := telegramtest.New(t)
			s.NewUser("Anna", "vi")
			s.FailNext("sendDocument", 1, tt.fault)
			api := NewAPI(telegramtest.Token, s.Endpoint(), context.Background(), context.Background())
			defer api.CloseIdleConnections()
			_, err := api.Upload("sendDocument", map[string]string{"chat_id": "1001"}, "document", "a.txt", []byte("x"))
			var ae *APIError
			if !errors.As(err, &ae) || ae.Code != tt.code || ae.Temporary != tt.temporary {
				t.Errorf("got %#v, want code %d temporary %v", err, tt.code, tt.temporary)
			}
		})
	}
}

// TestAPIExcerptNeverHoldsPartOfTheToken: a token cut off at the end of
// the head read ahead is not quoted, even when collapsed whitespace brings
// it into the excerpt.
func TestAPIExcerptNeverHoldsPartOfTheToken(t *testing.T) {
	tok := telegramtest.Token
	for cut := 1; cut < len(tok); cut++ {
		ans := &answer{status: 502, n: answerHead}
		body := strings.Repeat(" ", answerHead-cut) + tok
		copy(ans.head[:], body)
		if got := ans.excerpt(tok); strings.Contains(got, tok[:min(cut, 6)]) {
			t.Fatalf("cut after %d bytes of the token: excerpt %q", cut, got)
		}
	}
}
