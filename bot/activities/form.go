package activities

import (
	"strconv"
	"strings"

	"youthbot"
	"youthbot/bot"
	"youthbot/bot/internal/figform"
	"youthbot/service"
	"youthbot/vn"
	"youthbot/vnread"
)

// The fields of an activity being written, as the /activity dialog keeps
// them (youthbot.Dialog.Data): each canonical (dates ISO, numbers plain
// digits), so that the dialog survives a restart and the summary, the
// one-line form and an edit all fill the same map.
const (
	fUnit    = "unit"
	fDate    = "date"
	fTitle   = "title"
	fHeads   = "heads"   // "members youth students residents", four numbers
	fDays    = "days"    // person-days × 10
	fValue   = "value"   // VND
	fSupport = "support" // VND
	fBenef   = "benef"   // "group people value;group people value", or "-" for none
	fCamp    = "camp"    // a campaign id, or "-" for none
	fID      = "id"      // the activity edited, or "" for a new one
	fNonce   = "n"       // ties the dialog's buttons to this dialog
	fBack    = "back"    // "1": the field being asked returns to the summary
)

// none is the value of an optional field left empty on purpose.
const none = "-"

// form is the order in which the guided dialog asks the fields.
var form = bot.Form{
	Fields:   []string{fUnit, fDate, fTitle, fHeads, fDays, fValue, fSupport, fBenef, fCamp},
	Campaign: fCamp, Unit: fUnit, NoCampaign: none,
}

// headGroups are the groups of head counts, in the order they are written.
var headGroups = figform.HeadGroups

// benefGroups are the groups of beneficiaries, in report order
// (youthbot.BenefitGroups).
var benefGroups = func() []string {
	out := make([]string, len(youthbot.BenefitGroups))
	for i, g := range youthbot.BenefitGroups {
		out[i] = string(g)
	}
	return out
}()

// label is what a word of the one-line form names.
type label string

const (
	lHead    label = figform.LabelHead
	lBenef   label = figform.LabelBenef
	lDays    label = figform.LabelDays
	lValue   label = figform.LabelValue
	lSupport label = figform.LabelSupport
	lCamp    label = "camp"
	lUnit    label = "unit"
)

// labels are the words /activity reads: the figures' (figform.Labels),
// the campaign's and the unit's.
var labels = figform.Labels(map[string]label{"chien dich": lCamp, "campaign": lCamp, "don vi": lUnit, "unit": lUnit})

// matchLabel reads the label of /activity's words start with.
func matchLabel(words []string) (label, int) { return figform.MatchLabel(labels, words) }

// parseLine reads the one-line form into data:
//
//	/activity <day> | <title> | <label> <value> | <label> <value> ...
//
// e.g. "/activity hôm qua | Ngày Chủ nhật xanh | đoàn viên 30 | thanh niên
// 20 | ngày công 50 | giá trị 26.000.000 | thiếu nhi 20 2tr". The day is
// any form /log reads; the labels are those of labels, each at most once;
// head counts not named are 0, other figures empty. It refuses the whole
// line with the first problem.
func parseLine(args string, today youthbot.Date, data map[string]string) error {
	parts := strings.Split(args, "|")
	if len(parts) < 3 {
		return youthbot.Errorf(youthbot.EINVALID, "activity.usage", today.String())
	}
	day, err := vnread.ParseLogDay(parts[0], today)
	if err != nil {
		return err
	}
	title := youthbot.NormalizeDescription(parts[1])
	if err := checkTitle(title); err != nil {
		return err
	}
	heads := make([]int64, len(headGroups))
	benef := map[string][2]int64{}
	seen := map[label]bool{}
	for _, part := range parts[2:] {
		words := strings.Fields(part)
		if len(words) == 0 {
			continue
		}
		l, n := matchLabel(words)
		if n == 0 {
			return youthbot.Errorf(youthbot.EINVALID, "activity.unknown_label", clip(part))
		}
		if seen[l] {
			return youthbot.Errorf(youthbot.EINVALID, "activity.twice", strings.Join(words[:n], " "))
		}
		seen[l] = true
		rest := strings.Join(words[n:], " ")
		switch {
		case strings.HasPrefix(string(l), string(lHead)):
			v, err := parseHead(rest)
			if err != nil {
				return err
			}
			heads[indexOf(headGroups, strings.TrimPrefix(string(l), string(lHead)))] = v
		case strings.HasPrefix(string(l), string(lBenef)):
			b, err := parseBenefit(words[n:])
			if err != nil {
				return err
			}
			benef[strings.TrimPrefix(string(l), string(lBenef))] = b
		case l == lDays:
			v, err := parseDays(rest)
			if err != nil {
				return err
			}
			data[fDays] = strconv.FormatInt(v, 10)
		case l == lValue, l == lSupport:
			v, err := parseMoney(rest)
			if err != nil {
				return err
			}
			data[map[label]string{lValue: fValue, lSupport: fSupport}[l]] = strconv.FormatInt(v, 10)
		case l == lCamp:
			data[fCamp] = strings.ToUpper(strings.TrimSpace(rest))
		case l == lUnit:
			data[fUnit] = youthbot.NormalizeUnitCode(rest)
		}
	}
	if err := checkHeads(heads); err != nil {
		return err
	}
	data[fDate], data[fTitle], data[fHeads], data[fBenef] = day.ISO(), title, formatHeads(heads), formatBenef(benef)
	for _, f := range []string{fDays, fValue, fSupport} {
		if data[f] == "" {
			data[f] = "0"
		}
	}
	if data[fCamp] == "" {
		data[fCamp] = none
	}
	return nil
}

