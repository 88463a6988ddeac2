package vnread

import (
	"strings"
	"testing"
	"time"

	"youthbot"
)

func TestParseTallyPeriod(t *testing.T) {
	today := youthbot.Date{Year: 2026, Month: 3, Day: 10}
	tests := []struct {
		in   string
		want youthbot.Period
	}{
		{"tháng này", youthbot.MonthPeriod(2026, time.March)},
		{"thang nay", youthbot.MonthPeriod(2026, time.March)},
		{"tháng trước", youthbot.MonthPeriod(2026, time.February)},
		{"Tháng Trước", youthbot.MonthPeriod(2026, time.February)},
		{"thang truoc", youthbot.MonthPeriod(2026, time.February)},
		{"năm nay", youthbot.YearPeriod(2026)},
		{"năm ngoái", youthbot.YearPeriod(2025)},
		{"nam ngoai", youthbot.YearPeriod(2025)},
		{"năm trước", youthbot.YearPeriod(2025)},
		{"this month", youthbot.MonthPeriod(2026, time.March)},
		{"last month", youthbot.MonthPeriod(2026, time.February)},
		{"this year", youthbot.YearPeriod(2026)},
		{"last year", youthbot.YearPeriod(2025)},
		{"03/2026", youthbot.MonthPeriod(2026, time.March)},
		{"3/2026", youthbot.MonthPeriod(2026, time.March)},
		{"12-2025", youthbot.MonthPeriod(2025, time.December)},
		{"12.2025", youthbot.MonthPeriod(2025, time.December)},
		{"2026-02", youthbot.MonthPeriod(2026, time.February)},
		{"2025/11", youthbot.MonthPeriod(2025, time.November)},
		{"2025", youthbot.YearPeriod(2025)},
		{"năm 2024", youthbot.YearPeriod(2024)},
		{"tháng 2", youthbot.MonthPeriod(2026, time.February)},
		{"tháng 3", youthbot.MonthPeriod(2026, time.March)},
		{"tháng 11", youthbot.MonthPeriod(2025, time.November)}, // the last November begun
		{"tháng 11 năm nay", youthbot.MonthPeriod(2026, time.November)},
		{"tháng 3 năm ngoái", youthbot.MonthPeriod(2025, time.March)},
		{"tháng 3 năm 2024", youthbot.MonthPeriod(2024, time.March)},
		{"tháng 3 2024", youthbot.MonthPeriod(2024, time.March)},
		{"tháng 03/2024", youthbot.MonthPeriod(2024, time.March)},
		{"thang 1", youthbot.MonthPeriod(2026, time.January)},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := parseTallyPeriod(tt.in, today)
			if err != nil || got != tt.want {
				t.Errorf("parseTallyPeriod(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
			}
		})
	}
	for _, in := range []string{"", "2026-13", "13/2026", "0/2026", "26", "2026-3-1", "03/26", "tháng", "tháng 13", "tháng ba", "tuần trước",
		"tháng trước nữa", "2026 2025", "-2026", "2026-", "0999"} {
		t.Run("Refuses/"+in, func(t *testing.T) {
			_, err := parseTallyPeriod(in, today)
			if keyOf(err) != "err.tally_period" {
				t.Errorf("parseTallyPeriod(%q): %v, want err.tally_period", in, err)
			}
		})
	}
}

// TestMatchPeriodLeavesTheRest: a period is read from the start of the
// words, and the rest (a unit code) is left.
func TestMatchPeriodLeavesTheRest(t *testing.T) {
	today := youthbot.Date{Year: 2026, Month: 1, Day: 5}
	for in, want := range map[string]struct {
		p youthbot.Period
		n int
	}{
		"tháng trước VT":    {youthbot.MonthPeriod(2025, time.December), 2},
		"2025-12 VT":        {youthbot.MonthPeriod(2025, time.December), 1},
		"tháng 12 VT":       {youthbot.MonthPeriod(2025, time.December), 2},
		"tháng 12 2024 VT":  {youthbot.MonthPeriod(2024, time.December), 3},
		"năm ngoái VT-CDCD": {youthbot.YearPeriod(2025), 2},
		"VT tháng trước":    {youthbot.Period{}, 0},
		"thang VT":          {youthbot.Period{}, 2}, // refused: "tháng" with no month
	} {
		p, n, err := MatchPeriod(splitWords(in), today)
		if p != want.p || n != want.n || (err != nil) != (want.p == youthbot.Period{} && want.n > 0) {
			t.Errorf("MatchPeriod(%q) = %v, %d, %v; want %v, %d", in, p, n, err, want.p, want.n)
		}
	}
}

func splitWords(s string) []string { return strings.Fields(s) }

// FuzzParseTallyPeriod: no input panics; every refusal is an EINVALID
// *Error; an accepted period is a month or a year, of four-digit year,
// and its written form (YYYY-MM or YYYY) reads back the same.
func FuzzParseTallyPeriod(f *testing.F) {
	for _, s := range []string{"tháng trước", "thang 11", "tháng 3 năm 2024", "03/2026", "2026-02", "2025", "năm ngoái", "2026-13", "tháng", ""} {
		f.Add(s)
	}
	today := youthbot.Date{Year: 2026, Month: 3, Day: 10}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := parseTallyPeriod(s, today)
		if err != nil {
			var e *youthbot.Error
			if !asError(err, &e) || e.Code != youthbot.EINVALID || e.Key != "err.tally_period" {
				t.Fatalf("parseTallyPeriod(%q): %v is not an EINVALID err.tally_period", s, err)
			}
			return
		}
		if !p.IsMonth() && !p.IsYear() || p.Year < 1000 || p.Year > 9999 || p.From < time.January || p.To > time.December {
			t.Fatalf("parseTallyPeriod(%q) = %+v", s, p)
		}
		if back, err := parseTallyPeriod(p.String(), today); err != nil || back != p {
			t.Fatalf("parseTallyPeriod(%q) = %v, but %q reads %v, %v", s, p, p.String(), back, err)
		}
	})
}

// parseTallyPeriod reads the whole of s as the period of a tally, in any
// form MatchPeriod reads (as /tally reads its words), on today. It returns EINVALID err.tally_period
// when s is no period.
func parseTallyPeriod(s string, today youthbot.Date) (youthbot.Period, error) {
	words := strings.Fields(strings.ToValidUTF8(s, "\uFFFD"))
	p, n, err := MatchPeriod(words, today)
	if err != nil {
		return youthbot.Period{}, err
	}
	if n == 0 || n < len(words) {
		return youthbot.Period{}, periodError(s, today)
	}
	return p, nil
}
