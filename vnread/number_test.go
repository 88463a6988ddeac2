package vnread

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"youthbot"
)

func TestParseDecimal(t *testing.T) {
	tests := []struct {
		in    string
		scale int
		want  int64
	}{
		{"26000000", 0, 26_000_000},
		{"26.000.000", 0, 26_000_000},
		{"26,000,000", 0, 26_000_000},
		{"26 000 000", 0, 26_000_000},
		{"26\u00a0000\u00a0000", 0, 26_000_000},
		{"26.000", 0, 26_000},
		{"26,000", 0, 26_000},
		{"15,5", 1, 155},
		{"15.5", 1, 155},
		{"15,50", 1, 155},
		{"15,0", 0, 15},
		{"1.234.567,5", 1, 12_345_675},
		{"1,234,567.5", 1, 12_345_675},
		{"26 000,5", 1, 260_005},
		{"0", 0, 0},
		{"007", 0, 7},
		{"-3", 0, -3},
		{"+3", 0, 3},
		{" 42 ", 0, 42},
		{"0,25", 2, 25},
		{"0,125", 3, 125},
		{"0,000", 2, 0},
		{"999999999999999999", 0, 999_999_999_999_999_999},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseDecimal(tt.in, tt.scale)
			if err != nil || got != tt.want {
				t.Errorf("ParseDecimal(%q, %d) = %d, %v; want %d", tt.in, tt.scale, got, err, tt.want)
			}
		})
	}
}

func TestParseDecimalRefuses(t *testing.T) {
	for _, tt := range []struct {
		in    string
		scale int
	}{
		{"", 0}, {" ", 0}, {"-", 0}, {"abc", 0}, {"12a", 0}, {"15,5", 0}, {"15,55", 1},
		{"1.5.5", 0}, {"1,5.5", 1}, {"1.000,000.5", 1}, {".5", 1}, {"5.", 0}, {"1..000", 0},
		{"1 5", 0}, {"1234.567", 0}, {"0.001", 0}, {"1.000,5,5", 1}, {"26.000.00", 0},
		{"1e5", 0}, {"1000000000000000000", 0}, {"99999999999999999", 2}, {"--1", 0}, {"1-", 0},
		{"5 tỷ", 0}, {"١٢", 0},
	} {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseDecimal(tt.in, tt.scale)
			var e *youthbot.Error
			if !errors.As(err, &e) || e.Code != youthbot.EINVALID || e.Key != "err.number" {
				t.Errorf("ParseDecimal(%q, %d) = %d, %v; want an err.number error", tt.in, tt.scale, got, err)
			}
		})
	}
}

// FuzzParseDecimal: no input panics; every refusal is an EINVALID
// err.number; an accepted number reads the same as its digits with the
// grouping removed and '.' as the decimal mark (strconv's reading), and
// printing the value plainly reads back to it.
func FuzzParseDecimal(f *testing.F) {
	for _, s := range []string{"26.000.000", "15,5", "1.234.567,5", "1,234.5", "0.001", "-3", "26 000,5", "1..0", "9999999999999999999"} {
		f.Add(s, 1)
	}
	f.Fuzz(func(t *testing.T, s string, scale int) {
		scale = ((scale % 4) + 4) % 4
		v, err := ParseDecimal(s, scale)
		if err != nil {
			var e *youthbot.Error
			if !errors.As(err, &e) || e.Code != youthbot.EINVALID || e.Key != "err.number" {
				t.Fatalf("ParseDecimal(%q, %d): %v is not an EINVALID err.number", s, scale, err)
			}
			return
		}
		plain := plainNumber(t, s)
		f, perr := strconv.ParseFloat(plain, 64)
		if perr != nil {
			t.Fatalf("ParseDecimal(%q, %d) = %d, but %q is no number: %v", s, scale, v, plain, perr)
		}
		mul := 1.0
		for range scale {
			mul *= 10
		}
		if diff := f*mul - float64(v); diff > 1e-6*max(1, abs(f*mul)) || -diff > 1e-6*max(1, abs(f*mul)) {
			t.Fatalf("ParseDecimal(%q, %d) = %d, strconv reads %q as %v", s, scale, v, plain, f)
		}
		back := formatScaled(v, scale)
		if again, err := ParseDecimal(back, scale); err != nil || again != v {
			t.Fatalf("ParseDecimal(%q, %d) = %d, but ParseDecimal(%q) = %d, %v", s, scale, v, back, again, err)
		}
	})
}

// plainNumber rewrites an accepted number the way strconv reads it:
// grouping marks removed, the decimal mark as '.'.
func plainNumber(t *testing.T, s string) string {
	t.Helper()
	s = strings.TrimSpace(strings.NewReplacer("\u00a0", " ", "\u202f", " ").Replace(s))
	sign := ""
	if s != "" && (s[0] == '-' || s[0] == '+') {
		sign, s = s[:1], strings.TrimSpace(s[1:])
	}
	whole, frac, ok := splitDecimal(s)
	if !ok {
		t.Fatalf("splitDecimal(%q) refused an accepted number", s)
	}
	if frac != "" {
		return sign + whole + "." + frac
	}
	return sign + whole
}

func formatScaled(v int64, scale int) string {
	s := strconv.FormatInt(v, 10)
	if scale == 0 {
		return s
	}
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	for len(s) <= scale {
		s = "0" + s
	}
	out := s[:len(s)-scale]
	if frac := strings.TrimRight(s[len(s)-scale:], "0"); frac != "" {
		if len(frac) == 3 {
			frac += "0" // "1,2340": never read as thousands
		}
		out += "," + frac
	}
	if neg {
		out = "-" + out
	}
	return out
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}
