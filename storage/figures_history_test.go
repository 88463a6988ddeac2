package storage

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"youthbot"
)

// TestFiguresAfterTransferAndForget replays the reported history (issue 11):
// a member admitted in branch A takes part, transfers to branch B, logs
// there a participation dated before the transfer (credited to B, as /log
// credits the branch at the time of logging), then erases their data with
// /forgetme. B's March tally showed "1/0 ĐV tham gia": a member active in a
// branch they were not in.
func TestFiguresAfterTransferAndForget(t *testing.T) {
	loc, _ := time.LoadLocation("Asia/Ho_Chi_Minh")
	db := open(t)
	at := func(m time.Month, d int) time.Time { return time.Date(2025, m, d, 10, 0, 0, 0, loc) }
	const id = 4242
	update(t, db, func(tx *Tx) error {
		for _, u := range []youthbot.Unit{
			{Code: "D", Name: "D", Kind: youthbot.KindDistrict},
			{Code: "A", Name: "A", Parent: "D", Kind: youthbot.KindBranch},
			{Code: "B", Name: "B", Parent: "D", Kind: youthbot.KindBranch},
		} {
			if err := tx.PutUnit(u); err != nil {
				return err
			}
		}
		m := youthbot.Member{UserID: id, Unit: "A", FullName: "Nguyễn Văn An", Status: youthbot.StatusApproved,
			RegisteredAt: at(3, 1), DecidedAt: at(3, 2)}
		if err := tx.PutMember(m); err != nil {
			return err
		}
		if err := tx.OpenStint(id, "A", m.DecidedAt, true); err != nil {
			return err
		}
		a := youthbot.Activity{Member: id, Unit: "A", Date: youthbot.Date{Year: 2025, Month: 3, Day: 5}, Tenths: 20,
			Description: "x", Status: youthbot.ActivityConfirmed, Source: youthbot.SourceLog, CreatedAt: at(3, 5)}
		if err := tx.AddActivity(&a); err != nil {
			return err
		}
		if _, err := tx.MoveMember(id, "B", at(4, 10)); err != nil {
			return err
		}
		b := youthbot.Activity{Member: id, Unit: "B", Date: youthbot.Date{Year: 2025, Month: 3, Day: 30}, Tenths: 20,
			Description: "y", Status: youthbot.ActivityConfirmed, Source: youthbot.SourceLog, CreatedAt: at(4, 12)}
		if err := tx.AddActivity(&b); err != nil {
			return err
		}
		_, err := tx.Erase(id, at(5, 20), "…")
		return err
	})
	type want struct{ total, fresh, active int }
	tests := []struct {
		unit string
		p    youthbot.Period
		want want
	}{
		{"A", youthbot.MonthPeriod(2025, 3), want{1, 1, 1}},
		{"B", youthbot.MonthPeriod(2025, 3), want{0, 0, 0}},
		{"D", youthbot.MonthPeriod(2025, 3), want{1, 1, 1}},
		{"A", youthbot.MonthPeriod(2025, 4), want{0, 0, 0}},
		{"B", youthbot.MonthPeriod(2025, 4), want{1, 0, 0}},
		{"D", youthbot.MonthPeriod(2025, 4), want{1, 0, 0}},
		{"B", youthbot.MonthPeriod(2025, 5), want{0, 0, 0}},
		{"D", youthbot.MonthPeriod(2025, 5), want{0, 0, 0}},
		{"A", youthbot.YearPeriod(2025), want{0, 1, 1}},
		{"B", youthbot.YearPeriod(2025), want{0, 0, 1}},
		{"D", youthbot.YearPeriod(2025), want{0, 1, 1}},
	}
	view(t, db, func(tx *Tx) error {
		for _, tc := range tests {
			f, err := tx.Figures(tc.unit, tc.p, loc)
			if err != nil {
				return err
			}
			if got := (want{f.MembersTotal, f.MembersNew, f.MembersActive}); got != tc.want {
				t.Errorf("%s %s: total, new, active = %+v, want %+v", tc.unit, tc.p, got, tc.want)
			}
		}
		return nil
	})
}

// stay is one member's time in one branch, the model side of
// TestFiguresAddUp: from until to (zero: still there).
type stay struct {
	member   int64
	unit     string
	from, to time.Time
	admitted bool
}

// TestFiguresAddUp drives random histories of admissions, participations
// logged up to two months back (credited to the member's branch at the
// time of logging, as /log does), transfers and /forgetme through the
// storage calls the bot makes, and checks for every unit and period that
// members_total is the members of the subtree at the period's end,
// members_new is at most members_total plus those who left during the
// period, and members_active is at most those who were in the unit during
// the period (exactly: those who took part there while in it).
// Rerun a logged failure with go test ./storage -run TestFiguresAddUp -figures.seed N.
var figuresSeed = flag.Uint64("figures.seed", 0, "first seed of TestFiguresAddUp (0: from the clock)")

func TestFiguresAddUp(t *testing.T) {
	loc, _ := time.LoadLocation("Asia/Ho_Chi_Minh")
	base := *figuresSeed
	if base == 0 {
		base = uint64(time.Now().UnixNano())
	}
	for i := range uint64(4) {
		seed := base + i
		t.Run(fmt.Sprint("Seed", seed), func(t *testing.T) {
			t.Logf("seed %d (rerun: -run TestFiguresAddUp -figures.seed %[1]d)", seed)
			figuresAddUp(t, seed, loc)
		})
	}
}

