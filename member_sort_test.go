package youthbot

import (
	"slices"
	"testing"
)

func TestSortByNameIsVietnamese(t *testing.T) {
	names := []string{"Trần Văn Đạt", "Lê Thị Bình", "Nguyễn Văn An", "Phạm Thị Ánh", "Võ Văn Dũng", "Hoàng Minh Ân", "Bùi Văn An", "Đỗ Thị Yến", "Trần Thị Ơn", "Lý Văn Ông"}
	want := []string{
		"Bùi Văn An", "Nguyễn Văn An", // same given name: by family name
		"Phạm Thị Ánh",  // tone after the bare letter
		"Hoàng Minh Ân", // â after a
		"Lê Thị Bình",
		"Võ Văn Dũng", // d before đ
		"Trần Văn Đạt",
		"Lý Văn Ông", // ô before ơ
		"Trần Thị Ơn",
		"Đỗ Thị Yến",
	}
	var ms []Member
	for i, n := range names {
		ms = append(ms, Member{UserID: int64(i + 1), FullName: n})
	}
	SortByName(ms)
	var got []string
	for _, m := range ms {
		got = append(got, m.FullName)
	}
	if !slices.Equal(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}
