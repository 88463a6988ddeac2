package seed

import (
	"fmt"
	"time"

	"youthbot"
	"youthbot/storage"
)

// The figures of F7 (a province's year-end report): activities of units
// with head counts, contributions of completed projects, targets of the
// three kinds, breakthrough tasks and models.

// unitActivities is how many unit activities (hd) a generation writes:
// one per hundred member activities, at least one per unit.
func (g *gen) unitActivities() int { return max(len(g.units), g.o.Activities/100) }

// contribution draws what an activity or a completed project adds besides
// members' own participations: head counts of members, youth, students
// and residents, person-days, support spent, and for one in three
// children (or another group) supported.
func (g *gen) contribution() youthbot.Contribution {
	c := youthbot.Contribution{Heads: youthbot.HeadCounts{
		Members: int64(5 + g.r.IntN(36)), Youth: int64(g.r.IntN(61)), Students: int64(g.r.IntN(51)), Residents: int64(g.r.IntN(81)),
	}}
	if g.r.IntN(2) == 0 {
		c.PersonDayTenths = int64(10 * (1 + g.r.IntN(40)))
	}
	if g.r.IntN(3) == 0 {
		c.SupportVND = int64(1+g.r.IntN(50)) * 500_000
	}
	if g.r.IntN(3) == 0 {
		group := youthbot.BenefitChildren
		if g.r.IntN(4) == 0 {
			group = youthbot.BenefitGroups[g.r.IntN(len(youthbot.BenefitGroups))]
		}
		b := youthbot.Benefit{Group: group, People: int64(5 + g.r.IntN(95))}
		b.ValueVND = b.People * int64(100+g.r.IntN(400)) * 1000
		c.SetBenefit(b)
		if group == youthbot.BenefitChildren {
			g.children += b.People
		}
	}
	return c
}

// writeUnitActivities writes the unit activities, dated over the 12 months
// ending today, of units drawn at random (branches most often, being most).
func (g *gen) writeUnitActivities(tx *storage.Tx) error {
	for i := range g.unitActivities() {
		u := g.units[g.r.IntN(len(g.units))]
		day := g.today.AddDays(-g.r.IntN(365))
		created := day.Time(g.o.Loc).Add(20 * time.Hour)
		if created.After(g.o.Now) {
			created = g.o.Now
		}
		a := youthbot.UnitActivity{Unit: u.Code, Date: day, Title: nth(activityNames, i), Contribution: g.contribution(), CreatedAt: created}
		if g.r.IntN(4) == 0 {
			a.ValueVND = int64(1+g.r.IntN(100)) * 1_000_000
		}
		if err := tx.AddUnitActivity(&a); err != nil {
			return fmt.Errorf("seed: unit activity: %w", err)
		}
	}
	return nil
}

// writePlan writes the province's coded targets of this year, one of each
// kind at least (on the new metrics), its breakthrough tasks (two of three
// completed) and a model of each field in each district.
func (g *gen) writePlan(tx *storage.Tx) error {
	year := g.today.Year
	acts := int64(g.unitActivities())
	targets := []youthbot.Target{
		{Code: "CT01", Kind: youthbot.TargetMetric, Metric: youthbot.MetricActivities, Value: roundTo(acts*9/10, 10),
			Text: fmt.Sprintf("Tổ chức %d hoạt động tình nguyện", roundTo(acts*9/10, 10))},
		{Code: "CT02", Kind: youthbot.TargetMetric, Metric: youthbot.BeneficiariesOf(youthbot.BenefitChildren), Value: roundTo(g.children*8/10, 10),
			Text: fmt.Sprintf("Hỗ trợ %d thiếu nhi có hoàn cảnh khó khăn", roundTo(g.children*8/10, 10))},
		{Code: "CT03", Kind: youthbot.TargetPerUnit, Metric: youthbot.MetricTasks, UnitKind: youthbot.KindGrassroots, Value: 1,
			Text: "Mỗi Đoàn cơ sở thực hiện ít nhất 01 phần việc thanh niên"},
		{Code: "CT04", Kind: youthbot.TargetManual, Value: roundTo(int64(g.o.Members)/7, 10), Achieved: roundTo(int64(g.o.Members)/6, 10),
			Text: fmt.Sprintf("Kết nạp mới %d đoàn viên", roundTo(int64(g.o.Members)/7, 10))},
	}
	for _, t := range targets {
		t.Unit, t.Year = RootCode, year
		if err := tx.SetTarget(t); err != nil {
			return fmt.Errorf("seed: target %s: %w", t.Code, err)
		}
	}
	for i, text := range []string{"Chuyển đổi số trong hoạt động Đoàn", "Thanh niên khởi nghiệp", "Xây dựng nông thôn mới"} {
		b := youthbot.Breakthrough{Year: year, Unit: RootCode, Text: text, CreatedAt: g.o.Now}
		if i < 2 {
			b.Completed, b.CompletedAt = true, g.o.Now
		}
		if err := tx.AddBreakthrough(&b); err != nil {
			return fmt.Errorf("seed: breakthrough: %w", err)
		}
	}
	for i, d := range tx.ChildCodes(RootCode) {
		for j, field := range []youthbot.ModelField{youthbot.ModelDoan, youthbot.ModelDoi} {
			m := youthbot.Model{Year: year, Unit: d, Name: nth(modelNames, 2*i+j), Field: field, CreatedAt: g.o.Now}
			if err := tx.AddModel(&m); err != nil {
				return fmt.Errorf("seed: model: %w", err)
			}
		}
	}
	return nil
}

var modelNames = []string{"Tủ sách thanh niên", "Sân chơi thiếu nhi", "Dân vận khéo", "Tuyến đường tự quản", "Câu lạc bộ kỹ năng"}
