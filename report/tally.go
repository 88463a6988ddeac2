package report

import (
	"fmt"
	"strings"
	"time"

	"youthbot"
	"youthbot/storage"
)

// Parts selects what Load reads besides the figures, so that a caller who
// needs only the text, only the chart or only the workbook pays for that.
type Parts uint8

// Parts of a tally.
const (
	// PartText reads what the messages show besides the figures: the
	// previous period's figures, a branch's members, members who blocked
	// the bot.
	PartText Parts = 1 << iota
	// PartChart reads a branch's participations per week (per month over
	// a year); a higher unit's chart needs only the figures.
	PartChart
	// PartWorkbook reads every member of the subtree with their figures,
	// unless there are more than MaxListedMembers.
	PartWorkbook
	// PartTree computes the figures of every unit of the subtree, Children
	// nested down to the branches, as the JSON and CSV reports and the
	// year's workbook show them; without it Children are one level deep
	// (the children's own Children nil). A year's PartWorkbook implies it.
	PartTree
	// PartAll is everything a tally is delivered with.
	PartAll = PartText | PartChart | PartWorkbook
)

// Tally is one unit's tally for a period: its figures and what its formats
// need, read in one transaction. It holds no transaction and no language:
// render it with Messages, Text, Chart, Workbook, JSON and CSV, in any
// language, as often as needed, concurrently if wished.
type Tally struct {
	// Figures are the unit's, its subtree included, with its children and
	// the targets' progress year to date.
	Figures *youthbot.Figures
	// Prev are the figures of the period before (the month before a month,
	// the year before a year), for the changes; nil without PartText or
	// for other periods.
	Prev *youthbot.Figures
	// Members are the members the parts asked for: with PartWorkbook every
	// member of the subtree (none beyond MaxListedMembers), else with
	// PartText a branch's own; units in tree order, names in Vietnamese
	// order within a unit.
	Members []MemberRow
	// MembersNotListed is the unit's member count when PartWorkbook was
	// asked for a unit of more than MaxListedMembers members, whose
	// Members are then not read: their lists are in the tallies of the
	// units below.
	MembersNotListed int
	// Unreachable counts the subtree's approved members who blocked the
	// bot (PartText); a branch's are also flagged in Members.
	Unreachable int
	// Bars are the chart's bars (PartChart).
	Bars []Bar

	parts Parts
}

// MemberRow is a member of a unit with their figures for the period.
type MemberRow struct {
	ID       int64  // Telegram user id; negative for a forgotten member
	Unit     string // the branch the figures are credited to
	UnitName string
	Name     string // "" once the member's data was erased (/forgetme)
	// Member is false for someone no longer in the branch at the end of
	// the period (left or transferred) whose participations still count.
	Member                          bool
	New                             bool // admitted during the period
	Participations, Pending, Tenths int  // confirmed, waiting, confirmed hours × 10
	Unreachable                     bool // blocked the bot
}

// Bar is one bar of the chart: a child unit's participations, or a
// branch's over a week (or a month of a year).
type Bar struct {
	Unit     string        // child unit code; "" for a time bar
	Name     string        // child unit name
	From, To youthbot.Date // a time bar's days
	Value    int           // confirmed participations
}

// MaxListedMembers is the most members a workbook lists one by one. A
// province's 100,000 members would make a sheet nobody reads, a file of
// several megabytes in every provincial secretary's chat each month, and
// the tally ten times slower: a unit with more members has them listed in
// the tallies of its units below.
const MaxListedMembers = 10_000

// listLimit is MaxListedMembers; benchmarks raise it to measure a full list.
var listLimit = MaxListedMembers

// IsBranch reports whether the tally lists members (a branch) rather than
// child units.
func (t *Tally) IsBranch() bool { return t.Figures.Kind == youthbot.KindBranch }

