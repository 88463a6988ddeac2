// Package figform reads the figures secretaries type about a project's
// completion (/done, F7): head counts of the people who took part,
// person-days, amounts of đồng, beneficiaries by group and recognition
// levels, in Vietnamese (as reports write them, abbreviated as
// secretaries type them, numbers as vnread.ParseDecimal and ParseVND
// read them) and in English; and the record a dialog keeps of them
// (youthbot.Dialog.Data, canonical: plain digits). Every refusal is a
// *youthbot.Error with a catalog key (i18n/internal/rooms/done.go).
package figform

import (
	"strconv"
	"strings"

	"youthbot"
	"youthbot/report"
	"youthbot/service"
	"youthbot/vn"
	"youthbot/vnread"
)

// Fields of a dialog's data holding the figures (Put, Read).
const (
	Heads   = "heads"   // "members youth students residents", four numbers
	Days    = "days"    // person-days × 10
	Value   = "value"   // VND
	Support = "support" // VND
	Benef   = "benef"   // "group people value;…", or "-" for none
	Level   = "level"   // a unit kind, or "-" for the default
	none    = "-"
)

// doneLabel is what a word of the /done forms names: a head-count group
// ("h" + group), a beneficiary group ("b" + group), or one of the figures.
type doneLabel string

// The labels of the figures /done and /activity both read: a head count
// is LabelHead and its group, beneficiaries LabelBenef and theirs.
const (
	LabelHead    = "head:"
	LabelBenef   = "benef:"
	LabelDays    = "days"
	LabelValue   = "value"
	LabelSupport = "support"
)

const (
	dlHead    doneLabel = LabelHead
	dlBenef   doneLabel = LabelBenef
	dlDays    doneLabel = LabelDays
	dlValue   doneLabel = LabelValue
	dlSupport doneLabel = LabelSupport
	dlLevel   doneLabel = "level"
)

// HeadGroups are the head-count groups in the order they are typed.
var HeadGroups = []string{"members", "youth", "students", "residents"}

// figureWords are the words naming a figure, folded (vn.FoldName): in
// Vietnamese as reports write them, abbreviated as secretaries type them,
// and in English; one table for every form that reads figures (Labels).
var figureWords = map[string]string{
	"doan vien": LabelHead + "members", "dv": LabelHead + "members", "members": LabelHead + "members", "member": LabelHead + "members",
	"thanh nien": LabelHead + "youth", "tn": LabelHead + "youth", "youth": LabelHead + "youth",
	"hoc sinh": LabelHead + "students", "sinh vien": LabelHead + "students", "hoc sinh sinh vien": LabelHead + "students",
	"hoc sinh, sinh vien": LabelHead + "students", "hssv": LabelHead + "students", "hs": LabelHead + "students",
	"sv": LabelHead + "students", "students": LabelHead + "students", "student": LabelHead + "students",
	"nguoi dan": LabelHead + "residents", "nhan dan": LabelHead + "residents", "dan": LabelHead + "residents",
	"nd": LabelHead + "residents", "residents": LabelHead + "residents", "resident": LabelHead + "residents",

	"thieu nhi": LabelBenef + "children", "tre em": LabelBenef + "children", "children": LabelBenef + "children",
	"ho ngheo": LabelBenef + "households", "gia dinh chinh sach": LabelBenef + "households", "ho": LabelBenef + "households",
	"households":     LabelBenef + "households",
	"nguoi cao tuoi": LabelBenef + "elderly", "cao tuoi": LabelBenef + "elderly", "elderly": LabelBenef + "elderly",
	"khac": LabelBenef + "others", "doi tuong khac": LabelBenef + "others", "others": LabelBenef + "others",

	"ngay cong": LabelDays, "nc": LabelDays, "person-days": LabelDays, "person days": LabelDays,
	"gia tri": LabelValue, "gia tri lam loi": LabelValue, "lam loi": LabelValue, "gtll": LabelValue, "value": LabelValue,
	"kinh phi": LabelSupport, "ho tro": LabelSupport, "kinh phi ho tro": LabelSupport, "kp": LabelSupport, "support": LabelSupport,
}

// Labels returns the words of the figures with a form's own words added
// (extra), as that form's labels: what MatchLabel reads.
func Labels[L ~string](extra map[string]L) map[string]L {
	out := make(map[string]L, len(figureWords)+len(extra))
	for w, l := range figureWords {
		out[w] = L(l)
	}
	for w, l := range extra {
		if _, dup := out[w]; dup {
			panic("figform: a form's word names a figure already: " + w)
		}
		out[w] = l
	}
	return out
}

// doneLabels are the words /done reads: the figures' and the recognition
// level's.
var doneLabels = Labels(map[string]doneLabel{"cap": dlLevel, "cap cong nhan": dlLevel, "level": dlLevel})