// clip shortens a part of what the user wrote for a message that quotes
// it.
func clip(s string) string { return service.Clip(s, 60) }

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// checkTitle refuses an empty or too long title.
func checkTitle(title string) error {
	if title == "" {
		return youthbot.Errorf(youthbot.EINVALID, "activity.title_empty")
	}
	if n := len([]rune(title)); n > maxTitle {
		return youthbot.Errorf(youthbot.EINVALID, "activity.title_long", maxTitle)
	}
	return nil
}

// maxTitle bounds an activity's title, in characters.
const maxTitle = 200

// parseHead reads one head count: a whole number from 0 to youthbot.MaxHeadCount, in
// the forms of vnread.ParseDecimal (1.500 is fifteen hundred).
func parseHead(s string) (int64, error) {
	v, err := vnread.ParseDecimal(s, 0)
	switch {
	case err != nil:
		return 0, youthbot.Errorf(youthbot.EINVALID, "activity.heads_number", clip(s))
	case v < 0:
		return 0, youthbot.Errorf(youthbot.EINVALID, "activity.heads_negative")
	case v > youthbot.MaxHeadCount:
		return 0, youthbot.Errorf(youthbot.EINVALID, "activity.heads_absurd", youthbot.MaxHeadCount)
	}
	return v, nil
}

// checkHeads refuses head counts whose sum is above youthbot.MaxHeadCount, or that are
// all zero: an activity nobody took part in is no participation.
func checkHeads(heads []int64) error {
	var sum int64
	for _, h := range heads {
		if h < 0 {
			return youthbot.Errorf(youthbot.EINVALID, "activity.heads_negative")
		}
		sum += h
	}
	if sum > youthbot.MaxHeadCount {
		return youthbot.Errorf(youthbot.EINVALID, "activity.heads_absurd", youthbot.MaxHeadCount)
	}
	if sum == 0 {
		return youthbot.Errorf(youthbot.EINVALID, "activity.heads_none")
	}
	return nil
}

// parseHeads reads the head counts step of the guided dialog: up to four
// numbers in the order of headGroups ("30 20 10 5"; those left out are
// 0), or labelled ones in any order ("đv 30 hs 10").
func parseHeads(s string) ([]int64, error) {
	words := strings.Fields(strings.NewReplacer(",", " ", ";", " ", "|", " ").Replace(strings.ToValidUTF8(s, "")))
	heads := make([]int64, len(headGroups))
	if len(words) == 0 {
		return nil, youthbot.Errorf(youthbot.EINVALID, "activity.heads_none")
	}
	if _, n := matchLabel(words); n == 0 {
		if len(words) > len(headGroups) {
			return nil, youthbot.Errorf(youthbot.EINVALID, "activity.heads_many")
		}
		for i, w := range words {
			v, err := parseHead(w)
			if err != nil {
				return nil, err
			}
			heads[i] = v
		}
		return heads, checkHeads(heads)
	}
	seen := map[int]bool{}
	for len(words) > 0 {
		l, n := matchLabel(words)
		i := indexOf(headGroups, strings.TrimPrefix(string(l), string(lHead)))
		if n == 0 || i < 0 || len(words) == n {
			return nil, youthbot.Errorf(youthbot.EINVALID, "activity.heads_number", clip(strings.Join(words, " ")))
		}
		if seen[i] {
			return nil, youthbot.Errorf(youthbot.EINVALID, "activity.twice", strings.Join(words[:n], " "))
		}
		v, err := parseHead(words[n])
		if err != nil {
			return nil, err
		}
		heads[i], seen[i] = v, true
		words = words[n+1:]
	}
	return heads, checkHeads(heads)
}

