package vnread

import (
	"fmt"
	"testing"
	"time"

	"youthbot"
)

// logToday (10/03/2026) is a Tuesday.

func TestParseLogLineInWords(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want LogLine
	}{
		{"YesterdayTwoHours", "hôm qua 2 giờ Trồng cây xanh", LogLine{Date: youthbot.Date{Year: 2026, Month: 3, Day: 9}, Tenths: 20, Description: "Trồng cây xanh"}},
		{"WithoutDiacritics", "hom qua 2 gio Trong cay xanh", LogLine{Date: youthbot.Date{Year: 2026, Month: 3, Day: 9}, Tenths: 20, Description: "Trong cay xanh"}},
		{"CapitalisedAndHoursFirst", "2 Giờ Hôm Qua Trồng cây", LogLine{Date: youthbot.Date{Year: 2026, Month: 3, Day: 9}, Tenths: 20, Description: "Trồng cây"}},
		{"Today", "hôm nay 2h Dạy học", LogLine{Date: logToday, Tenths: 20, Description: "Dạy học"}},
		{"DayBeforeYesterday", "hôm kia Dạy học", LogLine{Date: youthbot.Date{Year: 2026, Month: 3, Day: 8}, Description: "Dạy học"}},
		{"EnglishToday", "today 2 hours Teaching", LogLine{Date: logToday, Tenths: 20, Description: "Teaching"}},
		{"EnglishYesterday", "yesterday 1 hour x", LogLine{Date: youthbot.Date{Year: 2026, Month: 3, Day: 9}, Tenths: 10, Description: "x"}},
		{"WeekdayToday", "thứ ba x", LogLine{Date: logToday, Description: "x"}},
		{"WeekdayYesterday", "thứ hai x", LogLine{Date: youthbot.Date{Year: 2026, Month: 3, Day: 9}, Description: "x"}},
		{"WeekdayLastWeek", "thứ tư x", LogLine{Date: youthbot.Date{Year: 2026, Month: 3, Day: 4}, Description: "x"}},
		{"WeekdayNumber", "thứ 7 x", LogLine{Date: youthbot.Date{Year: 2026, Month: 3, Day: 7}, Description: "x"}},
		{"WeekdayShort", "t6 x", LogLine{Date: youthbot.Date{Year: 2026, Month: 3, Day: 6}, Description: "x"}},
		{"Sunday", "chủ nhật x", LogLine{Date: youthbot.Date{Year: 2026, Month: 3, Day: 8}, Description: "x"}},
		{"SundayShort", "CN x", LogLine{Date: youthbot.Date{Year: 2026, Month: 3, Day: 8}, Description: "x"}},
		{"ThursdayWithoutDiacritics", "thu nam x", LogLine{Date: youthbot.Date{Year: 2026, Month: 3, Day: 5}, Description: "x"}},
		{"WeekdayThisWeek", "thứ hai tuần này x", LogLine{Date: youthbot.Date{Year: 2026, Month: 3, Day: 9}, Description: "x"}},
		{"WeekdayLastWeekSaid", "thứ ba tuần trước x", LogLine{Date: youthbot.Date{Year: 2026, Month: 3, Day: 3}, Description: "x"}},
		{"SundayLastWeek", "chủ nhật tuần trước x", LogLine{Date: youthbot.Date{Year: 2026, Month: 3, Day: 8}, Description: "x"}},
		{"EnglishWeekday", "friday x", LogLine{Date: youthbot.Date{Year: 2026, Month: 3, Day: 6}, Description: "x"}},
		{"NgayBeforeDate", "ngày 05/03 x", LogLine{Date: youthbot.Date{Year: 2026, Month: 3, Day: 5}, Description: "x"}},
		{"NgayAloneIsText", "Ngày hội hiến máu", LogLine{Date: logToday, Description: "Ngày hội hiến máu"}},
		{"FullDate", "05/03/2026 x", LogLine{Date: youthbot.Date{Year: 2026, Month: 3, Day: 5}, Description: "x"}},
		{"Gio", "2g x", LogLine{Date: logToday, Tenths: 20, Description: "x"}},
		{"GioDecimal", "2,5 giờ x", LogLine{Date: logToday, Tenths: 25, Description: "x"}},
		{"Tieng", "3 tiếng x", LogLine{Date: logToday, Tenths: 30, Description: "x"}},
		{"TiengRuoi", "2 tiếng rưỡi x", LogLine{Date: logToday, Tenths: 25, Description: "x"}},
		{"HoursMinutesOneWord", "1h30 x", LogLine{Date: logToday, Tenths: 15, Description: "x"}},
		{"GioMinutesOneWord", "1g45p x", LogLine{Date: logToday, Tenths: 18, Description: "x"}},
		{"HoursThenMinutes", "1 giờ 30 phút x", LogLine{Date: logToday, Tenths: 15, Description: "x"}},
		{"Minutes", "90 phút x", LogLine{Date: logToday, Tenths: 15, Description: "x"}},
		{"MinutesShort", "45p x", LogLine{Date: logToday, Tenths: 8, Description: "x"}},
		{"MinutesWithoutDiacritics", "90 phut x", LogLine{Date: logToday, Tenths: 15, Description: "x"}},
		{"EnglishMinutes", "30 minutes x", LogLine{Date: logToday, Tenths: 5, Description: "x"}},
		{"AllPartsInWords", "#P2 90 phút thứ sáu Xây nhà", LogLine{Date: youthbot.Date{Year: 2026, Month: 3, Day: 6}, Tenths: 15, Project: "P2", Description: "Xây nhà"}},
		{"NumberWithoutUnitIsText", "3 bạn dọn rác", LogLine{Date: logToday, Description: "3 bạn dọn rác"}},
		{"WordsLaterAreText", "Dọn rác hôm qua 2 giờ", LogLine{Date: logToday, Description: "Dọn rác hôm qua 2 giờ"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseLogLine(tt.in, logToday)
			if err != nil {
				t.Fatalf("ParseLogLine(%q): %v", tt.in, err)
			}
			if got != tt.want {
				t.Errorf("ParseLogLine(%q) = %+v, want %+v", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseLogLineInWordsRefuses(t *testing.T) {
	tests := []struct {
		name, in, key string
	}{
		{"DayTwice", "hôm qua thứ hai x", "err.log_twice"},
		{"DayAndDate", "hôm nay 10/03 x", "err.log_twice"},
		{"HoursTwice", "2 giờ 90 phút x", "err.log_twice"},
		{"ThisWeeksDayStillToCome", "thứ sáu tuần này x", "err.log_future"},
		{"NgayImpossible", "ngày 31/02 x", "err.date_impossible"},
		{"ZeroMinutes", "0 phút x", "err.log_hours"},
		{"TooManyMinutes", "1500 phút x", "err.log_hours"},
		{"TooManyHoursInWords", "25 giờ x", "err.log_hours"},
		{"MinutesRoundToZero", "2 phút x", "err.log_hours"},
		{"OnlyWords", "hôm qua 2 giờ", "err.log_description"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseLogLine(tt.in, logToday)
			var e *youthbot.Error
			if err == nil || !asError(err, &e) || e.Key != tt.key || e.Code != youthbot.EINVALID {
				t.Fatalf("ParseLogLine(%q) = %+v, %v; want an EINVALID %s error", tt.in, got, err, tt.key)
			}
		})
	}
}

func TestParseHoursInWords(t *testing.T) {
	for in, want := range map[string]int{"2 giờ": 20, "2 gio": 20, "2g": 20, "1h30": 15, "90 phút": 15, "2 hours": 20, "2 tiếng rưỡi": 25,
		"1 giờ 15 phút": 13, "45'": 8, "3": 30} {
		if got, err := ParseHours(in); err != nil || got != want {
			t.Errorf("ParseHours(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for in, key := range map[string]string{"2 giờ x": "err.log_hours_format", "1h75": "err.log_hours_format", "giờ": "err.log_hours_format",
		"1,5h30": "err.log_hours_format", "0 phút": "err.log_hours", "1 ngày": "err.log_hours_format"} {
		_, err := ParseHours(in)
		var e *youthbot.Error
		if !asError(err, &e) || e.Key != key {
			t.Errorf("ParseHours(%q): %v, want %s", in, err, key)
		}
	}
}

func TestParseLogDay(t *testing.T) {
	for in, want := range map[string]youthbot.Date{"hôm qua": {Year: 2026, Month: 3, Day: 9}, "hom nay": logToday, "Yesterday": {Year: 2026, Month: 3, Day: 9}, "thứ hai": {Year: 2026, Month: 3, Day: 9},
		"chủ nhật": {Year: 2026, Month: 3, Day: 8}, "15/02": {Year: 2026, Month: 2, Day: 15}, "ngày 15/02/2026": {Year: 2026, Month: 2, Day: 15}, "thứ ba tuần trước": {Year: 2026, Month: 3, Day: 3}} {
		if got, err := ParseLogDay(in, logToday); err != nil || got != want {
			t.Errorf("ParseLogDay(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for in, key := range map[string]string{"": "err.date_format", "hôm qua nữa": "err.date_format", "mai": "err.date_format",
		"thứ sáu tuần này": "err.log_future", "20/03": "err.log_future"} {
		_, err := ParseLogDay(in, logToday)
		var e *youthbot.Error
		if !asError(err, &e) || e.Key != key {
			t.Errorf("ParseLogDay(%q): %v, want %s", in, err, key)
		}
	}
}

// TestLastWeekdayOverAWeek: a weekday alone is the last such day, today
// included, on every day of a week, and "tuần trước" is 7 days before
// "tuần này".
func TestLastWeekdayOverAWeek(t *testing.T) {
	monday := youthbot.Date{Year: 2026, Month: 3, Day: 9}
	for i := range 7 {
		today := monday.AddDays(i)
		for w, word := range []string{"chủ nhật", "thứ hai", "thứ ba", "thứ tư", "thứ năm", "thứ sáu", "thứ bảy"} {
			d, err := ParseLogDay(word, today)
			if err != nil || weekdayOf(d) != timeWeekday(w) || d.After(today) || !d.After(today.AddDays(-7)) {
				t.Errorf("on %v, %q = %v, %v; want the last %v, today included", today, word, d, err, timeWeekday(w))
			}
			this, err1 := ParseLogDay(word+" tuần này", monday.AddDays(6))
			last, err2 := ParseLogDay(word+" tuần trước", today)
			if err1 != nil || err2 != nil || last != this.AddDays(-7) || last.Before(monday.AddDays(-7)) || !last.Before(monday) {
				t.Errorf("on %v, %q tuần trước = %v, %v; tuần này (Sunday) = %v, %v", today, word, last, err2, this, err1)
			}
		}
	}
}

func timeWeekday(i int) time.Weekday { return time.Weekday(i) }

// FuzzParseHours: no input panics; accepted hours are within (0, 24] in
// tenths, and written back as "<h>,<t>h" they read the same; every
// refusal is an EINVALID *Error.
func FuzzParseHours(f *testing.F) {
	for _, s := range []string{"2 giờ", "2,5g", "1h30", "90 phút", "2 tiếng rưỡi", "1 giờ 30 phút", "45'", "-1h", "1h75", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseHours(s)
		if err != nil {
			var e *youthbot.Error
			if !asError(err, &e) || e.Code != youthbot.EINVALID {
				t.Fatalf("ParseHours(%q): %v is not an EINVALID *Error", s, err)
			}
			return
		}
		if got <= 0 || got > youthbot.MaxTenthsPerDay {
			t.Fatalf("ParseHours(%q) = %d tenths", s, got)
		}
		again := fmt.Sprintf("%d,%dh", got/10, got%10)
		if back, err := ParseHours(again); err != nil || back != got {
			t.Fatalf("ParseHours(%q) = %d, but ParseHours(%q) = %d, %v", s, got, again, back, err)
		}
	})
}

// FuzzParseLogDay: no input panics; an accepted day is within the year up
// to today and reads back from its dd/mm/yyyy; every refusal is an
// EINVALID *Error.
func FuzzParseLogDay(f *testing.F) {
	for _, s := range []string{"hôm qua", "hom kia", "thứ hai tuần trước", "cn", "ngày 15/02", "15/02/2026", "thứ sáu tuần này", "ngày"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseLogDay(s, logToday)
		if err != nil {
			var e *youthbot.Error
			if !asError(err, &e) || e.Code != youthbot.EINVALID {
				t.Fatalf("ParseLogDay(%q): %v is not an EINVALID *Error", s, err)
			}
			return
		}
		if youthbot.ValidateActivityDate(d, logToday) != nil {
			t.Fatalf("ParseLogDay(%q) = %v, out of range", s, d)
		}
		if back, err := ParseLogDay(d.String(), logToday); err != nil || back != d {
			t.Fatalf("ParseLogDay(%q) = %v, but its dd/mm/yyyy reads %v, %v", s, d, back, err)
		}
	})
}
