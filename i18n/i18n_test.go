package i18n

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
)

var verb = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z%]`)

// verbs returns the sorted argument verbs of a template, with explicit
// indexes resolved, so two languages can order arguments differently.
func verbs(t *testing.T, s string) []string {
	t.Helper()
	var out []string
	next := 1
	for _, v := range verb.FindAllStringSubmatch(s, -1) {
		if v[0] == "%%" {
			continue
		}
		idx := next
		if v[1] != "" {
			idx = int(v[1][1] - '0')
		}
		letter := v[0][len(v[0])-1:]
		out = append(out, string(rune('0'+idx))+letter)
		next = idx + 1
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func TestCatalogsHaveTheSameKeysAndArguments(t *testing.T) {
	vi, en := catalogs["vi"], catalogs["en"]
	for key, envalue := range en {
		vivalue, ok := vi[key]
		if !ok {
			t.Errorf("key %q is in en but not in vi", key)
			continue
		}
		if got, want := verbs(t, vivalue), verbs(t, envalue); !slices.Equal(got, want) {
			t.Errorf("key %q: vi takes %v, en takes %v", key, got, want)
		}
	}
	for key := range vi {
		if _, ok := en[key]; !ok {
			t.Errorf("key %q is in vi but not in en", key)
		}
	}
}

func TestCatalogsAreValidTelegramHTML(t *testing.T) {
	allowed := regexp.MustCompile(`</?(b|i|u|s|code|pre|a( href="[^"]*")?|blockquote)>`)
	for lang, cat := range catalogs {
		for key, s := range cat {
			rest := allowed.ReplaceAllString(s, "")
			if strings.ContainsAny(rest, "<>") {
				t.Errorf("%s %q: stray < or > outside allowed tags: %q", lang, key, s)
			}
			if strings.Contains(strings.ReplaceAll(rest, "&amp;", ""), "&") {
				t.Errorf("%s %q: bare & (write &amp;)", lang, key)
			}
		}
	}
}

func TestVietnameseIsVietnamese(t *testing.T) {
	// A sample of messages that must carry diacritics: a catalog entry
	// left in English or typed without marks fails here.
	for _, key := range []string{"reg.consent", "reg.ask_name", "status.approved", "err.link_invalid", "forget.confirm"} {
		if !strings.ContainsAny(catalogs["vi"][key], "ăâđêôơưáàảãạéèẻẽẹíìỉĩịóòỏõọúùủũụýỳỷỹỵ") {
			t.Errorf("vi %q has no Vietnamese diacritics: %q", key, catalogs["vi"][key])
		}
	}
}

func TestTEscapesArgumentsButNotRaw(t *testing.T) {
	tests := []struct {
		name string
		args []any
		want string
	}{
		{"EscapesHTMLInNames", []any{"<b>An</b> & co"}, "Bạn chọn: <b>&lt;b&gt;An&lt;/b&gt; &amp; co</b>"},
		{"KeepsRaw", []any{Raw("<i>x</i>")}, "Bạn chọn: <b><i>x</i></b>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := T("vi", "tree.chosen", tt.args...); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestTFormatsNumbers(t *testing.T) {
	if got, want := T("en", "err.name_long", 80), "The name is too long (at most 80 characters)."; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestTFallsBackToDefaultLanguage(t *testing.T) {
	if got, want := T("fr", "cancel.done"), catalogs["vi"]["cancel.done"]; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestLang(t *testing.T) {
	for code, want := range map[string]string{"vi": "vi", "vi-VN": "vi", "en-US": "en", "EN": "en", "fr": "vi", "": "vi"} {
		if got := Lang(code, "vi"); got != want {
			t.Errorf("Lang(%q) = %q, want %q", code, got, want)
		}
	}
}

func TestVietnameseSpellsEachWordOneWay(t *testing.T) {
	// One spelling per word across the catalogs (old-style tone placement
	// "luỹ" next to "lũy" reads as a typo).
	variants := map[string]string{"luỹ": "lũy"}
	for key, msg := range catalogs["vi"] {
		for bad, good := range variants {
			if strings.Contains(strings.ToLower(msg), bad) {
				t.Errorf("vi %q spells %q: write %q", key, bad, good)
			}
		}
	}
}

func TestPluralChoices(t *testing.T) {
	tests := []struct {
		tmpl string
		args []any
		want string
	}{
		{"%d {1|participation|participations}", []any{1}, "1 participation"},
		{"%d {1|participation|participations}", []any{2}, "2 participations"},
		{"%d {1|participation|participations}", []any{0}, "0 participations"},
		{"%s {1|hour|hours}", []any{"1"}, "1 hour"},
		{"%s {1|hour|hours}", []any{"1.5"}, "1.5 hours"},
		{"%s {1|hour|hours}", []any{"1,000"}, "1,000 hours"},
		{"%d/%d {2|member|members}", []any{1, 1}, "1/1 member"},
		{"%[2]d {2|unit|units}, %[1]d {1|task|tasks}", []any{1, 3}, "3 units, 1 task"},
		{"{x} %d", []any{1}, "{x} 1"},
	}
	for _, tt := range tests {
		if got := fmt.Sprintf(plurals(tt.tmpl, tt.args), tt.args...); got != tt.want {
			t.Errorf("%q %v: %q, want %q", tt.tmpl, tt.args, got, tt.want)
		}
	}
}

func TestEnglishCountsAgree(t *testing.T) {
	// Every English message that counts something says one thing in the
	// singular ("1 participations" is the defect this catches).
	for _, tt := range []struct {
		key  string
		args []any
		bad  string
	}{
		{"my.branch", []any{1, 1, 3}, "1 participations"},
		{"report.child_month", []any{1, "Chi đoàn", "1", "1", "3", "1"}, "1 participations"},
		{"report.child_month", []any{1, "Chi đoàn", "1", "1", "3", "1"}, "1 hours"},
		{"report.child_year", []any{1, "Chi đoàn", "1", "1", "1", "1", "x"}, "1 participations"},
		{"report.child_year", []any{1, "Chi đoàn", "1", "1", "1", "1", "x"}, "1 hours"},
		{"report.child_year", []any{1, "Chi đoàn", "1", "1", "1", "1", "x"}, "1 works"},
		{"report.child_year", []any{1, "Chi đoàn", "1", "1", "1", "1", "x"}, "1 tasks"},
	} {
		if got := T("en", tt.key, tt.args...); strings.Contains(got, tt.bad) {
			t.Errorf("%s: %q says %q", tt.key, got, tt.bad)
		}
	}
}
