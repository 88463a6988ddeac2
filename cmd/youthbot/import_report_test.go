package main

import (
	"encoding/json"
	"fmt"
	"math"
	"path/filepath"
	"strings"
	"testing"

	"youthbot/workbook"
	"youthbot/workbook/workbooktest"
)

// yearJSON is what the test reads of `youthbot report --year --format json`
// (the keys of PRODUCT.md's JSON report).
type yearJSON struct {
	Unit             string `json:"unit"`
	Year             int    `json:"year"`
	MembersTotal     int64  `json:"members_total"`
	MembersNew       int64  `json:"members_new"`
	Participations   int64  `json:"participations"`
	ParticipationsBy *struct {
		Members, Youth, Students, Residents int64
	} `json:"participations_by"`
	PersonDays     float64 `json:"person_days"`
	ActivitiesHeld int64   `json:"activities_held"`
	ValueVND       int64   `json:"value_vnd"`
	SupportVND     int64   `json:"support_vnd"`
	Beneficiaries  []struct {
		Group    string `json:"group"`
		People   int64  `json:"people"`
		ValueVND int64  `json:"value_vnd"`
	} `json:"beneficiaries"`
	WorksCompleted int64            `json:"works_completed"`
	TasksCompleted int64            `json:"tasks_completed"`
	WorksByLevel   map[string]int64 `json:"works_by_level"`
	TasksByLevel   map[string]int64 `json:"tasks_by_level"`
	Targets        []struct {
		Code     string  `json:"code"`
		Kind     string  `json:"kind"`
		Metric   string  `json:"metric"`
		Target   int64   `json:"target"`
		Achieved float64 `json:"achieved"`
		Percent  float64 `json:"percent"`
	} `json:"targets"`
	TargetsMet              int              `json:"targets_met"`
	TargetsTotal            int              `json:"targets_total"`
	TargetsPercentMin       float64          `json:"targets_percent_min"`
	TargetsPercentMax       float64          `json:"targets_percent_max"`
	BreakthroughsRegistered int64            `json:"breakthroughs_registered"`
	BreakthroughsCompleted  int64            `json:"breakthroughs_completed"`
	Models                  map[string]int64 `json:"models"`
	Children                []*yearJSON      `json:"children"`
}

// TestImportedProvinceReport is the proof of F7 end to end: the generated
// province workbook imported by the command, then `youthbot report --year
// 2023 --format json` checked for every unit of the tree, children nested
// down to the branches, against the sums the generator made the workbook
// to; the headline figures of the province as its report states them.
func TestImportedProvinceReport(t *testing.T) {
	data, sums, err := workbooktest.Province(5)
	if err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"YOUTHBOT_DB": filepath.Join(t.TempDir(), "y.db")}
	if code, out, errOut := runMain(t, env, "import", writeTemp(t, "tinh.xlsx", string(data))); code != 0 {
		t.Fatalf("import: exit %d\n%s%s", code, out, errOut)
	}
	code, out, errOut := runMain(t, env, "report", "--year", fmt.Sprint(workbooktest.Year), "--format", "json")
	if code != 0 {
		t.Fatalf("report: exit %d\n%s", code, errOut)
	}
	var root yearJSON
	if err := json.Unmarshal([]byte(out), &root); err != nil {
		t.Fatalf("report JSON: %v\n%.500s", err, out)
	}
	if root.ParticipationsBy == nil {
		t.Fatal("the year's report has no participations_by")
	}
	hg := sums.Units[workbooktest.Root]
	if root.Unit != workbooktest.Root || root.Year != workbooktest.Year || hg.Participations() != workbooktest.Participations ||
		root.Participations != workbooktest.Participations || root.WorksCompleted != workbooktest.Works || root.TasksCompleted != workbooktest.Tasks ||
		root.ValueVND != workbooktest.ValueVND || root.TargetsMet != workbooktest.TargetsTotal || root.TargetsTotal != workbooktest.TargetsTotal ||
		root.TargetsPercentMin != 100 || root.TargetsPercentMax != 200 || root.BreakthroughsCompleted != workbooktest.Breakthroughs ||
		root.Models["doi"] != workbooktest.ModelsDoi {
		t.Errorf("the province's headline figures: %+v", root)
	}
	seen, wrong := 0, 0
	var walk func(j *yearJSON)
	walk = func(j *yearJSON) {
		seen++
		for _, d := range diffYear(j, sums) {
			if wrong++; wrong <= 30 {
				t.Errorf("unit %s: %s", j.Unit, d)
			}
		}
		for _, c := range j.Children {
			walk(c)
		}
	}
	walk(&root)
	if seen != len(sums.Units) {
		t.Errorf("the report covers %d units, the workbook has %d", seen, len(sums.Units))
	}
	if wrong > 30 {
		t.Errorf("… and %d more", wrong-30)
	}
}

