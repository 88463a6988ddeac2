package importer

// Until the domain types land (f7store): the checks of the rows against the
// tree only.

func (p *planner) planMembers() error {
	for _, r := range p.book.Members {
		p.memberBranch(r)
	}
	return nil
}

func (p *planner) planActivities() error {
	for _, r := range p.book.Activities {
		p.unit("HoatDong", r.Row, "ma_don_vi", r.Unit)
	}
	return nil
}

func (p *planner) planTargets() error {
	for _, r := range p.book.Targets {
		p.targetUnit(r)
	}
	return nil
}

func (p *planner) planBreakthroughs() error {
	for _, r := range p.book.Breakthroughs {
		p.unit("NhiemVuDotPha", r.Row, "ma_don_vi", r.Unit)
	}
	return nil
}

func (p *planner) planModels() error {
	for _, r := range p.book.Models {
		p.unit("MoHinh", r.Row, "ma_don_vi", r.Unit)
	}
	return nil
}
