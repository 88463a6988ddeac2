package vnread

import (
	"errors"
	"testing"

	"youthbot"
)

func TestTargetValue(t *testing.T) {
	if v, err := ParseTargetValue(youthbot.MetricValueVND, "26 tỷ"); err != nil || v != 26_000_000_000 {
		t.Errorf("value_vnd 26 tỷ = %d, %v", v, err)
	}
	if v, err := ParseTargetValue(youthbot.MetricHours, "1.000"); err != nil || v != 1000 {
		t.Errorf("hours 1.000 = %d, %v", v, err)
	}
	for _, s := range []string{"-5", "0", "abc", "1.5"} {
		if _, err := ParseTargetValue(youthbot.MetricHours, s); keyOf(err) != "err.target_value" {
			t.Errorf("hours %q: %v, want err.target_value", s, err)
		}
	}
}

func keyOf(err error) string {
	var e *youthbot.Error
	if errors.As(err, &e) {
		return e.Key
	}
	return ""
}
