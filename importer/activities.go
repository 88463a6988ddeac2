package importer

import (
	"youthbot"
	"youthbot/storage"
	"youthbot/workbook"
)

// planActivities plans the HoatDong rows, keyed by ma (unique among the
// activities and projects of the database), and their HuongLoi rows, keyed
// by ma and group: an hd row is a unit activity, a ct or pv row a project.
// A HuongLoi row sets its group's benefit on its activity, in the
// workbook or (InBook false) in the database; groups the workbook does not
// name keep what is stored.
func (p *planner) planActivities() error {
	benefits := make(map[string][]workbook.BeneficiaryRow)
	for _, b := range p.book.Beneficiaries {
		benefits[b.Activity] = append(benefits[b.Activity], b)
	}
	for _, r := range p.book.Activities {
		rows := benefits[r.Code]
		delete(benefits, r.Code) // the HuongLoi rows of a refused row are not reported again
		u, ok := p.unit("HoatDong", r.Row, "ma_don_vi", r.Unit)
		if !ok {
			continue
		}
		if r.Kind == workbook.KindActivity && !r.Done {
			p.ps.at("HoatDong", r.Row, "trang_thai", "imp.activity_open")
			continue
		}
		ref, found := p.tx.OfficeCode(r.Code)
		if found && (ref.Activity != 0) != (r.Kind == workbook.KindActivity) {
			was, now := "hd", "ct/pv"
			if ref.Activity == 0 {
				was, now = "ct/pv", "hd"
			}
			p.ps.at("HoatDong", r.Row, "loai", "imp.kind_changed", r.Code, was, now)
			continue
		}
		if r.Kind == workbook.KindActivity {
			p.planUnitActivity(r, ref, found, rows)
		} else {
			p.planProject(r, u, ref, found, rows)
		}
	}
	// HuongLoi rows of activities imported before.
	for _, b := range p.book.Beneficiaries {
		rows, ok := benefits[b.Activity]
		if !ok {
			continue
		}
		delete(benefits, b.Activity)
		ref, found := p.tx.OfficeCode(b.Activity)
		if !found {
			for _, r := range rows {
				p.ps.at("HuongLoi", r.Row, "ma_hoat_dong", "imp.no_activity", r.Activity)
			}
			continue
		}
		p.planStoredBenefits(ref, rows)
	}
	return nil
}

// planUnitActivity plans an hd row and its beneficiaries.
func (p *planner) planUnitActivity(r workbook.ActivityRow, ref youthbot.OfficeRef, found bool, rows []workbook.BeneficiaryRow) {
	var old youthbot.UnitActivity
	if found {
		var err error
		if old, err = p.tx.UnitActivity(ref.Activity); err != nil {
			p.ps.at("HoatDong", r.Row, "ma", "imp.invalid")
			return
		}
	}
	a := youthbot.UnitActivity{OfficeCode: r.Code, Unit: r.Unit, Date: r.Date, Title: r.Title, ValueVND: r.ValueVND,
		Contribution: contribution(r, old.Beneficiaries)}
	p.write("HoatDong", r.Row, "", func(tx *storage.Tx) error {
		if r.Campaign != "" {
			id, err := p.campaignID(tx, r.Campaign, r.Unit, r.Date, r.Date.Year)
			if err != nil {
				return err
			}
			a.Campaign = id
		}
		ch, err := tx.UpsertUnitActivity(&a, p.now)
		p.add("HoatDong", ch)
		if err != nil {
			return err
		}
		if !p.setBenefits(&a.Contribution, rows, ch == storage.Created) {
			return nil
		}
		a.UpdatedAt = p.now
		return tx.PutUnitActivity(&a)
	})
}

