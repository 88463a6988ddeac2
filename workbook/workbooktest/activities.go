package workbooktest

import (
	"fmt"

	"youthbot"
	"youthbot/workbook"
)

func (g *gen) activities() error {
	districts, grassroots, branches := g.of(youthbot.KindDistrict), g.of(youthbot.KindGrassroots), g.of(youthbot.KindBranch)
	below := make([]string, 0, len(grassroots)+len(branches)+len(districts))
	below = append(append(append(below, districts...), grassroots...), branches...)
	var rs []row
	add := func(kind string, n, year int, done bool, unit func(i int) string) []int {
		var idx []int
		for i := range n {
			r := row{code: fmt.Sprintf("%s%d-%04d", kind, year, len(rs)+1), kind: kind, unit: unit(i), date: g.day(year), done: done}
			switch kind {
			case "ct":
				r.title = fmt.Sprintf("Công trình thanh niên số %d", i+1)
			case "pv":
				r.title = fmt.Sprintf("Phần việc thanh niên số %d", i+1)
			default:
				r.title = fmt.Sprintf("Hoạt động tình nguyện số %d", i+1)
			}
			idx = append(idx, len(rs))
			rs = append(rs, r)
		}
		return idx
	}
	pick := func(units []string) func(int) string {
		return func(int) string { return units[g.rng.IntN(len(units))] }
	}
	// 2023: every grassroots union has a work, every branch a task, every
	// district 150 activities in its subtree (the per_unit targets).
	works := add("ct", Works, Year, true, func(i int) string {
		if i < len(grassroots) {
			return grassroots[i]
		}
		return below[g.rng.IntN(len(below))]
	})
	lower := append(append([]string{}, grassroots...), branches...)
	tasks := add("pv", Tasks, Year, true, func(i int) string {
		if i < len(branches) {
			return branches[i]
		}
		return lower[g.rng.IntN(len(lower))]
	})
	acts := add("hd", Activities, Year, true, func(i int) string {
		sub := g.subtree(districts[i%len(districts)])
		return sub[g.rng.IntN(len(sub))]
	})
	projects := append(append([]int{}, works...), tasks...)
	for i, v := range g.split(ValueVND, len(projects), 100_000, 1, 40) {
		rs[projects[i]].value = v
	}
	for i, t := range g.split(Participations, len(acts), 1, 5, 45) {
		p := g.split(t, 4, 1, 1, 10)
		rs[acts[i]].heads = workbook.HeadCounts{Members: p[0], Youth: p[1], Students: p[2], Residents: p[3]}
	}
	for i, v := range g.split(SupportVND, 500, 50_000, 1, 10) {
		rs[acts[i]].support = v
	}
	for i, w := range works {
		if i%7 == 3 {
			rs[w].level = youthbot.KindProvince // recognised by the province
		}
		rs[w].days = int64(50 + g.rng.IntN(300)) // tenths: 5,0 to 34,9
	}
	// Unfinished and other years: none counts in 2023's sums.
	for _, i := range add("ct", 20, Year, false, pick(below)) {
		rs[i].value, rs[i].date = 1_000_000_000, youthbot.Date{Year: 2025, Month: 6, Day: 30}
	}
	for _, i := range add("pv", 60, Year, false, pick(below)) {
		rs[i].value, rs[i].date = 100_000_000, youthbot.Date{}
	}
	for _, year := range []int{2022, 2024} {
		for _, i := range add("ct", 40, year, true, pick(below)) {
			rs[i].value = 500_000_000
		}
		add("pv", 150, year, true, pick(below))
		for _, i := range add("hd", 200, year, true, pick(below)) {
			rs[i].heads = workbook.HeadCounts{Youth: 20, Residents: 7}
		}
	}

	head := []any{"Mã", "Tên", "Loại", "Mã đơn vị", "Ngày", "Ngày bắt đầu", "Trạng thái", "Cấp công nhận", "Chiến dịch",
		"Giá trị làm lợi", "Kinh phí hỗ trợ", "Lượt đoàn viên", "Lượt thanh niên", "Lượt học sinh", "Lượt nhân dân", "Ngày công", "Ghi chú"}
	rows := [][]any{head}
	levels := map[youthbot.UnitKind]string{youthbot.KindProvince: "tinh"}
	for i, r := range rs {
		var date, start, state, level, campaign, days any
		if !r.date.IsZero() {
			date = g.date(r.date, i)
		}
		if r.kind != "hd" && !r.date.IsZero() && r.date.Day > 10 {
			start = g.date(youthbot.Date{Year: r.date.Year, Month: r.date.Month, Day: 1}, i+1)
		}
		if !r.done {
			state = "đang thực hiện"
		} else if i%5 == 0 {
			state = "hoan_thanh"
		}
		if r.level != "" {
			level = levels[r.level]
		}
		if r.date.Month >= 6 && r.date.Month <= 8 {
			campaign = "Mùa hè xanh"
		}
		if r.days > 0 {
			days = float64(r.days) / 10
			if i%2 == 0 {
				days = fmt.Sprintf("%d,%d", r.days/10, r.days%10)
			}
		}
		h := r.heads
		rows = append(rows, []any{r.code, r.title, r.kind, r.unit, date, start, state, level, campaign,
			money(r.value, i), money(r.support, i), count(h.Members), count(h.Youth), count(h.Students), count(h.Residents), days, nil})
		if !r.done || r.date.Year != Year {
			continue
		}
		lvl := r.level
		if lvl == "" {
			lvl = g.sums.Kinds[r.unit]
		}
		g.credit(r.unit, func(f *Figures) {
			switch r.kind {
			case "ct":
				f.Works++
				f.WorksByLevel[lvl]++
			case "pv":
				f.Tasks++
				f.TasksByLevel[lvl]++
			default:
				f.Activities++
			}
			f.Heads = workbook.HeadCounts{Members: f.Heads.Members + h.Members, Youth: f.Heads.Youth + h.Youth,
				Students: f.Heads.Students + h.Students, Residents: f.Heads.Residents + h.Residents}
			f.ValueVND += r.value
			f.SupportVND += r.support
			f.PersonDayTenths += r.days
		})
	}
	if err := g.sheet("HoatDong", rows); err != nil {
		return err
	}
	return g.beneficiaries(rs, acts, tasks)
}

