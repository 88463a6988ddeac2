package service_test

import (
	"testing"
	"time"

	"youthbot"
	"youthbot/service"
	"youthbot/storage"
)

var (
	_ service.UnitActivityStore = (*storage.Tx)(nil)
	_ service.TargetStore       = (*storage.Tx)(nil)
	_ service.BreakthroughStore = (*storage.Tx)(nil)
	_ service.ModelStore        = (*storage.Tx)(nil)
)

func greenSunday() youthbot.UnitActivity {
	a := youthbot.UnitActivity{Unit: "VT-A", Date: at.Today.AddDays(-1), Title: "Ngày Chủ nhật xanh", ValueVND: 26_000_000}
	a.Heads = youthbot.HeadCounts{Members: 30, Youth: 20, Students: 10, Residents: 5}
	a.PersonDayTenths = 500
	a.SetBenefit(youthbot.Benefit{Group: youthbot.BenefitChildren, People: 20, ValueVND: 2_000_000})
	return a
}

func TestRecordUnitActivity(t *testing.T) {
	tests := []struct {
		name   string
		change func(a *youthbot.UnitActivity)
		err    string
	}{
		{"Records", func(*youthbot.UnitActivity) {}, ""},
		{"RefusesANegativeHeadCount", func(a *youthbot.UnitActivity) { a.Heads.Youth = -1 }, "err.head_count"},
		{"RefusesOver100000People", func(a *youthbot.UnitActivity) { a.Heads.Residents = 100_000 }, "err.head_count"},
		{"RefusesNobody", func(a *youthbot.UnitActivity) { a.Heads = youthbot.HeadCounts{} }, "activity.heads_none"},
		{"RefusesTheFuture", func(a *youthbot.UnitActivity) { a.Date = at.Today.AddDays(1) }, "err.log_future"},
		{"RefusesMoreThanAYearBack", func(a *youthbot.UnitActivity) { a.Date = at.Today.AddDays(-400) }, "err.log_too_old"},
		{"RefusesNoTitle", func(a *youthbot.UnitActivity) { a.Title = "" }, "activity.title_empty"},
		{"RefusesANegativeValue", func(a *youthbot.UnitActivity) { a.ValueVND = -1 }, "err.value_vnd"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := openTree(t)
			a := greenSunday()
			a.OfficeCode, a.CreatedBy = "HD-1", 5 // not the caller's to set
			tt.change(&a)
			var got youthbot.UnitActivity
			err := db.Update(func(tx *storage.Tx) (err error) {
				got, err = service.RecordUnitActivity(tx, sec, a, at)
				return err
			})
			if errKey(err) != tt.err {
				t.Fatalf("error %v, want %q", err, tt.err)
			}
			var stored []youthbot.UnitActivity
			update(t, db, func(tx *storage.Tx) (err error) {
				stored, err = tx.UnitActivitiesSince("VT-A", at.Today.AddDays(-366))
				return err
			})
			if tt.err != "" {
				if len(stored) != 0 {
					t.Errorf("stored %+v", stored)
				}
				return
			}
			if len(stored) != 1 || stored[0].ID != got.ID || stored[0].CreatedBy != sec.ID || !stored[0].CreatedAt.Equal(now) ||
				stored[0].OfficeCode != "" || stored[0].Heads.Total() != 65 || stored[0].Benefit(youthbot.BenefitChildren).People != 20 {
				t.Errorf("stored %+v, returned %+v", stored, got)
			}
		})
	}
}

func errKey(err error) string {
	if e, ok := err.(*youthbot.Error); ok {
		return e.Key
	}
	if err != nil {
		return err.Error()
	}
	return ""
}

func TestEditAndDeleteWithin30Days(t *testing.T) {
	db := openTree(t)
	var rec, imp youthbot.UnitActivity
	update(t, db, func(tx *storage.Tx) (err error) {
		if rec, err = service.RecordUnitActivity(tx, sec, greenSunday(), at); err != nil {
			return err
		}
		imp = greenSunday()
		imp.OfficeCode = "HD-9"
		_, err = tx.UpsertUnitActivity(&imp, now)
		return err
	})
	later := func(d time.Duration) service.When {
		n := now.Add(d)
		return service.When{Now: n, Today: youthbot.DateOf(n, loc)}
	}
	edit := func(id uint64, w service.When, change func(a *youthbot.UnitActivity)) (youthbot.UnitActivity, error) {
		var got youthbot.UnitActivity
		err := db.Update(func(tx *storage.Tx) error {
			a, err := tx.UnitActivity(id)
			if err != nil {
				return err
			}
			change(&a)
			got, err = service.EditUnitActivity(tx, service.Actor{ID: 901}, id, a, w)
			return err
		})
		return got, err
	}
	t.Run("EditsFiguresButNotTheUnitOrWhoRecordedIt", func(t *testing.T) {
		got, err := edit(rec.ID, later(29*24*time.Hour), func(a *youthbot.UnitActivity) { a.Heads.Members, a.Unit, a.CreatedBy = 40, "PH-C", 7 })
		if err != nil {
			t.Fatal(err)
		}
		if got.Heads.Members != 40 || got.Unit != "VT-A" || got.CreatedBy != sec.ID || got.UpdatedBy != 901 {
			t.Errorf("edited %+v", got)
		}
	})
	t.Run("RefusesAnAbsurdEditAndKeepsTheRecord", func(t *testing.T) {
		if _, err := edit(rec.ID, later(time.Hour), func(a *youthbot.UnitActivity) { a.Heads.Youth = 200_000 }); errKey(err) != "err.head_count" {
			t.Fatalf("got %v", err)
		}
	})
	t.Run("RefusesAfter30Days", func(t *testing.T) {
		if _, err := edit(rec.ID, later(31*24*time.Hour), func(a *youthbot.UnitActivity) { a.Title = "x" }); errKey(err) != "activity.edit_window" {
			t.Fatalf("got %v", err)
		}
		err := db.Update(func(tx *storage.Tx) error {
			_, err := service.DeleteUnitActivity(tx, sec, rec.ID, later(31*24*time.Hour))
			return err
		})
		if errKey(err) != "activity.edit_window" {
			t.Fatalf("delete: got %v", err)
		}
	})
	t.Run("RefusesAnImportedOne", func(t *testing.T) {
		if _, err := edit(imp.ID, later(time.Hour), func(a *youthbot.UnitActivity) { a.Title = "x" }); errKey(err) != "activity.edit_window" {
			t.Fatalf("got %v", err)
		}
	})
	t.Run("Deletes", func(t *testing.T) {
		update(t, db, func(tx *storage.Tx) error {
			_, err := service.DeleteUnitActivity(tx, sec, rec.ID, later(time.Hour))
			return err
		})
		update(t, db, func(tx *storage.Tx) error {
			if _, err := tx.UnitActivity(rec.ID); youthbot.ErrorCode(err) != youthbot.ENOTFOUND {
				t.Errorf("still there: %v", err)
			}
			return nil
		})
	})
}
