package storage

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"youthbot"
)

// history is a test's own account of a random unit tree's history: the
// tree from each change's day on, and where each member is moved by merges.
type history struct {
	trees  []snapshot
	merges []youthbot.UnitChange // with Unit and Target as identities
	start  map[int64]string      // members' first branches
	joined map[int64]youthbot.Date
	kinds  map[string]youthbot.UnitKind
}

// membersBy counts the members who joined by day d.
func (h *history) membersBy(d youthbot.Date) int {
	n := 0
	for m := range h.start {
		if !h.joined[m].After(d) {
			n++
		}
	}
	return n
}

type snapshot struct {
	from   youthbot.Date
	parent map[string]string
	alive  map[string]bool
}

func (h *history) at(d youthbot.Date) snapshot {
	s := h.trees[0]
	for _, t := range h.trees {
		if !t.from.After(d) {
			s = t
		}
	}
	return s
}

func (h *history) subtree(u string, d youthbot.Date) map[string]bool {
	s := h.at(d)
	out := map[string]bool{u: true}
	for grew := true; grew; {
		grew = false
		for c, p := range s.parent {
			if s.alive[c] && out[p] && !out[c] {
				out[c], grew = true, true
			}
		}
	}
	return out
}

// branchOn is the branch member m is in on day d.
func (h *history) branchOn(m int64, d youthbot.Date) string {
	b := h.start[m]
	for _, c := range h.merges {
		if !c.Date.After(d) && c.Unit == b {
			b = c.Target
		}
	}
	return b
}

// gone is the day u ceased, zero when it did not.
func (h *history) gone(u string) youthbot.Date {
	for i := 1; i < len(h.trees); i++ {
		if h.trees[i-1].alive[u] && !h.trees[i].alive[u] {
			return h.trees[i].from
		}
	}
	return youthbot.Date{}
}