func count(n int64) any {
	if n == 0 {
		return nil
	}
	return n
}

func (g *gen) beneficiaries(rs []row, acts, tasks []int) error {
	rows := [][]any{{"ma_hoat_dong", "doi_tuong", "so_nguoi", "tri_gia"}}
	give := func(targets []int, group workbook.Group, word string, people, value int64) {
		ps, vs := g.split(people, len(targets), 1, 1, 20), g.split(value, len(targets), 100_000, 1, 20)
		for i, t := range targets {
			r := rs[t]
			rows = append(rows, []any{r.code, word, ps[i], money(vs[i], i)})
			if r.done && r.date.Year == Year {
				g.credit(r.unit, func(f *Figures) {
					b := f.Beneficiaries[group]
					f.Beneficiaries[group] = Benefit{b.People + ps[i], b.ValueVND + vs[i]}
				})
			}
		}
	}
	children := append(append([]int{}, acts[:600]...), tasks[:100]...)
	give(children, workbook.GroupChildren, "thiếu nhi", Children, ChildrenVND)
	give(acts[600:800], workbook.GroupHouseholds, "ho_ngheo", 1250, 2_000_000_000)
	// Rows of other years: the last HoatDong rows are 2024's activities.
	give([]int{len(rs) - 1, len(rs) - 2}, workbook.GroupChildren, "children", 100, 10_000_000)
	return g.sheet("HuongLoi", rows)
}

// metric returns a figure of f by its metric name.
func metric(f *Figures, m string) int64 {
	switch m {
	case "works":
		return f.Works
	case "tasks":
		return f.Tasks
	case "activities":
		return f.Activities
	case "participations":
		return f.Participations()
	case "value_vnd":
		return f.ValueVND
	case "support_vnd":
		return f.SupportVND
	case "person_days":
		return f.PersonDayTenths / 10
	case "new_members":
		return f.MembersNew
	case "beneficiaries:children":
		return f.Beneficiaries[workbook.GroupChildren].People
	}
	panic("workbooktest: no metric " + m)
}

