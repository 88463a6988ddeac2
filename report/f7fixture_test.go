package report

import (
	"testing"
	"time"

	"youthbot"
	"youthbot/storage"
)

// f7Record is something fixtureF7 stores for a unit on a day of 2024 and
// the figures of the JSON report (dotted keys) it adds to its unit and to
// every unit above: the tests add them up themselves.
type f7Record struct {
	unit  string
	month time.Month
	day   int
	adds  map[string]float64
	store func(tx *storage.Tx, r f7Record) error
}

// f7Records are fixtureF7's: unit activities with head counts and
// beneficiaries, a project done with head counts and a recognition level,
// breakthrough tasks and models, at every level of the tree.
var f7Records = []f7Record{
	{unit: "VT-P5", month: 3, day: 12, adds: map[string]float64{"activities_held": 1, "participations": 50,
		"participations_by.members": 10, "participations_by.youth": 20, "participations_by.students": 5, "participations_by.residents": 15,
		"person_days": 12.5, "value_vnd": 5_000_000, "support_vnd": 2_000_000,
		"beneficiaries.children.people": 30, "beneficiaries.children.value_vnd": 3_000_000,
		"beneficiaries.households.people": 4, "beneficiaries.households.value_vnd": 8_000_000},
		store: unitActivity(youthbot.HeadCounts{Members: 10, Youth: 20, Students: 5, Residents: 15}, 125, 5_000_000, 2_000_000,
			youthbot.Benefit{Group: youthbot.BenefitChildren, People: 30, ValueVND: 3_000_000},
			youthbot.Benefit{Group: youthbot.BenefitHouseholds, People: 4, ValueVND: 8_000_000})},
	{unit: cntt, month: 3, day: 20, adds: map[string]float64{"activities_held": 1, "participations": 10,
		"participations_by.youth": 7, "participations_by.residents": 3,
		"beneficiaries.elderly.people": 2, "beneficiaries.elderly.value_vnd": 1_000_000},
		store: unitActivity(youthbot.HeadCounts{Youth: 7, Residents: 3}, 0, 0, 0,
			youthbot.Benefit{Group: youthbot.BenefitElderly, People: 2, ValueVND: 1_000_000})},
	{unit: "HG", month: 7, day: 1, adds: map[string]float64{"activities_held": 1, "participations": 100,
		"participations_by.residents": 100, "support_vnd": 10_000_000,
		"beneficiaries.children.people": 50, "beneficiaries.children.value_vnd": 10_000_000, "beneficiaries.others.value_vnd": 500_000},
		store: unitActivity(youthbot.HeadCounts{Residents: 100}, 0, 0, 10_000_000,
			youthbot.Benefit{Group: youthbot.BenefitChildren, People: 50, ValueVND: 10_000_000},
			youthbot.Benefit{Group: youthbot.BenefitOthers, ValueVND: 500_000})}, // support given, nobody counted
	{unit: "VT-CDCD-KT", month: 3, day: 28, adds: map[string]float64{"tasks_completed": 1, "tasks_by_level.district": 1,
		"participations": 12, "participations_by.students": 12, "value_vnd": 1_000_000},
		store: func(tx *storage.Tx, r f7Record) error {
			p := youthbot.Project{Kind: youthbot.ProjectTask, Title: "Góc học tập", Unit: r.unit, Level: youthbot.KindDistrict,
				Start: youthbot.Date{Year: 2024, Month: r.month, Day: 1}, End: youthbot.Date{Year: 2024, Month: r.month, Day: r.day}}
			p.Heads = youthbot.HeadCounts{Students: 12}
			if err := tx.NewProject(&p); err != nil {
				return err
			}
			p.Status, p.DoneAt, p.DoneDate, p.ValueVND = youthbot.ProjectDone, at(r.month, r.day), youthbot.Date{Year: 2024, Month: r.month, Day: r.day}, 1_000_000
			return tx.PutProject(&p)
		}},
	{unit: "HG", month: 2, day: 1, adds: map[string]float64{"breakthroughs_registered": 1, "breakthroughs_completed": 1},
		store: breakthrough("Chuyển đổi số trong công tác Đoàn", true)},
	{unit: "VT", month: 2, day: 1, adds: map[string]float64{"breakthroughs_registered": 1},
		store: breakthrough("Xây dựng 10 cây cầu nông thôn", false)},
	{unit: "VT-P5", month: 4, day: 1, adds: map[string]float64{"models.doan": 1}, store: model("Tuyến đường hoa thanh niên", youthbot.ModelDoan)},
	{unit: "PH-TB", month: 5, day: 1, adds: map[string]float64{"models.doi": 1}, store: model("Đội nghi thức măng non", youthbot.ModelDoi)},
}

