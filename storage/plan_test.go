package storage

import (
	"testing"
	"time"

	"youthbot"
)

// TestTargetsOfAPlan: targets with a code sit next to those set on a
// metric, are upserted by code, and take an achieved value only when
// manual.
func TestTargetsOfAPlan(t *testing.T) {
	db := withTree(t)
	ct := func(code string, kind youthbot.TargetKind, m youthbot.Metric, v int64) youthbot.Target {
		return youthbot.Target{Unit: "HG", Year: 2025, Code: code, Kind: kind, Metric: m, Value: v, Text: "chỉ tiêu " + code}
	}
	update(t, db, func(tx *Tx) error {
		if err := tx.SetTarget(youthbot.Target{Unit: "HG", Year: 2025, Metric: youthbot.MetricHours, Value: 10}); err != nil {
			return err
		}
		steps := []struct {
			name string
			tg   youthbot.Target
			want Change
		}{
			{"New", ct("CT02", youthbot.TargetMetric, youthbot.MetricWorks, 300), Created},
			{"Manual", ct("CT01", youthbot.TargetManual, "", 4500), Created},
			{"Same", ct("CT02", youthbot.TargetMetric, youthbot.MetricWorks, 300), Unchanged},
			{"Changed", ct("CT02", youthbot.TargetMetric, youthbot.MetricWorks, 392), Updated},
			{"PerUnit", youthbot.Target{Unit: "HG", Year: 2025, Code: "CT03", Kind: youthbot.TargetPerUnit, Metric: youthbot.MetricTasks, UnitKind: youthbot.KindBranch, Value: 1}, Created},
			{"OtherYear", youthbot.Target{Unit: "HG", Year: 2024, Code: "CT02", Metric: youthbot.MetricWorks, Value: 1}, Created},
		}
		for _, s := range steps {
			got, err := tx.UpsertTarget(s.tg)
			if err != nil || got != s.want {
				t.Errorf("%s: %v, %v; want %v", s.name, got, err, s.want)
			}
		}
		if err := tx.SetTarget(youthbot.Target{Unit: "HG", Year: 2025, Kind: youthbot.TargetManual, Value: 1}); err == nil {
			t.Error("a manual target without a code was stored")
		}
		return nil
	})
	errs := []struct {
		name, code string
		achieved   int64
		want       string
	}{
		{"Unknown", "CT09", 1, youthbot.ENOTFOUND},
		{"NotManual", "CT02", 1, youthbot.EINVALID},
		{"OldStyle", "hours", 1, youthbot.ENOTFOUND},
		{"Negative", "CT01", -1, youthbot.EINVALID},
		{"Manual", "CT01", 5000, ""},
	}
	for _, e := range errs {
		err := db.Update(func(tx *Tx) error { return tx.SetAchieved("HG", 2025, e.code, e.achieved) })
		if youthbot.ErrorCode(err) != e.want && !(e.want == "" && err == nil) {
			t.Errorf("SetAchieved %s: %v, want %q", e.name, err, e.want)
		}
	}
	view(t, db, func(tx *Tx) error {
		var keys []string
		for _, tg := range tx.Targets("HG", 2025) {
			keys = append(keys, tg.Key())
		}
		if want := []string{"hours", "CT01", "CT02", "CT03"}; len(keys) != 4 || keys[0] != want[0] || keys[1] != want[1] || keys[2] != want[2] || keys[3] != want[3] {
			t.Errorf("targets %v, want %v", keys, want)
		}
		f, err := tx.Figures("HG", youthbot.YearPeriod(2025), time.UTC)
		if err != nil {
			return err
		}
		got := map[string]youthbot.TargetProgress{}
		for _, p := range f.Targets {
			got[p.Code] = p
		}
		if p := got["CT01"]; p.Kind != youthbot.TargetManual || p.Achieved != 5000 || p.Percent != 111.1 || p.Text != "chỉ tiêu CT01" {
			t.Errorf("manual target: %+v", p)
		}
		if p := got["CT03"]; p.Target != 3 || p.Achieved != 0 || p.Value != 1 || p.UnitKind != youthbot.KindBranch {
			t.Errorf("per_unit target over 3 branches with no task: %+v", p)
		}
		if lo, hi := f.TargetsPercentRange(); lo != 0 || hi != 111.1 || f.TargetsMet() != 1 || f.TargetsTotal() != 4 {
			t.Errorf("range %v..%v, met %d of %d", lo, hi, f.TargetsMet(), f.TargetsTotal())
		}
		return nil
	})
}

