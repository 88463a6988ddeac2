package vnread

import (
	"strconv"
	"strings"
	"time"

	"youthbot"
	"youthbot/vn"
)

// ParseDate reads a date written dd/mm/yyyy (also with '-' or '.', and one-digit
// day or month). It returns an EINVALID error for malformed or impossible
// dates such as 31/02/2001.
func ParseDate(s string) (youthbot.Date, error) {
	s = strings.TrimSpace(s)
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '-' || r == '.' })
	if len(parts) != 3 || len(parts[0]) > 2 || len(parts[1]) > 2 || len(parts[2]) != 4 {
		return youthbot.Date{}, youthbot.Errorf(youthbot.EINVALID, "err.date_format")
	}
	for _, p := range parts {
		if strings.Trim(p, "0123456789") != "" {
			return youthbot.Date{}, youthbot.Errorf(youthbot.EINVALID, "err.date_format")
		}
	}
	day, err1 := strconv.Atoi(parts[0])
	month, err2 := strconv.Atoi(parts[1])
	year, err3 := strconv.Atoi(parts[2])
	if err1 != nil || err2 != nil || err3 != nil {
		return youthbot.Date{}, youthbot.Errorf(youthbot.EINVALID, "err.date_format")
	}
	if month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 2200 {
		return youthbot.Date{}, youthbot.Errorf(youthbot.EINVALID, "err.date_impossible", s)
	}
	t := time.Date(year, time.Month(month), day, 12, 0, 0, 0, time.UTC)
	if t.Day() != day {
		return youthbot.Date{}, youthbot.Errorf(youthbot.EINVALID, "err.date_impossible", s)
	}
	return youthbot.Date{Year: year, Month: time.Month(month), Day: day}, nil
}

// The days members name in a one-line /log and in the guided dialog,
// folded (FoldName: lower case, no diacritics, so that "hom qua" typed on
// a phone without a Vietnamese keyboard reads as "hôm qua").
var (
	relativeDays = map[string]int{
		"hom nay": 0, "today": 0,
		"hom qua": -1, "yesterday": -1,
		"hom kia": -2,
	}
	weekdayWords = map[string]time.Weekday{
		"thu hai": time.Monday, "thu 2": time.Monday, "thu2": time.Monday, "t2": time.Monday, "monday": time.Monday,
		"thu ba": time.Tuesday, "thu 3": time.Tuesday, "thu3": time.Tuesday, "t3": time.Tuesday, "tuesday": time.Tuesday,
		"thu tu": time.Wednesday, "thu 4": time.Wednesday, "thu4": time.Wednesday, "t4": time.Wednesday, "wednesday": time.Wednesday,
		"thu nam": time.Thursday, "thu 5": time.Thursday, "thu5": time.Thursday, "t5": time.Thursday, "thursday": time.Thursday,
		"thu sau": time.Friday, "thu 6": time.Friday, "thu6": time.Friday, "t6": time.Friday, "friday": time.Friday,
		"thu bay": time.Saturday, "thu 7": time.Saturday, "thu7": time.Saturday, "t7": time.Saturday, "saturday": time.Saturday,
		"chu nhat": time.Sunday, "cn": time.Sunday, "sunday": time.Sunday,
	}
	// weekWords name the week of a weekday: "thứ hai tuần trước".
	weekWords = map[string]int{"tuan nay": 0, "tuan truoc": -7}
)

// maxPhraseWords is the longest phrase of the word tables above.
const maxPhraseWords = 3

// matchDay reads the day a /log line starts with, checked against today
// (ValidateActivityDate): n is how many of words it takes, 0 when words
// do not start with a day. The forms:
//
//   - dd/mm or dd/mm/yyyy (also with '-' or '.'), optionally after "ngày";
//     without a year, in today's year;
//   - hôm nay, hôm qua, hôm kia; today, yesterday;
//   - a weekday: thứ hai … thứ bảy (also thứ 2 … thứ 7, t2 … t7), chủ nhật
//     (cn), or in English monday … sunday. Alone it is the last such day,
//     today included: a Vietnamese week runs Monday to Sunday and people
//     name the days of the current week plainly, so "thứ hai" written on
//     a Monday is that Monday, today, and on a Wednesday "thứ sáu" is last
//     week's Friday. Followed by "tuần này" or "tuần trước" it is that
//     day of this week (Monday to Sunday) or of the week before.
//
// A day found but refused (impossible, in the future, more than a year
// back) is an EINVALID error with n > 0.
func matchDay(words []string, today youthbot.Date) (youthbot.Date, int, error) {
	if len(words) == 0 {
		return youthbot.Date{}, 0, nil
	}
	folded := vn.FoldWords(words, maxPhraseWords+2)
	at := 0
	if len(words) > 1 && folded[0] == "ngay" && isDateWord(words[1]) {
		at = 1
	}
	if isDateWord(words[at]) {
		d, err := ParseLogDate(words[at], today)
		return d, at + 1, err
	}
	if back, n := vn.MatchPhrase(folded, relativeDays); n > 0 {
		return today.AddDays(back), n, nil
	}
	wd, n := vn.MatchPhrase(folded, weekdayWords)
	if n == 0 {
		return youthbot.Date{}, 0, nil
	}
	d := today.AddDays(-((int(weekdayOf(today)) - int(wd) + 7) % 7))
	if shift, k := vn.MatchPhrase(folded[n:], weekWords); k > 0 {
		monday := today.AddDays(-((int(weekdayOf(today)) + 6) % 7))
		d = monday.AddDays((int(wd)+6)%7 + shift)
		n += k
	}
	return d, n, youthbot.ValidateActivityDate(d, today)
}

// ParseLogDay reads the whole of s as the day of a participation, in any
// form matchDay knows ("hôm qua", "thứ hai", "15/03", "ngày 15/03/2026"),
// checked against today. It returns the EINVALID error of a refused day,
// or err.date_format when s is no day.
func ParseLogDay(s string, today youthbot.Date) (youthbot.Date, error) {
	words := strings.Fields(strings.ToValidUTF8(s, "\uFFFD"))
	d, n, err := matchDay(words, today)
	if n == 0 || n < len(words) {
		return youthbot.Date{}, youthbot.Errorf(youthbot.EINVALID, "err.date_format")
	}
	return d, err
}

// weekdayOf is the day of the week of d.
func weekdayOf(d youthbot.Date) time.Weekday { return d.Time(time.UTC).Weekday() }
