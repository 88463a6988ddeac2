package service

import (
	"time"

	"youthbot"
)

// SeatStore is what the seat decisions read and write: projects, their
// seats and waiting lists, and who may hold a place.
type SeatStore interface {
	Member(id int64) (youthbot.Member, error)
	Project(code string) (youthbot.Project, error)
	Seats(project string) ([]youthbot.Participant, error)
	Seat(project string, member int64) (youthbot.Participant, bool, error)
	SeatProjects(member int64) []string
	PutSeat(project string, p youthbot.Participant) error
	DeleteSeat(project string, member int64) error
	InSubtree(unit, top string) (bool, error)
}

// SeatEligible reports whether m may hold a place in p: an approved member
// of a branch the project is for (its unit or below). Joining checks the
// same; PromoteWaiting, a transfer and /done apply it to places taken
// before.
func SeatEligible(st SeatStore, m youthbot.Member, p youthbot.Project) (bool, error) {
	if m.Status != youthbot.StatusApproved {
		return false, nil
	}
	return st.InSubtree(m.Unit, p.Unit)
}

// PromoteWaiting gives p's free seats to its waiting list in order while p
// still takes members (today), and returns a notice for each promoted
// member. Someone no longer able to join (no longer an approved member, or
// moved to a branch the project is not for) loses their place in the line.
func PromoteWaiting(st SeatStore, p youthbot.Project, today youthbot.Date) ([]Notice, error) {
	seats, err := st.Seats(p.Code)
	if err != nil {
		return nil, err
	}
	if p.CanJoin(today) != nil {
		return nil, nil
	}
	var notices []Notice
	free := p.SeatsLeft(seats)
	for _, s := range seats {
		if free == 0 {
			break
		}
		if s.State != youthbot.SeatWaiting {
			continue
		}
		m, err := st.Member(s.Member)
		if err != nil && youthbot.ErrorCode(err) != youthbot.ENOTFOUND {
			return nil, err
		}
		eligible := false
		if err == nil {
			if eligible, err = SeatEligible(st, m, p); err != nil {
				return nil, err
			}
		}
		if !eligible {
			if err := st.DeleteSeat(p.Code, s.Member); err != nil {
				return nil, err
			}
			continue
		}
		s.State = youthbot.SeatJoined
		if err := st.PutSeat(p.Code, s); err != nil {
			return nil, err
		}
		free--
		notices = append(notices, notice(s.Member, "project_seat", "project.join_promoted", p.Code, p.Title, p.Start.String()))
	}
	return notices, nil
}

// DropSeatsWhere takes member out of the projects drop picks among those
// they hold a place in, and returns their codes; a seat freed in an open
// project goes to the first in line (PromoteWaiting, whose notices it
// returns).
func DropSeatsWhere(st SeatStore, member int64, today youthbot.Date, drop func(youthbot.Project) (bool, error)) ([]string, []Notice, error) {
	var dropped []string
	var notices []Notice
	for _, code := range st.SeatProjects(member) {
		p, err := st.Project(code)
		if err != nil {
			return nil, nil, err
		}
		if ok, err := drop(p); err != nil || !ok {
			if err != nil {
				return nil, nil, err
			}
			continue
		}
		seat, _, err := st.Seat(code, member)
		if err != nil {
			return nil, nil, err
		}
		if err := st.DeleteSeat(code, member); err != nil {
			return nil, nil, err
		}
		dropped = append(dropped, code)
		if seat.State == youthbot.SeatJoined && p.Open() {
			more, err := PromoteWaiting(st, p, today)
			if err != nil {
				return nil, nil, err
			}
			notices = append(notices, more...)
		}
	}
	return dropped, notices, nil
}

// DropSeatsOutside takes m out of the open projects and waiting lists m
// may no longer hold a place in (SeatEligible: after a transfer, those of
// the old branch the new one does not see), as if m had left each: a freed
// seat goes to the first in line. A completed project keeps its seats, the
// record of who took part. It returns the codes of the projects left.
func DropSeatsOutside(st SeatStore, m youthbot.Member, today youthbot.Date) ([]string, []Notice, error) {
	return DropSeatsWhere(st, m.UserID, today, func(p youthbot.Project) (bool, error) {
		if !p.Open() {
			return false, nil
		}
		ok, err := SeatEligible(st, m, p)
		return !ok, err
	})
}

