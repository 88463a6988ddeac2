package importer

import (
	"youthbot"
	"youthbot/workbook"
)

// The checks of rows of other sheets against the tree after the import.

// memberBranch resolves a DoanVien row's branch: a unit that is a branch.
func (p *planner) memberBranch(r workbook.MemberRow) bool {
	u, ok := p.unit("DoanVien", r.Row, "ma_chi_doan", r.Branch)
	if ok && u.Kind != youthbot.KindBranch {
		p.ps.at("DoanVien", r.Row, "ma_chi_doan", "wb.not_branch", r.Branch)
		return false
	}
	return ok
}

// targetUnit resolves a ChiTieu row's unit; a per_unit target's kind must
// lie below the unit's.
func (p *planner) targetUnit(r workbook.TargetRow) bool {
	u, ok := p.unit("ChiTieu", r.Row, "ma_don_vi", r.Unit)
	if ok && r.Kind == workbook.TargetPerUnit && rank(r.UnitKind) <= rank(u.Kind) {
		p.ps.at("ChiTieu", r.Row, "cap_don_vi", "wb.cap_not_below", string(r.UnitKind), r.Unit)
		return false
	}
	return ok
}