func figuresAddUp(t *testing.T, seed uint64, loc *time.Location) {
	r := rand.New(rand.NewPCG(seed, seed))
	db := open(t)
	w := &world{parent: map[string]string{}}
	w.units = []youthbot.Unit{{Code: "P", Name: "P", Kind: youthbot.KindProvince}}
	var branches []string
	for d := range 2 {
		dc := fmt.Sprintf("D%d", d)
		w.units = append(w.units, youthbot.Unit{Code: dc, Name: dc, Parent: "P", Kind: youthbot.KindDistrict})
		for b := range 2 {
			bc := fmt.Sprintf("%s-B%d", dc, b)
			w.units = append(w.units, youthbot.Unit{Code: bc, Name: bc, Parent: dc, Kind: youthbot.KindBranch})
			branches = append(branches, bc)
		}
	}
	for _, u := range w.units {
		w.parent[u.Code] = u.Parent
	}
	var stays []stay
	type person struct {
		id   int64
		unit string
		open int // index in stays, -1: gone
	}
	var people []*person
	now := time.Date(2025, 1, 1, 8, 0, 0, 0, loc)
	next := int64(1000)
	update(t, db, func(tx *Tx) error {
		for _, u := range w.units {
			if err := tx.PutUnit(u); err != nil {
				return err
			}
		}
		for range 600 {
			now = now.Add(time.Duration(r.IntN(20*3600)) * time.Second)
			if now.Year() > 2025 {
				break
			}
			var here []*person
			for _, p := range people {
				if p.open >= 0 {
					here = append(here, p)
				}
			}
			switch k := r.IntN(10); {
			case k < 3 || len(here) == 0: // admission
				p := &person{id: next, unit: branches[r.IntN(len(branches))]}
				next++
				m := youthbot.Member{UserID: p.id, Unit: p.unit, FullName: "Nguyễn Văn An", Status: youthbot.StatusApproved,
					RegisteredAt: now.Add(-time.Hour), DecidedAt: now}
				if err := tx.PutMember(m); err != nil {
					return err
				}
				if err := tx.OpenStint(p.id, p.unit, now, true); err != nil {
					return err
				}
				p.open = len(stays)
				stays = append(stays, stay{member: p.id, unit: p.unit, from: now, admitted: true})
				people = append(people, p)
			case k < 7: // a participation, maybe dated before a transfer
				p := here[r.IntN(len(here))]
				d := youthbot.DateOf(now, loc).AddDays(-r.IntN(60))
				a := youthbot.Activity{Member: p.id, Unit: p.unit, Date: d, Tenths: 10, Description: "x",
					Status: youthbot.ActivityConfirmed, Source: youthbot.SourceLog, CreatedAt: now}
				if err := tx.AddActivity(&a); err != nil {
					return err
				}
				w.acts = append(w.acts, a)
			case k < 9: // transfer
				p := here[r.IntN(len(here))]
				to := branches[r.IntN(len(branches))]
				if to == p.unit {
					continue
				}
				if _, err := tx.MoveMember(p.id, to, now); err != nil {
					return err
				}
				stays[p.open].to = now
				p.unit, p.open = to, len(stays)
				stays = append(stays, stay{member: p.id, unit: to, from: now})
			default: // /forgetme
				p := here[r.IntN(len(here))]
				anon, err := tx.Erase(p.id, now, "…")
				if err != nil {
					return err
				}
				stays[p.open].to = now
				p.open = -1
				for i := range stays {
					if stays[i].member == p.id {
						stays[i].member = anon
					}
				}
				for i := range w.acts {
					if w.acts[i].Member == p.id {
						w.acts[i].Member = anon
					}
				}
			}
		}
		return nil
	})
	periods := []youthbot.Period{youthbot.YearPeriod(2025)}
	for m := time.January; m <= time.December; m++ {
		periods = append(periods, youthbot.MonthPeriod(2025, m))
	}
	view(t, db, func(tx *Tx) error {
		for _, u := range w.units {
			for _, p := range periods {
				f, err := tx.Figures(u.Code, p, loc)
				if err != nil {
					return err
				}
				check := func(f *youthbot.Figures) {
					start, end := p.Start(loc), p.End(loc)
					atEnd, during, left := map[int64]bool{}, map[int64]bool{}, 0
					for _, s := range stays {
						if !w.under(s.unit, f.Unit) {
							continue
						}
						if s.from.Before(end) && (s.to.IsZero() || !s.to.Before(end)) {
							atEnd[s.member] = true
						}
						if s.from.Before(end) && (s.to.IsZero() || s.to.After(start)) {
							during[s.member] = true
						}
					}
					for m := range during {
						if !atEnd[m] {
							left++
						}
					}
					if f.MembersTotal != len(atEnd) {
						t.Errorf("%s %s: members_total %d, want %d", f.Unit, p, f.MembersTotal, len(atEnd))
					}
					if f.MembersNew > f.MembersTotal+left {
						t.Errorf("%s %s: members_new %d above members_total %d + %d who left", f.Unit, p, f.MembersNew, f.MembersTotal, left)
					}
					if f.MembersActive > len(during) {
						t.Errorf("%s %s: members_active %d above the %d members in the unit during the period", f.Unit, p, f.MembersActive, len(during))
					}
					active := map[int64]bool{}
					for _, a := range w.acts {
						if p.Contains(a.Date) && w.under(a.Unit, f.Unit) && during[a.Member] {
							active[a.Member] = true
						}
					}
					if f.MembersActive != len(active) {
						t.Errorf("%s %s: members_active %d, but %d members took part while in the unit", f.Unit, p, f.MembersActive, len(active))
					}
				}
				check(f)
				for _, c := range f.Children {
					check(c)
				}
			}
		}
		return nil
	})
}