// levelWords are the words of a recognition level, folded.
var levelWords = map[string]youthbot.UnitKind{
	"tinh": youthbot.KindProvince, "province": youthbot.KindProvince,
	"huyen": youthbot.KindDistrict, "quan": youthbot.KindDistrict, "district": youthbot.KindDistrict,
	"co so": youthbot.KindGrassroots, "grassroots": youthbot.KindGrassroots,
	"chi doan": youthbot.KindBranch, "branch": youthbot.KindBranch,
}

// MatchLabel reads the label of labels (keys folded, phrases of at most
// five words) that words start with, the longest phrase first; n is how
// many words it takes, 0 when they start with none. /done and /activity
// read their labels with it.
func MatchLabel[L ~string](labels map[string]L, words []string) (l L, n int) {
	const longest = 5
	folded := make([]string, 0, longest)
	for _, w := range words[:min(len(words), longest)] {
		folded = append(folded, strings.Trim(vn.FoldName(w), ":="))
	}
	for n := len(folded); n > 0; n-- {
		if l, ok := labels[strings.Join(folded[:n], " ")]; ok {
			return l, n
		}
	}
	return "", 0
}

// matchDoneLabel reads the label of /done's words start with.
func matchDoneLabel(words []string) (doneLabel, int) { return MatchLabel(doneLabels, words) }

// hasLabel reports whether a label starts at one of words (a line
// written without its '|').
func hasLabel(words []string) bool {
	for i := range words {
		if _, n := matchDoneLabel(words[i:]); n > 0 {
			return true
		}
	}
	return false
}

// doneWords splits typed text into words, dropping the commas that end
// them ("20, người dân 3"): a comma inside a number stays.
func doneWords(s string) []string {
	words := strings.Fields(strings.ToValidUTF8(s, ""))
	for i, w := range words {
		words[i] = strings.TrimRight(w, ",")
	}
	return words
}

// ParseLine reads the one-line form after the project's code:
//
//	[<value>] [| <label> <figure>]…
//
// e.g. "26tr | thanh niên 20 | người dân 5 | ngày công 15,5 | kinh phí
// 2tr | thiếu nhi 20 2tr | cấp huyện": parts separated by '|' or ';', the
// first may be the value without its label, each label at most once; what
// is not named is 0, the level its unit's. It refuses the whole line with
// the first problem.
func ParseLine(s string) (service.DoneFigures, error) {
	var fig service.DoneFigures
	seen := map[doneLabel]bool{}
	first := true
	for i, part := range strings.Split(strings.NewReplacer(";", "|", "\n", "|").Replace(s), "|") {
		words := doneWords(part)
		if len(words) == 0 {
			continue
		}
		l, n := matchDoneLabel(words)
		if _, err := ParseAmount(part, ""); n == 0 && first && (err == nil || i == 0 && !hasLabel(words)) {
			l, n = dlValue, 0 // the old form: /done P12 5tr
		} else if n == 0 {
			return fig, youthbot.Errorf(youthbot.EINVALID, "err.done_label", strings.TrimSpace(part))
		}
		if seen[l] {
			return fig, youthbot.Errorf(youthbot.EINVALID, "err.done_twice", strings.Join(words[:max(n, 1)], " "))
		}
		seen[l], first = true, false
		if err := setDoneFigure(&fig, l, words[n:]); err != nil {
			return fig, err
		}
	}
	return fig, checkHeadTotal(fig.Heads)
}

// setDoneFigure sets the figure l names from the words after its label.
func setDoneFigure(fig *service.DoneFigures, l doneLabel, words []string) error {
	rest := strings.Join(words, " ")
	var err error
	switch {
	case strings.HasPrefix(string(l), string(dlHead)):
		var v int64
		if v, err = parseHeadCount(rest); err == nil {
			*HeadOf(&fig.Heads, strings.TrimPrefix(string(l), string(dlHead))) = v
		}
	case strings.HasPrefix(string(l), string(dlBenef)):
		var b youthbot.Benefit
		if b, err = parseBenefit(words); err == nil {
			b.Group = youthbot.BenefitGroup(strings.TrimPrefix(string(l), string(dlBenef)))
			fig.SetBenefit(b)
		}
	case l == dlDays:
		fig.PersonDayTenths, err = ParsePersonDays(rest)
	case l == dlValue:
		fig.ValueVND, err = ParseAmount(rest, "err.project_value")
	case l == dlSupport:
		fig.SupportVND, err = ParseAmount(rest, "err.done_money")
	case l == dlLevel:
		fig.Level, err = ParseLevel(rest)
	}
	return err
}

