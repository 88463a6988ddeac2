package bot

import (
	"errors"
	"slices"
	"testing"

	"youthbot"
	"youthbot/i18n"
)

// TestChainRunsTheFirstMiddlewareOutermost: chain(h, a, b) is a(b(h)).
func TestChainRunsTheFirstMiddlewareOutermost(t *testing.T) {
	var got []string
	mark := func(name string) Middleware {
		return func(next Handler) Handler {
			return func(c *Ctx) error {
				got = append(got, name)
				return next(c)
			}
		}
	}
	h := chain(func(*Ctx) error { got = append(got, "handler"); return nil }, mark("a"), mark("b"))
	if err := h(&Ctx{}); err != nil {
		t.Fatal(err)
	}
	if want := []string{"a", "b", "handler"}; !slices.Equal(got, want) {
		t.Errorf("ran %v, want %v", got, want)
	}
}

// TestRequireRoleRefusesBeforeTheHandler: a route's need is checked before
// its handler runs, and a refusal never reaches it.
func TestRequireRoleRefusesBeforeTheHandler(t *testing.T) {
	c := &Ctx{secLoaded: true} // nobody's secretary, no admin
	ran := false
	h := chain(func(*Ctx) error { ran = true; return nil }, requireRole(RoleSecretary))
	err := h(c)
	if ran {
		t.Error("the handler ran for a sender without the right")
	}
	var e *youthbot.Error
	if !errors.As(err, &e) || e.Code != youthbot.EUNAUTHORIZED || e.Key != "err.secretaries_only" {
		t.Errorf("err = %v, want EUNAUTHORIZED err.secretaries_only", err)
	}
	c.secUnits = []string{"HG"}
	if err := h(c); err != nil || !ran {
		t.Errorf("a secretary: err = %v, ran = %v; want the handler run", err, ran)
	}
}

// TestTableNeedIsCheckedBeforeTheHandler: every command and button whose
// table entry needs a secretary (or a member) refuses a stranger with that
// right's refusal, whatever the arguments: the handler, which would call
// forged arguments a stale button, does not run.
func TestTableNeedIsCheckedBeforeTheHandler(t *testing.T) {
	h := newHarness(t)
	stranger := user(500, "vi")
	refusal := map[Role]string{
		RoleSecretary: "⚠️ " + i18n.T("vi", "err.secretaries_only"),
		RoleMember:    "⚠️ " + i18n.T("vi", "err.project_members_only"),
	}
	checked := 0
	for _, cmd := range h.bot.commands() {
		if cmd.Need == RoleVisitor || !cmd.Private {
			continue
		}
		checked++
		t.Run("/"+cmd.Name, func(t *testing.T) {
			before := h.snapshot()
			got := h.say(stranger, "/"+cmd.Name+" ZZ 99")
			if want := refusal[cmd.Need]; !slices.Equal(got, []string{want}) {
				t.Errorf("got %q, want %q", got, want)
			}
			if h.snapshot() != before {
				t.Error("state changed")
			}
		})
	}
	for prefix, cb := range h.bot.cbTable {
		if cb.Need == RoleVisitor {
			continue
		}
		checked++
		t.Run(prefix, func(t *testing.T) {
			before := h.snapshot()
			got := h.press(stranger, prefix+":forged:x:y")
			if want := refusal[cb.Need]; !slices.Equal(got, []string{want}) {
				t.Errorf("got %q, want %q", got, want)
			}
			if h.snapshot() != before {
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
	h := newHarness(t)
	h.register(501, "VT-CDCD-CNTT", "Trần Thị Chờ")
	want := []string{"⚠️ " + i18n.T("vi", "stale_button")}
	for _, tt := range []struct{ name, data string }{
		{"UnknownPrefix", "zz:1"},
		{"UnknownLanguage", Data(cbLang, "xx")},
		{"UnitGone", Data(cbTree, "NOPE", "0")},
		{"ForgedApprove", Data(cbApprove, "abc", "def")},
		{"RegisterOutsideItsDialog", Data(cbRegister, "ok")},
	} {
		t.Run(tt.name, func(t *testing.T) {
			before := h.snapshot()
			if got := h.press(user(501, "vi"), tt.data); !slices.Equal(got, want) {
				t.Errorf("got %q, want %q", got, want)
			}
			if h.snapshot() != before {
				t.Error("state changed")
			}
		})
	}
}
