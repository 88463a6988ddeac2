package i18n

import "testing"

func TestNumber(t *testing.T) {
	for _, tt := range []struct {
		lang string
		n    int64
		want string
	}{
		{"vi", 0, "0"}, {"vi", 999, "999"}, {"vi", 1000, "1.000"}, {"vi", 1987, "1.987"},
		{"vi", 37034, "37.034"}, {"vi", 26148500000, "26.148.500.000"}, {"vi", -1234567, "-1.234.567"},
		{"en", 2000, "2,000"}, {"en", 100000, "100,000"}, {"fr", 2000, "2.000"},
	} {
		if got := Number(tt.lang, tt.n); got != tt.want {
			t.Errorf("Number(%q, %d) = %q, want %q", tt.lang, tt.n, got, tt.want)
		}
	}
}
