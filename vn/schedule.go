package vn

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"youthbot/i18n"
)

// DescribeSchedule says a campaign's reminder schedule (a 5-field cron or
// an @ descriptor, in the bot's time zone) as people say it, in lang:
// "Thứ Hai hằng tuần, 8:00", "Hằng ngày, 7:30", "Ngày 1 hằng tháng, 8:00".
// It knows the shapes the /newcampaign picker produces (one minute, one or
// a few hours, every day / some weekdays / some days of the month) and the
// common descriptors; any other schedule gets a generic phrase, never the
// raw cron. The result is plain text (escape it for HTML).
func DescribeSchedule(spec, lang string) string {
	spec = strings.Join(strings.Fields(spec), " ")
	switch spec {
	case "@daily", "@midnight":
		spec = "0 0 * * *"
	case "@weekly":
		spec = "0 0 * * 0"
	case "@monthly":
		spec = "0 0 1 * *"
	case "@hourly":
		return i18n.T(lang, "sched.hourly")
	}
	custom := i18n.T(lang, "sched.custom")
	f := strings.Fields(spec)
	if len(f) != 5 || f[3] != "*" {
		return custom
	}
	minute, ok := cronNumber(f[0], 0, 59)
	if !ok {
		return custom
	}
	hours, ok := cronList(f[1], 0, 23, nil)
	if !ok {
		return custom
	}
	var times []string
	for _, h := range hours {
		times = append(times, fmt.Sprintf("%d:%02d", h, minute))
	}
	at := joinAnd(times, lang)
	dom, dow := f[2], f[4]
	switch {
	case dom == "*" && dow == "*":
		return i18n.T(lang, "sched.daily", at)
	case dom == "*":
		days, ok := cronList(dow, 0, 7, weekdayNames)
		if !ok {
			return custom
		}
		// Monday first, Sunday (0 or 7) last, as people list a week.
		var week []int
		for _, d := range days {
			if d == 0 {
				d = 7
			}
			if !slices.Contains(week, d) {
				week = append(week, d)
			}
		}
		slices.Sort(week)
		var names []string
		for _, d := range week {
			names = append(names, i18n.T(lang, "campaign.weekday_"+strconv.Itoa(d%7)))
		}
		if len(names) == 7 {
			return i18n.T(lang, "sched.daily", at)
		}
		return i18n.T(lang, "sched.weekly", joinAnd(names, lang), at)
	case dow == "*":
		days, ok := cronList(dom, 1, 31, nil)
		if !ok {
			return custom
		}
		var nums []string
		for _, d := range days {
			nums = append(nums, strconv.Itoa(d))
		}
		return i18n.T(lang, "sched.monthly", joinAnd(nums, lang), at)
	}
	return custom
}

// weekdayNames are the names robfig/cron accepts in the weekday field.
var weekdayNames = map[string]int{"sun": 0, "mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6}

// cronNumber reads a plain number within [lo, hi].
func cronNumber(s string, lo, hi int) (int, bool) {
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi || strings.HasPrefix(s, "+") {
		return 0, false
	}
	return n, true
}

// cronList reads a cron field made of numbers (or names) and ranges
// joined by commas, within [lo, hi], as a sorted list without repeats; at
// most 12 values (beyond that it is not said as a list).
func cronList(s string, lo, hi int, names map[string]int) ([]int, bool) {
	one := func(p string) (int, bool) {
		if n, ok := names[strings.ToLower(p)]; ok {
			return n, true
		}
		return cronNumber(p, lo, hi)
	}
	var out []int
	for _, part := range strings.Split(s, ",") {
		a, b, isRange := strings.Cut(part, "-")
		from, ok := one(a)
		if !ok {
			return nil, false
		}
		to := from
		if isRange {
			if to, ok = one(b); !ok || to < from {
				return nil, false
			}
		}
		for n := from; n <= to; n++ {
			if !slices.Contains(out, n) {
				out = append(out, n)
			}
		}
	}
	slices.Sort(out)
	return out, len(out) > 0 && len(out) <= 12
}

// joinAnd joins "a, b và c" (en: "a, b and c").
func joinAnd(items []string, lang string) string {
	if len(items) <= 1 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + i18n.T(lang, "sched.and") + items[len(items)-1]
}

// DescribeZone names the bot's time zone as people say it: "giờ Việt Nam"
// for Vietnam's zone, else its UTC offset ("giờ UTC+07:00"); never a zone
// database name like Asia/Ho_Chi_Minh.
func DescribeZone(loc *time.Location, at time.Time, lang string) string {
	switch loc.String() {
	case "Asia/Ho_Chi_Minh", "Asia/Saigon":
		return i18n.T(lang, "sched.zone_vn")
	}
	_, off := at.In(loc).Zone()
	sign := "+"
	if off < 0 {
		sign, off = "-", -off
	}
	return i18n.T(lang, "sched.zone_offset", fmt.Sprintf("%s%02d:%02d", sign, off/3600, off%3600/60))
}
