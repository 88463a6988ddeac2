// Package workbooktest generates import workbooks for tests and benchmarks:
// Province is the year of a province as its year-end report states it, with
// the figures every unit of its tree must then show.
package workbooktest

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/xuri/excelize/v2"

	"youthbot"
	"youthbot/workbook"
)

// The headline figures of the province's year (Hậu Giang's 2023 report):
// what Province's workbook adds up to for its root unit.
const (
	Year           = 2023
	Works          = 392
	Tasks          = 3526
	Activities     = 1500
	Participations = 37_034
	ValueVND       = 26_148_500_000
	Children       = 69_191
	ChildrenVND    = 15_512_300_000
	SupportVND     = 3_250_000_000
	TargetsTotal   = 12
	Breakthroughs  = 3
	ModelsDoi      = 7
	Members        = 1800
	Branches       = 350
	Grassroots     = 90
	Districts      = 10
	Root           = "HG"
)

// Today is a day to read the workbook on: after its last date.
var Today = youthbot.Date{Year: 2025, Month: 1, Day: 15}

// Figures are a unit's figures of Year over its whole subtree, as the
// workbook implies them: completed rows of Year only.
type Figures struct {
	Works, Tasks, Activities   int64
	WorksByLevel, TasksByLevel map[youthbot.UnitKind]int64
	Heads                      workbook.HeadCounts // participations by group; imported members log none themselves
	ValueVND, SupportVND       int64
	PersonDayTenths            int64
	Beneficiaries              map[workbook.Group]Benefit
	MembersTotal, MembersNew   int64 // members who joined by the end of Year; in Year
	BreakthroughsRegistered    int64 // completed ones included
	BreakthroughsCompleted     int64
	Models                     map[workbook.Field]int64
}

// Participations is the sum of the head counts.
func (f *Figures) Participations() int64 { return f.Heads.Total() }

// Benefit is what a group of beneficiaries received.
type Benefit struct{ People, ValueVND int64 }

// Target is a target of Year as a report must show it.
type Target struct {
	Code             string
	Kind             workbook.TargetKind
	Metric           string
	Target, Achieved int64 // for per_unit: units of the kind, units that reached the value
}

// Percent is Achieved over Target, in percent.
func (t Target) Percent() float64 { return float64(t.Achieved) * 100 / float64(t.Target) }

// Sums are the figures of Year the workbook implies, for every unit.
type Sums struct {
	Units   map[string]*Figures // by unit code, over the unit's subtree
	Kinds   map[string]youthbot.UnitKind
	Parents map[string]string   // "" for the root
	Targets map[string][]Target // a unit's own targets of Year, in sheet order
}

// gen builds the workbook and its sums together.
type gen struct {
	rng       *rand.Rand
	f         *excelize.File
	dateStyle int
	sums      *Sums
	children  map[string][]string // units under each unit
}

// Province returns the workbook of a province's year (seed varies how
// the figures are spread, never their totals) and the sums it implies: a
// province, 10 districts, 90 grassroots unions, 350 branches, 1,800
// members; in 2023 392 works, 3,526 tasks and 1,500 activities whose head
// counts add up to 37,034, producing 26,148,500,000 VND, 69,191 children
// supported with 15,512,300,000 VND, 12 targets of the three kinds met at
// 100% to 200%, 3 breakthrough tasks completed, 7 Young Pioneer models;
// plus rows of 2022 and 2024 and unfinished projects, which the sums of
// 2023 leave out. Cells mix the forms offices write: Vietnamese headings,
// date cells and dd/mm/yyyy text, 26.000.000 and plain numbers.
func Province(seed uint64) ([]byte, *Sums, error) {
	g := &gen{rng: rand.New(rand.NewPCG(seed, 2023)), f: excelize.NewFile(),
		sums:     &Sums{Units: map[string]*Figures{}, Kinds: map[string]youthbot.UnitKind{}, Parents: map[string]string{}, Targets: map[string][]Target{}},
		children: map[string][]string{}}
	defer g.f.Close()
	var err error
	if g.dateStyle, err = g.f.NewStyle(&excelize.Style{NumFmt: 14}); err != nil {
		return nil, nil, err
	}
	steps := []func() error{g.units, g.members, g.activities, g.targets, g.breakthroughs, g.models}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, nil, err
		}
	}
	if err := g.f.DeleteSheet("Sheet1"); err != nil {
		return nil, nil, err
	}
	var buf bytes.Buffer
	if err := g.f.Write(&buf); err != nil {
		return nil, nil, err
	}
	return buf.Bytes(), g.sums, nil
}

