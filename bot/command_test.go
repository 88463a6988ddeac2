package bot

import "testing"

func TestParseCommand(t *testing.T) {
	tests := []struct {
		text string
		ok   bool
		want parsedCommand
	}{
		{"/start j_abc", true, parsedCommand{name: "start", args: "j_abc"}},
		{"/Help@youthbot_test_bot", true, parsedCommand{name: "help", target: "youthbot_test_bot"}},
		{"/invite  HG   secretary ", true, parsedCommand{name: "invite", args: "HG   secretary"}},
		{"/log\n3h dọn rác", true, parsedCommand{name: "log", args: "3h dọn rác"}},
		{"/", false, parsedCommand{}},
		{"/ start", false, parsedCommand{}},
		{"/đăngký", false, parsedCommand{}},
		{"hello /start", false, parsedCommand{}},
		{"", false, parsedCommand{}},
	}
	for _, tt := range tests {
		got, ok := parseCommand(tt.text)
		if ok != tt.ok || got != tt.want {
			t.Errorf("parseCommand(%q) = %+v, %v; want %+v, %v", tt.text, got, ok, tt.want, tt.ok)
		}
	}
}