// planProject plans a ct or pv row and its beneficiaries.
func (p *planner) planProject(r workbook.ActivityRow, u youthbot.Unit, ref youthbot.OfficeRef, found bool, rows []workbook.BeneficiaryRow) {
	var old youthbot.Project
	if found {
		var err error
		if old, err = p.tx.Project(ref.Project); err != nil {
			p.ps.at("HoatDong", r.Row, "ma", "imp.invalid")
			return
		}
	}
	pr := youthbot.Project{OfficeCode: r.Code, Kind: youthbot.ProjectWork, Title: r.Title, Unit: r.Unit,
		Start: r.Start, End: r.Date, Status: youthbot.ProjectOpen, ValueVND: r.ValueVND, Level: r.Level,
		Contribution: contribution(r, old.Beneficiaries)}
	if r.Kind == workbook.KindTask {
		pr.Kind = youthbot.ProjectTask
	}
	if pr.Start.IsZero() {
		pr.Start = r.Date
	}
	if pr.Level == "" {
		pr.Level = u.Kind // the unit's own kind, as of this import
	}
	if r.Done {
		pr.Status, pr.DoneDate = youthbot.ProjectDone, r.Date
	}
	year := r.Date.Year
	if r.Date.IsZero() {
		year = p.today.Year
		if !r.Start.IsZero() {
			year = r.Start.Year
		}
	}
	p.write("HoatDong", r.Row, "", func(tx *storage.Tx) error {
		if r.Campaign != "" {
			id, err := p.campaignID(tx, r.Campaign, r.Unit, r.Date, year)
			if err != nil {
				return err
			}
			pr.Campaign = id
		}
		ch, err := tx.UpsertProject(&pr, p.now)
		p.add("HoatDong", ch)
		if err != nil {
			return err
		}
		if !p.setBenefits(&pr.Contribution, rows, ch == storage.Created) {
			return nil
		}
		return tx.PutProject(&pr)
	})
}

// planStoredBenefits plans HuongLoi rows of an activity or project of the
// database that the workbook does not list.
func (p *planner) planStoredBenefits(ref youthbot.OfficeRef, rows []workbook.BeneficiaryRow) {
	p.write("HuongLoi", rows[0].Row, "", func(tx *storage.Tx) error {
		if ref.Activity != 0 {
			a, err := tx.UnitActivity(ref.Activity)
			if err != nil || !p.setBenefits(&a.Contribution, rows, false) {
				return err
			}
			a.UpdatedAt, a.UpdatedBy = p.now, 0
			return tx.PutUnitActivity(&a)
		}
		pr, err := tx.Project(ref.Project)
		if err != nil || !p.setBenefits(&pr.Contribution, rows, false) {
			return err
		}
		return tx.PutProject(&pr)
	})
}

// contribution is a HoatDong row's contribution, with the beneficiaries
// stored (HuongLoi rows set theirs after).
func contribution(r workbook.ActivityRow, stored []youthbot.Benefit) youthbot.Contribution {
	return youthbot.Contribution{
		Heads:           youthbot.HeadCounts{Members: r.Heads.Members, Youth: r.Heads.Youth, Students: r.Heads.Students, Residents: r.Heads.Residents},
		PersonDayTenths: r.PersonDayTenths, SupportVND: r.SupportVND, Beneficiaries: stored,
	}
}

// setBenefits sets the HuongLoi rows' benefits on c, counting each row
// (created when its record was, or its group had nothing), and reports
// whether any changed.
func (p *planner) setBenefits(c *youthbot.Contribution, rows []workbook.BeneficiaryRow, created bool) bool {
	changed := false
	for _, r := range rows {
		b := youthbot.Benefit{Group: youthbot.BenefitGroup(r.Group), People: r.People, ValueVND: r.ValueVND}
		old := c.Benefit(b.Group)
		ch := storage.Updated
		switch {
		case created:
			ch = storage.Created
		case old == b:
			ch = storage.Unchanged
		case old.People == 0 && old.ValueVND == 0:
			ch = storage.Created
		}
		p.add("HuongLoi", ch)
		if old != b {
			c.SetBenefit(b)
			changed = true
		}
	}
	return changed
}
