package vnread

import (
	"errors"
	"math"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"

	"youthbot"
	"youthbot/vn"
)

// LogLine is what a one-line /log says:
//
//	/log [day] [hours] [#<PROJECT>] <description>
//
// e.g. "/log 15/03/2026 3h Dọn vệ sinh kênh xáng" or "/log hôm qua 2 giờ
// Trồng cây xanh" (ParseLogLine lists the forms).
type LogLine struct {
	Date        youthbot.Date // today when not given
	Tenths      int           // hours × 10; 0 when not given
	Project     string        // "P12" for #P12, or ""
	Campaign    string        // "C3" for #C3, or ""
	Description string        // normalised: spaces collapsed, NFC
}

// ParseLogLine reads the arguments of a one-line /log, checked against
// today. The optional parts (a day, hours, #code) come first, in any order,
// each at most once; the first word that is none of them starts the
// description. Parts may be several words, with or without diacritics:
// a day is any form matchDay reads ("hôm qua", "thứ hai", "15/03",
// "15/03/2026"), hours any form matchHours reads ("2h", "2 giờ", "2,5g",
// "1h30", "90 phút", "2 hours"). So "hôm qua 2 giờ Trồng cây xanh" is
// yesterday, 2 hours, "Trồng cây xanh". A description that itself begins
// with such words ("Chủ nhật xanh") needs a day or hours before it. It
// returns EINVALID errors whose message says why: a malformed or
// impossible date, a date in the future or before the same day of the
// previous year, hours not above 0 or over 24, a part given twice, an
// empty or too long description.
func ParseLogLine(s string, today youthbot.Date) (LogLine, error) {
	l, _, err := ParseLogLineParts(s, today)
	return l, err
}

// LogLineParts says which optional parts a one-line /log named (a day
// that is today counts as named).
type LogLineParts struct{ Day, Hours bool }

// ParseLogLineParts is ParseLogLine that also says which parts were named.
func ParseLogLineParts(s string, today youthbot.Date) (LogLine, LogLineParts, error) {
	l, p, err := parseLogLine(s, today)
	if err != nil {
		return LogLine{}, LogLineParts{}, err
	}
	return l, p, nil
}

func parseLogLine(s string, today youthbot.Date) (LogLine, LogLineParts, error) {
	l := LogLine{Date: today}
	words := strings.Fields(strings.ToValidUTF8(s, "\uFFFD"))
	var haveDate, haveHours, haveCode bool
	i := 0
	for i < len(words) {
		rest := words[i:]
		if d, n, err := matchDay(rest, today); n > 0 {
			if haveDate {
				return LogLine{}, LogLineParts{}, youthbot.Errorf(youthbot.EINVALID, "err.log_twice", strings.Join(rest[:n], " "))
			}
			if err != nil {
				return LogLine{}, LogLineParts{}, err
			}
			l.Date, haveDate, i = d, true, i+n
			continue
		}
		if t, n, err := matchHours(rest); n > 0 {
			if haveHours {
				return LogLine{}, LogLineParts{}, youthbot.Errorf(youthbot.EINVALID, "err.log_twice", strings.Join(rest[:n], " "))
			}
			if err != nil {
				return LogLine{}, LogLineParts{}, err
			}
			l.Tenths, haveHours, i = t, true, i+n
			continue
		}
		if w := rest[0]; isCodeWord(w) {
			if haveCode {
				return LogLine{}, LogLineParts{}, youthbot.Errorf(youthbot.EINVALID, "err.log_twice", w)
			}
			code := strings.ToUpper(w[1:])
			if code[0] == 'P' {
				l.Project = code
			} else {
				l.Campaign = code
			}
			haveCode, i = true, i+1
			continue
		}
		break
	}
	parts := LogLineParts{Day: haveDate, Hours: haveHours}
	l.Description = youthbot.NormalizeDescription(norm.NFC.String(strings.Join(words[i:], " ")))
	if err := youthbot.ValidateDescription(l.Description); err != nil {
		return LogLine{}, LogLineParts{}, err
	}
	return l, parts, nil
}

// ParseLogDate reads the date of a participation, dd/mm or dd/mm/yyyy
// (also with '-' or '.'), and checks it against today: a date without a
// year is in today's year; none may be in the future or before the same
// day of the previous year. Days in words are ParseLogDay's.
func ParseLogDate(s string, today youthbot.Date) (youthbot.Date, error) {
	s = strings.TrimSpace(s)
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '-' || r == '.' })
	if len(parts) == 2 {
		s = parts[0] + "/" + parts[1] + "/" + strconv.Itoa(today.Year)
	}
	d, err := ParseDate(s)
	if err != nil {
		return youthbot.Date{}, err
	}
	return d, youthbot.ValidateActivityDate(d, today)
}

// The units of hours and minutes, folded, longest first (a suffix is cut
// in this order: "2hours" is 2 hours, not "2hour" + "s").
var (
	hourUnits   = []string{"tieng", "hours", "hour", "gio", "hrs", "hr", "h", "g"}
	minuteUnits = []string{"minutes", "minute", "phut", "mins", "min", "ph", "p", "'"}
)

// ParseHours reads hours as members write them, the whole of s: a bare
// number ("3", "2,5") or any form matchHours reads ("3h", "2,5 giờ",
// "1h30", "90 phút", "2 tiếng rưỡi"), rounded to tenths. It returns hours
// × 10, or an EINVALID error when s is not a number of hours or is not
// above 0 and at most 24.
func ParseHours(s string) (int, error) {
	words := strings.Fields(strings.ToValidUTF8(s, "\uFFFD"))
	if len(words) == 1 {
		if f, ok := parseNumber(words[0]); ok {
			return tenthsOfMinutes(f * 60)
		}
	}
	t, n, err := matchHours(words)
	if n == 0 || n < len(words) {
		return 0, youthbot.Errorf(youthbot.EINVALID, "err.log_hours_format", s)
	}
	return t, err
}

