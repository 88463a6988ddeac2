package report

import (
	"testing"

	"youthbot"
)

func TestNumbersAreWrittenTheLanguagesWay(t *testing.T) {
	count := func(lang string) func(float64) string {
		return func(x float64) string { return Number(lang, int64(x)) }
	}
	tests := []struct {
		name, got, want string
	}{
		{"VietnameseThousands", Number("vi", 26_000_000), "26.000.000"},
		{"EnglishThousands", Number("en", 26_000_000), "26,000,000"},
		{"Small", Number("vi", 999), "999"},
		{"Zero", Number("vi", 0), "0"},
		{"Negative", Number("vi", -1234567), "-1.234.567"},
		{"VND", VND("vi", 26_000_000), "26.000.000 đ"},
		{"VNDEnglish", VND("en", 1_500), "1,500 VND"},
		{"HoursWhole", Hours("vi", 3600), "360"},
		{"HoursDecimalComma", Hours("vi", 3605), "360,5"},
		{"HoursDecimalPoint", Hours("en", 12345), "1,234.5"},
		{"PercentWhole", Percent("vi", 150), "150%"},
		{"PercentDecimal", Percent("vi", 87.5), "87,5%"},
		{"ChangeUp", Change("vi", 120, 100, count("vi")), "▲ 20%"},
		{"ChangeDown", Change("vi", 95, 100, count("vi")), "▼ 5%"},
		{"ChangeSame", Change("vi", 7, 7, count("vi")), "= 0%"},
		{"ChangeFromNothing", Change("vi", 12, 0, count("vi")), "▲ +12"},
		{"ChangeNothing", Change("vi", 0, 0, count("vi")), ""},
		{"ChangeToNothing", Change("en", 0, 4, count("en")), "▼ 100%"},
		{"MetricValueVND", MetricValue("vi", youthbot.MetricValueVND, 2e7), "20.000.000 đ"},
		{"MetricHours", MetricValue("vi", youthbot.MetricHours, 22.5), "22,5"},
		{"MonthYear", MonthYear(march), "03/2024"},
		{"FileNameMonth", FileName("HG", march), "tally-HG-2024-03.xlsx"},
		{"FileNameYear", FileName("VT-P5", youthbot.YearPeriod(2024)), "tally-VT-P5-2024.xlsx"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
}
