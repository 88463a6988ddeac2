package participation_test

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"youthbot"
)

// The one-line forms of /log in the words Vietnamese users write (issue
// 11). The harness's clock is Tuesday 10/03/2026, 16:00 in
// Asia/Ho_Chi_Minh.

// codeExample finds the commands a text shows as examples: <code>/log
// ...</code> without a [placeholder].
var codeExample = regexp.MustCompile(`<code>(/log [^<\[]*)</code>`)

func TestLogOneLineInVietnameseWords(t *testing.T) {
	tests := []struct {
		name, line string
		date       youthbot.Date
		tenths     int
		desc       string
		shown      []string // in the secretary's request
	}{
		{"YesterdayTwoHours", "/log hôm qua 2 giờ Trồng cây xanh", youthbot.Date{Year: 2026, Month: 3, Day: 9}, 20, "Trồng cây xanh",
			[]string{"09/03/2026", "2 giờ", "Trồng cây xanh"}},
		{"WithoutDiacritics", "/log hom qua 2 gio Trong cay xanh", youthbot.Date{Year: 2026, Month: 3, Day: 9}, 20, "Trong cay xanh",
			[]string{"09/03/2026", "2 giờ", "Trong cay xanh"}},
		{"WeekdayAndMinutes", "/log chủ nhật 90 phút Dọn rác", youthbot.Date{Year: 2026, Month: 3, Day: 8}, 15, "Dọn rác",
			[]string{"08/03/2026", "1,5 giờ", "Dọn rác"}},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			id := int64(601 + i)
			an := h.ptMember(id, ptBranch, "Nguyễn Văn An")
			h.makeSecretary(610, ptBranch)
			msgs := h.apply(msgUpdate(an, tt.line))
			acts := h.ptActivities(id)
			if len(acts) != 1 {
				t.Fatalf("%d activities stored, want 1 (replies %q)", len(acts), texts(msgs, id))
			}
			if a := acts[0]; a.Date != tt.date || a.Tenths != tt.tenths || a.Description != tt.desc {
				t.Errorf("stored %v, %d tenths, %q; want %v, %d, %q", a.Date, a.Tenths, a.Description, tt.date, tt.tenths, tt.desc)
			}
			req := to(msgs, 610)
			if len(req) != 1 {
				t.Fatalf("secretary got %v", describe(req))
			}
			for _, s := range tt.shown {
				if !strings.Contains(req[0].Params["text"], s) {
					t.Errorf("request lacks %q: %q", s, req[0].Params["text"])
				}
			}
		})
	}
}

// TestLogExamplesAreValidWhenShown: every example the refusal of a bad
// /log line shows, and the dialog's example date, is accepted when sent
// back, on any day of the year (1 January included).
func TestLogExamplesAreValidWhenShown(t *testing.T) {
	for _, lang := range []string{"vi", "en"} {
		for _, now := range []time.Time{
			time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC),
			time.Date(2026, 12, 31, 20, 0, 0, 0, time.UTC), // 1 January 2027 in Hà Nội
			time.Date(2027, 1, 2, 3, 0, 0, 0, time.UTC),
		} {
			t.Run(lang+now.Format("/2006-01-02T15"), func(t *testing.T) {
				h := newHarness(t)
				h.Now = now
				an := h.ptMember(601, ptBranch, "An")
				an.LanguageCode = lang
				refusal := h.say(an, "/log 0h Dọn")
				if len(refusal) != 1 {
					t.Fatalf("replies %q", refusal)
				}
				examples := codeExample.FindAllStringSubmatch(refusal[0], -1)
				if len(examples) < 2 {
					t.Fatalf("no examples in %q", refusal[0])
				}
				for i, ex := range examples {
					got := h.say(an, ex[1])
					if n := len(h.ptActivities(601)); n != i+1 {
						t.Errorf("example %q refused: %q", ex[1], got)
					}
				}
				ask := h.say(an, "/log")
				m := regexp.MustCompile(`\((?:ví dụ|e\.g\.) ([0-9/]+)\)`).FindStringSubmatch(strings.Join(ask, "\n"))
				if m == nil {
					t.Fatalf("no example date in %q", ask)
				}
				if got := h.say(an, m[1]); has(got, "⚠️") || !has(got, "⏱") {
					t.Errorf("the dialog's example date %q: %q", m[1], got)
				}
			})
		}
	}
}

// TestLogDialogReadsDaysInWords: the guided /log takes the same days as
// the one-line form.
func TestLogDialogReadsDaysInWords(t *testing.T) {
	h := newHarness(t)
	an := h.ptMember(601, ptBranch, "An")
	h.say(an, "/log")
	if got := h.say(an, "thứ hai"); has(got, "⚠️") || !has(got, "⏱") {
		t.Fatalf("weekday in the dialog: %q", got)
	}
	if got := h.say(an, "1h30"); !has(got, "Mô tả ngắn") {
		t.Fatalf("1h30 in the dialog: %q", got)
	}
	h.say(an, "Dọn rác")
	h.press(an, "ad:s")
	acts := h.ptActivities(601)
	if len(acts) != 1 || acts[0].Date != (youthbot.Date{Year: 2026, Month: 3, Day: 9}) || acts[0].Tenths != 15 {
		t.Errorf("stored %+v", acts)
	}
}