func unitActivity(heads youthbot.HeadCounts, personDayTenths, value, support int64, benefits ...youthbot.Benefit) func(tx *storage.Tx, r f7Record) error {
	return func(tx *storage.Tx, r f7Record) error {
		a := youthbot.UnitActivity{Unit: r.unit, Date: youthbot.Date{Year: 2024, Month: r.month, Day: r.day}, Title: "Ngày Chủ nhật xanh",
			ValueVND: value, CreatedAt: at(r.month, r.day)}
		a.Heads, a.PersonDayTenths, a.SupportVND = heads, personDayTenths, support
		for _, b := range benefits {
			a.SetBenefit(b)
		}
		return tx.AddUnitActivity(&a)
	}
}

func breakthrough(text string, completed bool) func(tx *storage.Tx, r f7Record) error {
	return func(tx *storage.Tx, r f7Record) error {
		return tx.AddBreakthrough(&youthbot.Breakthrough{Year: 2024, Unit: r.unit, Text: text, Completed: completed, CreatedAt: at(r.month, r.day)})
	}
}

func model(name string, field youthbot.ModelField) func(tx *storage.Tx, r f7Record) error {
	return func(tx *storage.Tx, r f7Record) error {
		return tx.AddModel(&youthbot.Model{Year: 2024, Unit: r.unit, Name: name, Field: field, CreatedAt: at(r.month, r.day)})
	}
}

// fixtureF7 adds f7Records and two targets of HG for 2024 to the fixture:
// a per_unit one (every branch holds at least one activity: 1 of 6) and a
// manual one (5 new members planned, 6 stated).
func fixtureF7(t testing.TB, db *storage.DB) {
	t.Helper()
	update(t, db, func(tx *storage.Tx) error {
		for _, r := range f7Records {
			if err := r.store(tx, r); err != nil {
				return err
			}
		}
		if err := tx.SetTarget(youthbot.Target{Unit: "HG", Year: 2024, Code: "CT10", Kind: youthbot.TargetPerUnit, Metric: youthbot.MetricActivities,
			UnitKind: youthbot.KindBranch, Value: 1, Text: "Mỗi chi đoàn tổ chức ít nhất 01 hoạt động"}); err != nil {
			return err
		}
		return tx.SetTarget(youthbot.Target{Unit: "HG", Year: 2024, Code: "CT11", Kind: youthbot.TargetManual, Value: 5, Achieved: 6,
			Text: "Kết nạp 5 đoàn viên mới"})
	})
}

// ownF7 is what f7Records add to unit itself in period p, by JSON key.
func ownF7(unit string, p youthbot.Period) map[string]float64 {
	out := map[string]float64{}
	for _, r := range f7Records {
		if r.unit != unit || !p.Contains(youthbot.Date{Year: 2024, Month: r.month, Day: r.day}) &&
			!(r.adds["breakthroughs_registered"]+r.adds["models.doan"]+r.adds["models.doi"] > 0 && p.Year == 2024) {
			continue
		}
		for k, v := range r.adds {
			out[k] += v
		}
	}
	return out
}
