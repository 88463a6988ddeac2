package vnread

import (
	"testing"

	"youthbot"
)

func TestParseVND(t *testing.T) {
	tests := []struct {
		in   string
		want int64
	}{
		{"5000000", 5_000_000},
		{"5.000.000", 5_000_000},
		{"5,000,000", 5_000_000},
		{"5 000 000", 5_000_000},
		{"5.000.000đ", 5_000_000},
		{"5.000.000 đồng", 5_000_000},
		{"5000000 VND", 5_000_000},
		{"5tr", 5_000_000},
		{"5 tr", 5_000_000},
		{"5 triệu", 5_000_000},
		{"5 TRIỆU đồng", 5_000_000},
		{"5 trieu", 5_000_000},
		{"5,5tr", 5_500_000},
		{"1.5tr", 1_500_000},
		{"2,75 tỷ", 2_750_000_000},
		{"26 tỷ", 26_000_000_000},
		{"1.500 tỷ", 1_500_000_000_000},
		{"500k", 500_000},
		{"500 nghìn", 500_000},
		{"500 ngàn", 500_000},
		{"0", 0},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseVND(tt.in)
			if err != nil || got != tt.want {
				t.Errorf("ParseVND(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestParseVNDRefuses(t *testing.T) {
	for _, in := range []string{"", "-5", "-5tr", "abc", "5..000", "5.00", "50.000.00", "5000000.50", "5,5",
		"1.2345678901tr", "tr", "5 000.000", "1.000.000.000.000.000.000", "9999999999 tỷ", "5$", "5 tr tr", ".5tr", "5.tr"} {
		t.Run(in, func(t *testing.T) {
			if got, err := ParseVND(in); err == nil {
				t.Errorf("ParseVND(%q) = %d, want an error", in, got)
			} else if youthbot.ErrorCode(err) != youthbot.EINVALID {
				t.Errorf("ParseVND(%q): code %s, want invalid", in, youthbot.ErrorCode(err))
			}
		})
	}
}

func TestParseCount(t *testing.T) {
	for in, want := range map[string]int64{"1000": 1000, "1.000": 1000, "1,000": 1000, "1 000": 1000, "12": 12} {
		if got, err := ParseCount(in, 1e9, "err.target_value"); err != nil || got != want {
			t.Errorf("ParseCount(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"-5", "1.5", "1e3", "", "2000000000"} {
		if _, err := ParseCount(in, 1e9, "err.target_value"); err == nil {
			t.Errorf("ParseCount(%q): no error", in)
		}
	}
}

func FuzzParseVND(f *testing.F) {
	for _, s := range []string{"5tr", "5.000.000", "2,75 tỷ", "500k", "-1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseVND(s)
		if err == nil && (v < 0 || v > youthbot.MaxValueVND) {
			t.Errorf("ParseVND(%q) = %d, out of range", s, v)
		}
	})
}
