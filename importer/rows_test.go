package importer

import (
	"strings"
	"testing"

	"youthbot"
	"youthbot/storage"
)

var (
	memberHead  = []any{"ho_ten", "ngay_sinh", "ma_chi_doan", "so_dien_thoai", "ngay_vao_doan", "gioi_tinh"}
	actHead     = []any{"ma", "ten", "loai", "ma_don_vi", "ngay", "trang_thai", "chien_dich", "gia_tri_lam_loi", "luot_thanh_nien"}
	benefitHead = []any{"ma_hoat_dong", "doi_tuong", "so_nguoi", "tri_gia"}
	targetHead  = []any{"nam", "ma_don_vi", "ma", "noi_dung", "loai", "chi_so", "cap_don_vi", "gia_tri", "dat"}
	breakHead   = []any{"nam", "ma_don_vi", "noi_dung", "trang_thai"}
	modelHead   = []any{"nam", "ma_don_vi", "ten", "linh_vuc"}
	tree        = [][]any{unitHead, {"HG", "Tỉnh đoàn", "", "tinh"}, {"H1", "Huyện 1", "HG", "huyen"},
		{"C1", "Đoàn xã 1", "H1", "co_so"}, {"B1", "Chi đoàn 1", "C1", "chi_doan"}, {"B2", "Chi đoàn 2", "C1", "chi_doan"}}
)

// year is a workbook of every sheet but DonVi, with the cells of the rows
// the tests change as arguments.
func year(phone, value, people, target, done, field string) map[string][][]any {
	return map[string][][]any{
		"DoanVien": {memberHead, {"Nguyễn Văn An", "02/09/2000", "B1", phone, nil, "nam"}, {"Lê Thị Hoa", "03/10/2001", "B2", nil, "01/03/2020", "nu"}},
		"HoatDong": {actHead,
			{"HD1", "Hiến máu", "hd", "B1", "05/05/2023", nil, "Mùa hè xanh", value, 30},
			{"CT1", "Đường hoa", "ct", "C1", "06/06/2023", nil, "Mùa hè xanh", "2 tỷ", 12},
			{"PV1", "Dọn kênh", "pv", "B2", nil, "dang_thuc_hien", nil, nil, nil}},
		"HuongLoi": {benefitHead, {"HD1", "thieu_nhi", people, "5tr"}, {"CT1", "ho_ngheo", 3, nil}},
		"ChiTieu": {targetHead, {2023, "HG", "CT01", "300 công trình", "metric", "công trình", nil, target, nil},
			{2023, "HG", "CT02", "Kết nạp 100 đoàn viên", "manual", nil, nil, 100, nil}},
		"NhiemVuDotPha": {breakHead, {2023, "H1", "Chuyển đổi số", done}},
		"MoHinh":        {modelHead, {2023, "B1", "Tủ sách", field}},
	}
}

func with(sheets map[string][][]any, name string, rows [][]any) map[string][][]any {
	sheets[name] = rows
	return sheets
}

