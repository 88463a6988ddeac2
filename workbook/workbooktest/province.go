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