// sheet writes rows to a new sheet through a stream writer.
func (g *gen) sheet(name string, rows [][]any) error {
	if _, err := g.f.NewSheet(name); err != nil {
		return err
	}
	sw, err := g.f.NewStreamWriter(name)
	if err != nil {
		return err
	}
	for i, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := sw.SetRow(cell, row); err != nil {
			return fmt.Errorf("%s row %d: %w", name, i+1, err)
		}
	}
	return sw.Flush()
}

// date is a date cell (every other row) or dd/mm/yyyy text.
func (g *gen) date(d youthbot.Date, i int) any {
	if i%2 == 0 {
		return excelize.Cell{StyleID: g.dateStyle, Value: d.Time(time.UTC)}
	}
	return d.String()
}

// money is a number cell or Vietnamese text (26.000.000), or nothing for 0.
func money(v int64, i int) any {
	switch {
	case v == 0:
		return nil
	case i%3 == 0:
		return thousands(v)
	}
	return v
}

func thousands(n int64) string {
	s := fmt.Sprint(n)
	var b []byte
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			b = append(b, '.')
		}
		b = append(b, s[i])
	}
	return string(b)
}

// credit adds to the figures of unit and of every unit above it.
func (g *gen) credit(unit string, add func(*Figures)) {
	for u := unit; u != ""; u = g.sums.Parents[u] {
		add(g.sums.Units[u])
	}
}

func (g *gen) addUnit(rows *[][]any, code, name, parent string, kind youthbot.UnitKind, word string) {
	*rows = append(*rows, []any{code, name, parent, word})
	g.sums.Units[code] = &Figures{WorksByLevel: map[youthbot.UnitKind]int64{}, TasksByLevel: map[youthbot.UnitKind]int64{},
		Beneficiaries: map[workbook.Group]Benefit{}, Models: map[workbook.Field]int64{}}
	g.sums.Kinds[code], g.sums.Parents[code] = kind, parent
	if parent != "" {
		g.children[parent] = append(g.children[parent], code)
	}
}

// of lists the units of a kind, in order.
func (g *gen) of(kind youthbot.UnitKind) []string {
	var out []string
	var walk func(string)
	walk = func(u string) {
		if g.sums.Kinds[u] == kind {
			out = append(out, u)
		}
		for _, c := range g.children[u] {
			walk(c)
		}
	}
	walk(Root)
	return out
}

// subtree lists unit and every unit below it.
func (g *gen) subtree(unit string) []string {
	out := []string{unit}
	for _, c := range g.children[unit] {
		out = append(out, g.subtree(c)...)
	}
	return out
}

