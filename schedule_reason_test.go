package youthbot_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/robfig/cron/v3"

	"youthbot"
	"youthbot/i18n"
)

// TestScheduleRefusalsComeFromTheCatalogs: every refused schedule is
// answered with a catalog message that says which part is wrong, and the
// parser's own English never reaches the user.
func TestScheduleRefusalsComeFromTheCatalogs(t *testing.T) {
	tests := []struct {
		spec, key string
		says      []string // in the Vietnamese message
	}{
		{"0 8 *", "err.campaign_cron_fields", []string{"có 3 trường", "đúng 5 trường"}},
		{"0 0 8 * * *", "err.campaign_cron_fields", []string{"có 6 trường"}},
		{"61 8 * * *", "err.campaign_cron_minute", []string{"phút «61»", "0 đến 59"}},
		{"0 24 * * *", "err.campaign_cron_hour", []string{"giờ «24»"}},
		{"0 8 32 * *", "err.campaign_cron_day", []string{"ngày «32»"}},
		{"0 8 * 13 *", "err.campaign_cron_month", []string{"tháng «13»"}},
		{"0 8 * * 8", "err.campaign_cron_weekday", []string{"thứ «8»", "thứ Hai"}},
		{"0 8 * * MONDAY", "err.campaign_cron_weekday", []string{"thứ «MONDAY»"}},
		{"x y z w v", "err.campaign_cron_minute", []string{"phút «x»"}},
		{"0 8-6-1 * * *", "err.campaign_cron_hour", []string{"giờ «8-6-1»"}},
		{"@yearlyish", "err.campaign_cron_descriptor", []string{"@daily", "@every"}},
		{"@every", "err.campaign_cron_every", []string{"@every 12h"}},
		{"@every soon", "err.campaign_cron_every", []string{"@every 12h"}},
	}
	for _, tt := range tests {
		t.Run(tt.spec, func(t *testing.T) {
			_, err := youthbot.ParseSchedule(tt.spec)
			var e *youthbot.Error
			if !errors.As(err, &e) || e.Code != youthbot.EINVALID || e.Key != tt.key {
				t.Fatalf("ParseSchedule(%q) = %v, want EINVALID %s", tt.spec, err, tt.key)
			}
			_, libErr := cron.ParseStandard(tt.spec)
			for _, lang := range i18n.Langs() {
				msg := i18n.T(lang, e.Key, e.Args...)
				if !i18n.Has(e.Key) || libErr == nil || strings.Contains(msg, libErr.Error()) || strings.Contains(msg, "expected") {
					t.Errorf("%s message %q (parser: %v)", lang, msg, libErr)
				}
			}
			vi := i18n.T("vi", e.Key, e.Args...)
			for _, s := range tt.says {
				if !strings.Contains(vi, s) {
					t.Errorf("message %q lacks %q", vi, s)
				}
			}
		})
	}
}

// FuzzParseSchedule: no input panics, and every refusal is an EINVALID
// *Error whose key is in the catalogs and whose arguments are the spec
// and parts of it (never a library's error text).
func FuzzParseSchedule(f *testing.F) {
	for _, s := range []string{"0 8 * * 1", "0 8 *", "61 8 * * *", "@every 6h", "@every", "@nope", "0 8 * * MON-FRI", "*/0 * * * *", "0 8 1-31/0 * *"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, spec string) {
		_, err := youthbot.ParseSchedule(spec)
		if err == nil {
			return
		}
		var e *youthbot.Error
		if !errors.As(err, &e) || e.Code != youthbot.EINVALID || !i18n.Has(e.Key) {
			t.Fatalf("ParseSchedule(%q) = %v", spec, err)
		}
		norm := strings.Join(strings.Fields(spec), " ")
		for _, a := range e.Args {
			if s, ok := a.(string); ok && !strings.Contains(norm, s) && !strings.HasPrefix(s, "@yearly") {
				t.Fatalf("ParseSchedule(%q): argument %q is not part of the spec", spec, s)
			}
		}
	})
}