func diffYear(j *yearJSON, sums *workbooktest.Sums) []string {
	want, ok := sums.Units[j.Unit]
	if !ok {
		return []string{"not in the workbook"}
	}
	var out []string
	eq := func(name string, g, w int64) {
		if g != w {
			out = append(out, fmt.Sprintf("%s = %d, want %d", name, g, w))
		}
	}
	eq("participations", j.Participations, want.Participations())
	by := j.ParticipationsBy
	eq("participations_by.members", by.Members, want.Heads.Members)
	eq("participations_by.youth", by.Youth, want.Heads.Youth)
	eq("participations_by.students", by.Students, want.Heads.Students)
	eq("participations_by.residents", by.Residents, want.Heads.Residents)
	eq("person_days×10", int64(math.Round(j.PersonDays*10)), want.PersonDayTenths)
	eq("activities_held", j.ActivitiesHeld, want.Activities)
	eq("value_vnd", j.ValueVND, want.ValueVND)
	eq("support_vnd", j.SupportVND, want.SupportVND)
	eq("works_completed", j.WorksCompleted, want.Works)
	eq("tasks_completed", j.TasksCompleted, want.Tasks)
	for kind, n := range want.WorksByLevel {
		eq("works_by_level."+string(kind), j.WorksByLevel[string(kind)], n)
	}
	for kind, n := range want.TasksByLevel {
		eq("tasks_by_level."+string(kind), j.TasksByLevel[string(kind)], n)
	}
	got := map[string][2]int64{}
	for _, b := range j.Beneficiaries {
		got[b.Group] = [2]int64{b.People, b.ValueVND}
	}
	for g, b := range want.Beneficiaries {
		eq("beneficiaries."+string(g)+".people", got[string(g)][0], b.People)
		eq("beneficiaries."+string(g)+".value_vnd", got[string(g)][1], b.ValueVND)
	}
	eq("members_total", j.MembersTotal, want.MembersTotal)
	eq("members_new", j.MembersNew, want.MembersNew)
	eq("breakthroughs_registered", j.BreakthroughsRegistered, want.BreakthroughsRegistered)
	eq("breakthroughs_completed", j.BreakthroughsCompleted, want.BreakthroughsCompleted)
	eq("models.doan", j.Models["doan"], want.Models[workbook.FieldDoan])
	eq("models.doi", j.Models["doi"], want.Models[workbook.FieldDoi])
	var coded []string
	byCode := map[string]int{}
	for i, tg := range j.Targets {
		if tg.Code != "" {
			coded = append(coded, tg.Code)
			byCode[tg.Code] = i
		}
	}
	targets := sums.Targets[j.Unit]
	if len(coded) != len(targets) {
		return append(out, fmt.Sprintf("targets %s, want %d", strings.Join(coded, ","), len(targets)))
	}
	for _, w := range targets {
		i, ok := byCode[w.Code]
		if !ok {
			out = append(out, "no target "+w.Code)
			continue
		}
		g := j.Targets[i]
		if g.Kind != string(w.Kind) || g.Metric != w.Metric || g.Target != w.Target || g.Achieved != float64(w.Achieved) ||
			math.Abs(g.Percent-w.Percent()) > 0.05 {
			out = append(out, fmt.Sprintf("target %s: %+v, want %+v (%.1f%%)", w.Code, g, w, w.Percent()))
		}
	}
	return out
}
