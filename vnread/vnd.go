package vnread

import (
	"strings"

	"golang.org/x/text/unicode/norm"

	"youthbot"
)

// vndUnits are the multipliers written after an amount, longest first
// within each family so that "triệu" is not read as "tr" + "iệu".
var vndUnits = []struct {
	word string
	mul  int64
}{
	{"tỷ", 1_000_000_000}, {"tỉ", 1_000_000_000}, {"ty", 1_000_000_000},
	{"triệu", 1_000_000}, {"trieu", 1_000_000}, {"tr", 1_000_000},
	{"nghìn", 1_000}, {"ngàn", 1_000}, {"nghin", 1_000}, {"ngan", 1_000}, {"k", 1_000},
}

// vndSuffixes name the currency; they are dropped.
var vndSuffixes = []string{"vnđ", "vnd", "đồng", "dong", "đ"}

// ParseVND reads an amount of đồng as union secretaries write it:
//
//	5000000, 5.000.000, 5,000,000, 5 000 000    plain đồng, grouped by thousands
//	5tr, 5 triệu, 5,5tr, 2.5 tỷ, 500k, 500 nghìn  with a multiplier
//
// optionally followed by đ, đồng or VND. With a multiplier, one separator
// followed by exactly three digits groups thousands (1.500 tỷ is 1500 tỷ);
// otherwise it is the decimal mark (1,5tr and 1.5tr are 1 500 000). The
// result is whole đồng from 0 to MaxValueVND; anything else is EINVALID.
func ParseVND(s string) (int64, error) {
	bad := youthbot.Errorf(youthbot.EINVALID, "err.project_value", s)
	t := strings.ToLower(strings.TrimSpace(norm.NFC.String(s)))
	for _, suf := range vndSuffixes {
		if strings.HasSuffix(t, suf) {
			t = strings.TrimSpace(strings.TrimSuffix(t, suf))
			break
		}
	}
	mul := int64(1)
	for _, u := range vndUnits {
		if strings.HasSuffix(t, u.word) {
			t, mul = strings.TrimSpace(strings.TrimSuffix(t, u.word)), u.mul
			break
		}
	}
	if t == "" {
		return 0, bad
	}
	whole, frac, ok := splitAmount(t, mul > 1)
	if !ok {
		return 0, bad
	}
	// value = (whole + frac/10^len(frac)) × mul, which must be whole đồng.
	scale := int64(1)
	for range frac {
		scale *= 10
	}
	if scale > mul || mul%scale != 0 {
		return 0, bad
	}
	w, ok := digits(whole)
	if !ok || w > youthbot.MaxValueVND/mul {
		return 0, bad
	}
	f, ok := digits(frac)
	if !ok {
		return 0, bad
	}
	v := w*mul + f*(mul/scale)
	if v > youthbot.MaxValueVND {
		return 0, bad
	}
	return v, nil
}

// splitAmount splits a written number into its whole digits and decimal
// digits. Separators are '.', ',' and ' '; groups of thousands have three
// digits and one kind of separator; a decimal part (one '.' or ',' not
// followed by three digits) is allowed only when decimal is true.
func splitAmount(t string, decimal bool) (whole, frac string, ok bool) {
	var groups []string
	var seps []byte
	start := 0
	for i := 0; i <= len(t); i++ {
		if i < len(t) && t[i] >= '0' && t[i] <= '9' {
			continue
		}
		if i == start {
			return "", "", false // empty group: leading, trailing or doubled separator
		}
		groups = append(groups, t[start:i])
		if i < len(t) {
			if c := t[i]; c != '.' && c != ',' && c != ' ' {
				return "", "", false
			}
			seps = append(seps, t[i])
		}
		start = i + 1
	}
	if len(groups) == 1 {
		return groups[0], "", true
	}
	if len(groups) == 2 && len(groups[1]) != 3 {
		if !decimal || seps[0] == ' ' {
			return "", "", false
		}
		return groups[0], groups[1], true
	}
	if len(groups[0]) > 3 {
		return "", "", false
	}
	for i, g := range groups[1:] {
		if len(g) != 3 || seps[i] != seps[0] {
			return "", "", false
		}
	}
	return strings.Join(groups, ""), "", true
}

// digits reads a string of ASCII digits ("" is 0) without overflowing.
func digits(s string) (int64, bool) {
	var n int64
	for _, r := range s {
		if r < '0' || r > '9' || n > (1<<62)/10 {
			return 0, false
		}
		n = n*10 + int64(r-'0')
	}
	return n, true
}

// ParseCount reads a whole number written with optional thousands
// separators (1000, 1.000, 1,000, 1 000): 0 or more, at most max.
// Anything else, a sign included, is EINVALID with key.
func ParseCount(s string, maxValue int64, key string) (int64, error) {
	bad := youthbot.Errorf(youthbot.EINVALID, key, s)
	whole, _, ok := splitAmount(strings.TrimSpace(s), false)
	if !ok {
		return 0, bad
	}
	n, ok := digits(whole)
	if !ok || n > maxValue {
		return 0, bad
	}
	return n, nil
}