// TestBreakthroughsAndModels: keyed by unit, year and text (name), counted
// in the figures of their year over the subtree.
func TestBreakthroughsAndModels(t *testing.T) {
	db := withTree(t)
	now := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	var first youthbot.Breakthrough
	update(t, db, func(tx *Tx) error {
		first = youthbot.Breakthrough{Year: 2025, Unit: "VT", Text: "Chuyển đổi số", CreatedAt: now}
		if err := tx.AddBreakthrough(&first); err != nil {
			return err
		}
		if err := tx.AddBreakthrough(&youthbot.Breakthrough{Year: 2025, Unit: "VT", Text: "Chuyển đổi số"}); youthbot.ErrorCode(err) != youthbot.ECONFLICT {
			t.Errorf("same task twice: %v", err)
		}
		steps := []struct {
			name string
			b    youthbot.Breakthrough
			want Change
		}{
			{"SameRegistered", youthbot.Breakthrough{Year: 2025, Unit: "VT", Text: "Chuyển đổi số"}, Unchanged},
			{"Completed", youthbot.Breakthrough{Year: 2025, Unit: "VT", Text: "Chuyển đổi số", Completed: true}, Updated},
			{"Other", youthbot.Breakthrough{Year: 2025, Unit: "PH-C", Text: "Khởi nghiệp"}, Created},
			{"OtherYear", youthbot.Breakthrough{Year: 2024, Unit: "VT", Text: "Chuyển đổi số", Completed: true}, Created},
		}
		for _, s := range steps {
			b := s.b
			got, err := tx.UpsertBreakthrough(&b, now)
			if err != nil || got != s.want {
				t.Errorf("breakthrough %s: %v, %v; want %v", s.name, got, err, s.want)
			}
		}
		models := []struct {
			name string
			m    youthbot.Model
			want Change
		}{
			{"New", youthbot.Model{Year: 2025, Unit: "VT-A", Name: "Thắp sáng đường quê"}, Created},
			{"Same", youthbot.Model{Year: 2025, Unit: "VT-A", Name: "Thắp sáng đường quê", Field: youthbot.ModelDoan}, Unchanged},
			{"Doi", youthbot.Model{Year: 2025, Unit: "VT-A", Name: "Thắp sáng đường quê", Field: youthbot.ModelDoi}, Updated},
			{"Second", youthbot.Model{Year: 2025, Unit: "PH", Name: "Sân chơi", Field: youthbot.ModelDoi}, Created},
			{"Third", youthbot.Model{Year: 2025, Unit: "HG", Name: "CLB"}, Created},
		}
		for _, s := range models {
			m := s.m
			got, err := tx.UpsertModel(&m, now)
			if err != nil || got != s.want {
				t.Errorf("model %s: %v, %v; want %v", s.name, got, err, s.want)
			}
		}
		if err := tx.AddModel(&youthbot.Model{Year: 2025, Unit: "VT", Name: "x", Field: "pets"}); youthbot.ErrorCode(err) != youthbot.EINVALID {
			t.Errorf("a model of an unknown field: %v", err)
		}
		return nil
	})
	view(t, db, func(tx *Tx) error {
		tests := []struct {
			unit                string
			registered, done    int
			models              youthbot.ModelCounts
			ownBreaks, ownModel int
		}{
			{"HG", 2, 1, youthbot.ModelCounts{Doan: 1, Doi: 2}, 0, 1},
			{"VT", 1, 1, youthbot.ModelCounts{Doi: 1}, 1, 0},
			{"PH", 1, 0, youthbot.ModelCounts{Doi: 1}, 0, 1},
		}
		for _, tt := range tests {
			f, err := tx.Figures(tt.unit, youthbot.MonthPeriod(2025, 6), time.UTC)
			if err != nil {
				return err
			}
			if f.BreakthroughsRegistered != tt.registered || f.BreakthroughsCompleted != tt.done || f.Models != tt.models {
				t.Errorf("%s: breakthroughs %d/%d, models %+v", tt.unit, f.BreakthroughsCompleted, f.BreakthroughsRegistered, f.Models)
			}
			bs, _ := tx.Breakthroughs(tt.unit, 2025)
			ms, _ := tx.Models(tt.unit, 2025)
			if len(bs) != tt.ownBreaks || len(ms) != tt.ownModel {
				t.Errorf("%s: own %d breakthroughs, %d models", tt.unit, len(bs), len(ms))
			}
		}
		if b, ok, err := tx.BreakthroughByKey("VT", 2025, "Chuyển đổi số"); !ok || err != nil || b.ID != first.ID || !b.Completed || b.CompletedAt.IsZero() {
			t.Errorf("by key: %+v %v %v", b, ok, err)
		}
		return nil
	})
	update(t, db, func(tx *Tx) error {
		m, ok, err := tx.ModelByKey("HG", 2025, "CLB")
		if !ok || err != nil {
			t.Fatalf("model by key: %v %v", ok, err)
		}
		if err := tx.DeleteModel(m.ID); err != nil {
			return err
		}
		return tx.DeleteBreakthrough(first.ID)
	})
	view(t, db, func(tx *Tx) error {
		f, _ := tx.Figures("HG", youthbot.YearPeriod(2025), time.UTC)
		if f.BreakthroughsRegistered != 1 || f.Models != (youthbot.ModelCounts{Doi: 2}) {
			t.Errorf("after deletes: %d breakthroughs, models %+v", f.BreakthroughsRegistered, f.Models)
		}
		if _, ok, _ := tx.ModelByKey("HG", 2025, "CLB"); ok {
			t.Error("a deleted model still found by key")
		}
		return nil
	})
}
