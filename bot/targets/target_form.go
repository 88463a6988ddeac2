package targets

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"youthbot"
)

// The forms of /target (F4, F7's kinds), read by parseTarget:
//
//	/target 2026 [CT01] lượt 5000 [UNIT]                      metric
//	/target 2026 [CT02] mỗi chi đoàn [có ít nhất] 1 phần việc [UNIT]   per_unit
//	/target 2026 [CT03] thủ công "Kết nạp 7.000 đoàn viên mới" 7000 [UNIT]   manual
//
// The value and the metric come in either order ("lượt 5000", "5000
// lượt"); a plan's text in quotes may go with any kind ("…" or “…”), and
// a manual target needs one. A manual target's metric is optional (it
// only says how its value is written).

// targetForm is what a /target line says.
type targetForm struct {
	target youthbot.Target // Unit not set
	unit   string          // the unit named at the end, "" for none
}

// maxTargetText bounds a target's text (a plan's sentence), in characters.
const maxTargetText = 300

// targetCodeRe is a target's code as plans number them: CT01, NV3
// (short, so that a button can carry it).
var targetCodeRe = regexp.MustCompile(`^[A-Z]{1,4}[0-9]{1,4}$`)

// kindWords start a target of a kind other than metric, folded.
var kindWords = map[string]youthbot.TargetKind{
	"thu cong": youthbot.TargetManual, "nhap tay": youthbot.TargetManual, "manual": youthbot.TargetManual,
	"moi": youthbot.TargetPerUnit, "each": youthbot.TargetPerUnit, "every": youthbot.TargetPerUnit,
	"per": youthbot.TargetPerUnit, "per unit": youthbot.TargetPerUnit,
}

// unitKindWords name the kind of unit a per_unit target counts, folded.
var unitKindWords = map[string]youthbot.UnitKind{
	"tinh": youthbot.KindProvince, "tinh doan": youthbot.KindProvince, "province": youthbot.KindProvince,
	"huyen": youthbot.KindDistrict, "huyen doan": youthbot.KindDistrict, "quan doan": youthbot.KindDistrict,
	"thanh doan": youthbot.KindDistrict, "district": youthbot.KindDistrict,
	"co so": youthbot.KindGrassroots, "doan co so": youthbot.KindGrassroots, "grassroots": youthbot.KindGrassroots,
	"grassroots union": youthbot.KindGrassroots,
	"chi doan":         youthbot.KindBranch, "branch": youthbot.KindBranch,
}

// fillerWords may stand between a per_unit target's unit kind and its
// value ("mỗi chi đoàn có ít nhất 01 phần việc"), folded.
var fillerWords = map[string]bool{
	"co": true, "it nhat": true, "co it nhat": true, "toi thieu": true, "co toi thieu": true,
	"thuc hien": true, "dat": true, "at least": true, "has": true, "have": true, "has at least": true,
}

// matchWords reads the phrase of table words start with, the longest
// first; n is how many words it takes, 0 for none.
func matchWords[V any](words []string, table map[string]V) (v V, n int) {
	const longest = 3
	folded := make([]string, 0, longest)
	for _, w := range words[:min(len(words), longest)] {
		folded = append(folded, youthbot.FoldName(w))
	}
	for n := len(folded); n > 0; n-- {
		if v, ok := table[strings.Join(folded[:n], " ")]; ok {
			return v, n
		}
	}
	return v, 0
}

// cutQuoted takes the first text in quotes out of s: "…", “…” or «…».
func cutQuoted(s string) (rest, quoted string, ok bool) {
	for _, q := range [][2]string{{`"`, `"`}, {"“", "”"}, {"«", "»"}} {
		i := strings.Index(s, q[0])
		if i < 0 {
			continue
		}
		j := strings.Index(s[i+len(q[0]):], q[1])
		if j < 0 {
			continue
		}
		quoted = strings.TrimSpace(s[i+len(q[0]) : i+len(q[0])+j])
		return s[:i] + " " + s[i+len(q[0])+j+len(q[1]):], quoted, true
	}
	return s, "", false
}