func (g *gen) units() error {
	rows := [][]any{{"Mã đơn vị", "Tên đơn vị", "Mã cấp trên", "Cấp"}}
	g.addUnit(&rows, Root, "Tỉnh đoàn Hậu Giang", "", youthbot.KindProvince, "tinh")
	gi := 0
	for d := 1; d <= Districts; d++ {
		dc := fmt.Sprintf("H%02d", d)
		g.addUnit(&rows, dc, fmt.Sprintf("Huyện đoàn %d", d), Root, youthbot.KindDistrict, "huyen")
		for c := 1; c <= Grassroots/Districts; c++ {
			cc := fmt.Sprintf("%sC%d", dc, c)
			g.addUnit(&rows, cc, fmt.Sprintf("Đoàn xã %d, huyện %d", c, d), dc, youthbot.KindGrassroots, "co_so")
			n := 4
			if gi >= 80 { // 80 × 4 + 10 × 3 = 350 branches
				n = 3
			}
			gi++
			for b := 1; b <= n; b++ {
				g.addUnit(&rows, fmt.Sprintf("%sB%d", cc, b), fmt.Sprintf("Chi đoàn ấp %d, xã %d, huyện %d", b, c, d), cc, youthbot.KindBranch, "chi_doan")
			}
		}
	}
	return g.sheet("DonVi", rows)
}

var (
	families = []string{"Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Hoàng", "Võ", "Phan", "Trương", "Đặng"}
	middles  = []string{"Văn", "Thị", "Minh", "Ngọc", "Thanh", "Hoàng", "Quốc", "Kim"}
	givens   = []string{"An", "Bình", "Cường", "Dung", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa", "Hùng", "Khánh", "Lan",
		"Linh", "Long", "Mai", "Nam", "Ngân", "Nhi", "Phúc", "Quang", "Sơn", "Tâm", "Thảo", "Trung"}
)

func (g *gen) members() error {
	rows := [][]any{{"Họ tên", "Ngày sinh", "Mã chi đoàn", "Số điện thoại", "Ngày vào Đoàn", "Giới tính"}}
	branches := g.of(youthbot.KindBranch)
	for i := range Members {
		name := families[i%10] + " " + middles[(i/10)%8] + " " + givens[(i/80)%25]
		birth := youthbot.Date{Year: 1993 + g.rng.IntN(14), Month: time.Month(1 + g.rng.IntN(12)), Day: 1 + g.rng.IntN(28)}
		joined := youthbot.Date{Year: max(birth.Year+16, 2012) + g.rng.IntN(4), Month: time.Month(1 + g.rng.IntN(12)), Day: 1 + g.rng.IntN(28)}
		if joined.Year > 2024 {
			joined.Year = 2024
		}
		branch := branches[i%len(branches)]
		var phone any
		switch i % 4 {
		case 0:
			phone = fmt.Sprintf("09%08d", i)
		case 1:
			phone = 900000000 + i // a numeric cell: the leading 0 is lost
		}
		gender := "nam"
		if middles[(i/10)%8] == "Thị" || i%2 == 1 {
			gender = "nữ"
		}
		rows = append(rows, []any{name, g.date(birth, i), branch, phone, g.date(joined, i+1), gender})
		if joined.Year <= Year {
			g.credit(branch, func(f *Figures) {
				f.MembersTotal++
				if joined.Year == Year {
					f.MembersNew++
				}
			})
		}
	}
	return g.sheet("DoanVien", rows)
}

// split divides total into n parts, each a multiple of unit, at random.
func (g *gen) split(total int64, n int, unit int64, lo, hi int) []int64 {
	w := make([]int64, n)
	var sw int64
	for i := range w {
		w[i] = int64(lo + g.rng.IntN(hi-lo+1))
		sw += w[i]
	}
	units := total / unit
	out := make([]int64, n)
	var used int64
	for i := range w {
		out[i] = units * w[i] / sw
		used += out[i]
	}
	for i := 0; used < units; i = (i + 1) % n {
		out[i]++
		used++
	}
	for i := range out {
		out[i] *= unit
	}
	return out
}

// row is a HoatDong row being generated.
type row struct {
	code, title, kind, unit string
	date                    youthbot.Date
	done                    bool
	level                   youthbot.UnitKind
	value, support, days    int64
	heads                   workbook.HeadCounts
}

func (g *gen) day(year int) youthbot.Date {
	return youthbot.Date{Year: year, Month: time.Month(1 + g.rng.IntN(12)), Day: 1 + g.rng.IntN(28)}
}

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
