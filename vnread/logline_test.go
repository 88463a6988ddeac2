package vnread

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"youthbot"
)

var logToday = youthbot.Date{Year: 2026, Month: 3, Day: 10}

func TestParseLogLine(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want LogLine
	}{
		{"SpecExample", "15/03/2025 3h Dọn vệ sinh kênh xáng",
			LogLine{Date: youthbot.Date{Year: 2025, Month: 3, Day: 15}, Tenths: 30, Description: "Dọn vệ sinh kênh xáng"}},
		{"DescriptionOnlyIsTodayWithoutHours", "Hiến máu tình nguyện",
			LogLine{Date: logToday, Description: "Hiến máu tình nguyện"}},
		{"DayMonthIsThisYear", "09/03 Trồng cây", LogLine{Date: youthbot.Date{Year: 2026, Month: 3, Day: 9}, Description: "Trồng cây"}},
		{"OneDigitDayMonth", "1/2 Trồng cây", LogLine{Date: youthbot.Date{Year: 2026, Month: 2, Day: 1}, Description: "Trồng cây"}},
		{"DashesAndDots", "01-02-2026 2.5h x", LogLine{Date: youthbot.Date{Year: 2026, Month: 2, Day: 1}, Tenths: 25, Description: "x"}},
		{"DecimalPoint", "2.5h Dạy học", LogLine{Date: logToday, Tenths: 25, Description: "Dạy học"}},
		{"DecimalComma", "2,5h Dạy học", LogLine{Date: logToday, Tenths: 25, Description: "Dạy học"}},
		{"GioAsG", "3g Dạy học", LogLine{Date: logToday, Tenths: 30, Description: "Dạy học"}},
		{"GioSpelledOut", "3giờ Dạy học", LogLine{Date: logToday, Tenths: 30, Description: "Dạy học"}},
		{"UpperCaseH", "4H Dạy học", LogLine{Date: logToday, Tenths: 40, Description: "Dạy học"}},
		{"TwentyFourHours", "24h Trực chốt", LogLine{Date: logToday, Tenths: 240, Description: "Trực chốt"}},
		{"RoundsToTenths", "1.25h x", LogLine{Date: logToday, Tenths: 13, Description: "x"}},
		{"Project", "#P12 Đắp đường", LogLine{Date: logToday, Project: "P12", Description: "Đắp đường"}},
		{"ProjectLowerCase", "#p7 Đắp đường", LogLine{Date: logToday, Project: "P7", Description: "Đắp đường"}},
		{"Campaign", "#C3 Mùa hè xanh", LogLine{Date: logToday, Campaign: "C3", Description: "Mùa hè xanh"}},
		{"OptionsInAnyOrder", "#P2 3h 08/03 Xây nhà", LogLine{Date: youthbot.Date{Year: 2026, Month: 3, Day: 8}, Tenths: 30, Project: "P2", Description: "Xây nhà"}},
		{"HashtagInDescriptionStaysText", "Dọn rác #muahexanh", LogLine{Date: logToday, Description: "Dọn rác #muahexanh"}},
		{"OtherHashtagStartsDescription", "#MuaHeXanh dọn rác", LogLine{Date: logToday, Description: "#MuaHeXanh dọn rác"}},
		{"NumbersLaterAreText", "Dọn 3h kênh 15/03", LogLine{Date: logToday, Description: "Dọn 3h kênh 15/03"}},
		{"SpacesCollapsed", "  3h   Dọn \n  vệ   sinh ", LogLine{Date: logToday, Tenths: 30, Description: "Dọn vệ sinh"}},
		{"DecomposedBecomesNFC", "Tro\u0302\u0300ng cây", LogLine{Date: logToday, Description: "Trồng cây"}},
		{"OneYearBackIsAllowed", "10/03/2025 x", LogLine{Date: youthbot.Date{Year: 2025, Month: 3, Day: 10}, Description: "x"}},
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

func TestParseLogLineRefuses(t *testing.T) {
	tests := []struct {
		name, in, key string
	}{
		{"FutureDate", "11/03/2026 3h Dọn", "err.log_future"},
		{"FutureDayMonth", "20/03 Dọn", "err.log_future"},
		{"DayBeforeLastYear", "09/03/2025 Dọn", "err.log_too_old"},
		{"FarPast", "01/01/2000 Dọn", "err.log_too_old"},
		{"ImpossibleDate", "31/02/2026 Dọn", "err.date_impossible"},
		{"ImpossibleMonth", "12/13 Dọn", "err.date_impossible"},
		{"TwoDigitYear", "15/03/25 Dọn", "err.date_format"},
		{"ZeroHours", "0h Dọn", "err.log_hours"},
		{"NegativeHours", "-3h Dọn", "err.log_hours"},
		{"TooManyHours", "25h Dọn", "err.log_hours"},
		{"JustOverADay", "24.1h Dọn", "err.log_hours"},
		{"RoundsToZero", "0.01h Dọn", "err.log_hours"},
		{"HugeHours", "99999999999999999999h Dọn", "err.log_hours"},
		{"EmptyDescription", "15/02/2026 3h", "err.log_description"},
		{"Nothing", "", "err.log_description"},
		{"OnlySpaces", "   \n ", "err.log_description"},
		{"LongDescription", strings.Repeat("a", youthbot.MaxDescriptionLen+1), "err.log_description_long"},
		{"TwoDates", "01/03 02/03 Dọn", "err.log_twice"},
		{"TwoHours", "3h 2h Dọn", "err.log_twice"},
		{"TwoCodes", "#P1 #C2 Dọn", "err.log_twice"},
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

func asError(err error, e **youthbot.Error) bool { return errors.As(err, e) }

func TestParseHours(t *testing.T) {
	for in, want := range map[string]int{"3": 30, "3h": 30, "2,5": 25, "2.5h": 25, "2,5 giờ": 25, "1 g": 10, "0.5": 5, "24": 240, " 8H ": 80} {
		if got, err := ParseHours(in); err != nil || got != want {
			t.Errorf("ParseHours(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for in, key := range map[string]string{"": "err.log_hours_format", "ba": "err.log_hours_format", "3..5": "err.log_hours_format",
		"1e3": "err.log_hours_format", "0": "err.log_hours", "-1": "err.log_hours", "24,5": "err.log_hours"} {
		_, err := ParseHours(in)
		var e *youthbot.Error
		if !asError(err, &e) || e.Key != key {
			t.Errorf("ParseHours(%q): %v, want %s", in, err, key)
		}
	}
}

func TestParseLogDate(t *testing.T) {
	for in, want := range map[string]youthbot.Date{"10/03": logToday, "10/3/2026": logToday, "28.02": {Year: 2026, Month: 2, Day: 28}, "10-03-2025": {Year: 2025, Month: 3, Day: 10}} {
		if got, err := ParseLogDate(in, logToday); err != nil || got != want {
			t.Errorf("ParseLogDate(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	if _, err := ParseLogDate("hôm qua", logToday); err == nil {
		t.Error("words are the dialog's business, not ParseLogDate's")
	}
}

// FuzzParseLogLine: no input panics; what is accepted obeys every rule the
// parser promises (date within the year up to today, hours 0 or in
// (0, 24], a non-empty, bounded, normalised description, codes of the
// right shape), and is stable: parsing the accepted parts written back
// gives the same line.
func FuzzParseLogLine(f *testing.F) {
	for _, s := range []string{"15/03/2025 3h Dọn vệ sinh kênh xáng", "#P12 2,5h x", "3g", "", "31/02 x", "#C1 01.01 1h y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		l, err := ParseLogLine(s, logToday)
		if err != nil {
			var e *youthbot.Error
			if !asError(err, &e) || e.Code != youthbot.EINVALID || e.Key == "" {
				t.Fatalf("ParseLogLine(%q): error %v is not an EINVALID *Error", s, err)
			}
			return
		}
		if l.Date.After(logToday) || l.Date.Before(youthbot.Date{Year: logToday.Year - 1, Month: logToday.Month, Day: logToday.Day}) {
			t.Fatalf("ParseLogLine(%q): date %v out of range", s, l.Date)
		}
		if l.Tenths < 0 || l.Tenths > youthbot.MaxTenthsPerDay {
			t.Fatalf("ParseLogLine(%q): tenths %d", s, l.Tenths)
		}
		if l.Description == "" || !utf8.ValidString(l.Description) || utf8.RuneCountInString(l.Description) > youthbot.MaxDescriptionLen ||
			youthbot.NormalizeDescription(l.Description) != l.Description {
			t.Fatalf("ParseLogLine(%q): description %q", s, l.Description)
		}
		if l.Project != "" && l.Campaign != "" {
			t.Fatalf("ParseLogLine(%q): both a project and a campaign", s)
		}
		if l.Project != "" {
			if code, ok := NormalizeProjectCode(l.Project); !ok || code != l.Project {
				t.Fatalf("ParseLogLine(%q): project %q", s, l.Project)
			}
		}
		again := l.Date.String() + " "
		if l.Tenths > 0 {
			again += fmt.Sprintf("%d,%dh ", l.Tenths/10, l.Tenths%10)
		}
		if code := l.Project + l.Campaign; code != "" {
			again += "#" + code + " "
		}
		l2, err := ParseLogLine(again+l.Description, logToday)
		if err != nil || l2 != l {
			t.Fatalf("ParseLogLine(%q) = %+v, but its rewrite %q gives %+v, %v", s, l, again+l.Description, l2, err)
		}
	})
}

// ParseLogLineParts says which parts the line named, even a day that
// is today.
func TestParseLogLineGivenParts(t *testing.T) {
	today := youthbot.Date{Year: 2026, Month: 3, Day: 10}
	tests := []struct {
		line       string
		day, hours bool
	}{
		{"hôm nay dọn rác", true, false},
		{"3h dọn rác", false, true},
		{"hôm qua 2 giờ trồng cây", true, true},
		{"#P12 dọn rác", false, false},
		{"dọn rác", false, false},
	}
	for _, tt := range tests {
		_, p, err := ParseLogLineParts(tt.line, today)
		if err != nil || p.Day != tt.day || p.Hours != tt.hours {
			t.Errorf("%q: day %v hours %v err %v, want %v %v", tt.line, p.Day, p.Hours, err, tt.day, tt.hours)
		}
	}
}
