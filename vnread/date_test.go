package vnread

import (
	"testing"

	"youthbot"
)

func TestParseDateTable(t *testing.T) {
	tests := []struct {
		in      string
		want    youthbot.Date
		wantKey string
	}{
		{"15/03/2004", youthbot.Date{Year: 2004, Month: 3, Day: 15}, ""},
		{"5-9-1990", youthbot.Date{Year: 1990, Month: 9, Day: 5}, ""},
		{" 01.12.2005 ", youthbot.Date{Year: 2005, Month: 12, Day: 1}, ""},
		{"29/02/2024", youthbot.Date{Year: 2024, Month: 2, Day: 29}, ""},
		{"29/02/2023", youthbot.Date{}, "err.date_impossible"},
		{"31/02/2001", youthbot.Date{}, "err.date_impossible"},
		{"00/01/2001", youthbot.Date{}, "err.date_impossible"},
		{"1/13/2001", youthbot.Date{}, "err.date_impossible"},
		{"+1/-2/2000", youthbot.Date{}, "err.date_format"},
		{"15/03/04", youthbot.Date{}, "err.date_format"},
		{"hôm qua", youthbot.Date{}, "err.date_format"},
		{"", youthbot.Date{}, "err.date_format"},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		key := ""
		if e, ok := err.(*youthbot.Error); ok {
			key = e.Key
		}
		if got != tt.want || key != tt.wantKey {
			t.Errorf("ParseDate(%q) = %v, %v; want %v, %s", tt.in, got, err, tt.want, tt.wantKey)
		}
	}
}
