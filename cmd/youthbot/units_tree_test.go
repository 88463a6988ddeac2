package main

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"youthbot"
	"youthbot/storage"
)

// TestUnitsHistoryListsWaitingAndRefusedChanges: `units history` lists,
// in the CLI's language, a unit's changes that wait for their date and
// those refused on it with the reason; a founding that waits is found by
// its code; a change whose date has come but that the bot has not applied
// yet shows as applied, and the database is not written.
func TestUnitsHistoryListsWaitingAndRefusedChanges(t *testing.T) {
	loc, _ := time.LoadLocation(DefaultTZ)
	today := youthbot.DateOf(time.Now(), loc)
	path := filepath.Join(t.TempDir(), "y.db")
	db, err := storage.Open(path, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	change := func(tx *storage.Tx, recorded youthbot.Date, c youthbot.UnitChange) error {
		_, err := tx.ApplyUnitChanges([]youthbot.UnitChange{c}, recorded, loc)
		return err
	}
	err = db.Update(func(tx *storage.Tx) error {
		for _, u := range []youthbot.Unit{{Code: "HG", Name: "Tỉnh đoàn Hậu Giang", Kind: youthbot.KindProvince},
			{Code: "VT", Name: "Thành đoàn Vị Thanh", Parent: "HG", Kind: youthbot.KindDistrict},
			{Code: "VT-A", Name: "Chi đoàn A", Parent: "VT", Kind: youthbot.KindBranch},
			{Code: "VT-B", Name: "Chi đoàn B", Parent: "VT", Kind: youthbot.KindBranch}} {
			if err := tx.PutUnit(u); err != nil {
				return err
			}
		}
		// Refused on its date: a member joined VT-A meanwhile.
		if err := change(tx, today.AddDays(-20), youthbot.UnitChange{Date: today.AddDays(-10), Kind: youthbot.ChangeDissolve, Unit: "VT-A", Decision: "12-QĐ/TĐTN"}); err != nil {
			return err
		}
		at := today.AddDays(-15).Time(loc)
		if err := tx.PutMember(youthbot.Member{UserID: 5, Unit: "VT-A", FullName: "Lê Văn Cường", Status: youthbot.StatusApproved, RegisteredAt: at, DecidedAt: at}); err != nil {
			return err
		}
		if _, err := tx.ApplyDueChanges(today.AddDays(-10), loc); err != nil {
			return err
		}
		// Waiting for a date to come.
		if err := change(tx, today, youthbot.UnitChange{Date: today.AddDays(30), Kind: youthbot.ChangeDissolve, Unit: "VT-B", Decision: "20-QĐ/TĐTN"}); err != nil {
			return err
		}
		if err := change(tx, today, youthbot.UnitChange{Date: today.AddDays(30), Kind: youthbot.ChangeFound, Unit: "VT-C", Target: "VT", NewName: "Chi đoàn C", UnitKind: youthbot.KindBranch}); err != nil {
			return err
		}
		// Due since yesterday, not applied by the bot yet.
		return change(tx, today.AddDays(-3), youthbot.UnitChange{Date: today.AddDays(-1), Kind: youthbot.ChangeRename, Unit: "HG", NewName: "Tỉnh đoàn mới"})
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	before := fileHash(t, path)
	env := map[string]string{"YOUTHBOT_DB": path}
	tests := []struct {
		args       []string
		want, lack []string
	}{
		{[]string{"--lang", "en", "VT-A"}, []string{"History of unit VT-A:", "Unit VT-A has no changes yet.", "Changes not applied, no longer valid on their date:",
			"  " + today.AddDays(-10).String() + ": VT-A dissolved – decision 12-QĐ/TĐTN – reason: unit VT-A still has members"},
			[]string{"waiting", "Cường"}},
		{[]string{"VT-A"}, []string{"Lịch sử đơn vị VT-A:", "Thay đổi không áp dụng vì không còn hợp lệ vào ngày hiệu lực:",
			"  " + today.AddDays(-10).String() + ": giải thể VT-A – quyết định 12-QĐ/TĐTN – lý do: đơn vị VT-A còn đoàn viên"}, nil},
		{[]string{"VT-B"}, []string{"Đơn vị VT-B chưa có thay đổi nào.", "Thay đổi chờ đến ngày hiệu lực:",
			"  " + today.AddDays(30).String() + ": giải thể VT-B – quyết định 20-QĐ/TĐTN"}, []string{"không áp dụng"}},
		{[]string{"--lang", "en", "vt-c"}, []string{"History of unit VT-C:", "Changes waiting for their date:",
			"  " + today.AddDays(30).String() + ": VT-C founded under VT"}, nil},
		{[]string{"--lang", "en", "VT"}, []string{"Changes waiting for their date:", "VT-C founded under VT"}, []string{"VT-B dissolved"}},
		{[]string{"--lang", "en", "HG"}, []string{today.AddDays(-1).String() + ": HG renamed «Tỉnh đoàn mới»", "Tỉnh đoàn mới (code HG"},
			[]string{"waiting"}},
	}
	for _, tc := range tests {
		code, out, errOut := runMain(t, env, append([]string{"units", "history"}, tc.args...)...)
		if code != 0 {
			t.Errorf("units history %v: exit %d %s", tc.args, code, errOut)
		}
		for _, w := range tc.want {
			if !strings.Contains(out, w) {
				t.Errorf("units history %v lacks %q:\n%s", tc.args, w, out)
			}
		}
		for _, l := range tc.lack {
			if strings.Contains(out, l) {
				t.Errorf("units history %v has %q:\n%s", tc.args, l, out)
			}
		}
	}
	if code, _, errOut := runMain(t, env, "units", "history", "XX-9"); code == 0 || !strings.Contains(errOut, "no unit has or had this code") {
		t.Errorf("units history of an unknown code: exit %d %q", code, errOut)
	}
	if fileHash(t, path) != before {
		t.Error("units history wrote the database")
	}
}