// SeatOf finds member's place among seats (held or waiting).
func SeatOf(seats []youthbot.Participant, member int64) (youthbot.Participant, bool) {
	for _, s := range seats {
		if s.Member == member {
			return s, true
		}
	}
	return youthbot.Participant{}, false
}

// WaitingPosition is member's place in the waiting list among seats, from
// 1; 0 when member does not wait.
func WaitingPosition(seats []youthbot.Participant, member int64) int {
	n := 0
	for _, s := range seats {
		if s.State != youthbot.SeatWaiting {
			continue
		}
		n++
		if s.Member == member {
			return n
		}
	}
	return 0
}

// Joining is what Join did: the member's place in Project, whether they
// held it before (Already: nothing changed), and their place in the
// waiting list (Position, from 1) when Seat is a waiting one.
type Joining struct {
	Project  youthbot.Project
	Seat     youthbot.Participant
	Already  bool
	Position int
}

// Join puts m, an approved member (the caller checked), in project code: a
// seat if one is free, else the end of the waiting list. Joining twice
// changes nothing. Errors: ENOTFOUND (no such project, or one m's branch
// does not see: "err.project_not_yours"), and Project.CanJoin's.
func Join(st SeatStore, m youthbot.Member, code string, at When) (Joining, error) {
	p, err := st.Project(code)
	if err != nil {
		return Joining{}, err
	}
	if ok, err := st.InSubtree(m.Unit, p.Unit); err != nil || !ok {
		return Joining{}, youthbot.Errorf(youthbot.ENOTFOUND, "err.project_not_yours", code)
	}
	if err := p.CanJoin(at.Today); err != nil {
		return Joining{}, err
	}
	seats, err := st.Seats(code)
	if err != nil {
		return Joining{}, err
	}
	if seat, found := SeatOf(seats, m.UserID); found {
		return Joining{Project: p, Seat: seat, Already: true, Position: WaitingPosition(seats, m.UserID)}, nil
	}
	// The line is ordered by JoinedAt: members joining in the same batch
	// (the same now) keep the order they came in.
	joined := at.Now
	for _, s := range seats {
		if !s.JoinedAt.Before(joined) {
			joined = s.JoinedAt.Add(time.Nanosecond)
		}
	}
	seat := youthbot.Participant{Member: m.UserID, State: youthbot.SeatJoined, JoinedAt: joined}
	if p.SeatsLeft(seats) == 0 {
		seat.State = youthbot.SeatWaiting
	}
	if err := st.PutSeat(code, seat); err != nil {
		return Joining{}, err
	}
	return Joining{Project: p, Seat: seat, Position: WaitingPosition(append(seats, seat), m.UserID)}, nil
}

// Leave takes actor out of project code (before it starts) or its waiting
// list; a freed seat goes to the first in line (PromoteWaiting, whose
// notices it returns). It returns the project and the place the actor
// held. Errors: ENOTFOUND, EINVALID "err.project_not_in" (no place held),
// and Project.CanLeave's.
func Leave(st SeatStore, actor Actor, code string, at When) (youthbot.Project, youthbot.Participant, []Notice, error) {
	p, err := st.Project(code)
	if err != nil {
		return p, youthbot.Participant{}, nil, err
	}
	seat, found, err := st.Seat(code, actor.ID)
	if err != nil {
		return p, seat, nil, err
	}
	if !found {
		return p, seat, nil, youthbot.Errorf(youthbot.EINVALID, "err.project_not_in", code)
	}
	if err := p.CanLeave(at.Today, seat.State); err != nil {
		return p, seat, nil, err
	}
	if err := st.DeleteSeat(code, actor.ID); err != nil {
		return p, seat, nil, err
	}
	if seat.State == youthbot.SeatWaiting {
		return p, seat, nil, nil
	}
	notices, err := PromoteWaiting(st, p, at.Today)
	return p, seat, notices, err
}