// Load reads unit's tally for period p (a month or a whole year) from tx,
// dates being calendar dates in loc. It is a pure function of the database
// state and its arguments. It returns ENOTFOUND for an unknown unit.
func Load(tx *storage.Tx, unit string, p youthbot.Period, loc *time.Location, parts Parts) (*Tally, error) {
	if !p.IsMonth() && !p.IsYear() {
		return nil, fmt.Errorf("tally of %s: period %s is neither a month nor a year", unit, p)
	}
	if p.IsYear() && parts&PartWorkbook != 0 {
		parts |= PartTree
	}
	var f *youthbot.Figures
	var err error
	if parts&PartTree != 0 {
		f, err = tx.FiguresTree(unit, p, loc) // each unit's data read once, added up the tree
	} else {
		f, err = tx.Figures(unit, p, loc)
	}
	if err != nil {
		return nil, err
	}
	t := &Tally{Figures: f, parts: parts}
	if parts&PartText != 0 {
		prev := p.Prev()
		if p.IsYear() {
			prev = youthbot.YearPeriod(p.Year - 1)
		}
		if t.Prev, err = tx.Figures(unit, prev, loc); err != nil {
			return nil, err
		}
	}
	var unreachable map[int64]bool
	if parts&(PartText|PartWorkbook) != 0 {
		if unreachable, err = tx.UnreachableUsers(); err != nil {
			return nil, err
		}
	}
	switch {
	case parts&PartWorkbook != 0 && f.MembersTotal > listLimit:
		t.MembersNotListed = f.MembersTotal
		if parts&PartText != 0 && t.IsBranch() {
			if t.Members, err = membersOf(tx, []unitRef{{f.Unit, f.Name}}, p, loc, unreachable); err != nil {
				return nil, err
			}
		}
	case parts&PartWorkbook != 0:
		if t.Members, err = subtreeMembers(tx, f, p, loc, unreachable); err != nil {
			return nil, err
		}
	case parts&PartText != 0 && t.IsBranch():
		if t.Members, err = membersOf(tx, []unitRef{{f.Unit, f.Name}}, p, loc, unreachable); err != nil {
			return nil, err
		}
	}
	if parts&PartText != 0 {
		if t.Unreachable, err = countUnreachable(tx, unit, unreachable); err != nil {
			return nil, err
		}
	}
	if parts&PartChart != 0 {
		t.Bars = bars(tx, f, p)
	}
	return t, nil
}

// countUnreachable counts the approved members of unit's subtree, as they
// are now, who blocked the bot: few users do, so it starts from them.
func countUnreachable(tx *storage.Tx, unit string, unreachable map[int64]bool) (int, error) {
	n := 0
	for id := range unreachable {
		m, err := tx.Member(id)
		if youthbot.ErrorCode(err) == youthbot.ENOTFOUND {
			continue
		}
		if err != nil {
			return 0, err
		}
		if m.Status != youthbot.StatusApproved {
			continue
		}
		in, err := tx.InSubtree(m.Unit, unit)
		if err != nil {
			return 0, err
		}
		if in {
			n++
		}
	}
	return n, nil
}

// unitRef names a unit whose members are listed.
type unitRef struct{ code, name string }

