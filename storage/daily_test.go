package storage

import (
	"fmt"
	"maps"
	"slices"
	"testing"
	"time"

	"youthbot"
)

// TestDailyReadsMatchBruteForce checks ActivityEntries and MembersAt
// against the generated records, and that MembersAt agrees with Figures'
// members_total for every branch and month.
func TestDailyReadsMatchBruteForce(t *testing.T) {
	loc, _ := time.LoadLocation("Asia/Ho_Chi_Minh")
	for seed := uint64(1); seed <= 3; seed++ {
		t.Run(fmt.Sprint("Seed", seed), func(t *testing.T) {
			db := open(t)
			w := generate(t, db, seed, loc)
			view(t, db, func(tx *Tx) error {
				for _, u := range w.units {
					for m := time.January; m <= time.December; m++ {
						p := youthbot.MonthPeriod(2025, m)
						var got []ActivityEntry
						tx.ActivityEntries(u.Code, p, func(e ActivityEntry) { got = append(got, e) })
						var want []ActivityEntry
						for _, a := range w.acts {
							if a.Unit == u.Code && p.Contains(a.Date) {
								want = append(want, ActivityEntry{ID: a.ID, Member: a.Member, Date: a.Date, Tenths: a.Tenths, Status: a.Status})
							}
						}
						if !slices.Equal(got, want) {
							t.Errorf("%s %s entries:\n got %v\nwant %v", u.Code, p, got, want)
						}
						members := tx.MembersAt(u.Code, p, loc)
						var wantMembers []MemberAt
						start, end := p.Start(loc), p.End(loc)
						for _, m := range w.members {
							if m.Unit == u.Code && m.Status == youthbot.StatusApproved && m.DecidedAt.Before(end) && (m.LeftAt.IsZero() || !m.LeftAt.Before(end)) {
								wantMembers = append(wantMembers, MemberAt{ID: m.UserID, New: !m.DecidedAt.Before(start)})
							}
						}
						if !slices.Equal(members, wantMembers) {
							t.Errorf("%s %s members:\n got %v\nwant %v", u.Code, p, members, wantMembers)
						}
						f, err := tx.Figures(u.Code, p, loc)
						if err != nil {
							return err
						}
						news := 0
						for _, m := range members {
							if m.New {
								news++
							}
						}
						// members_new also counts those admitted and gone within
						// the period; MembersAt lists who is still there.
						if len(f.Children) == 0 && (len(members) != f.MembersTotal || news > f.MembersNew) {
							t.Errorf("%s %s: MembersAt gives %d (%d new), figures %d (%d new)", u.Code, p, len(members), news, f.MembersTotal, f.MembersNew)
						}
					}
				}
				return nil
			})
		})
	}
}

func TestUnreachableUsersReadsOnlyTheFlag(t *testing.T) {
	db := open(t)
	update(t, db, func(tx *Tx) error {
		for _, u := range []youthbot.User{{ID: 1}, {ID: 2, Unreachable: true}, {ID: 3, Lang: "vi"}, {ID: -4, Unreachable: true}} {
			if err := tx.PutUser(u); err != nil {
				return err
			}
		}
		return nil
	})
	view(t, db, func(tx *Tx) error {
		got, err := tx.UnreachableUsers()
		if err != nil {
			return err
		}
		if want := map[int64]bool{2: true, -4: true}; !maps.Equal(got, want) {
			t.Errorf("got %v, want %v", got, want)
		}
		return nil
	})
}

func TestMemberNamesReadTheStoredNames(t *testing.T) {
	db := open(t)
	names := map[int64]string{1: "Nguyễn Văn An", 2: `Ân "Hai" \ <Ba> & Bốn`, 3: "Trần Thị Bình"}
	update(t, db, func(tx *Tx) error {
		for id, name := range names {
			if err := tx.PutMember(youthbot.Member{UserID: id, Unit: "B", FullName: name, Status: youthbot.StatusApproved, Phone: "+84901"}); err != nil {
				return err
			}
		}
		if _, err := tx.ForgetMember(3, time.Now()); err != nil {
			return err
		}
		return nil
	})
	view(t, db, func(tx *Tx) error {
		want := map[int64]string{1: names[1], 2: names[2], 3: "", -1: "", 99: ""}
		got, err := tx.MemberNames([]int64{99, 2, -1, 1, 3, 2})
		if err != nil {
			return err
		}
		if !maps.Equal(got, want) {
			t.Errorf("got %v, want %v", got, want)
		}
		return nil
	})
}

// TestMemberNamesStepsAndSeeks reads names of sparse and dense id sets.
func TestMemberNamesStepsAndSeeks(t *testing.T) {
	db := open(t)
	update(t, db, func(tx *Tx) error {
		for i := range 500 {
			if err := tx.PutMember(youthbot.Member{UserID: int64(i * 3), Unit: "B", FullName: fmt.Sprint("N", i*3), Status: youthbot.StatusApproved}); err != nil {
				return err
			}
		}
		return nil
	})
	for _, step := range []int{1, 2, 3, 100, 499} {
		var ids []int64
		want := map[int64]string{}
		for id := int64(-5); id < 1600; id += int64(step) {
			ids = append(ids, id)
			want[id] = ""
			if id >= 0 && id%3 == 0 && id < 1500 {
				want[id] = fmt.Sprint("N", id)
			}
		}
		view(t, db, func(tx *Tx) error {
			got, err := tx.MemberNames(ids)
			if err != nil {
				return err
			}
			if !maps.Equal(got, want) {
				t.Errorf("step %d: got %d names, want %d", step, len(got), len(want))
			}
			return nil
		})
	}
}