// randomHistory builds a tree, members in its branches, random changes of
// the tree applied through ApplyUnitChanges (each one the model holds
// sound, so each must be accepted) and unit activities in 2024-2026 of
// units that existed on their day. With waiting, each change is recorded
// before its date and applied on it (waitFor), and some are refused then.
func randomHistory(t *testing.T, db *DB, seed uint64, loc *time.Location, waiting bool) (*history, map[youthbot.Date][]int64) {
	r := rand.New(rand.NewPCG(seed, 7))
	h := &history{start: map[int64]string{}, joined: map[int64]youthbot.Date{}, kinds: map[string]youthbot.UnitKind{}}
	s0 := snapshot{parent: map[string]string{}, alive: map[string]bool{"P": true}}
	units := []youthbot.Unit{{Code: "P", Name: "P", Kind: youthbot.KindProvince}}
	for d := range 2 + r.IntN(2) {
		dc := fmt.Sprintf("D%d", d)
		units = append(units, youthbot.Unit{Code: dc, Name: dc, Parent: "P", Kind: youthbot.KindDistrict})
		for g := range 1 + r.IntN(2) {
			gc := fmt.Sprintf("%sG%d", dc, g)
			units = append(units, youthbot.Unit{Code: gc, Name: gc, Parent: dc, Kind: youthbot.KindGrassroots})
			for b := range 1 + r.IntN(2) {
				bc := fmt.Sprintf("%sB%d", gc, b)
				units = append(units, youthbot.Unit{Code: bc, Name: bc, Parent: gc, Kind: youthbot.KindBranch})
			}
		}
	}
	members := map[string]int{}
	update(t, db, func(tx *Tx) error {
		id := int64(100)
		for _, u := range units {
			h.kinds[u.Code] = u.Kind
			s0.parent[u.Code], s0.alive[u.Code] = u.Parent, true
			if err := tx.PutUnit(u); err != nil {
				return err
			}
			if u.Kind != youthbot.KindBranch || r.IntN(4) == 0 {
				continue
			}
			for range 1 + r.IntN(3) {
				id++
				at := day(2023, 12, 1).Time(loc)
				m := youthbot.Member{UserID: id, Unit: u.Code, FullName: "Lê Văn An", Status: youthbot.StatusApproved, RegisteredAt: at, DecidedAt: at}
				if err := tx.PutMember(m); err != nil {
					return err
				}
				if err := tx.OpenStint(id, u.Code, at, true); err != nil {
					return err
				}
				h.start[id] = u.Code
				members[u.Code]++
			}
		}
		return nil
	})
	h.trees = []snapshot{s0}
	d, joiner := day(2024, 1, 1), int64(10000)
	for step := 0; step < 8; step++ {
		recorded := d
		d = d.AddDays(20 + r.IntN(100))
		cur := h.trees[len(h.trees)-1]
		next := snapshot{from: d, parent: maps.Clone(cur.parent), alive: maps.Clone(cur.alive)}
		var living []string
		for u := range cur.alive {
			if cur.alive[u] {
				living = append(living, u)
			}
		}
		slices.Sort(living)
		kids := func(u string) int {
			n := 0
			for c, p := range cur.parent {
				if p == u && cur.alive[c] {
					n++
				}
			}
			return n
		}
		within := func(x, top string) bool {
			for ; x != ""; x = cur.parent[x] {
				if x == top {
					return true
				}
			}
			return false
		}
		var c youthbot.UnitChange
		for try := 0; try < 50 && c.Kind == ""; try++ {
			x, y := living[r.IntN(len(living))], living[r.IntN(len(living))]
			if x == "P" {
				continue
			}
			switch r.IntN(4) {
			case 0: // move
				if h.kinds[y] != youthbot.KindBranch && !within(y, x) {
					c = youthbot.UnitChange{Kind: youthbot.ChangeMove, Unit: x, Target: y}
					next.parent[x] = y
				}
			case 1: // merge
				if within(y, x) || kids(x) > 0 && h.kinds[y] == youthbot.KindBranch || members[x] > 0 && h.kinds[y] != youthbot.KindBranch {
					continue
				}
				c = youthbot.UnitChange{Kind: youthbot.ChangeMerge, Unit: x, Target: y}
				for k, p := range cur.parent {
					if p == x && cur.alive[k] {
						next.parent[k] = y
					}
				}
				next.alive[x] = false
			case 2: // dissolve
				if kids(x) == 0 && members[x] == 0 {
					c = youthbot.UnitChange{Kind: youthbot.ChangeDissolve, Unit: x}
					next.alive[x] = false
				}
			default: // found
				if h.kinds[y] != youthbot.KindBranch {
					code := fmt.Sprintf("N%d", step)
					c = youthbot.UnitChange{Kind: youthbot.ChangeFound, Unit: code, Target: y, NewName: code, UnitKind: youthbot.KindBranch}
					next.parent[code], next.alive[code] = y, true
					h.kinds[code] = youthbot.KindBranch
				}
			}
		}
		if c.Kind == "" {
			continue
		}
		c.Date = d
		if waiting {
			if !waitFor(t, db, r, h, c, recorded, members, &joiner, loc) {
				continue // refused on its date: the tree stays
			}
		} else if _, err := applyChanges(db, day(2030, 1, 1), loc, c); err != nil {
			t.Fatalf("seed %d: %+v refused: %v", seed, c, err)
		}
		if c.Kind == youthbot.ChangeMerge {
			members[c.Target] += members[c.Unit]
			members[c.Unit] = 0
			h.merges = append(h.merges, c)
		}
		h.trees = append(h.trees, next)
	}
	facts := map[youthbot.Date][]int64{}
	update(t, db, func(tx *Tx) error {
		for i := range 150 {
			fd := day(2024, 1, 1).AddDays(r.IntN(3 * 365))
			s := h.at(fd)
			var alive []string
			for u, ok := range s.alive {
				if ok {
					alive = append(alive, u)
				}
			}
			slices.Sort(alive)
			u := alive[r.IntN(len(alive))]
			heads := int64(1 + r.IntN(9))
			a := &youthbot.UnitActivity{Unit: u, Date: fd, Title: fmt.Sprintf("hd %d", i), CreatedAt: fd.Time(loc),
				Contribution: youthbot.Contribution{Heads: youthbot.HeadCounts{Youth: heads}}}
			if err := tx.AddUnitActivity(a); err != nil {
				return err
			}
			facts[fd] = append(facts[fd], heads)
		}
		return nil
	})
	return h, facts
}

