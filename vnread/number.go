package vnread

import (
	"strings"

	"youthbot"
)

// MaxDecimalDigits bounds the digits ParseDecimal takes (whole and decimal
// together): 18 digits always fit an int64.
const MaxDecimalDigits = 18

// ParseDecimal reads a number as offices write it in spreadsheets and
// returns it times 10^scale (scale 0 for whole numbers, 1 for tenths):
//
//	26000000, 26.000.000, 26,000,000, 26 000 000   grouped by thousands
//	15,5  15.5                                     one decimal mark
//	1.234.567,5  1,234,567.5                        both: the last mark is the decimal one
//	-3                                              a sign (callers refuse what may not be negative)
//
// A single '.' or ',' followed by exactly three digits groups thousands, as
// both the Vietnamese and the English way read it (26.000 is 26000), unless
// only zeros come before it (0,125); any other single mark is the decimal
// mark. Groups after the first have three
// digits and one kind of separator. Non-breaking spaces count as spaces.
// More decimals than scale are refused unless they are zeros. Anything
// else, or more than MaxDecimalDigits digits, is an EINVALID error with key
// "err.number".
func ParseDecimal(s string, scale int) (int64, error) {
	bad := youthbot.Errorf(youthbot.EINVALID, "err.number", s)
	t := strings.TrimSpace(strings.NewReplacer("\u00a0", " ", "\u202f", " ").Replace(s))
	neg := false
	switch {
	case strings.HasPrefix(t, "-"):
		neg, t = true, strings.TrimSpace(t[1:])
	case strings.HasPrefix(t, "+"):
		t = strings.TrimSpace(t[1:])
	}
	whole, frac, ok := splitDecimal(t)
	if !ok || scale < 0 || scale > MaxDecimalDigits {
		return 0, bad
	}
	frac = strings.TrimRight(frac, "0")
	if len(frac) > scale {
		return 0, bad
	}
	whole = strings.TrimLeft(whole, "0")
	if len(whole)+scale > MaxDecimalDigits {
		return 0, bad
	}
	digitsOf := whole + frac + strings.Repeat("0", scale-len(frac))
	v, ok := digits(digitsOf)
	if !ok {
		return 0, bad
	}
	if neg {
		v = -v
	}
	return v, nil
}

// splitDecimal splits a written number without sign into its whole digits
// (separators removed) and its decimal digits, telling the grouping mark
// from the decimal mark as ParseDecimal says.
func splitDecimal(t string) (whole, frac string, ok bool) {
	if t == "" {
		return "", "", false
	}
	var marks []byte // the separators, in order
	for i := 0; i < len(t); i++ {
		switch c := t[i]; {
		case c >= '0' && c <= '9':
		case c == '.' || c == ',' || c == ' ':
			if i == 0 || i == len(t)-1 || !isDigit(t[i-1]) || !isDigit(t[i+1]) {
				return "", "", false // leading, trailing or doubled separator
			}
			marks = append(marks, c)
		default:
			return "", "", false
		}
	}
	if len(marks) == 0 {
		return t, "", true
	}
	// The decimal mark, if any: the last mark when it is '.' or ',' and
	// either differs from the marks before it, or is the only mark and is
	// not followed by exactly three digits, or follows only zeros.
	last := marks[len(marks)-1]
	dec := byte(0)
	if last != ' ' {
		i := strings.LastIndexByte(t, last)
		switch {
		case len(marks) > 1 && marks[len(marks)-2] != last:
			dec = last
		case len(marks) == 1 && (len(t)-i-1 != 3 || strings.Trim(t[:i], "0") == ""):
			dec = last // 15,5 or 0,001
		}
	}
	body := t
	if dec != 0 {
		i := strings.LastIndexByte(t, dec)
		body, frac = t[:i], t[i+1:]
		marks = marks[:len(marks)-1]
	}
	groups := strings.FieldsFunc(body, func(r rune) bool { return r == '.' || r == ',' || r == ' ' })
	if len(groups) > 1 {
		if len(groups[0]) > 3 || groups[0][0] == '0' {
			return "", "", false // 1234.567 or 0.001: not thousands
		}
		for i, g := range groups[1:] {
			if len(g) != 3 || marks[i] != marks[0] || marks[i] == dec {
				return "", "", false
			}
		}
	}
	return strings.Join(groups, ""), frac, true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
