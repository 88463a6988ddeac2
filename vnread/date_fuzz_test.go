package vnread

import (
	"errors"
	"testing"
	"time"

	"youthbot"
)

func TestParseDate(t *testing.T) {
	for in, want := range map[string]youthbot.Date{"15/03/2004": {Year: 2004, Month: 3, Day: 15}, "1/2/2003": {Year: 2003, Month: 2, Day: 1}, " 29-02-2024 ": {Year: 2024, Month: 2, Day: 29}, "31.12.1999": {Year: 1999, Month: 12, Day: 31}} {
		if got, err := ParseDate(in); err != nil || got != want {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for in, key := range map[string]string{"": "err.date_format", "15/03": "err.date_format", "15/03/04": "err.date_format", "a/b/cdef": "err.date_format",
		"29/02/2023": "err.date_impossible", "00/01/2000": "err.date_impossible", "01/13/2000": "err.date_impossible", "01/01/1800": "err.date_impossible"} {
		_, err := ParseDate(in)
		var e *youthbot.Error
		if !errors.As(err, &e) || e.Key != key {
			t.Errorf("ParseDate(%q): %v, want %s", in, err, key)
		}
	}
}

// FuzzParseDate: no input panics; an accepted date is a real calendar day
// that prints back (dd/mm/yyyy) to itself, and every refusal is an
// EINVALID *Error.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"15/03/2004", "1/2/2003", "29/02/2024", "31/02/2001", "15.03.2004", "", "//", "1/1/99999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			var e *youthbot.Error
			if !errors.As(err, &e) || e.Code != youthbot.EINVALID {
				t.Fatalf("ParseDate(%q): %v is not an EINVALID *Error", s, err)
			}
			return
		}
		if tm := d.Time(time.UTC); tm.Year() != d.Year || tm.Month() != d.Month || tm.Day() != d.Day {
			t.Fatalf("ParseDate(%q) = %+v, not a calendar day", s, d)
		}
		if again, err := ParseDate(d.String()); err != nil || again != d {
			t.Fatalf("ParseDate(%q) = %v, but ParseDate(%q) = %v, %v", s, d, d.String(), again, err)
		}
	})
}
