package erasure

import (
	"testing"
)

func TestRedactionReplacesWholeWordsOnly(t *testing.T) {
	var r redaction
	r.text("An")
	r.text("Lê & Tí")
	for _, p := range phoneForms("+84901234567") {
		r.text(p)
	}
	tests := []struct{ in, want string }{
		{"An đã tham gia", "X đã tham gia"},
		{"Anh An, Lan", "Anh X, Lan"},
		{"<b>An</b>", "<b>X</b>"},
		{"Lê &amp; Tí và Lê & Tí", "X và X"},
		{"gọi +84901234567, 84901234567 hoặc 0901234567", "gọi X, X hoặc X"},
		{"số 1840901234567 khác", "số 1840901234567 khác"},
		{"Ánh", "Ánh"},
	}
	r.detail("Hiến máu")
	for _, tt := range tests {
		if got := r.apply(tt.in, "X", false); got != tt.want {
			t.Errorf("apply(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := r.apply("An: Hiến máu", "X", true); got != "X: X" {
		t.Errorf("with details: %q", got)
	}
	if got := r.apply("Hiến máu nhân đạo", "X", false); got != "Hiến máu nhân đạo" {
		t.Errorf("a detail replaced in a message not about the person: %q", got)
	}
	numbers := []struct {
		in   string
		want bool
	}{
		{"ma:880123457:1773133200", true},
		{"U880123457", true},
		{"1880123457", false},
		{"8801234570", false},
		{"chat -880123457", false},
		{"", false},
	}
	for _, tt := range numbers {
		if got := hasNumber(tt.in, "880123457"); got != tt.want {
			t.Errorf("hasNumber(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
