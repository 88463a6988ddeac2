package youthbot

import "testing"

func TestValidateJoined(t *testing.T) {
	today, birth := Date{Year: 2026, Month: 3, Day: 10}, Date{Year: 2004, Month: 3, Day: 15}
	for _, tc := range []struct {
		name          string
		joined, birth Date
		want          string // error key, "" for valid
	}{
		{"Today", today, birth, ""},
		{"Tomorrow", today.AddDays(1), birth, "err.joined_future"},
		{"At14", Date{Year: 2018, Month: 3, Day: 15}, birth, ""},
		{"Before14", Date{Year: 2018, Month: 3, Day: 14}, birth, "err.joined_young"},
		{"NoBirth", Date{Year: 1990, Month: 1, Day: 1}, Date{}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := ValidateJoined(tc.joined, tc.birth, today)
			got := ""
			if e, ok := err.(*Error); ok {
				got = e.Key
			} else if err != nil {
				got = err.Error()
			}
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
