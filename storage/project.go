package storage

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"reflect"
	"time"

	"youthbot"
	"youthbot/storage/internal/kv"
)

// NewProject stores a new project with the next code (P1, P2, ...).
func (t *Tx) NewProject(p *youthbot.Project) error {
	n, err := t.tx.Bucket(kv.Projects).NextSequence()
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
	ok, err := kv.GetJSON(t.tx, kv.Projects, []byte(code), &p)
	if err != nil {
		return p, err
	}
	if !ok {
		return p, youthbot.Errorf(youthbot.ENOTFOUND, "err.project_unknown", code)
	}
	return p, nil
}

// PutProject writes a project and its indexes: its unit's list, its
// check-in code, its office code and, once done, the (unit, month of
// completion) entry figures count works, tasks, value, recognition level
// and contribution from (moved or removed when those change). A
// contribution out of range (Contribution.Validate) is refused: EINVALID.
func (t *Tx) PutProject(p *youthbot.Project) error {
	if err := p.Contribution.Validate(); err != nil {
		return err
	}
	var old youthbot.Project
	found, err := kv.GetJSON(t.tx, kv.Projects, []byte(p.Code), &old)
	if err != nil {
		return err
	}
	if found && old.Status == youthbot.ProjectDone && (p.Status != youthbot.ProjectDone || old.Unit != p.Unit || old.DoneDate != p.DoneDate) {
		if err := t.tx.Bucket(kv.ProjectsDone).Delete(doneKey(&old)); err != nil {
			return fmt.Errorf("unindex done project: %w", err)
		}
	}
	if found && old.Unit != p.Unit {
		if err := t.tx.Bucket(kv.UnitProjects).Delete(kv.Join([]byte(old.Unit), []byte(p.Code))); err != nil {
			return fmt.Errorf("unindex project: %w", err)
		}
	}
	if found && old.OfficeCode != "" && old.OfficeCode != p.OfficeCode {
		if err := t.tx.Bucket(kv.OfficeCodes).Delete([]byte(old.OfficeCode)); err != nil {
			return fmt.Errorf("unindex office code: %w", err)
		}
	}
	if err := kv.PutJSON(t.tx, kv.Projects, []byte(p.Code), p); err != nil {
		return err
	}
	if err := t.tx.Bucket(kv.UnitProjects).Put(kv.Join([]byte(p.Unit), []byte(p.Code)), nil); err != nil {
		return fmt.Errorf("index project: %w", err)
	}
	if p.CheckinCode != "" {
		if err := t.tx.Bucket(kv.Checkins).Put([]byte(p.CheckinCode), []byte(p.Code)); err != nil {
			return fmt.Errorf("index check-in: %w", err)
		}
	}
	if p.OfficeCode != "" {
		if err := t.tx.Bucket(kv.OfficeCodes).Put([]byte(p.OfficeCode), append([]byte{'p'}, p.Code...)); err != nil {
			return fmt.Errorf("index office code: %w", err)
		}
	}
	if p.Status == youthbot.ProjectDone {
		level := p.Level
		if level == "" {
			u, _ := t.Unit(p.Unit) // "" for an unknown unit
			level = u.Kind
		}
		if err := t.tx.Bucket(kv.ProjectsDone).Put(doneKey(p), doneEntry(p, level)); err != nil {
			return fmt.Errorf("index done project: %w", err)
		}
	}
	return nil
}

func doneKey(p *youthbot.Project) []byte {
	return kv.Join([]byte(p.Unit), kv.MonthKey(p.DoneDate), []byte(p.Code))
}

// doneEntry is a done project's projects_done value:
//
//	kind ('w' or 't') | value (8, big endian) | level (1) | contribution
//
// (the contribution without the value, already before it). Entries written
// before F7 ended after the value: migration 8 adds their level.
func doneEntry(p *youthbot.Project, level youthbot.UnitKind) []byte {
	v := make([]byte, 10, 16)
	v[0] = 't'
	if p.Kind == youthbot.ProjectWork {
		v[0] = 'w'
	}
	binary.BigEndian.PutUint64(v[1:9], uint64(p.ValueVND))
	v[9] = kv.LevelCodes[level]
	if p.Heads == (youthbot.HeadCounts{}) && p.PersonDayTenths == 0 && p.SupportVND == 0 && len(p.Beneficiaries) == 0 {
		return v
	}
	return kv.AppendContribution(v, 0, &p.Contribution)
}

