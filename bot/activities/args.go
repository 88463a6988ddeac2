package activities

import (
	"strconv"
	"strings"

	"youthbot"
	"youthbot/vn"
	"youthbot/vnread"
)

// achievedArgs is what /achieved says: a target's code, the achieved value
// as written, and the year (this year unless given).
type achievedArgs struct {
	code  string
	value string
	year  int
}

// parseAchieved reads /achieved <code> <value> [<year>]: the value may be
// several words ("15,5 tỷ"); a last word that is a year from 2000 to next
// year is the year when a value comes before it.
func parseAchieved(args string, today youthbot.Date) (achievedArgs, error) {
	f := strings.Fields(args)
	if len(f) < 2 {
		return achievedArgs{}, youthbot.Errorf(youthbot.EINVALID, "achieved.usage")
	}
	a := achievedArgs{code: strings.ToUpper(f[0]), year: today.Year}
	rest := f[1:]
	if len(rest) > 1 {
		if y, err := strconv.Atoi(rest[len(rest)-1]); err == nil && y >= 2000 && y <= today.Year+1 {
			a.year, rest = y, rest[:len(rest)-1]
		}
	}
	a.value = strings.Join(rest, " ")
	if !validTargetCode(a.code) {
		return achievedArgs{}, youthbot.Errorf(youthbot.EINVALID, "achieved.usage")
	}
	return a, nil
}

// validTargetCode reports whether s may be a target's code (as the
// workbook's ChiTieu sheet writes them: CT01): letters, digits, '-', '_',
// '.', at most 16.
func validTargetCode(s string) bool {
	if s == "" || len(s) > 16 {
		return false
	}
	for _, r := range s {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.') {
			return false
		}
	}
	return true
}

// parseAchievedValue reads the achieved value of a manual target: a whole
// number not below 0, in vnread.ParseVND's forms (7.000, 26tr, 1,5 tỷ).
func parseAchievedValue(s string) (int64, error) {
	v, err := vnread.ParseVND(s)
	if err != nil || strings.HasPrefix(strings.TrimSpace(s), "-") {
		return 0, youthbot.Errorf(youthbot.EINVALID, "achieved.value", clip(s))
	}
	return v, nil
}

// modelArgs reads /model [đội|đoàn] <name>: the field (doan unless the
// first word says đội) and the name, normalised.
func modelArgs(args string) (field, name string) {
	words := strings.Fields(args)
	field = "doan"
	if len(words) > 1 {
		switch vn.FoldName(strings.Trim(words[0], ":")) {
		case "doi", "doi:", "pioneers", "young pioneers":
			field, words = "doi", words[1:]
		case "doan", "union":
			words = words[1:]
		}
	}
	return field, youthbot.NormalizeDescription(strings.Join(words, " "))
}
