package vnread

import (
	"strconv"
	"strings"
	"time"

	"youthbot"
	"youthbot/vn"
)

// relativePeriods are the periods named in words, folded (FoldName), as a
// function of today.
var relativePeriods = map[string]func(today youthbot.Date) youthbot.Period{
	"thang nay":  func(d youthbot.Date) youthbot.Period { return youthbot.MonthPeriod(d.Year, d.Month) },
	"this month": func(d youthbot.Date) youthbot.Period { return youthbot.MonthPeriod(d.Year, d.Month) },
	"thang truoc": func(d youthbot.Date) youthbot.Period {
		return youthbot.MonthPeriod(d.Year, d.Month).Prev()
	},
	"last month": func(d youthbot.Date) youthbot.Period { return youthbot.MonthPeriod(d.Year, d.Month).Prev() },
	"nam nay":    func(d youthbot.Date) youthbot.Period { return youthbot.YearPeriod(d.Year) },
	"this year":  func(d youthbot.Date) youthbot.Period { return youthbot.YearPeriod(d.Year) },
	"nam ngoai":  func(d youthbot.Date) youthbot.Period { return youthbot.YearPeriod(d.Year - 1) },
	"nam truoc":  func(d youthbot.Date) youthbot.Period { return youthbot.YearPeriod(d.Year - 1) },
	"last year":  func(d youthbot.Date) youthbot.Period { return youthbot.YearPeriod(d.Year - 1) },
}

// yearWords name the year after "tháng 3": "tháng 3 năm nay".
var yearWords = map[string]int{"nam nay": 0, "nam ngoai": -1, "nam truoc": -1}

// MatchPeriod reads the period of a tally that words start with, on today,
// and how many words it takes (0 when words do not start with a period).
// With or without diacritics, in Vietnamese or English:
//
//   - tháng này, tháng trước, năm nay, năm ngoái (năm trước); this month,
//     last month, this year, last year;
//   - tháng 3: the last March begun (this year's, or last year's before
//     March), tháng 3 năm nay, tháng 3 năm ngoái, tháng 3 năm 2025,
//     tháng 3 2025, tháng 03/2025; năm 2025;
//   - one word of digits: MM/YYYY (also M/YYYY, MM-YYYY, MM.YYYY),
//     YYYY-MM (or YYYY/MM), YYYY.
//
// Whether the period has begun is the caller's check. A word of digits
// that is none of these, or "tháng" followed by no month, is an EINVALID
// err.tally_period error with n > 0.
func MatchPeriod(words []string, today youthbot.Date) (youthbot.Period, int, error) {
	if len(words) == 0 {
		return youthbot.Period{}, 0, nil
	}
	folded := vn.FoldWords(words, 5)
	if f, n := vn.MatchPhrase(folded, relativePeriods); n > 0 {
		return f(today), n, nil
	}
	bad := func(n int) (youthbot.Period, int, error) {
		return youthbot.Period{}, n, periodError(strings.Join(words[:n], " "), today)
	}
	switch {
	case folded[0] == "thang" && len(folded) > 1:
		if p, ok := numericPeriod(folded[1]); ok && p.IsMonth() {
			return p, 2, nil
		}
		m, err := strconv.Atoi(folded[1])
		if err != nil || len(folded[1]) > 2 || m < 1 || m > 12 {
			return bad(2)
		}
		year, n := today.Year, 2
		if time.Month(m) > today.Month {
			year--
		}
		if back, k := vn.MatchPhrase(folded[n:], yearWords); k > 0 {
			year, n = today.Year+back, n+k
		} else if k := yearAt(folded[n:]); k > 0 {
			year, _ = strconv.Atoi(folded[n+k-1])
			n += k
		}
		return youthbot.MonthPeriod(year, time.Month(m)), n, nil
	case folded[0] == "nam" && len(folded) > 1 && isYear(folded[1]):
		y, _ := strconv.Atoi(folded[1])
		return youthbot.YearPeriod(y), 2, nil
	case folded[0] != "" && folded[0][0] >= '0' && folded[0][0] <= '9':
		if p, ok := numericPeriod(folded[0]); ok {
			return p, 1, nil
		}
		return bad(1)
	}
	return youthbot.Period{}, 0, nil
}

// yearAt reads "YYYY" or "năm YYYY" at the start of folded: how many words.
func yearAt(folded []string) int {
	switch {
	case len(folded) > 0 && isYear(folded[0]):
		return 1
	case len(folded) > 1 && folded[0] == "nam" && isYear(folded[1]):
		return 2
	}
	return 0
}

// numericPeriod reads one word of digits: YYYY, MM/YYYY, YYYY-MM (any of
// '/', '-', '.' between).
func numericPeriod(w string) (youthbot.Period, bool) {
	if w == "" {
		return youthbot.Period{}, false
	}
	parts := strings.FieldsFunc(w, func(r rune) bool { return r == '/' || r == '-' || r == '.' })
	if strings.Trim(w, "0123456789/-.") != "" || strings.ContainsAny(w[:1]+w[len(w)-1:], "/-.") {
		return youthbot.Period{}, false
	}
	switch {
	case len(parts) == 1 && isYear(parts[0]):
		y, _ := strconv.Atoi(parts[0])
		return youthbot.YearPeriod(y), true
	case len(parts) != 2:
		return youthbot.Period{}, false
	case isYear(parts[1]) && len(parts[0]) <= 2:
		parts[0], parts[1] = parts[1], parts[0]
	case !isYear(parts[0]) || len(parts[1]) > 2:
		return youthbot.Period{}, false
	}
	y, _ := strconv.Atoi(parts[0])
	m, err := strconv.Atoi(parts[1])
	if err != nil || m < 1 || m > 12 {
		return youthbot.Period{}, false
	}
	return youthbot.MonthPeriod(y, time.Month(m)), true
}

// isYear reports whether s is four digits, the first not 0.
func isYear(s string) bool {
	return len(s) == 4 && s[0] >= '1' && s[0] <= '9' && strings.Trim(s, "0123456789") == ""
}

// periodError says s is no period, with examples valid on today.
func periodError(s string, today youthbot.Date) error {
	last := youthbot.MonthPeriod(today.Year, today.Month).Prev()
	return youthbot.Errorf(youthbot.EINVALID, "err.tally_period", s, last.First().String()[3:], today.Year)
}
