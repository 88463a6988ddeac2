package service_test

import (
	"testing"

	"youthbot"
	"youthbot/service"
	"youthbot/storage"
)

func TestAchieveOnlyManualTargets(t *testing.T) {
	db := openTree(t)
	update(t, db, func(tx *storage.Tx) error {
		for _, tg := range []youthbot.Target{
			{Unit: "VT", Year: 2026, Code: "CT05", Kind: youthbot.TargetManual, Text: "Kết nạp 700 đoàn viên mới", Value: 700},
			{Unit: "VT", Year: 2026, Code: "CT01", Kind: youthbot.TargetMetric, Metric: youthbot.MetricParticipations, Text: "3.000 lượt", Value: 3000},
		} {
			if _, err := tx.UpsertTarget(tg); err != nil {
				return err
			}
		}
		return nil
	})
	tests := []struct {
		code  string
		value int64
		err   string
	}{
		{"CT05", 750, ""},
		{"CT01", 10, "achieved.not_manual"},
		{"CT09", 10, "err.target_unknown"},
		{"CT05", -1, "err.target_value"},
	}
	for _, tt := range tests {
		var got youthbot.Target
		err := db.Update(func(tx *storage.Tx) (err error) {
			got, err = service.Achieve(tx, sec, "VT", 2026, tt.code, tt.value)
			return err
		})
		if errKey(err) != tt.err {
			t.Errorf("%s %d: error %v, want %q", tt.code, tt.value, err, tt.err)
			continue
		}
		if tt.err == "" && got.Achieved != tt.value {
			t.Errorf("%s: achieved %d", tt.code, got.Achieved)
		}
	}
	update(t, db, func(tx *storage.Tx) error {
		tg, _, err := tx.Target("VT", 2026, "CT05")
		if tg.Achieved != 750 {
			t.Errorf("stored achieved %d, want 750 (the refused -1 must change nothing)", tg.Achieved)
		}
		return err
	})
}

func TestBreakthroughsAndModels(t *testing.T) {
	db := openTree(t)
	var b youthbot.Breakthrough
	update(t, db, func(tx *storage.Tx) (err error) {
		b, err = service.RegisterBreakthrough(tx, sec, "VT", 2026, "  Chuyển đổi số   trong sinh hoạt chi đoàn ", at)
		return err
	})
	if b.Text != "Chuyển đổi số trong sinh hoạt chi đoàn" || b.ID == 0 {
		t.Fatalf("registered %+v", b)
	}
	for text, key := range map[string]string{"Chuyển đổi số trong sinh hoạt chi đoàn": "err.breakthrough_exists",
		"chuyen doi so  trong sinh hoat chi doan": "err.breakthrough_exists", " ": "breakthrough.usage"} {
		err := db.Update(func(tx *storage.Tx) error {
			_, err := service.RegisterBreakthrough(tx, sec, "VT", 2026, text, at)
			return err
		})
		if errKey(err) != key {
			t.Errorf("%q: got %v, want %s", text, err, key)
		}
	}
	update(t, db, func(tx *storage.Tx) (err error) { b, err = service.CompleteBreakthrough(tx, sec, b, at); return err })
	err := db.Update(func(tx *storage.Tx) error { _, err := service.CompleteBreakthrough(tx, sec, b, at); return err })
	if errKey(err) != "breakthrough.already" {
		t.Errorf("completing twice: %v", err)
	}
	update(t, db, func(tx *storage.Tx) error {
		got, err := tx.Breakthrough(b.ID)
		if !got.Completed || got.CompletedBy != sec.ID {
			t.Errorf("stored %+v", got)
		}
		return err
	})

	update(t, db, func(tx *storage.Tx) error {
		_, err := service.RegisterModel(tx, sec, "VT", 2026, youthbot.ModelDoi, "Đội hình măng non", at)
		return err
	})
	for _, tt := range []struct {
		field youthbot.ModelField
		name  string
		key   string
	}{{youthbot.ModelDoi, "Đội hình măng non", "err.model_exists"}, {youthbot.ModelDoan, "đội hình MĂNG NON", "err.model_exists"}, {"x", "Khác", "err.model_field"}, {youthbot.ModelDoan, "", "model.usage"}} {
		err := db.Update(func(tx *storage.Tx) error {
			_, err := service.RegisterModel(tx, sec, "VT", 2026, tt.field, tt.name, at)
			return err
		})
		if errKey(err) != tt.key {
			t.Errorf("%q: got %v, want %s", tt.name, err, tt.key)
		}
	}
	update(t, db, func(tx *storage.Tx) error {
		ms, err := tx.Models("VT", 2026)
		if len(ms) != 1 || ms[0].Field != youthbot.ModelDoi {
			t.Errorf("models %+v", ms)
		}
		return err
	})
}
