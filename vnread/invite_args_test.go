package vnread

import (
	"testing"

	"youthbot"
)

func TestParseInviteArgs(t *testing.T) {
	tests := []struct {
		in   string
		kind youthbot.InviteKind
		code string
	}{
		{"", youthbot.InviteMember, ""},
		{"VT01A", youthbot.InviteMember, "VT01A"},
		{"vt01a", youthbot.InviteMember, "VT01A"},
		{"VT01A secretary", youthbot.InviteSecretary, "VT01A"},
		{"VT01A bí thư", youthbot.InviteSecretary, "VT01A"},
		{"VT01A Bí Thư", youthbot.InviteSecretary, "VT01A"},
		{"VT01A bi thu", youthbot.InviteSecretary, "VT01A"},
		{"VT01A phó bí thư", youthbot.InviteSecretary, "VT01A"},
		{"bí thư VT01A", youthbot.InviteSecretary, "VT01A"},
		{"bí thư", youthbot.InviteSecretary, ""},
		{"SECRETARY", youthbot.InviteSecretary, ""},
		{"VT01A đoàn viên", youthbot.InviteMember, "VT01A"},
	}
	for _, tt := range tests {
		kind, code, err := ParseInviteArgs(tt.in)
		if err != nil || kind != tt.kind || code != tt.code {
			t.Errorf("ParseInviteArgs(%q) = %q, %q, %v; want %q, %q", tt.in, kind, code, err, tt.kind, tt.code)
		}
	}
	for _, in := range []string{"VT01A HG", "VT01A bí", "bí thư secretary", "VT01A bí thư đoàn viên"} {
		if _, _, err := ParseInviteArgs(in); keyOf(err) != "err.invite_usage" {
			t.Errorf("ParseInviteArgs(%q): %v, want err.invite_usage", in, err)
		}
	}
}
