package bot_test

import (
	"log/slog"
	"strings"
	"testing"

	"youthbot/bot/bottest"
	"youthbot/bot/telegramtest"
	"youthbot/storage"
)

// TestSendRetriesAnswersThatAreNotTelegrams: a reply refused by something
// that is not Telegram (a gateway's JSON, even with a 200) is retried and
// arrives; the log says the status and what the body was, without the
// token.
func TestSendRetriesAnswersThatAreNotTelegrams(t *testing.T) {
	tests := []struct {
		name string
		raw  telegramtest.RawAnswer
		log  string
	}{
		{"GatewayJSON504", telegramtest.RawAnswer{Status: 504, ContentType: "application/json", Body: telegramtest.GatewayJSON},
			`HTTP 504, not a Bot API answer: {\"message\":\"upstream request timeout\"}`},
		{"JSONOf200", telegramtest.RawAnswer{Status: 200, ContentType: "application/json", Body: `{"message":"maintenance"}`},
			`HTTP 200, not a Bot API answer: {\"message\":\"maintenance\"}`},
		{"ProxyPage403", telegramtest.RawAnswer{Status: 403, ContentType: "text/html", Body: "<h1>403 Forbidden</h1>"},
			`HTTP 403, not a Bot API answer: <h1>403 Forbidden</h1>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			logs := &syncBuffer{}
			b := bottest.Start(t, bottest.Options{Log: slog.New(slog.NewJSONHandler(logs, nil))})
			u := b.Member("An", "VT-CDCD-CNTT")
			b.Server.FailRaw("sendMessage", 1, tt.raw)
			u.Send("/help")
			if m := u.Next(t); m.Text == "" {
				t.Fatal("empty reply")
			}
			b.Settle()
			if !strings.Contains(logs.String(), "send failed, will retry") || !strings.Contains(logs.String(), tt.log) {
				t.Errorf("the log does not say %s:\n%s", tt.log, logs)
			}
			if strings.Contains(logs.String(), "dropping") || strings.Contains(logs.String(), telegramtest.Token) {
				t.Errorf("dropped, or the token in the log:\n%s", logs)
			}
			b.View(func(tx *storage.Tx) error {
				if usr, _, _ := tx.User(u.ID); usr.Unreachable {
					t.Error("a proxy's 403 marked the member unreachable")
				}
				return nil
			})
		})
	}
}
