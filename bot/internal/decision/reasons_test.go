package decision_test

import (
	"strings"
	"testing"

	"youthbot/bot/internal/decision"
	"youthbot/service"
)

// TestReasonArg: a reason button carries one of the reasons, none or
// back; anything else is a forged button, and a button that is no reason
// button carries none.
func TestReasonArg(t *testing.T) {
	for _, tt := range []struct {
		withReason bool
		why, want  string
		ok         bool
	}{
		{false, "anything", "", true},
		{true, "none", "", true},
		{true, decision.ReasonBack, decision.ReasonBack, true},
		{true, service.RejectReasons[0], service.RejectReasons[0], true},
		{true, "forged", "", false},
		{true, "", "", false},
	} {
		got, err := decision.ReasonArg(tt.withReason, tt.why)
		if got != tt.want || (err == nil) != tt.ok {
			t.Errorf("ReasonArg(%v, %q) = %q, %v", tt.withReason, tt.why, got, err)
		}
	}
}

// TestReasonKeyboard: a row per reason, then one's own words, none and
// back, each button's data made by press (other for one's own words).
func TestReasonKeyboard(t *testing.T) {
	kb := decision.ReasonKeyboard("vi", func(why string) string { return "x:" + why }, decision.RejectTextData("a1"))
	rows := kb.InlineKeyboard
	if len(rows) != len(service.RejectReasons)+3 {
		t.Fatalf("%d rows, want %d", len(rows), len(service.RejectReasons)+3)
	}
	var data []string
	for _, r := range rows {
		data = append(data, *r[0].CallbackData)
	}
	want := []string{}
	for _, why := range service.RejectReasons {
		want = append(want, "x:"+why)
	}
	want = append(want, "rx:t:a1", "x:none", "x:back")
	if strings.Join(data, " ") != strings.Join(want, " ") {
		t.Errorf("data %q, want %q", data, want)
	}
}