func (g *gen) targets() error {
	rows := [][]any{{"nam", "ma_don_vi", "ma", "noi_dung", "loai", "chi_so", "cap_don_vi", "gia_tri", "dat"}}
	type t struct {
		unit, code, text, kind, metric, cap string
		value, achieved                     int64
	}
	ts := []t{
		{Root, "CT01", "Thực hiện 300 công trình thanh niên", "", "works", "", 300, 0},
		{Root, "CT02", "Thực hiện 3.000 phần việc thanh niên", "metric", "phần việc", "", 3000, 0},
		{Root, "CT03", "35.000 lượt đoàn viên, thanh niên tham gia", "metric", "participations", "", 35000, 0},
		{Root, "CT04", "Giá trị làm lợi 26 tỷ đồng", "metric", "value_vnd", "", 26_000_000_000, 0},
		{Root, "CT05", "Hỗ trợ 60.000 thiếu nhi có hoàn cảnh khó khăn", "metric", "beneficiaries:thieu_nhi", "", 60000, 0},
		{Root, "CT06", "Tổ chức 1.000 hoạt động tình nguyện", "metric", "activities", "", 1000, 0},
		{Root, "CT07", "Mỗi chi đoàn có ít nhất 01 phần việc thanh niên", "per_unit", "tasks", "chi_doan", 1, 0},
		{Root, "CT08", "Mỗi Đoàn cơ sở có ít nhất 01 công trình thanh niên", "per_unit", "works", "co_so", 1, 0},
		{Root, "CT09", "Mỗi huyện đoàn tổ chức ít nhất 100 hoạt động", "per_unit", "activities", "huyen", 100, 0},
		{Root, "CT10", "Kết nạp mới 4.500 đoàn viên", "manual", "", "", 4500, 5000},
		{Root, "CT11", "Giới thiệu 100 đoàn viên ưu tú cho Đảng xem xét kết nạp", "manual", "", "", 100, 200},
		{Root, "CT12", "Kinh phí hỗ trợ 2,5 tỷ đồng", "metric", "support_vnd", "", 2_500_000_000, 0},
		{"H01", "CT01", "Tổ chức 100 hoạt động tình nguyện", "metric", "activities", "", 100, 0},
	}
	metrics := map[string]string{"phần việc": "tasks", "beneficiaries:thieu_nhi": "beneficiaries:children"}
	kinds := map[string]youthbot.UnitKind{"chi_doan": youthbot.KindBranch, "co_so": youthbot.KindGrassroots, "huyen": youthbot.KindDistrict}
	for i, x := range ts {
		var dat any
		if x.achieved > 0 {
			dat = thousands(x.achieved)
		}
		rows = append(rows, []any{Year, x.unit, x.code, x.text, nilIfEmpty(x.kind), nilIfEmpty(x.metric), nilIfEmpty(x.cap), money(x.value, i+1), dat})
		m := x.metric
		if c, ok := metrics[m]; ok {
			m = c
		}
		want := Target{Code: x.code, Kind: workbook.TargetKind(x.kind), Metric: m, Target: x.value, Achieved: x.achieved}
		switch x.kind {
		case "":
			want.Kind = workbook.TargetMetric
			want.Achieved = metric(g.sums.Units[x.unit], m)
		case "metric":
			want.Achieved = metric(g.sums.Units[x.unit], m)
		case "per_unit":
			want.Target, want.Achieved = 0, 0
			for _, u := range g.subtree(x.unit) {
				if g.sums.Kinds[u] == kinds[x.cap] {
					want.Target++
					if metric(g.sums.Units[u], m) >= x.value {
						want.Achieved++
					}
				}
			}
		}
		g.sums.Targets[x.unit] = append(g.sums.Targets[x.unit], want)
	}
	rows = append(rows, []any{2022, Root, "CT01", "Thực hiện 250 công trình", "metric", "works", nil, 250, nil},
		[]any{2022, Root, "CT02", "Kết nạp mới 4.000 đoàn viên", "manual", nil, nil, 4000, 4100})
	return g.sheet("ChiTieu", rows)
}

func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func (g *gen) breakthroughs() error {
	rows := [][]any{{"nam", "ma_don_vi", "noi_dung", "trang_thai"},
		{Year, Root, "Đẩy mạnh chuyển đổi số trong tổ chức Đoàn", "hoàn thành"},
		{Year, Root, "Thanh niên khởi nghiệp, lập nghiệp", "hoan_thanh"},
		{Year, Root, "Xây dựng đường giao thông nông thôn", "hoàn thành"},
		{Year, "H02", "Mỗi xã một sản phẩm thanh niên", "dang_ky"},
		{2022, Root, "Đẩy mạnh chuyển đổi số trong tổ chức Đoàn", "hoàn thành"},
	}
	for _, r := range rows[1:] {
		if r[0] != Year {
			continue
		}
		done := r[3] != "dang_ky"
		g.credit(r[1].(string), func(f *Figures) {
			f.BreakthroughsRegistered++
			if done {
				f.BreakthroughsCompleted++
			}
		})
	}
	return g.sheet("NhiemVuDotPha", rows)
}

func (g *gen) models() error {
	rows := [][]any{{"nam", "ma_don_vi", "ten", "linh_vuc"}}
	districts := g.of(youthbot.KindDistrict)
	for i := range ModelsDoi {
		rows = append(rows, []any{Year, districts[i], fmt.Sprintf("Mô hình Đội số %d", i+1), "doi"})
	}
	for i := range 5 {
		rows = append(rows, []any{Year, districts[9-i], fmt.Sprintf("Mô hình Đoàn số %d", i+1), nilIfEmpty([]string{"", "doan"}[i%2])})
	}
	rows = append(rows, []any{2022, Root, "Mô hình Đội năm trước", "doi"}, []any{2024, Root, "Mô hình Đoàn năm sau", "doan"})
	for _, r := range rows[1:] {
		if r[0] != Year {
			continue
		}
		field := workbook.FieldDoan
		if r[3] == "doi" {
			field = workbook.FieldDoi
		}
		g.credit(r[1].(string), func(f *Figures) { f.Models[field]++ })
	}
	return g.sheet("MoHinh", rows)
}
