package storage

import (
	"testing"
	"time"

	"youthbot"
)

func ids(as []youthbot.UnitActivity) []uint64 {
	var out []uint64
	for _, a := range as {
		out = append(out, a.ID)
	}
	return out
}

func equalIDs(a, b []uint64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestUnitActivityIndexFollowsEdits: listings and figures see an activity
// where its last edit put it, and nothing once deleted.
func TestUnitActivityIndexFollowsEdits(t *testing.T) {
	db := withTree(t)
	loc := time.UTC
	now := time.Date(2026, 3, 10, 9, 0, 0, 0, loc)
	heads := youthbot.Contribution{Heads: youthbot.HeadCounts{Youth: 10, Residents: 5}}
	var a1, a2, a3 youthbot.UnitActivity
	update(t, db, func(tx *Tx) error {
		for _, a := range []*youthbot.UnitActivity{&a1, &a2, &a3} {
			*a = youthbot.UnitActivity{Unit: "VT-A", Date: youthbot.Date{Year: 2026, Month: 2, Day: 20}, Title: "hd", Contribution: heads, CreatedAt: now}
			if err := tx.AddUnitActivity(a); err != nil {
				return err
			}
		}
		a2.Date = youthbot.Date{Year: 2026, Month: 3, Day: 1} // later: listed first
		if err := tx.PutUnitActivity(&a2); err != nil {
			return err
		}
		a3.Unit = "VT-B" // moved to another branch
		if err := tx.PutUnitActivity(&a3); err != nil {
			return err
		}
		return nil
	})
	view(t, db, func(tx *Tx) error {
		tests := []struct {
			name string
			got  func() ([]youthbot.UnitActivity, error)
			want []uint64
		}{
			{"SinceFeb", func() ([]youthbot.UnitActivity, error) {
				return tx.UnitActivitiesSince("VT-A", youthbot.Date{Year: 2026, Month: 2, Day: 1})
			}, []uint64{a2.ID, a1.ID}},
			{"SinceLateFeb", func() ([]youthbot.UnitActivity, error) {
				return tx.UnitActivitiesSince("VT-A", youthbot.Date{Year: 2026, Month: 2, Day: 21})
			}, []uint64{a2.ID}},
			{"InFeb", func() ([]youthbot.UnitActivity, error) {
				return tx.UnitActivitiesIn("VT-A", youthbot.MonthPeriod(2026, 2))
			}, []uint64{a1.ID}},
			{"OtherBranch", func() ([]youthbot.UnitActivity, error) {
				return tx.UnitActivitiesIn("VT-B", youthbot.YearPeriod(2026))
			}, []uint64{a3.ID}},
			{"PageAll", func() ([]youthbot.UnitActivity, error) {
				as, n, err := tx.UnitActivitiesOf("VT-A", 0, 10)
				if n != 2 {
					t.Errorf("total %d, want 2", n)
				}
				return as, err
			}, []uint64{a2.ID, a1.ID}},
			{"PageSecond", func() ([]youthbot.UnitActivity, error) {
				as, _, err := tx.UnitActivitiesOf("VT-A", 1, 1)
				return as, err
			}, []uint64{a1.ID}},
			{"PagePastEnd", func() ([]youthbot.UnitActivity, error) {
				as, _, err := tx.UnitActivitiesOf("VT-A", 5, 1)
				return as, err
			}, nil},
		}
		for _, tt := range tests {
			got, err := tt.got()
			if err != nil || !equalIDs(ids(got), tt.want) {
				t.Errorf("%s: %v, %v; want %v", tt.name, ids(got), err, tt.want)
			}
		}
		f, err := tx.Figures("VT", youthbot.MonthPeriod(2026, 2), loc)
		if err != nil {
			return err
		}
		if f.ActivitiesHeld != 2 || f.Participations != 30 || f.ParticipationsBy.Residents != 10 {
			t.Errorf("February: %d held, %d participations, %+v", f.ActivitiesHeld, f.Participations, f.ParticipationsBy)
		}
		return nil
	})
	update(t, db, func(tx *Tx) error { return tx.DeleteUnitActivity(a1.ID) })
	view(t, db, func(tx *Tx) error {
		if _, err := tx.UnitActivity(a1.ID); youthbot.ErrorCode(err) != youthbot.ENOTFOUND {
			t.Errorf("deleted activity: %v", err)
		}
		f, _ := tx.Figures("VT", youthbot.MonthPeriod(2026, 2), loc)
		if f.ActivitiesHeld != 1 || f.Participations != 15 {
			t.Errorf("after the delete: %d held, %d participations", f.ActivitiesHeld, f.Participations)
		}
		return nil
	})
}

// TestUnitActivityRefusals: bad figures and taken office codes change
// nothing.
func TestUnitActivityRefusals(t *testing.T) {
	db := withTree(t)
	day := youthbot.Date{Year: 2026, Month: 2, Day: 20}
	update(t, db, func(tx *Tx) error {
		a := youthbot.UnitActivity{OfficeCode: "HD1", Unit: "VT-A", Date: day, Title: "hd"}
		if err := tx.AddUnitActivity(&a); err != nil {
			return err
		}
		p := youthbot.Project{OfficeCode: "CT1", Kind: youthbot.ProjectWork, Title: "ct", Unit: "VT", Start: day, End: day}
		_, err := tx.UpsertProject(&p, time.Now())
		return err
	})
	tests := []struct {
		name string
		a    youthbot.UnitActivity
		code string
	}{
		{"NegativeHeads", youthbot.UnitActivity{Unit: "VT-A", Date: day, Contribution: youthbot.Contribution{Heads: youthbot.HeadCounts{Youth: -1}}}, youthbot.EINVALID},
		{"AbsurdHeads", youthbot.UnitActivity{Unit: "VT-A", Date: day, Contribution: youthbot.Contribution{Heads: youthbot.HeadCounts{Youth: 60_000, Residents: 40_001}}}, youthbot.EINVALID},
		{"NegativeValue", youthbot.UnitActivity{Unit: "VT-A", Date: day, ValueVND: -5}, youthbot.EINVALID},
		{"UnknownGroup", youthbot.UnitActivity{Unit: "VT-A", Date: day, Contribution: youthbot.Contribution{Beneficiaries: []youthbot.Benefit{{Group: "pets", People: 1}}}}, youthbot.EINVALID},
		{"CodeTaken", youthbot.UnitActivity{OfficeCode: "HD1", Unit: "VT-A", Date: day}, youthbot.ECONFLICT},
		{"CodeOfAProject", youthbot.UnitActivity{OfficeCode: "CT1", Unit: "VT-A", Date: day}, youthbot.ECONFLICT},
	}
	for _, tt := range tests {
		err := db.Update(func(tx *Tx) error {
			a := tt.a
			return tx.AddUnitActivity(&a)
		})
		if youthbot.ErrorCode(err) != tt.code {
			t.Errorf("%s: %v, want %s", tt.name, err, tt.code)
		}
	}
	err := db.Update(func(tx *Tx) error {
		p, _, err := tx.ProjectByOfficeCode("CT1")
		if err != nil {
			return err
		}
		p.Status, p.DoneDate, p.Heads = youthbot.ProjectDone, day, youthbot.HeadCounts{Residents: youthbot.MaxHeadCount + 1}
		return tx.PutProject(&p)
	})
	if youthbot.ErrorCode(err) != youthbot.EINVALID {
		t.Errorf("a project done with absurd head counts: %v", err)
	}
	err = db.Update(func(tx *Tx) error {
		_, err := tx.UpsertUnitActivity(&youthbot.UnitActivity{OfficeCode: "CT1", Unit: "VT-A", Date: day}, time.Now())
		return err
	})
	if youthbot.ErrorCode(err) != youthbot.ECONFLICT {
		t.Errorf("upsert of an activity on a project's code: %v", err)
	}
	view(t, db, func(tx *Tx) error {
		as, n, _ := tx.UnitActivitiesOf("VT-A", 0, 10)
		if n != 1 || len(as) != 1 || as[0].OfficeCode != "HD1" {
			t.Errorf("after refusals: %d activities %+v", n, as)
		}
		return nil
	})
}

// TestUpsertsByOfficeCode: a second import of the same rows changes
// nothing; a changed row updates its record in place.
func TestUpsertsByOfficeCode(t *testing.T) {
	db := withTree(t)
	now := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	day := youthbot.Date{Year: 2025, Month: 5, Day: 3}
	act := func() *youthbot.UnitActivity {
		a := &youthbot.UnitActivity{OfficeCode: "HD7", Unit: "VT-A", Date: day, Title: "Hiến máu", ValueVND: 1_000_000,
			Contribution: youthbot.Contribution{Heads: youthbot.HeadCounts{Members: 3, Youth: 4}, PersonDayTenths: 15}}
		a.SetBenefit(youthbot.Benefit{Group: youthbot.BenefitChildren, People: 10, ValueVND: 500_000})
		return a
	}
	proj := func() *youthbot.Project {
		return &youthbot.Project{OfficeCode: "CT7", Kind: youthbot.ProjectWork, Title: "Cầu", Unit: "VT", Start: day, End: day,
			Status: youthbot.ProjectDone, DoneDate: day, ValueVND: 5_000_000, Level: youthbot.KindProvince,
			Contribution: youthbot.Contribution{Heads: youthbot.HeadCounts{Residents: 40}}}
	}
	type step struct {
		name       string
		edit       func(a *youthbot.UnitActivity, p *youthbot.Project)
		wantA      Change
		wantP      Change
		value      int64 // the unit's value of 2025 afterwards
		works      youthbot.LevelCounts
		partsByRes int64
	}
	steps := []step{
		{"First", func(*youthbot.UnitActivity, *youthbot.Project) {}, Created, Created, 6_000_000, youthbot.LevelCounts{Province: 1}, 40},
		{"Again", func(*youthbot.UnitActivity, *youthbot.Project) {}, Unchanged, Unchanged, 6_000_000, youthbot.LevelCounts{Province: 1}, 40},
		{"Changed", func(a *youthbot.UnitActivity, p *youthbot.Project) {
			a.ValueVND = 2_000_000
			p.Level, p.Heads.Residents = "", 50
		}, Updated, Updated, 7_000_000, youthbot.LevelCounts{District: 1}, 50}, // its own unit's kind
		{"Reopened", func(a *youthbot.UnitActivity, p *youthbot.Project) {
			a.ValueVND = 2_000_000
			p.Level, p.Heads.Residents, p.Status, p.DoneDate = "", 50, youthbot.ProjectOpen, youthbot.Date{}
		}, Unchanged, Updated, 2_000_000, youthbot.LevelCounts{}, 0},
	}
	var code string
	for _, s := range steps {
		a, p := act(), proj()
		s.edit(a, p)
		update(t, db, func(tx *Tx) error {
			ca, err := tx.UpsertUnitActivity(a, now)
			if err != nil {
				return err
			}
			cp, err := tx.UpsertProject(p, now)
			if err != nil {
				return err
			}
			if ca != s.wantA || cp != s.wantP {
				t.Errorf("%s: activity %v, project %v; want %v, %v", s.name, ca, cp, s.wantA, s.wantP)
			}
			if code == "" {
				code = p.Code
			} else if p.Code != code {
				t.Errorf("%s: project code %s, first %s", s.name, p.Code, code)
			}
			return nil
		})
		view(t, db, func(tx *Tx) error {
			f, err := tx.Figures("VT", youthbot.YearPeriod(2025), time.UTC)
			if err != nil {
				return err
			}
			if f.ValueVND != s.value || f.WorksByLevel != s.works || f.ParticipationsBy.Residents != s.partsByRes {
				t.Errorf("%s: value %d, works %+v, residents %d", s.name, f.ValueVND, f.WorksByLevel, f.ParticipationsBy.Residents)
			}
			if b := f.Benefit(youthbot.BenefitChildren); b.People != 10 || b.ValueVND != 500_000 {
				t.Errorf("%s: children %+v", s.name, b)
			}
			return nil
		})
	}
	view(t, db, func(tx *Tx) error {
		if a, ok, err := tx.UnitActivityByOfficeCode("HD7"); !ok || err != nil || a.ValueVND != 2_000_000 {
			t.Errorf("by office code: %+v %v %v", a, ok, err)
		}
		if p, ok, err := tx.ProjectByOfficeCode("CT7"); !ok || err != nil || p.Code != code {
			t.Errorf("project by office code: %+v %v %v", p, ok, err)
		}
		if _, ok, _ := tx.ProjectByOfficeCode("HD7"); ok {
			t.Error("an activity's code found as a project")
		}
		return nil
	})
}

// TestEraseRenamesTheRecorder: /forgetme of the secretary who recorded an
// activity, a breakthrough task or a model leaves the anonymous id there.
func TestEraseRenamesTheRecorder(t *testing.T) {
	db := withTree(t)
	now := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	const secretary = int64(770123456)
	a := youthbot.UnitActivity{Unit: "VT", Date: youthbot.Date{Year: 2026, Month: 3, Day: 1}, Title: "hd", CreatedBy: secretary, CreatedAt: now}
	b := youthbot.Breakthrough{Year: 2026, Unit: "VT", Text: "x", CreatedBy: secretary, Completed: true, CompletedBy: secretary}
	m := youthbot.Model{Year: 2026, Unit: "VT", Name: "y", CreatedBy: secretary}
	var anon int64
	update(t, db, func(tx *Tx) error {
		if err := tx.AddUnitActivity(&a); err != nil {
			return err
		}
		if err := tx.AddBreakthrough(&b); err != nil {
			return err
		}
		if err := tx.AddModel(&m); err != nil {
			return err
		}
		var err error
		anon, err = tx.Erase(secretary, now, "-")
		return err
	})
	view(t, db, func(tx *Tx) error {
		ga, _ := tx.UnitActivity(a.ID)
		gb, _ := tx.Breakthrough(b.ID)
		gm, _ := tx.Model(m.ID)
		if ga.CreatedBy != anon || gb.CreatedBy != anon || gb.CompletedBy != anon || gm.CreatedBy != anon {
			t.Errorf("after erasure: activity by %d, task by %d/%d, model by %d; want %d", ga.CreatedBy, gb.CreatedBy, gb.CompletedBy, gm.CreatedBy, anon)
		}
		return nil
	})
}