// matchHours reads the hours a /log line starts with and returns them ×
// 10 and how many of words they take (0 when words do not start with
// hours). The forms, with or without diacritics and spaces: a number
// (decimal comma or point) with an hour unit — "2h", "2g", "2 giờ",
// "2,5 tiếng", "2 hours" —, optionally followed by minutes ("1 giờ 30
// phút", "1h 30p") or "rưỡi" (a half: "2 tiếng rưỡi"); hours and minutes
// in one word ("1h30", "1g30p"); minutes alone ("90 phút", "90p", "45
// minutes"). Hours found but refused (not above 0, over 24 after
// rounding to tenths) are an EINVALID error with n > 0.
func matchHours(words []string) (tenths, n int, err error) {
	folded := vn.FoldWords(words, 4)
	h, m, n := hoursPart(folded)
	if n == 0 {
		if m, n = minutesPart(folded); n == 0 {
			return 0, 0, nil
		}
		t, err := tenthsOfMinutes(m)
		return t, n, err
	}
	if m == 0 {
		switch extra, k := minutesPart(folded[n:]); {
		case n < len(folded) && folded[n] == "ruoi":
			m, n = 30, n+1
		case k > 0 && extra < 60 && h == math.Trunc(h):
			m, n = extra, n+k
		}
	}
	t, err := tenthsOfMinutes(h*60 + m)
	return t, n, err
}

// hoursPart reads "<number><hour unit>", "<number> <hour unit>" or
// "<whole>h<minutes>" at the start of folded: hours, minutes within the
// hour, and how many words.
func hoursPart(folded []string) (h, m float64, n int) {
	if len(folded) == 0 {
		return 0, 0, 0
	}
	w := folded[0]
	if f, ok := withUnit(w, hourUnits); ok {
		return f, 0, 1
	}
	if f, ok := parseNumber(w); ok && len(folded) > 1 && slices.Contains(hourUnits, folded[1]) {
		return f, 0, 2
	}
	// 1h30, 1g30, 1h30p, 1h30'
	if i := strings.IndexAny(w, "hg"); i > 0 {
		whole, mins := w[:i], w[i+1:]
		for _, u := range minuteUnits {
			if cut, ok := strings.CutSuffix(mins, u); ok && cut != "" {
				mins = cut
				break
			}
		}
		hh, ok1 := parseNumber(whole)
		mm, ok2 := parseNumber(mins)
		if ok1 && ok2 && hh == math.Trunc(hh) && mm == math.Trunc(mm) && mm >= 0 && mm < 60 &&
			len(mins) <= 2 && !strings.ContainsAny(whole+mins, "+-") {
			return hh, mm, 1
		}
	}
	return 0, 0, 0
}

// minutesPart reads "<number><minute unit>" or "<number> <minute unit>" at
// the start of folded: the minutes and how many words.
func minutesPart(folded []string) (m float64, n int) {
	if len(folded) == 0 {
		return 0, 0
	}
	if f, ok := withUnit(folded[0], minuteUnits); ok {
		return f, 1
	}
	if f, ok := parseNumber(folded[0]); ok && len(folded) > 1 && slices.Contains(minuteUnits, folded[1]) {
		return f, 2
	}
	return 0, 0
}

// withUnit reads w as a number followed by one of units.
func withUnit(w string, units []string) (float64, bool) {
	for _, u := range units {
		if num, ok := strings.CutSuffix(w, u); ok {
			return parseNumber(num)
		}
	}
	return 0, false
}

// parseNumber reads an optionally signed decimal number with a decimal
// comma or point.
func parseNumber(s string) (float64, bool) {
	s = strings.Replace(s, ",", ".", 1)
	if !isNumber(s) {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	return f, err == nil || errors.Is(err, strconv.ErrRange)
}

// tenthsOfMinutes turns minutes into tenths of an hour, rounded, and
// checks them (ValidateTenths).
func tenthsOfMinutes(m float64) (int, error) {
	if !(m > 0) || m > youthbot.MaxTenthsPerDay*6 {
		return 0, youthbot.Errorf(youthbot.EINVALID, "err.log_hours")
	}
	t := int(math.Round(m / 6))
	return t, youthbot.ValidateTenths(t)
}

// isNumber reports whether s is an optionally signed decimal number with
// at most one '.'.
func isNumber(s string) bool {
	s = strings.TrimPrefix(strings.TrimPrefix(s, "-"), "+")
	digits, dot := 0, false
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '.' && !dot:
			dot = true
		default:
			return false
		}
	}
	return digits > 0
}

// isDateWord reports whether w is meant as a date: digits separated by
// '/', '-' or '.' into two or three parts, the first two of one or two
// digits.
func isDateWord(w string) bool {
	parts := strings.FieldsFunc(w, func(r rune) bool { return r == '/' || r == '-' || r == '.' })
	if len(parts) < 2 || len(parts) > 3 || strings.Trim(w, "0123456789/-.") != "" {
		return false
	}
	if strings.ContainsAny(w[:1], "/-.") || strings.ContainsAny(w[len(w)-1:], "/-.") {
		return false
	}
	return len(parts[0]) <= 2 && len(parts[1]) <= 2
}

// isCodeWord reports whether w is #P<digits> (a project) or #C<digits> (a
// campaign).
func isCodeWord(w string) bool {
	if len(w) < 3 || len(w) > 13 || w[0] != '#' {
		return false
	}
	if k := w[1] | 0x20; k != 'p' && k != 'c' {
		return false
	}
	for _, r := range w[2:] {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