// UpsertProject creates or updates the project keyed by p.OfficeCode
// (required) as of now: unchanged when every field is the same as stored.
// A new project gets the next code; an existing one keeps its code, seats,
// check-in code, creator and creation (set in p). An office code naming a
// unit activity is ECONFLICT.
func (t *Tx) UpsertProject(p *youthbot.Project, now time.Time) (Change, error) {
	if p.OfficeCode == "" {
		return Unchanged, fmt.Errorf("upsert project: no office code")
	}
	if err := p.Contribution.Validate(); err != nil {
		return Unchanged, err
	}
	ref, ok := t.OfficeCode(p.OfficeCode)
	if !ok {
		p.CreatedAt = now
		if p.Status == youthbot.ProjectDone && p.DoneAt.IsZero() {
			p.DoneAt = now
		}
		return Created, t.NewProject(p)
	}
	if ref.Project == "" {
		return Unchanged, youthbot.Errorf(youthbot.ECONFLICT, "err.office_code_kind", p.OfficeCode)
	}
	old, err := t.Project(ref.Project)
	if err != nil {
		return Unchanged, err
	}
	p.Code, p.CreatedAt, p.CreatedBy, p.CheckinCode, p.Capacity = old.Code, old.CreatedAt, old.CreatedBy, old.CheckinCode, old.Capacity
	if p.Status == youthbot.ProjectDone && p.DoneAt.IsZero() {
		p.DoneAt = old.DoneAt
		if p.DoneAt.IsZero() {
			p.DoneAt = now
		}
	}
	if reflect.DeepEqual(normalProject(*p), normalProject(old)) {
		return Unchanged, nil
	}
	return Updated, t.PutProject(p)
}

// normalProject makes empty and nil beneficiaries, and times in other
// locations, compare equal.
func normalProject(p youthbot.Project) youthbot.Project {
	if len(p.Beneficiaries) == 0 {
		p.Beneficiaries = nil
	}
	p.CreatedAt, p.DoneAt = p.CreatedAt.UTC(), p.DoneAt.UTC()
	return p
}

// ProjectsOf returns the projects of one unit (not its subtree), by code.
func (t *Tx) ProjectsOf(unit string) ([]youthbot.Project, error) {
	var out []youthbot.Project
	prefix := kv.Join([]byte(unit), nil)
	err := kv.PrefixScan(t.tx, kv.UnitProjects, prefix, func(k, _ []byte) error {
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
	pc := t.tx.Bucket(kv.Checkins).Get([]byte(code))
	if pc == nil {
		return youthbot.Project{}, youthbot.Errorf(youthbot.ENOTFOUND, "err.link_invalid")
	}
	return t.Project(string(pc))
}

// Seats returns a project's participants, joined and waiting, in the order
// they joined.
func (t *Tx) Seats(project string) ([]youthbot.Participant, error) {
	var out []youthbot.Participant
	err := kv.PrefixScan(t.tx, kv.Seats, kv.Join([]byte(project), nil), func(k, v []byte) error {
		var p youthbot.Participant
		if err := json.Unmarshal(v, &p); err != nil {
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
	ok, err := kv.GetJSON(t.tx, kv.Seats, kv.Join([]byte(project), kv.IDKey(member)), &p)
	return p, ok, err
}

// SeatProjects returns the codes of the projects where member has a place,
// joined or waiting. It reads every seat: for /forgetme, not hot paths.
func (t *Tx) SeatProjects(member int64) []string {
	var codes []string
	suffix := kv.IDKey(member)
	t.tx.Bucket(kv.Seats).ForEach(func(k, _ []byte) error {
		if n := len(k) - len(suffix) - 1; n > 0 && k[n] == 0 && string(k[n+1:]) == string(suffix) {
			codes = append(codes, string(k[:n]))
		}
		return nil
	})
	return codes
}

// PutSeat writes member's place in a project.
func (t *Tx) PutSeat(project string, p youthbot.Participant) error {
	return kv.PutJSON(t.tx, kv.Seats, kv.Join([]byte(project), kv.IDKey(p.Member)), p)
}

// DeleteSeat removes member from a project.
func (t *Tx) DeleteSeat(project string, member int64) error {
	return t.tx.Bucket(kv.Seats).Delete(kv.Join([]byte(project), kv.IDKey(member)))
}