// parseDays reads person-days, with one decimal at most (15,5), and
// returns them × 10: from 0 to youthbot.MaxPersonDays.
func parseDays(s string) (int64, error) {
	v, err := vnread.ParseDecimal(s, 1)
	if err != nil || v < 0 || v > 10*youthbot.MaxPersonDays {
		return 0, youthbot.Errorf(youthbot.EINVALID, "activity.days_number", clip(s), youthbot.MaxPersonDays)
	}
	return v, nil
}

// parseMoney reads an amount of đồng in vnread.ParseVND's forms
// (26.000.000, 26tr, 15,5 tỷ).
func parseMoney(s string) (int64, error) {
	if strings.HasPrefix(strings.TrimSpace(s), "-") {
		return 0, youthbot.Errorf(youthbot.EINVALID, "activity.money_negative")
	}
	v, err := vnread.ParseVND(s)
	if err != nil {
		return 0, youthbot.Errorf(youthbot.EINVALID, "activity.money", clip(s))
	}
	return v, nil
}

// parseBenefit reads a group's beneficiaries after its label: people, then
// optionally the value given ("20 2tr", "20 người 2.000.000đ").
func parseBenefit(words []string) ([2]int64, error) {
	if len(words) > 1 && isPeopleWord(words[1]) {
		words = append(words[:1:1], words[2:]...)
	}
	if len(words) == 0 {
		return [2]int64{}, youthbot.Errorf(youthbot.EINVALID, "activity.benef_number", "")
	}
	people, err := vnread.ParseDecimal(words[0], 0)
	if err != nil || people < 0 || people > youthbot.MaxPeople {
		return [2]int64{}, youthbot.Errorf(youthbot.EINVALID, "activity.benef_number", clip(words[0]))
	}
	var value int64
	if len(words) > 1 {
		if value, err = parseMoney(strings.Join(words[1:], " ")); err != nil {
			return [2]int64{}, err
		}
	}
	return [2]int64{people, value}, nil
}

// isPeopleWord reports whether w is a unit word written after a number of
// people ("20 người", "3 hộ", "20 em").
func isPeopleWord(w string) bool {
	switch vn.FoldName(w) {
	case "nguoi", "ho", "em", "chau", "people", "households":
		return true
	}
	return false
}

// parseBenefits reads the beneficiaries step of the guided dialog: groups
// separated by ';' or new lines, each a label and its people and value
// ("thiếu nhi 20 2tr; hộ nghèo 3").
func parseBenefits(s string) (map[string][2]int64, error) {
	out := map[string][2]int64{}
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '\n' || r == '|' }) {
		words := strings.Fields(part)
		if len(words) == 0 {
			continue
		}
		l, n := matchLabel(words)
		g := strings.TrimPrefix(string(l), string(lBenef))
		if n == 0 || !strings.HasPrefix(string(l), string(lBenef)) {
			return nil, youthbot.Errorf(youthbot.EINVALID, "activity.benef_group", clip(part))
		}
		if _, dup := out[g]; dup {
			return nil, youthbot.Errorf(youthbot.EINVALID, "activity.twice", strings.Join(words[:n], " "))
		}
		b, err := parseBenefit(words[n:])
		if err != nil {
			return nil, err
		}
		out[g] = b
	}
	if len(out) == 0 {
		return nil, youthbot.Errorf(youthbot.EINVALID, "activity.benef_group", clip(s))
	}
	return out, nil
}

// formatHeads and readHeads convert the head counts to and from fHeads.
func formatHeads(heads []int64) string {
	s := make([]string, len(heads))
	for i, h := range heads {
		s[i] = strconv.FormatInt(h, 10)
	}
	return strings.Join(s, " ")
}

func readHeads(s string) []int64 {
	out := make([]int64, len(headGroups))
	for i, f := range strings.Fields(s) {
		if i < len(out) {
			out[i], _ = strconv.ParseInt(f, 10, 64)
		}
	}
	return out
}

// formatBenef and readBenef convert beneficiaries to and from fBenef, the
// groups in benefGroups' order.
func formatBenef(b map[string][2]int64) string {
	var parts []string
	for _, g := range benefGroups {
		if v, ok := b[g]; ok && (v[0] > 0 || v[1] > 0) {
			parts = append(parts, g+" "+strconv.FormatInt(v[0], 10)+" "+strconv.FormatInt(v[1], 10))
		}
	}
	if len(parts) == 0 {
		return none
	}
	return strings.Join(parts, ";")
}

func readBenef(s string) map[string][2]int64 {
	out := map[string][2]int64{}
	for _, part := range strings.Split(s, ";") {
		f := strings.Fields(part)
		if len(f) != 3 || indexOf(benefGroups, f[0]) < 0 {
			continue
		}
		p, _ := strconv.ParseInt(f[1], 10, 64)
		v, _ := strconv.ParseInt(f[2], 10, 64)
		out[f[0]] = [2]int64{p, v}
	}
	return out
}
