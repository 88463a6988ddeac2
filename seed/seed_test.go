package seed

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"youthbot"
	"youthbot/storage"
)

var (
	hcm, _ = time.LoadLocation("Asia/Ho_Chi_Minh")
	now    = time.Date(2026, 3, 10, 9, 0, 0, 0, hcm)
)

func generate(t *testing.T, opts Options) *storage.DB {
	t.Helper()
	db, err := storage.Open(filepath.Join(t.TempDir(), "seed.db"), storage.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if err := Generate(db, opts); err != nil {
		t.Fatal(err)
	}
	return db
}

func TestGenerateIsRealistic(t *testing.T) {
	opts := Options{Units: 60, Members: 2000, Activities: 20000, Now: now, Loc: hcm, Seed: 7}
	db := generate(t, opts)
	today := youthbot.DateOf(now, hcm)
	err := db.View(func(tx *storage.Tx) error {
		units, err := tx.Units()
		if err != nil {
			return err
		}
		if len(units) != opts.Units {
			t.Errorf("%d units, want %d", len(units), opts.Units)
		}
		kinds := map[youthbot.UnitKind]int{}
		branchOf := map[string]bool{}
		for _, u := range units {
			kinds[u.Kind]++
			if err := u.Validate(); err != nil {
				t.Errorf("unit %+v: %v", u, err)
			}
			if u.Kind == youthbot.KindBranch {
				branchOf[u.Code] = true
				if !strings.HasPrefix(u.Name, "Chi đoàn ") {
					t.Errorf("branch named %q", u.Name)
				}
			}
			if u.Kind != youthbot.KindProvince {
				p, err := tx.Unit(u.Parent)
				if err != nil {
					t.Errorf("unit %s: parent %v", u.Code, err)
				}
				want := map[youthbot.UnitKind]youthbot.UnitKind{youthbot.KindDistrict: youthbot.KindProvince,
					youthbot.KindGrassroots: youthbot.KindDistrict, youthbot.KindBranch: youthbot.KindGrassroots}[u.Kind]
				if p.Kind != want {
					t.Errorf("unit %s (%s) under %s (%s)", u.Code, u.Kind, p.Code, p.Kind)
				}
			}
		}
		if kinds[youthbot.KindProvince] != 1 || kinds[youthbot.KindDistrict] < 1 || kinds[youthbot.KindGrassroots] < 1 || kinds[youthbot.KindBranch] < kinds[youthbot.KindGrassroots] {
			t.Errorf("tree shape %v", kinds)
		}

		statuses := map[youthbot.MemberStatus]int{}
		nguyen, moved := 0, 0
		var acts, confirmed, pending int
		for i := range opts.Members {
			m, err := tx.Member(MemberIDBase + int64(i))
			if err != nil {
				return err
			}
			statuses[m.Status]++
			if !branchOf[m.Unit] {
				t.Errorf("member %d in %s, not a branch", m.UserID, m.Unit)
			}
			if err := youthbot.ValidateName(m.FullName); err != nil || len(strings.Fields(m.FullName)) != 3 {
				t.Errorf("member name %q: %v", m.FullName, err)
			}
			if strings.HasPrefix(m.FullName, "Nguyễn ") {
				nguyen++
			}
			moved += len(m.Past)
			err = tx.MemberActivities(m.UserID, func(a youthbot.Activity) bool {
				acts++
				if a.Status == youthbot.ActivityConfirmed {
					confirmed++
				}
				if a.Status == youthbot.ActivityPending {
					pending++
					if a.Date.Before(today.AddDays(-45)) {
						t.Errorf("an activity of %s still waits", a.Date)
					}
				}
				if a.Date.After(today) || a.Date.Before(today.AddDays(-364)) {
					t.Errorf("activity dated %s, outside the 12 months ending %s", a.Date, today)
				}
				if a.Unit != m.Unit && (len(m.Past) == 0 || a.Unit != m.Past[0]) {
					t.Errorf("activity of %d credited to %s, member of %s (past %v)", m.UserID, a.Unit, m.Unit, m.Past)
				}
				if a.Date.Before(youthbot.DateOf(m.DecidedAt, hcm)) {
					t.Errorf("activity of %s before the member's approval %s", a.Date, m.DecidedAt)
				}
				return true
			})
			if err != nil {
				return err
			}
		}
		if share := float64(statuses[youthbot.StatusApproved]) / float64(opts.Members); share < 0.9 || statuses[youthbot.StatusPending] == 0 {
			t.Errorf("statuses %v", statuses)
		}
		if share := float64(nguyen) / float64(opts.Members); share < 0.3 || share > 0.45 {
			t.Errorf("%.0f%% Nguyễn, want about 38%%", share*100)
		}
		if moved == 0 {
			t.Error("no member was ever transferred")
		}
		if acts != opts.Activities {
			t.Errorf("%d activities, want %d", acts, opts.Activities)
		}
		if share := float64(confirmed) / float64(acts); share < 0.77 || share > 0.83 {
			t.Errorf("%.1f%% confirmed, want about 80%%", share*100)
		}
		if pending == 0 {
			t.Error("no activity waits for a decision")
		}

		year, err := tx.Figures(RootCode, youthbot.YearPeriod(2025), hcm)
		if err != nil {
			return err
		}
		month, err := tx.Figures(RootCode, youthbot.MonthPeriod(2026, 2), hcm)
		if err != nil {
			return err
		}
		if year.WorksCompleted+year.TasksCompleted == 0 || year.ValueVND == 0 || month.Participations == 0 || month.MembersActive == 0 {
			t.Errorf("figures without projects or participations: year %+v, month %+v", *year, *month)
		}
		if len(month.Targets) != len(youthbot.Metrics)+4 {
			t.Errorf("the province has %d targets, want one per metric and four coded ones", len(month.Targets))
		}
		return checkF7(t, tx, opts)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestGenerateIsDeterministic(t *testing.T) {
	opts := Options{Units: 20, Members: 300, Activities: 3000, Now: now, Loc: hcm, Seed: 3}
	a, b := dump(t, generate(t, opts)), dump(t, generate(t, opts))
	if !bytes.Equal(a, b) {
		t.Error("the same seed gave different data")
	}
	opts.Seed = 4
	if c := dump(t, generate(t, opts)); bytes.Equal(a, c) {
		t.Error("another seed gave the same data")
	}
}

func TestGenerateRefuses(t *testing.T) {
	db := generate(t, Options{Units: 4, Members: 10, Activities: 10, Now: now, Loc: hcm})
	if err := Generate(db, Options{Units: 4, Now: now}); err == nil || !strings.Contains(err.Error(), "seeded already") {
		t.Errorf("second seeding: %v", err)
	}
	for _, o := range []Options{{Units: 3}, {Units: 10, Members: -1}, {Units: 10, Activities: 5}} {
		if err := Generate(db, o); err == nil {
			t.Errorf("Generate(%+v) succeeded", o)
		}
	}
}

func dump(t *testing.T, db *storage.DB) []byte {
	t.Helper()
	var buf bytes.Buffer
	err := db.Bolt().View(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
			return b.ForEach(func(k, v []byte) error {
				if string(name) == "erasures" && string(k) == "salt" {
					return nil // the erasure log's random key, not seeded data
				}
				fmt.Fprintf(&buf, "%s %x %x\n", name, k, v)
				return nil
			})
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// checkF7 checks the figures of F7 the seed adds: unit activities with head
// counts, contributions of projects, beneficiaries, targets of the three
// kinds, breakthrough tasks, models.
func checkF7(t *testing.T, tx *storage.Tx, opts Options) error {
	t.Helper()
	today := youthbot.DateOf(now, hcm)
	last := youthbot.Period{Year: today.Year - 1, From: 1, To: 12}
	held := 0
	for _, u := range tx.Subtree(RootCode) {
		as, err := tx.UnitActivitiesSince(u, today.AddDays(-365))
		if err != nil {
			return err
		}
		held += len(as)
		for _, a := range as {
			if a.Heads.Members < 5 || a.Heads.Total() > youthbot.MaxHeadCount {
				t.Errorf("unit activity %+v: head counts", a)
			}
		}
	}
	if want := max(opts.Units, opts.Activities/100); held != want {
		t.Errorf("%d unit activities, want %d", held, want)
	}
	f, err := tx.Figures(RootCode, last, hcm)
	if err != nil {
		return err
	}
	if f.ActivitiesHeld == 0 || f.ParticipationsBy.Youth == 0 || f.ParticipationsBy.Residents == 0 || f.PersonDayTenths == 0 ||
		f.SupportVND == 0 || f.Benefit(youthbot.BenefitChildren).People == 0 {
		t.Errorf("last year's figures lack F7's: %+v", *f)
	}
	heads := f.ParticipationsBy.Total()
	if int64(f.Participations) != heads {
		t.Errorf("participations %d, by group %d", f.Participations, heads)
	}
	y, err := tx.Figures(RootCode, youthbot.YearPeriod(today.Year), hcm)
	if err != nil {
		return err
	}
	kinds := map[youthbot.TargetKind]int{}
	for _, tp := range y.Targets {
		kinds[tp.Kind]++
		if tp.Kind == youthbot.TargetManual && tp.Achieved == 0 {
			t.Errorf("manual target %s without an achieved value", tp.Code)
		}
	}
	if kinds[youthbot.TargetPerUnit] != 1 || kinds[youthbot.TargetManual] != 1 || kinds[youthbot.TargetMetric] < 2 {
		t.Errorf("targets by kind %v, want each kind", kinds)
	}
	districts := len(tx.ChildCodes(RootCode))
	if y.BreakthroughsRegistered != 3 || y.BreakthroughsCompleted != 2 || y.Models.Doan != districts || y.Models.Doi != districts {
		t.Errorf("breakthroughs %d/%d, models %+v, want 3/2 and %d of each field", y.BreakthroughsCompleted, y.BreakthroughsRegistered, y.Models, districts)
	}
	return nil
}