// subtreeMembers lists the members of every unit of f's subtree, units in
// tree order (depth first, children by code).
func subtreeMembers(tx *storage.Tx, f *youthbot.Figures, p youthbot.Period, loc *time.Location, unreachable map[int64]bool) ([]MemberRow, error) {
	var units []unitRef
	var walk func(code, name string, depth int) error
	walk = func(code, name string, depth int) error {
		if depth > 64 {
			return fmt.Errorf("unit %s: tree deeper than 64 or cyclic", code)
		}
		units = append(units, unitRef{code, name})
		children, err := tx.Children(code)
		if err != nil {
			return err
		}
		for _, c := range children {
			if err := walk(c.Code, c.Name, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(f.Unit, f.Name, 0); err != nil {
		return nil, err
	}
	return membersOf(tx, units, p, loc, unreachable)
}

// membersOf lists each unit's members at the end of p with their figures,
// then those no longer members who have participations in p; each group
// sorted by name the Vietnamese way, erased names last.
func membersOf(tx *storage.Tx, units []unitRef, p youthbot.Period, loc *time.Location, unreachable map[int64]bool) ([]MemberRow, error) {
	type stat struct{ part, pending, tenths int }
	type unitData struct {
		at    []storage.MemberAt
		stats map[int64]*stat
	}
	data := make([]unitData, len(units))
	var ids []int64
	for i, u := range units {
		stats := map[int64]*stat{}
		tx.ActivityEntries(u.code, p, func(e storage.ActivityEntry) {
			s := stats[e.Member]
			if s == nil {
				s = &stat{}
				stats[e.Member] = s
			}
			switch e.Status {
			case youthbot.ActivityConfirmed:
				s.part++
				s.tenths += e.Tenths
			case youthbot.ActivityPending:
				s.pending++
			}
		})
		data[i] = unitData{at: tx.MembersAt(u.code, p, loc), stats: stats}
		for _, m := range data[i].at {
			ids = append(ids, m.ID)
		}
		for id := range stats {
			ids = append(ids, id)
		}
	}
	names, err := tx.MemberNames(ids)
	if err != nil {
		return nil, err
	}
	order := newNameOrder()
	var out []MemberRow
	for i, u := range units {
		d := data[i]
		row := func(id int64, member, isNew bool) MemberRow {
			r := MemberRow{ID: id, Unit: u.code, UnitName: u.name, Name: strings.TrimSpace(names[id]), Member: member, New: isNew, Unreachable: unreachable[id]}
			if s := d.stats[id]; s != nil {
				r.Participations, r.Pending, r.Tenths = s.part, s.pending, s.tenths
			}
			return r
		}
		var groups [4][]MemberRow // members, erased members, former members, erased former members
		isMember := make(map[int64]bool, len(d.at))
		for _, m := range d.at {
			isMember[m.ID] = true
			r := row(m.ID, true, m.New)
			groups[erasedGroup(r)] = append(groups[erasedGroup(r)], r)
		}
		for id, s := range d.stats {
			if !isMember[id] && s.part+s.pending > 0 {
				r := row(id, false, false)
				groups[2+erasedGroup(r)] = append(groups[2+erasedGroup(r)], r)
			}
		}
		for _, g := range groups {
			order.sort(g)
			out = append(out, g...)
		}
	}
	return out, nil
}

func erasedGroup(r MemberRow) int {
	if r.Name == "" {
		return 1
	}
	return 0
}

// bars are a higher unit's children, or a unit's weeks (1-7, 8-14, 15-21,
// 22-end; months of a year), with their confirmed participations.
func bars(tx *storage.Tx, f *youthbot.Figures, p youthbot.Period) []Bar {
	if len(f.Children) > 0 {
		out := make([]Bar, len(f.Children))
		for i, c := range f.Children {
			out[i] = Bar{Unit: c.Unit, Name: c.Name, Value: c.Participations}
		}
		return out
	}
	var out []Bar
	if p.IsYear() {
		for m := time.January; m <= time.December; m++ {
			q := youthbot.MonthPeriod(p.Year, m)
			out = append(out, Bar{From: q.First(), To: q.Last()})
		}
	} else {
		// Four weeks: 1-7, 8-14, 15-21 and 22 to the month's end.
		for _, d := range []int{1, 8, 15, 22} {
			to := youthbot.Date{Year: p.Year, Month: p.From, Day: d + 6}
			if d == 22 {
				to = p.Last()
			}
			out = append(out, Bar{From: youthbot.Date{Year: p.Year, Month: p.From, Day: d}, To: to})
		}
	}
	tx.ActivityEntries(f.Unit, p, func(e storage.ActivityEntry) {
		if e.Status != youthbot.ActivityConfirmed {
			return
		}
		for i := range out {
			if !e.Date.Before(out[i].From) && !e.Date.After(out[i].To) {
				out[i].Value++
				return
			}
		}
	})
	return out
}
