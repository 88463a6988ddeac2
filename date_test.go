package youthbot

import "testing"

func TestParseDateTable(t *testing.T) {
	tests := []struct {
		in      string
		want    Date
		wantKey string
	}{
		{"15/03/2004", Date{2004, 3, 15}, ""},
		{"5-9-1990", Date{1990, 9, 5}, ""},
		{" 01.12.2005 ", Date{2005, 12, 1}, ""},
		{"29/02/2024", Date{2024, 2, 29}, ""},
		{"29/02/2023", Date{}, "err.date_impossible"},
		{"31/02/2001", Date{}, "err.date_impossible"},
		{"00/01/2001", Date{}, "err.date_impossible"},
		{"1/13/2001", Date{}, "err.date_impossible"},
		{"+1/-2/2000", Date{}, "err.date_format"},
		{"15/03/04", Date{}, "err.date_format"},
		{"hôm qua", Date{}, "err.date_format"},
		{"", Date{}, "err.date_format"},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		key := ""
		if e, ok := err.(*Error); ok {
			key = e.Key
		}
		if got != tt.want || key != tt.wantKey {
			t.Errorf("ParseDate(%q) = %v, %v; want %v, %s", tt.in, got, err, tt.want, tt.wantKey)
		}
	}
}

func TestYearsSince(t *testing.T) {
	b := Date{2004, 3, 15}
	for _, tt := range []struct {
		on   Date
		want int
	}{{Date{2026, 3, 14}, 21}, {Date{2026, 3, 15}, 22}, {Date{2026, 12, 31}, 22}} {
		if got := b.YearsSince(tt.on); got != tt.want {
			t.Errorf("age on %v = %d, want %d", tt.on, got, tt.want)
		}
	}
}
