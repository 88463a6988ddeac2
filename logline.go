package youthbot

import (
	"math"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// LogLine is what a one-line /log says:
//
//	/log [dd/mm[/yyyy]] [<hours>h] [#<PROJECT>] <description>
//
// e.g. "/log 15/03/2024 3h Dọn vệ sinh kênh xáng".
type LogLine struct {
	Date        Date   // today when not given
	Tenths      int    // hours × 10; 0 when not given
	Project     string // "P12" for #P12, or ""
	Campaign    string // "C3" for #C3, or ""
	Description string // normalised: spaces collapsed, NFC
}

// ParseLogLine reads the arguments of a one-line /log, checked against
// today. The optional parts (date, hours, #code) come first, in any order,
// each at most once; the first word that is none of them starts the
// description. A date without a year is in today's year. Hours are written
// 3h, 2.5h, 2,5h or 3g (giờ). It returns EINVALID errors whose message says
// why: a malformed or impossible date, a date in the future or before the
// same day of the previous year, hours not above 0 or over 24, a part given
// twice, an empty or too long description.
func ParseLogLine(s string, today Date) (LogLine, error) {
	l := LogLine{Date: today}
	words := strings.Fields(strings.ToValidUTF8(s, "\uFFFD"))
	var haveDate, haveHours, haveCode bool
	i := 0
options:
	for ; i < len(words); i++ {
		w := words[i]
		switch {
		case isDateWord(w):
			if haveDate {
				return LogLine{}, Errorf(EINVALID, "err.log_twice", w)
			}
			d, err := ParseLogDate(w, today)
			if err != nil {
				return LogLine{}, err
			}
			l.Date, haveDate = d, true
		case isHoursWord(w):
			if haveHours {
				return LogLine{}, Errorf(EINVALID, "err.log_twice", w)
			}
			t, err := ParseHours(w)
			if err != nil {
				return LogLine{}, err
			}
			l.Tenths, haveHours = t, true
		case isCodeWord(w):
			if haveCode {
				return LogLine{}, Errorf(EINVALID, "err.log_twice", w)
			}
			code := strings.ToUpper(w[1:])
			if code[0] == 'P' {
				l.Project = code
			} else {
				l.Campaign = code
			}
			haveCode = true
		default:
			break options
		}
	}
	l.Description = NormalizeDescription(norm.NFC.String(strings.Join(words[i:], " ")))
	if err := ValidateDescription(l.Description); err != nil {
		return LogLine{}, err
	}
	return l, nil
}

// ParseLogDate reads the date of a participation, dd/mm or dd/mm/yyyy
// (also with '-' or '.'), and checks it against today: a date without a
// year is in today's year; none may be in the future or before the same
// day of the previous year.
func ParseLogDate(s string, today Date) (Date, error) {
	s = strings.TrimSpace(s)
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '-' || r == '.' })
	if len(parts) == 2 {
		s = parts[0] + "/" + parts[1] + "/" + strconv.Itoa(today.Year)
	}
	d, err := ParseDate(s)
	if err != nil {
		return Date{}, err
	}
	return d, ValidateActivityDate(d, today)
}

// ParseHours reads hours as members write them: "3h", "2.5h", "2,5h",
// "3g", "3 giờ" or a bare "3", rounded to tenths. It returns hours × 10,
// or an EINVALID error when s is not a number of hours or is not above 0
// and at most 24.
func ParseHours(s string) (int, error) {
	num := strings.ToLower(strings.TrimSpace(s))
	for _, suffix := range []string{"giờ", "gio", "hours", "hour", "hrs", "hr", "h", "g"} {
		if cut, ok := strings.CutSuffix(num, suffix); ok {
			num = strings.TrimSpace(cut)
			break
		}
	}
	num = strings.Replace(num, ",", ".", 1)
	if !isNumber(num) {
		return 0, Errorf(EINVALID, "err.log_hours_format", s)
	}
	f, err := strconv.ParseFloat(num, 64)
	if err != nil || f <= 0 || f > MaxTenthsPerDay/10 {
		return 0, Errorf(EINVALID, "err.log_hours")
	}
	tenths := int(math.Round(f * 10))
	return tenths, ValidateTenths(tenths)
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

// isHoursWord reports whether w is meant as hours: a number (sign and
// decimal comma or point allowed) followed by h, g or giờ.
func isHoursWord(w string) bool {
	lw := strings.ToLower(w)
	for _, suffix := range []string{"giờ", "h", "g"} {
		if num, ok := strings.CutSuffix(lw, suffix); ok {
			return isNumber(strings.Replace(num, ",", ".", 1))
		}
	}
	return false
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