// parseTarget reads a /target line (the forms above) said on today;
// isUnit tells a unit's code from the value's last word.
func parseTarget(args string, today youthbot.Date, isUnit func(string) bool) (targetForm, error) {
	usage := youthbot.Errorf(youthbot.EINVALID, "err.target_usage", today.Year)
	args, text, quoted := cutQuoted(args)
	f := strings.Fields(args)
	if len(f) < 2 {
		return targetForm{}, usage
	}
	year, err := strconv.Atoi(f[0])
	if err != nil {
		return targetForm{}, usage
	}
	var form targetForm
	tg := &form.target
	tg.Year, tg.Text, f = year, text, f[1:]
	if quoted && text == "" || utf8.RuneCountInString(text) > maxTargetText {
		return targetForm{}, youthbot.Errorf(youthbot.EINVALID, "err.target_text", maxTargetText)
	}
	if code := strings.ToUpper(f[0]); targetCodeRe.MatchString(code) && !isUnit(code) {
		if _, n := youthbot.MatchMetric(f); n == 0 {
			tg.Code, f = code, f[1:]
		}
	}
	if k, n := matchWords(f, kindWords); n > 0 {
		tg.Kind, f = k, f[n:]
	}
	switch tg.Kind {
	case youthbot.TargetPerUnit:
		k, n := matchWords(f, unitKindWords)
		if n == 0 {
			word := ""
			if len(f) > 0 {
				word = f[0]
			}
			return targetForm{}, youthbot.Errorf(youthbot.EINVALID, "err.target_per_unit_kind", word)
		}
		tg.UnitKind, f = k, f[n:]
		if _, n := matchWords(f, fillerWords); n > 0 {
			f = f[n:]
		}
	case youthbot.TargetManual:
		if tg.Text == "" {
			return targetForm{}, youthbot.Errorf(youthbot.EINVALID, "err.target_manual_text", today.Year)
		}
	}
	if len(f) == 0 {
		if tg.Kind == youthbot.TargetManual {
			return targetForm{}, youthbot.Errorf(youthbot.EINVALID, "err.target_manual_value", today.Year)
		}
		return targetForm{}, usage
	}
	// A unit's code at the end, when what is before it still reads.
	if n := len(f); n >= 2 && isUnit(youthbot.NormalizeUnitCode(f[n-1])) {
		if m, v, err := valueAndMetric(f[:n-1], tg.Kind, today.Year); err == nil {
			tg.Metric, tg.Value, form.unit = m, v, youthbot.NormalizeUnitCode(f[n-1])
			return form, nil
		}
	}
	tg.Metric, tg.Value, err = valueAndMetric(f, tg.Kind, today.Year)
	if err != nil {
		return targetForm{}, err
	}
	return form, nil
}

// valueAndMetric reads a metric and its value in either order; a manual
// target may have a value alone.
func valueAndMetric(f []string, kind youthbot.TargetKind, year int) (youthbot.Metric, int64, error) {
	value := func(m youthbot.Metric, words []string) (youthbot.Metric, int64, error) {
		if len(words) == 0 {
			if kind == youthbot.TargetManual {
				return "", 0, youthbot.Errorf(youthbot.EINVALID, "err.target_manual_value", year)
			}
			return "", 0, youthbot.Errorf(youthbot.EINVALID, "err.target_usage", year)
		}
		v, err := youthbot.ParseTargetValue(m, strings.Join(words, " "))
		return m, v, err
	}
	if m, n := youthbot.MatchMetric(f); n > 0 {
		return value(m, f[n:])
	}
	for i := 1; i < len(f); i++ {
		if m, n := youthbot.MatchMetric(f[i:]); n > 0 && i+n == len(f) {
			return value(m, f[:i])
		}
	}
	if kind == youthbot.TargetManual {
		return value("", f)
	}
	// Name the words that are not a metric: those before the value, or
	// after it ("5 nụ cười").
	isNumber := func(w string) bool {
		_, err := youthbot.ParseCount(w, youthbot.MaxTargetCount, "err.target_value")
		return err == nil
	}
	words := f
	if isNumber(f[0]) && len(f) > 1 {
		words = f[1:]
	} else {
		for i, w := range f {
			if isNumber(w) {
				words = f[:i]
				break
			}
		}
	}
	word := strings.Join(words, " ")
	return "", 0, youthbot.Errorf(youthbot.EINVALID, "err.target_metric", word)
}
