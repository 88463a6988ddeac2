package service_test

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"youthbot"
	"youthbot/service"
	"youthbot/storage"
)

func TestDone(t *testing.T) {
	day := youthbot.Date{Year: 2026, Month: 3, Day: 21}
	when := service.When{Now: time.Date(2026, 3, 21, 17, 0, 0, 0, loc), Today: day}
	credited := func(to int64) service.Notice {
		return notice(to, "project_done", text("project.done_credited", "P1", "Ngày Chủ nhật xanh", "21/03/2026"))
	}
	present := func(id int64) youthbot.Participant {
		return youthbot.Participant{Member: id, State: youthbot.SeatJoined, Attended: true}
	}
	cases := []struct {
		name         string
		seats        []youthbot.Participant
		fig          service.DoneFigures
		byAttendance bool
		notices      []service.Notice
		vnd          int64
	}{
		// 3 moved to PH-C (the project is VT's), 4 was forgotten, 5 only waited.
		{"EveryEligibleJoinedMemberWhenNobodyWasPresent", []youthbot.Participant{seat(1, youthbot.SeatJoined), seat(2, youthbot.SeatJoined),
			seat(3, youthbot.SeatJoined), seat(4, youthbot.SeatJoined), seat(5, youthbot.SeatWaiting)},
			service.DoneFigures{ValueVND: 5_000_000}, false, []service.Notice{credited(1), credited(2)}, 5_000_000},
		{"OnlyThePresentOnesWhenSomeoneWas", []youthbot.Participant{seat(1, youthbot.SeatJoined), present(2)},
			service.DoneFigures{}, true, []service.Notice{credited(2)}, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			db := openTree(t)
			member(t, db, 1, "VT-A", youthbot.StatusApproved)
			member(t, db, 2, "VT-B", youthbot.StatusApproved)
			member(t, db, 3, "PH-C", youthbot.StatusApproved)
			member(t, db, 5, "VT-A", youthbot.StatusApproved)
			p := project(t, db, 0, tc.seats...)
			var got service.Completion
			var notices []service.Notice
			update(t, db, func(tx *storage.Tx) (err error) {
				got, notices, err = service.Done(tx, sec, p, tc.fig, when)
				return err
			})
			if got.Credited != len(tc.notices) || got.ByAttendance != tc.byAttendance || got.Project.Status != youthbot.ProjectDone ||
				got.Project.DoneDate != day || got.Project.ValueVND != tc.vnd {
				t.Errorf("got %+v, want %d credited, by attendance %v, done on %s, value %d", got, len(tc.notices), tc.byAttendance, day, tc.vnd)
			}
			if !reflect.DeepEqual(notices, tc.notices) {
				t.Errorf("got notices %+v, want %+v", notices, tc.notices)
			}
			update(t, db, func(tx *storage.Tx) error {
				f, err := tx.Figures("VT", youthbot.MonthPeriod(2026, 3), loc)
				if f.Participations != len(tc.notices) {
					t.Errorf("VT counts %d participations, want %d", f.Participations, len(tc.notices))
				}
				return err
			})
			err := db.Update(func(tx *storage.Tx) error {
				p, err := tx.Project("P1")
				if err != nil {
					return err
				}
				_, _, err = service.Done(tx, sec, p, service.DoneFigures{}, when)
				return err
			})
			if youthbot.ErrorCode(err) != youthbot.ECONFLICT {
				t.Errorf("done again: got %v, want %s", err, youthbot.ECONFLICT)
			}
		})
	}
}

func TestDoneRefuses(t *testing.T) {
	db := openTree(t)
	member(t, db, 1, "VT-A", youthbot.StatusApproved)
	p := project(t, db, 0, seat(1, youthbot.SeatJoined))
	later := youthbot.Date{Year: 2026, Month: 3, Day: 21}
	heads := func(h youthbot.HeadCounts) service.DoneFigures {
		return service.DoneFigures{Contribution: youthbot.Contribution{Heads: h}}
	}
	benefit := func(b youthbot.Benefit) service.DoneFigures {
		return service.DoneFigures{Contribution: youthbot.Contribution{Beneficiaries: []youthbot.Benefit{b}}}
	}
	for _, tc := range []struct {
		name  string
		fig   service.DoneFigures
		today youthbot.Date
		key   string
	}{
		{"BeforeTheFirstDay", service.DoneFigures{}, at.Today, "err.project_not_started"},
		{"ANegativeValue", service.DoneFigures{ValueVND: -1}, later, "err.value_vnd"},
		{"AnAbsurdValue", service.DoneFigures{ValueVND: youthbot.MaxValueVND + 1}, later, "err.value_vnd"},
		{"ANegativeHeadCount", heads(youthbot.HeadCounts{Youth: -1}), later, "err.head_count"},
		{"OverMaxHeadCountInAll", heads(youthbot.HeadCounts{Youth: 60_000, Residents: 40_001}), later, "err.head_count"},
		{"NegativePersonDays", service.DoneFigures{Contribution: youthbot.Contribution{PersonDayTenths: -5}}, later, "err.person_days"},
		{"NegativeSupport", service.DoneFigures{Contribution: youthbot.Contribution{SupportVND: -5}}, later, "err.value_vnd"},
		{"AnUnknownGroup", benefit(youthbot.Benefit{Group: "pets", People: 3}), later, "err.benefit_group"},
		{"TooManyBeneficiaries", benefit(youthbot.Benefit{Group: youthbot.BenefitChildren, People: youthbot.MaxPeople + 1}), later, "err.benefit_value"},
		{"ALevelBelowTheUnit", service.DoneFigures{Level: youthbot.KindBranch}, later, "err.done_level"},
		{"NoLevel", service.DoneFigures{Level: "planet"}, later, "err.done_level"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := db.Update(func(tx *storage.Tx) error {
				_, _, err := service.Done(tx, sec, p, tc.fig, service.When{Now: now, Today: tc.today})
				return err
			})
			var e *youthbot.Error
			if !errors.As(err, &e) || e.Key != tc.key {
				t.Fatalf("got %v, want a refusal %q", err, tc.key)
			}
			update(t, db, func(tx *storage.Tx) error {
				got, err := tx.Project(p.Code)
				if !got.Open() || got.ValueVND != 0 || got.Level != "" || got.Heads != (youthbot.HeadCounts{}) || got.PersonDayTenths != 0 ||
					got.SupportVND != 0 || len(got.Beneficiaries) != 0 {
					t.Errorf("refused /done changed the project: %+v", got)
				}
				f, ferr := tx.Figures("VT", youthbot.MonthPeriod(2026, 3), loc)
				if ferr == nil && (f.Participations != 0 || f.WorksCompleted != 0) {
					t.Errorf("refused /done counted: %+v", f)
				}
				return errors.Join(err, ferr)
			})
		})
	}
}

