package workbooktest

import (
	"bytes"
	"reflect"
	"testing"

	"youthbot"
	"youthbot/workbook"
)

// tally adds up a read workbook's figures of Year for every unit over its
// subtree, from the Book alone: what a report of the imported data must
// show.
func tally(t *testing.T, b *workbook.Book) map[string]*Figures {
	t.Helper()
	parent := map[string]string{}
	kind := map[string]youthbot.UnitKind{}
	out := map[string]*Figures{}
	for _, u := range b.Units {
		parent[u.Code], kind[u.Code] = u.Parent, u.Kind
		out[u.Code] = &Figures{WorksByLevel: map[youthbot.UnitKind]int64{}, TasksByLevel: map[youthbot.UnitKind]int64{},
			Beneficiaries: map[workbook.Group]Benefit{}, Models: map[workbook.Field]int64{}}
	}
	up := func(unit string, add func(*Figures)) {
		if _, ok := out[unit]; !ok {
			t.Fatalf("unit %s is not in DonVi", unit)
		}
		for u := unit; u != ""; u = parent[u] {
			add(out[u])
		}
	}
	counted := map[string]workbook.ActivityRow{}
	for _, a := range b.Activities {
		if !a.Done || a.Date.Year != Year {
			continue
		}
		counted[a.Code] = a
		level := a.Level
		if level == "" {
			level = kind[a.Unit]
		}
		up(a.Unit, func(f *Figures) {
			switch a.Kind {
			case workbook.KindWork:
				f.Works++
				f.WorksByLevel[level]++
			case workbook.KindTask:
				f.Tasks++
				f.TasksByLevel[level]++
			case workbook.KindActivity:
				f.Activities++
			}
			f.Heads.Members += a.Heads.Members
			f.Heads.Youth += a.Heads.Youth
			f.Heads.Students += a.Heads.Students
			f.Heads.Residents += a.Heads.Residents
			f.ValueVND += a.ValueVND
			f.SupportVND += a.SupportVND
			f.PersonDayTenths += a.PersonDayTenths
		})
	}
	for _, r := range b.Beneficiaries {
		a, ok := counted[r.Activity]
		if !ok {
			continue
		}
		up(a.Unit, func(f *Figures) {
			x := f.Beneficiaries[r.Group]
			f.Beneficiaries[r.Group] = Benefit{x.People + r.People, x.ValueVND + r.ValueVND}
		})
	}
	for _, m := range b.Members {
		if m.Joined.Year <= Year {
			up(m.Branch, func(f *Figures) {
				f.MembersTotal++
				if m.Joined.Year == Year {
					f.MembersNew++
				}
			})
		}
	}
	for _, x := range b.Breakthroughs {
		if x.Year == Year {
			up(x.Unit, func(f *Figures) {
				f.BreakthroughsRegistered++
				if x.Done {
					f.BreakthroughsCompleted++
				}
			})
		}
	}
	for _, m := range b.Models {
		if m.Year == Year {
			up(m.Unit, func(f *Figures) { f.Models[m.Field]++ })
		}
	}
	return out
}

func TestProvinceReadsBackToItsSums(t *testing.T) {
	data, sums, err := Province(1)
	if err != nil {
		t.Fatal(err)
	}
	b, err := workbook.Read(bytes.NewReader(data), int64(len(data)), Today)
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	got := tally(t, b)
	if len(got) != len(sums.Units) {
		t.Fatalf("%d units read, %d generated", len(got), len(sums.Units))
	}
	for code, want := range sums.Units {
		if !reflect.DeepEqual(got[code], want) {
			t.Errorf("unit %s:\n read %+v\n want %+v", code, got[code], want)
		}
	}

	// The province's headline figures, as its report states them.
	hg := got[Root]
	kinds := map[youthbot.UnitKind]int{}
	for _, u := range b.Units {
		kinds[u.Kind]++
	}
	for _, c := range []struct {
		name      string
		got, want int64
	}{
		{"districts", int64(kinds[youthbot.KindDistrict]), Districts},
		{"grassroots", int64(kinds[youthbot.KindGrassroots]), Grassroots},
		{"branches", int64(kinds[youthbot.KindBranch]), Branches},
		{"members", int64(len(b.Members)), Members},
		{"works", hg.Works, Works},
		{"tasks", hg.Tasks, Tasks},
		{"activities", hg.Activities, Activities},
		{"participations", hg.Participations(), Participations},
		{"value", hg.ValueVND, ValueVND},
		{"support", hg.SupportVND, SupportVND},
		{"children", hg.Beneficiaries[workbook.GroupChildren].People, Children},
		{"children VND", hg.Beneficiaries[workbook.GroupChildren].ValueVND, ChildrenVND},
		{"breakthroughs completed", hg.BreakthroughsCompleted, Breakthroughs},
		{"Đội models", hg.Models[workbook.FieldDoi], ModelsDoi},
		{"targets", int64(len(sums.Targets[Root])), TargetsTotal},
	} {
		if c.got != c.want {
			t.Errorf("%s = %d, want %d", c.name, c.got, c.want)
		}
	}

	// Twelve targets of the three kinds, met from 100% to 200%.
	byKind := map[workbook.TargetKind]int{}
	lo, hi := 1e9, 0.0
	for _, tg := range sums.Targets[Root] {
		byKind[tg.Kind]++
		lo, hi = min(lo, tg.Percent()), max(hi, tg.Percent())
	}
	if byKind[workbook.TargetMetric] == 0 || byKind[workbook.TargetPerUnit] == 0 || byKind[workbook.TargetManual] == 0 || lo != 100 || hi != 200 {
		t.Errorf("targets by kind %v, from %.2f%% to %.2f%%; want all three kinds, 100%% to 200%%", byKind, lo, hi)
	}
	var read []workbook.TargetRow
	for _, tg := range b.Targets {
		if tg.Year == Year && tg.Unit == Root {
			read = append(read, tg)
		}
	}
	for i, tg := range read {
		w := sums.Targets[Root][i]
		if tg.Code != w.Code || tg.Kind != w.Kind || tg.Metric != w.Metric || tg.Kind == workbook.TargetManual && tg.Achieved != w.Achieved {
			t.Errorf("target row %d = %+v, generated %+v", tg.Row, tg, w)
		}
	}

	// Other years and unfinished projects are in the workbook too.
	other, open := 0, 0
	for _, a := range b.Activities {
		if a.Date.Year != Year && !a.Date.IsZero() {
			other++
		}
		if !a.Done {
			open++
		}
	}
	if other == 0 || open == 0 {
		t.Errorf("%d rows of other years, %d unfinished; want some of each", other, open)
	}
}

func TestProvinceIsTheSameForASeed(t *testing.T) {
	a, sa, err := Province(7)
	if err != nil {
		t.Fatal(err)
	}
	b, sb, err := Province(7)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(sa, sb) {
		t.Error("the sums of two workbooks of seed 7 differ")
	}
	ra, err := workbook.Read(bytes.NewReader(a), int64(len(a)), Today)
	if err != nil {
		t.Fatal(err)
	}
	rb, err := workbook.Read(bytes.NewReader(b), int64(len(b)), Today)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(ra, rb) {
		t.Error("two workbooks of seed 7 read differently")
	}
}

// BenchmarkReadProvince reads the province's workbook (the first step of
// its import, which must stay under 5 s and 200 MB all told).
func BenchmarkReadProvince(b *testing.B) {
	data, _, err := Province(1)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := workbook.Read(bytes.NewReader(data), int64(len(data)), Today); err != nil {
			b.Fatal(err)
		}
	}
}
