package importer

import (
	"fmt"
	"math"
	"testing"

	"youthbot"
	"youthbot/storage"
	"youthbot/workbook"
	"youthbot/workbook/workbooktest"
)

// checkFigures compares the figures of Year the database computes for
// every unit of the province (storage's figures function, the one every
// report uses) with the sums the generator made the workbook to: every
// unit of the tree, over its subtree.
func checkFigures(t *testing.T, db *storage.DB, sums *workbooktest.Sums) {
	t.Helper()
	var root *youthbot.Figures
	if err := db.View(func(tx *storage.Tx) (err error) {
		root, err = tx.FiguresTree(workbooktest.Root, youthbot.YearPeriod(workbooktest.Year), loc)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	seen, wrong := 0, 0
	var walk func(f *youthbot.Figures)
	walk = func(f *youthbot.Figures) {
		seen++
		want, ok := sums.Units[f.Unit]
		if !ok {
			t.Errorf("unit %s is not in the workbook", f.Unit)
			return
		}
		for _, d := range diffFigures(f, want, sums.Targets[f.Unit]) {
			if wrong++; wrong <= 40 {
				t.Errorf("unit %s: %s", f.Unit, d)
			}
		}
		for _, c := range f.Children {
			walk(c)
		}
	}
	walk(root)
	if wrong > 40 {
		t.Errorf("… and %d more wrong figures", wrong-40)
	}
	if seen != len(sums.Units) {
		t.Errorf("the figures cover %d units, the workbook has %d", seen, len(sums.Units))
	}
	if t.Failed() {
		t.FailNow()
	}
}

// diffFigures lists how got differs from want, one line per figure.
func diffFigures(got *youthbot.Figures, want *workbooktest.Figures, targets []workbooktest.Target) []string {
	var out []string
	eq := func(name string, g, w int64) {
		if g != w {
			out = append(out, fmt.Sprintf("%s = %d, want %d", name, g, w))
		}
	}
	eq("participations", int64(got.Participations), want.Participations())
	eq("participations_by.members", got.ParticipationsBy.Members, want.Heads.Members)
	eq("participations_by.youth", got.ParticipationsBy.Youth, want.Heads.Youth)
	eq("participations_by.students", got.ParticipationsBy.Students, want.Heads.Students)
	eq("participations_by.residents", got.ParticipationsBy.Residents, want.Heads.Residents)
	eq("value_vnd", got.ValueVND, want.ValueVND)
	eq("support_vnd", got.SupportVND, want.SupportVND)
	eq("person_days×10", got.PersonDayTenths, want.PersonDayTenths)
	eq("activities_held", int64(got.ActivitiesHeld), want.Activities)
	eq("works_completed", int64(got.WorksCompleted), want.Works)
	eq("tasks_completed", int64(got.TasksCompleted), want.Tasks)
	for _, k := range []youthbot.UnitKind{youthbot.KindProvince, youthbot.KindDistrict, youthbot.KindGrassroots, youthbot.KindBranch} {
		eq("works_by_level."+string(k), int64(got.WorksByLevel.Get(k)), want.WorksByLevel[k])
		eq("tasks_by_level."+string(k), int64(got.TasksByLevel.Get(k)), want.TasksByLevel[k])
	}
	for _, g := range []workbook.Group{workbook.GroupChildren, workbook.GroupHouseholds, workbook.GroupElderly, workbook.GroupOthers} {
		b := got.Benefit(youthbot.BenefitGroup(g))
		eq("beneficiaries."+string(g)+".people", b.People, want.Beneficiaries[g].People)
		eq("beneficiaries."+string(g)+".value_vnd", b.ValueVND, want.Beneficiaries[g].ValueVND)
	}
	eq("members_total", int64(got.MembersTotal), want.MembersTotal)
	eq("members_new", int64(got.MembersNew), want.MembersNew)
	eq("breakthroughs_registered", int64(got.BreakthroughsRegistered), want.BreakthroughsRegistered)
	eq("breakthroughs_completed", int64(got.BreakthroughsCompleted), want.BreakthroughsCompleted)
	eq("models.doan", int64(got.Models.Doan), want.Models[workbook.FieldDoan])
	eq("models.doi", int64(got.Models.Doi), want.Models[workbook.FieldDoi])

	// The unit's own targets, in the order of the workbook.
	var own []youthbot.TargetProgress
	for _, tp := range got.Targets {
		if tp.Code != "" {
			own = append(own, tp)
		}
	}
	if len(own) != len(targets) {
		return append(out, fmt.Sprintf("%d targets, want %d", len(own), len(targets)))
	}
	byCode := map[string]youthbot.TargetProgress{}
	for _, tp := range own {
		byCode[tp.Code] = tp
	}
	for _, w := range targets {
		g, ok := byCode[w.Code]
		switch {
		case !ok:
			out = append(out, "no target "+w.Code)
		case string(g.Kind) != string(w.Kind) || g.Target != w.Target || math.Abs(g.Achieved-float64(w.Achieved)) > 1e-9:
			out = append(out, fmt.Sprintf("target %s: %s %d achieved %v, want %s %d achieved %d", w.Code, g.Kind, g.Target, g.Achieved, w.Kind, w.Target, w.Achieved))
		case math.Abs(g.Percent-math.Round(w.Percent()*10)/10) > 0.05:
			out = append(out, fmt.Sprintf("target %s: %.1f%%, want %.1f%%", w.Code, g.Percent, w.Percent()))
		}
	}
	return out
}
