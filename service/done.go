package service

import "youthbot"

// DoneStore is what Done reads and writes: the project and its seats, the
// units above it (its possible recognition levels), and the participations
// it credits.
type DoneStore interface {
	SeatStore
	Unit(code string) (youthbot.Unit, error)
	Ancestors(code string) ([]string, error)
	PutProject(p *youthbot.Project) error
	AddActivity(a *youthbot.Activity) error
}

// DoneFigures are what the secretary reports when completing a project,
// besides the members it credits individually: the value produced, the
// contribution (head counts of the others who took part, person-days,
// support, beneficiaries) and the recognition level ("" or the project's
// own unit's kind: the default).
type DoneFigures struct {
	ValueVND int64
	youthbot.Contribution
	Level youthbot.UnitKind
}

// Completion is what Done did: the project as completed, how many members
// it credited, whether by attendance (some were present) or, nobody having
// been, every joined member, and the participations it adds in all
// (credited members + every head count).
type Completion struct {
	Project        youthbot.Project
	Credited       int
	ByAttendance   bool
	Participations int64
}

// Done completes project p (the caller loaded it and checked the actor's
// rights over it) with the figures fig. Every joined member who may still
// hold the seat (EligibleSeats) and was present — or, when nobody was,
// every joined member — gets one confirmed participation dated today,
// credited to the branch they belong to today, and a notice; the head
// counts of fig are the others who took part, so nobody is counted twice.
// Errors: ECONFLICT "err.project_already_done", EINVALID
// "err.project_not_started", and checkFigures' refusals.
func Done(st DoneStore, actor Actor, p youthbot.Project, fig DoneFigures, at When) (Completion, []Notice, error) {
	pre, err := PreviewDone(st, p, fig, at)
	if err != nil {
		return Completion{}, nil, err
	}
	p.Status, p.DoneAt, p.DoneDate = youthbot.ProjectDone, at.Now, at.Today
	p.ValueVND, p.Contribution, p.Level = pre.ValueVND, pre.Contribution, pre.Level
	if err := st.PutProject(&p); err != nil {
		return Completion{}, nil, err
	}
	var notices []Notice
	for _, s := range pre.Credited {
		m, err := st.Member(s.Member)
		if err != nil {
			return Completion{}, nil, err
		}
		a := youthbot.Activity{
			Member: m.UserID, Unit: m.Unit, Date: at.Today, Description: p.Title, Project: p.Code, Campaign: p.Campaign,
			Status: youthbot.ActivityConfirmed, Source: youthbot.SourceProject, CreatedAt: at.Now, DecidedAt: at.Now, DecidedBy: actor.ID,
		}
		if err := st.AddActivity(&a); err != nil {
			return Completion{}, nil, err
		}
		notices = append(notices, notice(m.UserID, "project_done", "project.done_credited", p.Code, p.Title, at.Today.String()))
	}
	return Completion{Project: p, Credited: len(pre.Credited), ByAttendance: pre.ByAttendance, Participations: pre.Participations}, notices, nil
}

// DonePreview is what Done would record now: the members it would credit,
// whether by attendance, the figures as they would be stored (Level ""
// for the project's own unit's kind, beneficiaries in group order), that
// kind (OwnLevel), and the participations in all.
type DonePreview struct {
	Credited     []youthbot.Participant
	ByAttendance bool
	DoneFigures
	OwnLevel       youthbot.UnitKind
	Participations int64
}

// PreviewDone says what Done(st, actor, p, fig, at) would record, writing
// nothing; it refuses what Done refuses.
func PreviewDone(st DoneStore, p youthbot.Project, fig DoneFigures, at When) (DonePreview, error) {
	if !p.Open() {
		return DonePreview{}, youthbot.Errorf(youthbot.ECONFLICT, "err.project_already_done", p.Code, p.DoneDate.String())
	}
	if at.Today.Before(p.Start) {
		return DonePreview{}, youthbot.Errorf(youthbot.EINVALID, "err.project_not_started", p.Code, p.Start.String())
	}
	levels, err := LevelChoices(st, p.Unit)
	if err != nil {
		return DonePreview{}, err
	}
	if err := checkFigures(&fig, levels); err != nil {
		return DonePreview{}, err
	}
	seats, err := EligibleSeats(st, p)
	if err != nil {
		return DonePreview{}, err
	}
	credited, byAttendance := youthbot.Credited(seats)
	return DonePreview{
		Credited: credited, ByAttendance: byAttendance, DoneFigures: fig, OwnLevel: levels[0],
		Participations: int64(len(credited)) + fig.Heads.Total(),
	}, nil
}

// checkFigures refuses figures out of range (the value from 0 to
// youthbot.MaxValueVND: "err.value_vnd"; the contribution:
// Contribution.Validate's keys) or a recognition level that is not among
// levels ("err.done_level"), and normalises them: beneficiaries in group
// order, without empty ones, and the own unit's kind (levels[0]) as "".
func checkFigures(fig *DoneFigures, levels []youthbot.UnitKind) error {
	if fig.ValueVND < 0 || fig.ValueVND > youthbot.MaxValueVND {
		return youthbot.Errorf(youthbot.EINVALID, "err.value_vnd")
	}
	if err := fig.Contribution.Validate(); err != nil {
		return err
	}
	benefits := fig.Beneficiaries
	fig.Beneficiaries = nil
	for _, b := range benefits {
		fig.SetBenefit(b)
	}
	switch {
	case fig.Level == "" || fig.Level == levels[0]:
		fig.Level = ""
	case !containsKind(levels, fig.Level):
		return youthbot.Errorf(youthbot.EINVALID, "err.done_level", string(fig.Level))
	}
	return nil
}

func containsKind(kinds []youthbot.UnitKind, k youthbot.UnitKind) bool {
	for _, x := range kinds {
		if x == k {
			return true
		}
	}
	return false
}

// LevelChoices are the recognition levels a project of unit may have: the
// kind of the unit itself (the default, first) and those of the units
// above it, each once, from the unit up.
func LevelChoices(st DoneStore, unit string) ([]youthbot.UnitKind, error) {
	path, err := st.Ancestors(unit)
	if err != nil {
		return nil, err
	}
	var kinds []youthbot.UnitKind
	for _, code := range path {
		u, err := st.Unit(code)
		if err != nil {
			return nil, err
		}
		if u.Kind.Valid() && !containsKind(kinds, u.Kind) {
			kinds = append(kinds, u.Kind)
		}
	}
	if len(kinds) == 0 {
		return nil, youthbot.Errorf(youthbot.ENOTFOUND, "err.unit_unknown", unit)
	}
	return kinds, nil
}

// EligibleSeats returns p's seats held by members who may hold them now
// (SeatEligible): not a member forgotten since (their place in the figures
// is gone with them), nor one who left for a branch the project is not for
// (a seat kept from before transfers gave such seats up).
func EligibleSeats(st SeatStore, p youthbot.Project) ([]youthbot.Participant, error) {
	seats, err := st.Seats(p.Code)
	if err != nil {
		return nil, err
	}
	kept := seats[:0]
	for _, s := range seats {
		m, err := st.Member(s.Member)
		if youthbot.ErrorCode(err) == youthbot.ENOTFOUND {
			continue
		}
		if err != nil {
			return nil, err
		}
		if ok, err := SeatEligible(st, m, p); err != nil {
			return nil, err
		} else if ok {
			kept = append(kept, s)
		}
	}
	return kept, nil
}
