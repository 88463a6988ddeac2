package vn

import (
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

func TestFoldName(t *testing.T) {
	for in, want := range map[string]string{
		"Nguyễn Văn An":                 "nguyen van an",
		"nguyen van an":                 "nguyen van an",
		"ĐẶNG  Thị   Đào":               "dang thi dao",
		"Tro\u0302\u0300ng":             "trong", // decomposed input
		"Lê Thị Ánh Tuyết":              "le thi anh tuyet",
		"Hồ Ngọc Hà\xff":                "ho ngoc ha",
		"Phạm Quỳnh Hương Ưng Ơn Ổn Ửa": "pham quynh huong ung on on ua",
	} {
		if got := FoldName(in); got != want {
			t.Errorf("FoldName(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestFoldNameFindsASearch: a search finds a name when its fold is part of
// the name's (how /members searches).
func TestFoldNameFindsASearch(t *testing.T) {
	tests := []struct {
		name, search string
		want         bool
	}{
		{"Nguyễn Văn An", "nguyen van an", true},
		{"Nguyễn Văn An", "Nguyễn Văn An", true},
		{"Nguyễn Văn An", "van an", true},
		{"Nguyễn Văn An", "NGUYEN", true},
		{"Đỗ Đức Đạt", "do duc dat", true},
		{"Nguyễn Văn An", "nguyen van binh", false},
		{"Trần Thị Bình", "", true},
	}
	for _, tt := range tests {
		if got := strings.Contains(FoldName(tt.name), FoldName(tt.search)); got != tt.want {
			t.Errorf("%q in %q = %v, want %v", tt.search, tt.name, got, tt.want)
		}
	}
}

// foldReference is FoldName written as the x/text transform chain.
func foldReference(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), runes.Map(func(r rune) rune {
		if r == 'đ' || r == 'Đ' {
			return 'd'
		}
		return unicode.ToLower(r)
	}), norm.NFC)
	out, _, _ := transform.String(t, strings.ToValidUTF8(s, ""))
	return strings.Join(strings.Fields(out), " ")
}

// FuzzFoldName: FoldName agrees with the x/text transform chain.
func FuzzFoldName(f *testing.F) {
	for _, s := range []string{"Nguyễn Văn An", " ĐẶNG\tThị  Đào ", "Tro\u0302\u0300ng", "İstanbul Ǆ ǅ", "\xff a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := FoldName(s), foldReference(s); got != want {
			t.Errorf("FoldName(%q) = %q, the x/text chain gives %q", s, got, want)
		}
	})
}

func TestGreetingName(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Nguyễn Văn An", "An"},
		{"nguyễn văn an", "An"},
		{"NGUYỄN VĂN ĐỨC", "Đức"},
		{"  trần   thị   ánh  ", "Ánh"},
		{"an", "An"},
		{"Lê Thị Mai-anh", "Mai-anh"},
	} {
		if got := GreetingName(tt.in); got != tt.want {
			t.Errorf("GreetingName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTitleCaseName(t *testing.T) {
	for _, tt := range []struct {
		in, want string
		ok       bool
	}{
		{"NGUYỄN VĂN AN", "Nguyễn Văn An", true},
		{"ĐỖ THỊ ÁNH", "Đỗ Thị Ánh", true},
		{"Nguyễn Văn An", "Nguyễn Văn An", false},
		{"nguyễn văn an", "nguyễn văn an", false},
		{"NGUYỄN Văn An", "NGUYỄN Văn An", false},
		{"-- .", "-- .", false},
	} {
		got, ok := TitleCaseName(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("TitleCaseName(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}
