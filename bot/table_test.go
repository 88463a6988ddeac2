package bot_test

import (
	"slices"
	"testing"

	"youthbot/bot"
	"youthbot/bot/internal/harness"
	"youthbot/i18n"
)

// TestTableNeedIsCheckedBeforeTheHandler: every command and button whose
// table entry needs a secretary (or a member) refuses a stranger with that
// right's refusal, whatever the arguments: the handler, which would call
// forged arguments a stale button, does not run.
func TestTableNeedIsCheckedBeforeTheHandler(t *testing.T) {
	h := harness.New(t)
	stranger := harness.User(500, "vi")
	refusal := map[bot.Role]string{
		bot.RoleSecretary: "⚠️ " + i18n.T("vi", "err.secretaries_only"),
		bot.RoleMember:    "⚠️ " + i18n.T("vi", "err.project_members_only"),
	}
	checked := 0
	for _, cmd := range h.Bot.Commands() {
		if cmd.Need == bot.RoleVisitor || !cmd.Private {
			continue
		}
		checked++
		t.Run("/"+cmd.Name, func(t *testing.T) {
			before := h.Snapshot()
			got := h.Say(stranger, "/"+cmd.Name+" ZZ 99")
			if want := refusal[cmd.Need]; !slices.Equal(got, []string{want}) {
				t.Errorf("got %q, want %q", got, want)
			}
			if h.Snapshot() != before {
				t.Error("state changed")
			}
		})
	}
	for prefix, need := range h.Bot.CallbackNeeds() {
		if need == bot.RoleVisitor {
			continue
		}
		checked++
		t.Run(prefix, func(t *testing.T) {
			before := h.Snapshot()
			got := h.Press(stranger, prefix+":forged:x:y")
			if want := refusal[need]; !slices.Equal(got, []string{want}) {
				t.Errorf("got %q, want %q", got, want)
			}
			if h.Snapshot() != before {
				t.Error("state changed")
			}
		})
	}
	if checked == 0 {
		t.Fatal("no table entry declares a need")
	}
}

// TestStaleButtonsAnswerAlike: a stale or forged button gets one answer
// wherever it is caught (the router, a handler's parsing, a record that is
// gone): the same alert, and nothing changes.
func TestStaleButtonsAnswerAlike(t *testing.T) {
	h := harness.New(t)
	h.Register(501, "VT-CDCD-CNTT", "Trần Thị Chờ")
	want := []string{"⚠️ " + i18n.T("vi", "stale_button")}
	for _, tt := range []struct{ name, data string }{
		{"UnknownPrefix", "zz:1"},
		{"UnknownLanguage", bot.Data(cbLang, "xx")},
		{"UnitGone", bot.Data(cbTree, "NOPE", "0")},
		{"ForgedApprove", bot.Data(cbApprove, "abc", "def")},
		{"RegisterOutsideItsDialog", bot.Data(cbRegister, "ok")},
	} {
		t.Run(tt.name, func(t *testing.T) {
			before := h.Snapshot()
			if got := h.Press(harness.User(501, "vi"), tt.data); !slices.Equal(got, want) {
				t.Errorf("got %q, want %q", got, want)
			}
			if h.Snapshot() != before {
				t.Error("state changed")
			}
		})
	}
}
