package storage

import (
	"encoding/binary"
	"fmt"

	"youthbot"
)

// NewProject stores a new project with the next code (P1, P2, ...).
func (t *Tx) NewProject(p *youthbot.Project) error {
	n, err := t.bucket(bProjects).NextSequence()
	if err != nil {
		return fmt.Errorf("project sequence: %w", err)
	}
	p.Code = youthbot.ProjectCode(n)
	if p.Status == "" {
		p.Status = youthbot.ProjectOpen
	}
	return t.PutProject(p)
}

// Project returns the project with code, or ENOTFOUND.
func (t *Tx) Project(code string) (youthbot.Project, error) {
	var p youthbot.Project
	ok, err := t.getJSON(bProjects, []byte(code), &p)
	if err != nil {
		return p, err
	}
	if !ok {
		return p, youthbot.Errorf(youthbot.ENOTFOUND, "err.project_unknown", code)
	}
	return p, nil
}

// PutProject writes a project and its indexes: its unit's list, its
// check-in code and, once done, the (unit, month of completion) entry
// figures count works, tasks and value from.
func (t *Tx) PutProject(p *youthbot.Project) error {
	if err := t.putJSON(bProjects, []byte(p.Code), p); err != nil {
		return err
	}
	if err := t.bucket(bUnitProjects).Put(join([]byte(p.Unit), []byte(p.Code)), nil); err != nil {
		return fmt.Errorf("index project: %w", err)
	}
	if p.CheckinCode != "" {
		if err := t.bucket(bCheckins).Put([]byte(p.CheckinCode), []byte(p.Code)); err != nil {
			return fmt.Errorf("index check-in: %w", err)
		}
	}
	if p.Status == youthbot.ProjectDone {
		v := make([]byte, 9)
		v[0] = 't'
		if p.Kind == youthbot.ProjectWork {
			v[0] = 'w'
		}
		binary.BigEndian.PutUint64(v[1:], uint64(p.ValueVND))
		if err := t.bucket(bProjectsDone).Put(join([]byte(p.Unit), monthKey(p.DoneDate), []byte(p.Code)), v); err != nil {
			return fmt.Errorf("index done project: %w", err)
		}
	}
	return nil
}

// ProjectsOf returns the projects of one unit (not its subtree), by code.
func (t *Tx) ProjectsOf(unit string) ([]youthbot.Project, error) {
	var out []youthbot.Project
	prefix := join([]byte(unit), nil)
	err := t.prefixScan(bUnitProjects, prefix, func(k, _ []byte) error {
		p, err := t.Project(string(k[len(prefix):]))
		if err != nil {
			return err
		}
		out = append(out, p)
		return nil
	})
	return out, err
}

// ProjectByCheckin returns the project whose check-in code is code.
func (t *Tx) ProjectByCheckin(code string) (youthbot.Project, error) {
	pc := t.bucket(bCheckins).Get([]byte(code))
	if pc == nil {
		return youthbot.Project{}, youthbot.Errorf(youthbot.ENOTFOUND, "err.link_invalid")
	}
	return t.Project(string(pc))
}

// Seats returns a project's participants, joined and waiting, in the order
// they joined.
func (t *Tx) Seats(project string) ([]youthbot.Participant, error) {
	var out []youthbot.Participant
	err := t.prefixScan(bSeats, join([]byte(project), nil), func(k, v []byte) error {
		var p youthbot.Participant
		if err := jsonUnmarshal(v, &p); err != nil {
			return fmt.Errorf("decode seat %x: %w", k, err)
		}
		out = append(out, p)
		return nil
	})
	sortSeats(out)
	return out, err
}

// Seat returns member's place in a project, if any.
func (t *Tx) Seat(project string, member int64) (youthbot.Participant, bool, error) {
	var p youthbot.Participant
	ok, err := t.getJSON(bSeats, join([]byte(project), idKey(member)), &p)
	return p, ok, err
}

// SeatProjects returns the codes of the projects where member has a place,
// joined or waiting. It reads every seat: for /forgetme, not hot paths.
func (t *Tx) SeatProjects(member int64) []string {
	var codes []string
	suffix := idKey(member)
	t.bucket(bSeats).ForEach(func(k, _ []byte) error {
		if n := len(k) - len(suffix) - 1; n > 0 && k[n] == 0 && string(k[n+1:]) == string(suffix) {
			codes = append(codes, string(k[:n]))
		}
		return nil
	})
	return codes
}

// PutSeat writes member's place in a project.
func (t *Tx) PutSeat(project string, p youthbot.Participant) error {
	return t.putJSON(bSeats, join([]byte(project), idKey(p.Member)), p)
}

// DeleteSeat removes member from a project.
func (t *Tx) DeleteSeat(project string, member int64) error {
	return t.bucket(bSeats).Delete(join([]byte(project), idKey(member)))
}
