package importer

import (
	"youthbot"
	"youthbot/storage"
	"youthbot/vn"
	"youthbot/workbook"
)

// planMembers plans the DoanVien rows: imported members of a branch, keyed
// by branch, name (folded) and date of birth. A row without ngay_vao_doan
// keeps a stored member's joining day (else the import's date), so that
// importing the workbook again another day changes nothing.
func (p *planner) planMembers() error {
	for _, r := range p.book.Members {
		if !p.memberBranch(r) {
			continue
		}
		m := youthbot.Member{Unit: r.Branch, FullName: vn.NormalizeName(r.FullName), Birth: r.Birth,
			Phone: r.Phone, Gender: youthbot.Gender(r.Gender)}
		if r.JoinedSet {
			m.Joined = r.Joined
		} else {
			old, found, err := p.tx.ImportedByName(r.Branch, r.FullName, r.Birth)
			if err != nil {
				return err
			}
			if found {
				m.Joined = old.Joined
			}
		}
		p.write("DoanVien", r.Row, "", func(tx *storage.Tx) error {
			ch, err := tx.UpsertImportedMember(&m, p.now, p.loc)
			p.add("DoanVien", ch)
			return err
		})
	}
	return nil
}

// memberBranch resolves a DoanVien row's branch: a unit that is a branch.
func (p *planner) memberBranch(r workbook.MemberRow) bool {
	u, ok := p.unit("DoanVien", r.Row, "ma_chi_doan", r.Branch)
	if ok && u.Kind != youthbot.KindBranch {
		p.ps.at("DoanVien", r.Row, "ma_chi_doan", "wb.not_branch", r.Branch)
		return false
	}
	return ok
}
