package bot_test

import (
	"strings"
	"testing"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot/bot/internal/harness"
)

// TestUpdateLogNamesTheCommand: the one log line of an update names a
// known command, also when the handler refused it (the update is applied
// again on its own to commit the refusal), and never quotes what a user
// typed as an unknown command (a phone number, say).
func TestUpdateLogNamesTheCommand(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		command string // in the update's log line
		outcome string
		group   bool
	}{
		{"UnknownCommandIsNotQuoted", "/0912345678", "unknown", "ok", false},
		{"UnknownCommandWithABotName", "/Ph0912345678@youthbot_test_bot hi", "unknown", "ok", false},
		{"RefusedCommandKeepsItsName", "/pending", "pending", "refused:unauthorized", false},
		{"KnownCommand", "/help", "help", "ok", false},
		{"UnknownCommandInAGroup", "/0912345678@youthbot_test_bot", "unknown", "ok", true},
		{"KnownCommandInAGroup", "/help@youthbot_test_bot", "help", "ok", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := harness.New(t)
			u := harness.MsgUpdate(harness.User(700, "vi"), tt.text)
			if tt.group {
				u.Message.Chat = &tgbotapi.Chat{ID: -2001, Type: "group", Title: "G"}
			}
			h.Apply(u)
			var line string
			for _, l := range strings.Split(h.Logs.String(), "\n") {
				if strings.Contains(l, "msg=update ") {
					line = l
				}
			}
			if !strings.Contains(line, " command="+tt.command+" ") || !strings.Contains(line, " outcome="+tt.outcome+" ") {
				t.Errorf("log line %q, want command=%s outcome=%s", line, tt.command, tt.outcome)
			}
			if strings.Contains(h.Logs.String(), "0912345678") {
				t.Errorf("what the user typed reached the log:\n%s", h.Logs)
			}
		})
	}
}