// HeadOf returns the count of group (of HeadGroups) in h.
func HeadOf(h *youthbot.HeadCounts, group string) *int64 {
	switch group {
	case "youth":
		return &h.Youth
	case "students":
		return &h.Students
	case "residents":
		return &h.Residents
	}
	return &h.Members
}

// parseHeadCount reads one head count: a whole number from 0 to
// youthbot.MaxHeadCount in vnread.ParseDecimal's forms (1.500 is fifteen
// hundred).
func parseHeadCount(s string) (int64, error) {
	v, err := vnread.ParseDecimal(s, 0)
	switch {
	case err != nil:
		return 0, youthbot.Errorf(youthbot.EINVALID, "err.done_heads_number", strings.TrimSpace(s))
	case v < 0:
		return 0, youthbot.Errorf(youthbot.EINVALID, "err.done_heads_negative")
	case v > youthbot.MaxHeadCount:
		return 0, headsAbsurd()
	}
	return v, nil
}

func headsAbsurd() error {
	return youthbot.Errorf(youthbot.EINVALID, "err.done_heads_absurd", report.Number("vi", youthbot.MaxHeadCount))
}

// checkHeadTotal refuses head counts above youthbot.MaxHeadCount in all.
func checkHeadTotal(h youthbot.HeadCounts) error {
	if h.Total() > youthbot.MaxHeadCount {
		return headsAbsurd()
	}
	return nil
}

// ParseHeads reads the head-count step of the guided dialog: up to four
// numbers in HeadGroups' order ("5 20 0 3"; those left out are 0), or
// labelled ones in any order ("thanh niên 20, người dân 3").
func ParseHeads(s string) (youthbot.HeadCounts, error) {
	var h youthbot.HeadCounts
	words := doneWords(strings.NewReplacer(";", " ", "|", " ").Replace(s))
	if len(words) == 0 {
		return h, youthbot.Errorf(youthbot.EINVALID, "err.done_heads_number", s)
	}
	if _, n := matchDoneLabel(words); n == 0 {
		if len(words) > len(HeadGroups) {
			return h, youthbot.Errorf(youthbot.EINVALID, "err.done_heads_many")
		}
		for i, w := range words {
			v, err := parseHeadCount(w)
			if err != nil {
				return h, err
			}
			*HeadOf(&h, HeadGroups[i]) = v
		}
		return h, checkHeadTotal(h)
	}
	seen := map[doneLabel]bool{}
	for len(words) > 0 {
		l, n := matchDoneLabel(words)
		if n == 0 || !strings.HasPrefix(string(l), string(dlHead)) {
			return h, youthbot.Errorf(youthbot.EINVALID, "err.done_heads_number", strings.Join(words, " "))
		}
		if seen[l] {
			return h, youthbot.Errorf(youthbot.EINVALID, "err.done_twice", strings.Join(words[:n], " "))
		}
		seen[l] = true
		end := n // the number runs to the next label: "1 500" is one number
		for end < len(words) {
			if _, k := matchDoneLabel(words[end:]); k > 0 {
				break
			}
			end++
		}
		v, err := parseHeadCount(strings.Join(words[n:end], " "))
		if err != nil {
			return h, err
		}
		*HeadOf(&h, strings.TrimPrefix(string(l), string(dlHead))) = v
		words = words[end:]
	}
	return h, checkHeadTotal(h)
}

// ParsePersonDays reads person-days with one decimal at most (15,5) and
// returns them × 10, from 0 to youthbot.MaxPersonDays.
func ParsePersonDays(s string) (int64, error) {
	v, err := vnread.ParseDecimal(s, 1)
	if err != nil || v < 0 || v > 10*youthbot.MaxPersonDays {
		return 0, youthbot.Errorf(youthbot.EINVALID, "err.done_days", strings.TrimSpace(s), report.Number("vi", youthbot.MaxPersonDays))
	}
	return v, nil
}

// ParseAmount reads đồng in vnread.ParseVND's forms (26.000.000, 26tr,
// 15,5 tỷ); what is no amount is key's refusal.
func ParseAmount(s, key string) (int64, error) {
	if strings.HasPrefix(strings.TrimSpace(s), "-") {
		return 0, youthbot.Errorf(youthbot.EINVALID, "err.done_money_negative")
	}
	v, err := vnread.ParseVND(s)
	if err != nil {
		return 0, youthbot.Errorf(youthbot.EINVALID, key, strings.TrimSpace(s))
	}
	return v, nil
}

// ParseLevel reads a recognition level: tỉnh, huyện, cơ sở, chi đoàn (or
// in English), "cấp" before it allowed.
func ParseLevel(s string) (youthbot.UnitKind, error) {
	f := strings.TrimPrefix(vn.FoldName(s), "cap ")
	if k, ok := levelWords[f]; ok {
		return k, nil
	}
	return "", youthbot.Errorf(youthbot.EINVALID, "err.done_level_word", strings.TrimSpace(s))
}