// TestDoneRecordsTheFigures: the head counts, person-days, support,
// beneficiaries and level are stored on the project and counted once:
// participations = credited members + every head count, the members'
// head count on top of the member credited individually.
func TestDoneRecordsTheFigures(t *testing.T) {
	when := service.When{Now: time.Date(2026, 3, 21, 17, 0, 0, 0, loc), Today: youthbot.Date{Year: 2026, Month: 3, Day: 21}}
	for _, tc := range []struct {
		name    string
		level   youthbot.UnitKind
		stored  youthbot.UnitKind
		byLevel youthbot.LevelCounts
	}{
		{"OwnLevelByDefault", "", "", youthbot.LevelCounts{District: 1}},
		{"OwnLevelNamedIsTheDefault", youthbot.KindDistrict, "", youthbot.LevelCounts{District: 1}},
		{"AProvincialRecognition", youthbot.KindProvince, youthbot.KindProvince, youthbot.LevelCounts{Province: 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := openTree(t)
			member(t, db, 1, "VT-A", youthbot.StatusApproved)
			p := project(t, db, 0, seat(1, youthbot.SeatJoined))
			fig := service.DoneFigures{ValueVND: 26_000_000, Level: tc.level, Contribution: youthbot.Contribution{
				Heads: youthbot.HeadCounts{Members: 3, Youth: 20, Residents: 5}, PersonDayTenths: 155, SupportVND: 2_000_000,
				Beneficiaries: []youthbot.Benefit{ // out of order: stored in group order
					{Group: youthbot.BenefitHouseholds, People: 3, ValueVND: 5_000_000},
					{Group: youthbot.BenefitChildren, People: 20, ValueVND: 2_000_000},
				}}}
			var got service.Completion
			update(t, db, func(tx *storage.Tx) (err error) {
				got, _, err = service.Done(tx, sec, p, fig, when)
				return err
			})
			wantBenef := []youthbot.Benefit{
				{Group: youthbot.BenefitChildren, People: 20, ValueVND: 2_000_000},
				{Group: youthbot.BenefitHouseholds, People: 3, ValueVND: 5_000_000},
			}
			if got.Credited != 1 || got.Participations != 29 || got.Project.Level != tc.stored ||
				!reflect.DeepEqual(got.Project.Beneficiaries, wantBenef) {
				t.Errorf("completion %+v: want 1 credited, 29 participations, level %q", got, tc.stored)
			}
			update(t, db, func(tx *storage.Tx) error {
				stored, err := tx.Project("P1")
				if err != nil {
					return err
				}
				if stored.ValueVND != 26_000_000 || stored.Heads != fig.Heads || stored.PersonDayTenths != 155 ||
					stored.SupportVND != 2_000_000 || stored.Level != tc.stored || !reflect.DeepEqual(stored.Beneficiaries, wantBenef) {
					t.Errorf("stored %+v", stored)
				}
				for _, unit := range []string{"VT", "HG"} {
					f, err := tx.Figures(unit, youthbot.MonthPeriod(2026, 3), loc)
					if err != nil {
						return err
					}
					wantBy := youthbot.HeadCounts{Members: 4, Youth: 20, Residents: 5}
					if f.Participations != 29 || f.ParticipationsBy != wantBy || f.ParticipationsBy.Total() != int64(f.Participations) ||
						f.PersonDayTenths != 155 || f.SupportVND != 2_000_000 || f.ValueVND != 26_000_000 ||
						!reflect.DeepEqual(f.Beneficiaries, wantBenef) || f.WorksByLevel != tc.byLevel {
						t.Errorf("%s figures: participations %d by %+v, days %d, support %d, value %d, benef %+v, works by level %+v",
							unit, f.Participations, f.ParticipationsBy, f.PersonDayTenths, f.SupportVND, f.ValueVND, f.Beneficiaries, f.WorksByLevel)
					}
				}
				return nil
			})
		})
	}
}

func TestLevelChoices(t *testing.T) {
	db := openTree(t)
	for unit, want := range map[string][]youthbot.UnitKind{
		"VT-A": {youthbot.KindBranch, youthbot.KindDistrict, youthbot.KindProvince},
		"VT":   {youthbot.KindDistrict, youthbot.KindProvince},
		"HG":   {youthbot.KindProvince},
	} {
		update(t, db, func(tx *storage.Tx) error {
			got, err := service.LevelChoices(tx, unit)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s: got %v, want %v", unit, got, want)
			}
			return err
		})
	}
}
