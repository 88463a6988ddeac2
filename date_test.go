package youthbot

import "testing"

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
