package projects_test

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"youthbot/bot/internal/harness"
)

// TestNewCampaignBadCronAnsweredFromTheCatalogs: a schedule robfig/cron
// refuses is answered with what is wrong in the user's language, never
// with the parser's English ("expected exactly 5 fields, found 3").
func TestNewCampaignBadCronAnsweredFromTheCatalogs(t *testing.T) {
	h := harness.New(t)
	h.MakeSecretary(810, "VT")
	for _, tt := range []struct{ lang, cron, want string }{
		{"vi", "0 8 *", "có 3 trường, cần đúng 5 trường"},
		{"vi", "61 8 * * *", "phút «61» phải từ 0 đến 59"},
		{"vi", "0 8 * * 9", "thứ «9» phải từ 0 (Chủ nhật) đến 6"},
		{"vi", "@hằngtuần", "sau @ chỉ dùng được"},
		{"en", "0 8 *", "it has 3 fields and needs exactly 5"},
	} {
		got := strings.Join(h.Say(harness.User(810, tt.lang), "/newcampaign X | 01/04/2026 | 30/04/2026 | "+tt.cron+" | nhắc"), "\n")
		if !strings.HasPrefix(got, "⚠️") || !strings.Contains(got, tt.want) || strings.Contains(got, "expected") || strings.Contains(got, "found") {
			t.Errorf("%s %q: got %q, want a warning with %q", tt.lang, tt.cron, got, tt.want)
		}
	}
}

// TestUsageExamplesAreValidWhenShown: the examples of the /newcampaign
// and /newproject usage lines, sent back as shown, are accepted on the
// day they are shown.
func TestUsageExamplesAreValidWhenShown(t *testing.T) {
	example := regexp.MustCompile(`(?:ví dụ:|e\.g\.) (/new(?:campaign|project) [^\n]*)`)
	for _, lang := range []string{"vi", "en"} {
		for _, now := range []time.Time{time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC), time.Date(2026, 12, 31, 20, 0, 0, 0, time.UTC)} {
			t.Run(lang+now.Format("/2006-01-02"), func(t *testing.T) {
				h := harness.New(t)
				h.Now = now
				sec := harness.User(810, lang)
				h.MakeSecretary(810, "VT-CDCD-CNTT")
				for _, cmd := range []string{"/newcampaign x", "/newproject x | y"} {
					usage := strings.Join(h.Say(sec, cmd), "\n")
					m := example.FindStringSubmatch(usage)
					if m == nil {
						t.Fatalf("%s: no example in %q", cmd, usage)
					}
					if got := strings.Join(h.Say(sec, m[1]), "\n"); got == "" || strings.Contains(got, "⚠️") {
						t.Errorf("example %q refused: %q", m[1], got)
					}
					h.Say(sec, "/cancel")
				}
			})
		}
	}
}
