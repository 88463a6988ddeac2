package importer

import (
	"youthbot"
	"youthbot/storage"
	"youthbot/workbook"
)

// planTargets plans the ChiTieu rows: a unit's targets of a year, keyed by
// year, unit and code. A manual target without dat keeps the achieved value
// stored (entered with /achieved since the last import).
func (p *planner) planTargets() error {
	for _, r := range p.book.Targets {
		if !p.targetUnit(r) {
			continue
		}
		tg := youthbot.Target{Unit: r.Unit, Year: r.Year, Code: r.Code, Text: r.Text, Kind: youthbot.TargetKind(r.Kind),
			Metric: youthbot.Metric(r.Metric), UnitKind: r.UnitKind, Value: r.Value, Achieved: r.Achieved}
		if r.Kind == workbook.TargetManual && !r.AchievedSet {
			old, found, err := p.tx.Target(r.Unit, r.Year, r.Code)
			if err != nil {
				return err
			}
			if found {
				tg.Achieved = old.Achieved
			}
		}
		if err := tg.ValidateFields(); err != nil {
			p.refuse("ChiTieu", r.Row, "gia_tri", err)
			continue
		}
		p.write("ChiTieu", r.Row, "", func(tx *storage.Tx) error {
			ch, err := tx.UpsertTarget(tg)
			p.add("ChiTieu", ch)
			return err
		})
	}
	return nil
}

// targetUnit resolves a ChiTieu row's unit; a per_unit target's kind must
// lie below the unit's.
func (p *planner) targetUnit(r workbook.TargetRow) bool {
	u, ok := p.unit("ChiTieu", r.Row, "ma_don_vi", r.Unit)
	if ok && r.Kind == workbook.TargetPerUnit && r.UnitKind.Rank() <= u.Kind.Rank() {
		p.ps.at("ChiTieu", r.Row, "cap_don_vi", "wb.cap_not_below", string(r.UnitKind), r.Unit)
		return false
	}
	return ok
}

// planBreakthroughs plans the NhiemVuDotPha rows, keyed by year, unit and
// text: only whether a task is completed changes.
func (p *planner) planBreakthroughs() error {
	for _, r := range p.book.Breakthroughs {
		if _, ok := p.unit("NhiemVuDotPha", r.Row, "ma_don_vi", r.Unit); !ok {
			continue
		}
		b := youthbot.Breakthrough{Year: r.Year, Unit: r.Unit, Text: r.Text, Completed: r.Done}
		p.write("NhiemVuDotPha", r.Row, "", func(tx *storage.Tx) error {
			ch, err := tx.UpsertBreakthrough(&b, p.now)
			p.add("NhiemVuDotPha", ch)
			return err
		})
	}
	return nil
}

// planModels plans the MoHinh rows, keyed by year, unit and name: only the
// field changes.
func (p *planner) planModels() error {
	for _, r := range p.book.Models {
		if _, ok := p.unit("MoHinh", r.Row, "ma_don_vi", r.Unit); !ok {
			continue
		}
		m := youthbot.Model{Year: r.Year, Unit: r.Unit, Name: r.Name, Field: youthbot.ModelField(r.Field)}
		p.write("MoHinh", r.Row, "", func(tx *storage.Tx) error {
			ch, err := tx.UpsertModel(&m, p.now)
			p.add("MoHinh", ch)
			return err
		})
	}
	return nil
}