// parseBenefit reads a group's beneficiaries after its label: people, then
// optionally the value given ("20 2tr", "20 người 2.000.000đ").
func parseBenefit(words []string) (youthbot.Benefit, error) {
	if len(words) > 1 && isPeopleWord(words[1]) {
		words = append(words[:1:1], words[2:]...)
	}
	maxPeople := report.Number("vi", youthbot.MaxPeople)
	if len(words) == 0 {
		return youthbot.Benefit{}, youthbot.Errorf(youthbot.EINVALID, "err.done_benef_number", "", maxPeople)
	}
	people, err := vnread.ParseDecimal(words[0], 0)
	if err != nil || people < 0 || people > youthbot.MaxPeople {
		return youthbot.Benefit{}, youthbot.Errorf(youthbot.EINVALID, "err.done_benef_number", words[0], maxPeople)
	}
	b := youthbot.Benefit{People: people}
	if len(words) > 1 {
		if b.ValueVND, err = ParseAmount(strings.Join(words[1:], " "), "err.done_money"); err != nil {
			return youthbot.Benefit{}, err
		}
	}
	return b, nil
}

// isPeopleWord reports whether w is a word written after a number of
// people ("20 người", "3 hộ", "20 em").
func isPeopleWord(w string) bool {
	switch vn.FoldName(w) {
	case "nguoi", "ho", "em", "chau", "people", "households":
		return true
	}
	return false
}

// ParseBenefits reads the beneficiaries step of the guided dialog: groups
// separated by ';' or new lines, each a label, its people and value
// ("thiếu nhi 20 2tr; hộ nghèo 3").
func ParseBenefits(s string) ([]youthbot.Benefit, error) {
	var c youthbot.Contribution
	seen := map[doneLabel]bool{}
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '\n' || r == '|' }) {
		words := doneWords(part)
		if len(words) == 0 {
			continue
		}
		l, n := matchDoneLabel(words)
		if n == 0 || !strings.HasPrefix(string(l), string(dlBenef)) {
			return nil, youthbot.Errorf(youthbot.EINVALID, "err.done_benef_group", strings.TrimSpace(part))
		}
		if seen[l] {
			return nil, youthbot.Errorf(youthbot.EINVALID, "err.done_twice", strings.Join(words[:n], " "))
		}
		seen[l] = true
		b, err := parseBenefit(words[n:])
		if err != nil {
			return nil, err
		}
		b.Group = youthbot.BenefitGroup(strings.TrimPrefix(string(l), string(dlBenef)))
		c.SetBenefit(b)
	}
	if len(seen) == 0 {
		return nil, youthbot.Errorf(youthbot.EINVALID, "err.done_benef_group", strings.TrimSpace(s))
	}
	return c.Beneficiaries, nil
}

// Put writes fig into a dialog's data, every field.
func Put(data map[string]string, fig service.DoneFigures) {
	h := fig.Heads
	data[Heads] = strings.Join([]string{itoa(h.Members), itoa(h.Youth), itoa(h.Students), itoa(h.Residents)}, " ")
	data[Days], data[Value], data[Support] = itoa(fig.PersonDayTenths), itoa(fig.ValueVND), itoa(fig.SupportVND)
	data[Benef] = formatBenefits(fig.Beneficiaries)
	data[Level] = string(fig.Level)
	if fig.Level == "" {
		data[Level] = none
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// formatBenefits writes beneficiaries as Benef holds them.
func formatBenefits(bs []youthbot.Benefit) string {
	var parts []string
	for _, b := range bs {
		parts = append(parts, string(b.Group)+" "+itoa(b.People)+" "+itoa(b.ValueVND))
	}
	if len(parts) == 0 {
		return none
	}
	return strings.Join(parts, ";")
}

// Read reads the figures of a dialog's data (fields not given are 0).
func Read(data map[string]string) service.DoneFigures {
	var fig service.DoneFigures
	num := func(s string) int64 { n, _ := strconv.ParseInt(s, 10, 64); return n }
	for i, f := range strings.Fields(data[Heads]) {
		if i < len(HeadGroups) {
			*HeadOf(&fig.Heads, HeadGroups[i]) = num(f)
		}
	}
	fig.PersonDayTenths, fig.ValueVND, fig.SupportVND = num(data[Days]), num(data[Value]), num(data[Support])
	for _, part := range strings.Split(data[Benef], ";") {
		if f := strings.Fields(part); len(f) == 3 {
			fig.SetBenefit(youthbot.Benefit{Group: youthbot.BenefitGroup(f[0]), People: num(f[1]), ValueVND: num(f[2])})
		}
	}
	if l := data[Level]; l != none {
		fig.Level = youthbot.UnitKind(l)
	}
	return fig
}
