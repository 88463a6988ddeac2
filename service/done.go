package service

import "youthbot"

// DoneStore is what Done reads and writes: the project and its seats, and
// the participations it credits.
type DoneStore interface {
	SeatStore
	PutProject(p *youthbot.Project) error
	AddActivity(a *youthbot.Activity) error
}

// Completion is what Done did: the project as completed, how many members
// it credited, and whether by attendance (some were present) or, nobody
// having been, every joined member.
type Completion struct {
	Project      youthbot.Project
	Credited     int
	ByAttendance bool
}

// Done completes project p (the caller loaded it and checked the actor's
// rights over it) with the value produced, valueText in ParseVND's forms
// (empty: none). Every joined member who may still hold the seat
// (EligibleSeats) and was present — or, when nobody was, every joined
// member — gets one confirmed participation dated today, credited to the
// branch they belong to today, and a notice. Errors: ECONFLICT
// "err.project_already_done", ParseVND's, EINVALID "err.project_not_started".
func Done(st DoneStore, actor Actor, p youthbot.Project, valueText string, at When) (Completion, []Notice, error) {
	value, err := checkDone(p, valueText, at)
	if err != nil {
		return Completion{}, nil, err
	}
	seats, err := EligibleSeats(st, p)
	if err != nil {
		return Completion{}, nil, err
	}
	p.Status, p.DoneAt, p.DoneDate, p.ValueVND = youthbot.ProjectDone, at.Now, at.Today, value
	if err := st.PutProject(&p); err != nil {
		return Completion{}, nil, err
	}
	credited, byAttendance := youthbot.Credited(seats)
	var notices []Notice
	for _, s := range credited {
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
	return Completion{Project: p, Credited: len(credited), ByAttendance: byAttendance}, notices, nil
}

// checkDone returns the value valueText gives, or why p cannot be
// completed now (Done's errors).
func checkDone(p youthbot.Project, valueText string, at When) (int64, error) {
	if !p.Open() {
		return 0, youthbot.Errorf(youthbot.ECONFLICT, "err.project_already_done", p.Code, p.DoneDate.String())
	}
	var value int64
	if valueText != "" {
		var err error
		if value, err = youthbot.ParseVND(valueText); err != nil {
			return 0, err
		}
	}
	if at.Today.Before(p.Start) {
		return 0, youthbot.Errorf(youthbot.EINVALID, "err.project_not_started", p.Code, p.Start.String())
	}
	return value, nil
}

// DonePreview is what Done would record now: the members it would credit,
// whether by attendance, and the value.
type DonePreview struct {
	Credited     []youthbot.Participant
	ByAttendance bool
	ValueVND     int64
}

// PreviewDone says what Done(st, actor, p, valueText, at) would record,
// writing nothing; it refuses what Done refuses.
func PreviewDone(st SeatStore, p youthbot.Project, valueText string, at When) (DonePreview, error) {
	value, err := checkDone(p, valueText, at)
	if err != nil {
		return DonePreview{}, err
	}
	seats, err := EligibleSeats(st, p)
	if err != nil {
		return DonePreview{}, err
	}
	credited, byAttendance := youthbot.Credited(seats)
	return DonePreview{Credited: credited, ByAttendance: byAttendance, ValueVND: value}, nil
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