func TestRowsAreKeyed(t *testing.T) {
	db := openDB(t)
	first := with(year("0912345678", "1.000.000", "10", "300", "đăng ký", "đoàn"), "DonVi", tree)
	p, bad := run(t, db, xlsx(t, first), false)
	if bad != "" {
		t.Fatal(bad)
	}
	if got, want := summary(p), "DonVi: 5 created, 0 updated, 0 unchanged; DoanVien: 2 created, 0 updated, 0 unchanged; "+
		"HoatDong: 3 created, 0 updated, 0 unchanged; HuongLoi: 2 created, 0 updated, 0 unchanged; ChiTieu: 2 created, 0 updated, 0 unchanged; "+
		"NhiemVuDotPha: 1 created, 0 updated, 0 unchanged; MoHinh: 1 created, 0 updated, 0 unchanged"; got != want {
		t.Fatalf("first import:\n got %s\nwant %s", got, want)
	}
	// The bot enters the manual target's achieved value; a day later the
	// same workbook changes nothing (not the member's joining day, which
	// defaulted to the first import's date, nor the achieved value).
	if err := db.Update(func(tx *storage.Tx) error { return tx.SetAchieved("HG", 2023, "CT02", 120) }); err != nil {
		t.Fatal(err)
	}
	later := now.AddDate(0, 0, 1)
	p, bad = runAt(t, db, xlsx(t, year("0912345678", "1.000.000", "10", "300", "đăng ký", "đoàn")), later)
	if bad != "" || p.Changes() != 0 {
		t.Fatalf("second import: %s %s", bad, summary(p))
	}
	// One changed cell per sheet updates its record only.
	p, bad = run(t, db, xlsx(t, year("0987654321", "2.000.000", "11", "350", "hoàn thành", "đội")), false)
	if bad != "" {
		t.Fatal(bad)
	}
	if got, want := summary(p), "DoanVien: 0 created, 1 updated, 1 unchanged; HoatDong: 0 created, 1 updated, 2 unchanged; "+
		"HuongLoi: 0 created, 1 updated, 1 unchanged; ChiTieu: 0 created, 1 updated, 1 unchanged; "+
		"NhiemVuDotPha: 0 created, 1 updated, 0 unchanged; MoHinh: 0 created, 1 updated, 0 unchanged"; got != want {
		t.Fatalf("changed import:\n got %s\nwant %s", got, want)
	}
	// A workbook of beneficiaries only, of an activity imported before:
	// its group is added, the others kept; again, nothing changes.
	only := xlsx(t, map[string][][]any{"HuongLoi": {benefitHead, {"HD1", "ho_ngheo", 4, nil}, {"HD1", "thieu_nhi", 11, "5tr"}}})
	for _, want := range []string{"HuongLoi: 1 created, 0 updated, 1 unchanged", "HuongLoi: 0 created, 0 updated, 2 unchanged"} {
		if p, bad = run(t, db, only, false); bad != "" || summary(p) != want {
			t.Fatalf("beneficiaries only: %s%s, want %s", bad, summary(p), want)
		}
	}
	err := db.View(func(tx *storage.Tx) error {
		m, found, err := tx.ImportedByName("B1", "nguyen van an", youthbot.Date{Year: 2000, Month: 9, Day: 2})
		if err != nil || !found || m.Phone != "+84987654321" || m.Joined != today {
			t.Errorf("member: %+v %v %v, want phone +84987654321 joined %v", m, found, err, today)
		}
		tg, _, err := tx.Target("HG", 2023, "CT02")
		if err != nil || tg.Achieved != 120 {
			t.Errorf("manual target: achieved %d %v, want the 120 entered in the bot", tg.Achieved, err)
		}
		ref, _ := tx.OfficeCode("HD1")
		a, err := tx.UnitActivity(ref.Activity)
		if err != nil || a.ValueVND != 2_000_000 || a.Benefit(youthbot.BenefitChildren).People != 11 || a.Heads.Youth != 30 ||
			a.Benefit(youthbot.BenefitHouseholds).People != 4 {
			t.Errorf("activity: %+v %v", a, err)
		}
		ref, _ = tx.OfficeCode("CT1")
		pr, err := tx.Project(ref.Project)
		if err != nil || pr.Status != youthbot.ProjectDone || pr.Level != youthbot.KindGrassroots || pr.ValueVND != 2e9 ||
			pr.Benefit(youthbot.BenefitHouseholds).People != 3 || pr.Heads.Youth != 12 {
			t.Errorf("project: %+v %v", pr, err)
		}
		ref, _ = tx.OfficeCode("PV1")
		if pr, err := tx.Project(ref.Project); err != nil || pr.Status != youthbot.ProjectOpen || pr.Kind != youthbot.ProjectTask {
			t.Errorf("open task: %+v %v", pr, err)
		}
		// "Mùa hè xanh" is new: HD1 creates B1's; CT1, of C1 above B1,
		// finds none of C1 or above and creates C1's; the later imports
		// find them again.
		camps, err := tx.Campaigns()
		var names []string
		for _, c := range camps {
			names = append(names, c.Unit+" "+c.Name+" "+c.Start.ISO()+".."+c.End.ISO())
			if c.EndedAt.IsZero() {
				t.Errorf("campaign %s: imported campaigns are ended, sending no reminders", c.ID)
			}
		}
		if got, want := strings.Join(names, "; "), "B1 Mùa hè xanh 2023-01-01..2023-12-31; C1 Mùa hè xanh 2023-01-01..2023-12-31"; got != want {
			t.Errorf("campaigns %q, want %q", got, want)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestCampaignOfAUnitAbove(t *testing.T) {
	db := openDB(t)
	if _, bad := run(t, db, xlsx(t, map[string][][]any{"DonVi": tree}), false); bad != "" {
		t.Fatal(bad)
	}
	march := youthbot.Campaign{Name: "Tháng Thanh niên", Unit: "HG", Start: youthbot.Date{Year: 2023, Month: 3, Day: 1},
		End: youthbot.Date{Year: 2023, Month: 3, Day: 31}, Cron: "0 8 * * 1", Reminder: "…"}
	if err := db.Update(func(tx *storage.Tx) error { return tx.NewCampaign(&march) }); err != nil {
		t.Fatal(err)
	}
	acts := [][]any{actHead,
		{"HD1", "Hiến máu", "hd", "B2", "10/03/2023", nil, "THÁNG THANH NIÊN", nil, 5}, // HG's, found by folded name
		{"HD2", "Dọn kênh", "hd", "B2", "10/04/2023", nil, "Tháng Thanh niên", nil, 5}, // after its end: a new one of B2
	}
	if _, bad := run(t, db, xlsx(t, map[string][][]any{"HoatDong": acts}), false); bad != "" {
		t.Fatal(bad)
	}
	err := db.View(func(tx *storage.Tx) error {
		for code, want := range map[string]string{"HD1": march.ID} {
			ref, _ := tx.OfficeCode(code)
			a, err := tx.UnitActivity(ref.Activity)
			if err != nil || a.Campaign != want {
				t.Errorf("%s: campaign %q %v, want %q", code, a.Campaign, err, want)
			}
		}
		ref, _ := tx.OfficeCode("HD2")
		a, err := tx.UnitActivity(ref.Activity)
		if err != nil {
			return err
		}
		c, err := tx.Campaign(a.Campaign)
		if err != nil || c.Unit != "B2" || c.ID == march.ID {
			t.Errorf("HD2's campaign: %+v %v, want a new one of B2", c, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestRefusedRows(t *testing.T) {
	db := openDB(t)
	if _, bad := run(t, db, xlsx(t, map[string][][]any{"DonVi": tree}), false); bad != "" {
		t.Fatal(bad)
	}
	before := fileSum(t, db)
	tests := []struct {
		name   string
		sheets map[string][][]any
		want   string
	}{
		{"a change of the tree that breaks it", map[string][][]any{"ThayDoiDonVi": {{"ngay_hieu_luc", "loai", "ma_don_vi", "ma_dich"},
			{"01/01/2024", "chuyen", "B1", "H1"}, {"01/01/2024", "chuyen", "H1", "B2"}}},
			"ThayDoiDonVi!3: unit B2 is a branch: a branch has no child units"},
		{"an activity in progress", map[string][][]any{"HoatDong": {actHead, {"HD9", "Hiến máu", "hd", "B1", nil, "dang_thuc_hien", nil, nil, nil}}},
			"HoatDong!2: trang_thai: an activity (hd) is one that took place"},
		{"a member of a stored unit that is no branch", map[string][][]any{"DoanVien": {memberHead, {"Nguyễn Văn An", "02/09/2000", "C1", nil, nil, nil}}},
			"DoanVien!2: ma_chi_doan: unit C1 is not a branch"},
		{"a target beyond the domain's bounds", map[string][][]any{"ChiTieu": {targetHead, {2023, "HG", "CT01", "Lượt", "metric", "lượt", nil, "2.000.000.000", nil}}},
			"ChiTieu!2: gia_tri: "},
		{"a per_unit target on a kind not below its stored unit", map[string][][]any{"ChiTieu": {targetHead, {2023, "C1", "CT01", "Mỗi xã", "per_unit", "works", "co_so", 1, nil}}},
			"ChiTieu!2: cap_don_vi: kind grassroots is not below unit C1"},
		{"an unknown unit, whose beneficiaries are not reported again", map[string][][]any{
			"HoatDong": {actHead, {"HD9", "Hiến máu", "hd", "XX", "05/05/2023", nil, nil, nil, nil}},
			"HuongLoi": {benefitHead, {"HD9", "thieu_nhi", 3, nil}}},
			"HoatDong!2: ma_don_vi: no unit has code «XX», neither in sheet DonVi nor in the database\nThe workbook has 1 error(s)"},
		{"beneficiaries of nothing", map[string][][]any{"HuongLoi": {benefitHead, {"HD404", "thieu_nhi", 3, nil}}},
			"HuongLoi!2: ma_hoat_dong: no activity has ma «HD404», neither in sheet HoatDong nor in the database"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, got := run(t, db, xlsx(t, tt.sheets), false)
			got += "\n" + text("en", "err.workbook", strings.Count(got, "\n")+1)
			if !strings.HasPrefix(got, tt.want) {
				t.Fatalf("got %q, want %q…", got, tt.want)
			}
			if fileSum(t, db) != before {
				t.Fatal("a refused workbook changed the database")
			}
		})
	}
}