// waitFor records c on the day given, before its date; half of the time a
// member joins its unit the day before the date when c dissolves or merges
// it; then the changes due on its date are applied. A dissolution, or a
// merger into no branch, of a unit a member joined must be refused then,
// and any other change applied; waitFor reports whether c took effect.
func waitFor(t *testing.T, db *DB, r *rand.Rand, h *history, c youthbot.UnitChange, recorded youthbot.Date, members map[string]int, joiner *int64, loc *time.Location) bool {
	t.Helper()
	if n, err := applyChanges(db, recorded, loc, c); err != nil || n.Waiting != 1 {
		t.Fatalf("record %+v on %s: %+v %v", c, recorded, n, err)
	}
	refuse := false
	if (c.Kind == youthbot.ChangeDissolve || c.Kind == youthbot.ChangeMerge) && r.IntN(2) == 0 {
		*joiner++
		id, on := *joiner, c.Date.AddDays(-1)
		update(t, db, func(tx *Tx) error {
			at := on.Time(loc)
			m := youthbot.Member{UserID: id, Unit: c.Unit, FullName: "Lê Văn Cường", Status: youthbot.StatusApproved, RegisteredAt: at, DecidedAt: at}
			if err := tx.PutMember(m); err != nil {
				return err
			}
			return tx.OpenStint(id, c.Unit, at, true)
		})
		h.start[id], h.joined[id] = c.Unit, on
		members[c.Unit]++
		refuse = c.Kind == youthbot.ChangeDissolve || h.kinds[c.Target] != youthbot.KindBranch
	}
	var due DueCounts
	update(t, db, func(tx *Tx) error { var err error; due, err = tx.ApplyDueChanges(c.Date, loc); return err })
	if refuse && (due.Applied != 0 || len(due.Refused) != 1) || !refuse && (due.Applied != 1 || len(due.Refused) != 0) {
		t.Fatalf("%+v on its date: %+v, want refused %v", c, due, refuse)
	}
	return !refuse
}

// TestFiguresOverRandomHistories: for random histories of changes and
// facts, the --tree current figures of the root hold every fact of the
// period and every member once, and the --tree period figures of every
// unit that ever existed are a brute-force count over the tree of the
// period's last day (or the unit's last day); the same when each change
// waits for its date and some are refused on it.
func TestFiguresOverRandomHistories(t *testing.T) {
	loc := time.UTC
	for i := range uint64(12) {
		seed, waiting := i/2, i%2 == 1
		db := open(t)
		h, facts := randomHistory(t, db, seed, loc, waiting)
		acts := map[string][]youthbot.UnitActivity{}
		view(t, db, func(tx *Tx) error {
			for u := range h.trees[len(h.trees)-1].alive {
				as, err := tx.UnitActivitiesSince(u, day(2024, 1, 1))
				if err != nil {
					return err
				}
				acts[u] = as
			}
			return nil
		})
		var periods []youthbot.Period
		for y := 2024; y <= 2026; y++ {
			periods = append(periods, youthbot.YearPeriod(y))
			for m := time.January; m <= time.December; m += 5 {
				periods = append(periods, youthbot.MonthPeriod(y, m))
			}
		}
		view(t, db, func(tx *Tx) error {
			tx.UseTree(youthbot.TreeCurrent)
			for _, p := range periods {
				want := int64(0)
				for d, hs := range facts {
					if p.Contains(d) {
						for _, n := range hs {
							want += n
						}
					}
				}
				f, err := tx.FiguresTree("P", p, loc)
				if err != nil {
					return err
				}
				if int64(f.Participations) != want || f.MembersTotal != h.membersBy(p.Last()) {
					t.Errorf("seed %d (waiting %v) %s current: participations %d members %d, want %d and %d", seed, waiting, p, f.Participations, f.MembersTotal, want, h.membersBy(p.Last()))
				}
			}
			tx.UseTree(youthbot.TreePeriod)
			for u := range h.trees[len(h.trees)-1].alive {
				for _, p := range periods {
					d := p.Last()
					if g := h.gone(u); !g.IsZero() && g.AddDays(-1).Before(d) {
						d = g.AddDays(-1)
					}
					sub := h.subtree(u, d)
					want, members := int64(0), 0
					for v := range sub {
						for _, a := range acts[v] {
							if p.Contains(a.Date) {
								want += a.Participations()
							}
						}
					}
					for m := range h.start {
						if sub[h.branchOn(m, p.Last())] && !h.joined[m].After(p.Last()) {
							members++
						}
					}
					for _, fig := range []func(string, youthbot.Period, *time.Location) (*youthbot.Figures, error){tx.FiguresTree, tx.Figures} {
						f, err := fig(u, p, loc)
						if err != nil {
							return err
						}
						if int64(f.Participations) != want || f.MembersTotal != members {
							t.Errorf("seed %d (waiting %v) %s %s period: participations %d members %d, want %d and %d", seed, waiting, u, p, f.Participations, f.MembersTotal, want, members)
						}
					}
				}
			}
			return nil
		})
	}
}
