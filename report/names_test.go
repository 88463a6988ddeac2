package report

import (
	"math/rand/v2"
	"slices"
	"testing"

	"youthbot"
)

var (
	families = []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"}
	middles  = []string{"Văn", "Thị", "Hữu", "Minh", "Thanh", "Ngọc", "Quốc", "Đức", "Thu", "Hoài", "Thị Thanh", "Văn Minh"}
	givens   = []string{"An", "Bình", "Cường", "Dũng", "Đức", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa", "Hùng", "Hương", "Khánh",
		"Lan", "Linh", "Long", "Mai", "Minh", "Nam", "Ngọc", "Nhung", "Phong", "Phúc", "Quân", "Quỳnh", "Sơn", "Tâm", "Thảo",
		"Thắng", "Trang", "Trung", "Tuấn", "Uyên", "Vy", "Yến"}
)

// TestNameOrderIsSortByNames checks that the report's cached sort orders
// names exactly as youthbot.SortByName, the bot's one Vietnamese order.
func TestNameOrderIsSortByNames(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	extra := []string{"Ánh", "Anh", "Ân", "Ăn", "Đạt", "Dat", "Ưng", "Uông", "Ơn", "Ôn", "On", "Bé", "Be"}
	var members []youthbot.Member
	var rows []MemberRow
	for i := range 3000 {
		name := families[r.IntN(len(families))] + " " + middles[r.IntN(len(middles))] + " "
		if r.IntN(2) == 0 {
			name += givens[r.IntN(len(givens))]
		} else {
			name += extra[r.IntN(len(extra))]
		}
		if i%97 == 0 {
			name = extra[r.IntN(len(extra))] // one word
		}
		members = append(members, youthbot.Member{UserID: int64(r.IntN(1_000_000)*10_000 + i), FullName: name}) // distinct ids
		rows = append(rows, MemberRow{ID: members[i].UserID, Name: name})
	}
	youthbot.SortByName(members)
	newNameOrder().sort(rows)
	var want, got []int64
	for i := range members {
		want, got = append(want, members[i].UserID), append(got, rows[i].ID)
	}
	if !slices.Equal(got, want) {
		t.Error("the report's name order differs from youthbot.SortByName")
	}
}
