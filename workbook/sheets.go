package workbook

import (
	"strings"

	"youthbot"
	"youthbot/vn"
)

// SheetNames are the sheets Read reads, in the order they are applied.
var SheetNames = []string{"DonVi", "DoanVien", "HoatDong", "HuongLoi", "ChiTieu", "NhiemVuDotPha", "MoHinh", "ThayDoiDonVi"}

// Bounds of absurd values: more is a typo, refused with its row.
const (
	MaxHeadCount   = 100_000   // people at one activity, all groups together
	MaxPeople      = 1_000_000 // beneficiaries of one activity and group
	MaxPersonDays  = 1_000_000 // ngay_cong of one activity
	MaxTargetValue = 1_000_000_000_000_000
	MinYear        = 1950
	maxNameLen     = 500 // titles, targets, tasks, model names
	maxShortLen    = 120 // campaign names, new unit names
	maxDecisionLen = 64
)

type column struct {
	name     string
	required bool
}

// sheet is one sheet of docs/IMPORT.md: its columns and how a row of it
// becomes a typed row.
type sheet struct {
	name    string
	order   int
	columns []column
	byFold  map[string]string // folded heading -> column name
	parse   func(c *cell, b *Book)
}

var sheets = []*sheet{
	{name: "DonVi", columns: cols("ma_don_vi*", "ten_don_vi*", "ma_cap_tren", "cap*"), parse: parseUnit},
	{name: "DoanVien", columns: cols("ho_ten*", "ngay_sinh*", "ma_chi_doan*", "so_dien_thoai", "ngay_vao_doan", "gioi_tinh"), parse: parseMember},
	{name: "HoatDong", columns: cols("ma*", "ten*", "loai*", "ma_don_vi*", "ngay*", "ngay_bat_dau", "trang_thai", "cap_cong_nhan", "chien_dich",
		"gia_tri_lam_loi", "kinh_phi_ho_tro", "luot_doan_vien", "luot_thanh_nien", "luot_hoc_sinh", "luot_nhan_dan", "ngay_cong"), parse: parseActivity},
	{name: "HuongLoi", columns: cols("ma_hoat_dong*", "doi_tuong*", "so_nguoi*", "tri_gia"), parse: parseBeneficiary},
	{name: "ChiTieu", columns: cols("nam*", "ma_don_vi*", "ma*", "noi_dung*", "loai", "chi_so", "cap_don_vi", "gia_tri*", "dat"), parse: parseTarget},
	{name: "NhiemVuDotPha", columns: cols("nam*", "ma_don_vi*", "noi_dung*", "trang_thai"), parse: parseBreakthrough},
	{name: "MoHinh", columns: cols("nam*", "ma_don_vi*", "ten*", "linh_vuc"), parse: parseModel},
	{name: "ThayDoiDonVi", columns: cols("ngay_hieu_luc*", "loai*", "ma_don_vi*", "ma_dich", "ten_moi", "cap", "so_quyet_dinh"), parse: parseChange},
}

// sheetByFold finds a sheet by its folded name.
var sheetByFold = func() map[string]*sheet {
	m := make(map[string]*sheet, len(sheets))
	for i, s := range sheets {
		s.order = i
		s.byFold = make(map[string]string, len(s.columns))
		for _, c := range s.columns {
			s.byFold[fold(c.name)] = c.name
		}
		m[fold(s.name)] = s
	}
	return m
}()

func cols(names ...string) []column {
	out := make([]column, len(names))
	for i, n := range names {
		out[i] = column{name: strings.TrimSuffix(n, "*"), required: strings.HasSuffix(n, "*")}
	}
	return out
}

// words maps the folded spellings of an enum's values to canonical words.
func words(pairs ...string) map[string]string {
	m := make(map[string]string, len(pairs))
	for i := 0; i < len(pairs); i += 2 {
		for _, w := range strings.Split(pairs[i], "|") {
			m[fold(w)] = pairs[i+1]
		}
	}
	return m
}

var (
	kindWords = words("tinh|province", string(youthbot.KindProvince), "huyen|district", string(youthbot.KindDistrict),
		"co_so|grassroots", string(youthbot.KindGrassroots), "chi_doan|branch", string(youthbot.KindBranch))
	kindShown     = "tinh, huyen, co_so, chi_doan (province, district, grassroots, branch)"
	genderWords   = words("nam|male", string(Male), "nu|female", string(Female))
	activityWords = words("ct|work", string(KindWork), "pv|task", string(KindTask), "hd|activity", string(KindActivity))
	activityShown = "ct, pv, hd"
	projectState  = words("hoan_thanh|done|completed", "done", "dang_thuc_hien|in_progress", "open")
	groupWords    = words("thieu_nhi|children", string(GroupChildren), "ho_ngheo|households", string(GroupHouseholds),
		"nguoi_cao_tuoi|elderly", string(GroupElderly), "khac|others", string(GroupOthers))
	groupShown  = "thieu_nhi, ho_ngheo, nguoi_cao_tuoi, khac (children, households, elderly, others)"
	targetWords = words("metric|chi_so", string(TargetMetric), "per_unit|moi_don_vi", string(TargetPerUnit), "manual|thu_cong", string(TargetManual))
	metricWords = words(
		"participations|luot", "participations", "hours|gio", "hours", "works|cong_trinh", "works", "tasks|phan_viec", "tasks",
		"value_vnd|gia_tri_lam_loi", "value_vnd", "new_members|doan_vien_moi|ket_nap", "new_members", "activities|hoat_dong", "activities",
		"person_days|ngay_cong", "person_days", "support_vnd|kinh_phi_ho_tro", "support_vnd", "beneficiaries|nguoi_huong_loi", "beneficiaries",
		"thieu_nhi", "beneficiaries:children", "ho_ngheo", "beneficiaries:households", "nguoi_cao_tuoi", "beneficiaries:elderly")
	metricShown = "participations, hours, works, tasks, value_vnd, new_members, activities, person_days, support_vnd, beneficiaries, beneficiaries:<group>"
	breakState  = words("hoan_thanh|done|completed", "done", "dang_ky|registered", "registered")
	fieldWords  = words("doan", string(FieldDoan), "doi", string(FieldDoi))
	changeWords = words("thanh_lap|found", string(ChangeFound), "doi_ten|rename", string(ChangeRename), "chuyen|move", string(ChangeMove),
		"sap_nhap|merge", string(ChangeMerge), "giai_the|dissolve", string(ChangeDissolve))
	changeShown = "thanh_lap, doi_ten, chuyen, sap_nhap, giai_the"
)

func parseUnit(c *cell, b *Book) {
	u := UnitRow{Row: c.row,
		Code:   c.unitCode("ma_don_vi", true),
		Name:   c.text("ten_don_vi", true, youthbot.MaxUnitNameLen),
		Parent: c.unitCode("ma_cap_tren", false),
		Kind:   youthbot.UnitKind(c.enum("cap", true, kindWords, kindShown)),
	}
	if u.Code != "" && u.Code == u.Parent {
		c.fail("ma_cap_tren", "wb.own_parent", u.Code)
	}
	b.Units = append(b.Units, u)
}

func parseMember(c *cell, b *Book) {
	m := MemberRow{Row: c.row, Branch: c.unitCode("ma_chi_doan", true), Gender: Gender(c.enum("gioi_tinh", false, genderWords, "nam, nu"))}
	if c.present("ho_ten", true) {
		m.FullName = vn.NormalizeName(c.raw("ho_ten"))
		if err := youthbot.ValidateName(m.FullName); err != nil {
			c.fail("ho_ten", "wb.name", clip(m.FullName), youthbot.MinNameLen, youthbot.MaxNameLen)
		}
	}
	if d, ok := c.date("ngay_sinh", true, false); ok {
		m.Birth = d
		if err := youthbot.ValidateBirth(d, c.rd.today); err != nil {
			c.fail("ngay_sinh", "wb.birth", d.String())
		}
	}
	m.Joined, m.JoinedSet = c.date("ngay_vao_doan", false, false)
	if m.JoinedSet && !m.Birth.IsZero() && m.Joined.Before(m.Birth) {
		c.fail("ngay_vao_doan", "wb.joined_before_birth", m.Joined.String(), m.Birth.String())
	}
	if c.present("so_dien_thoai", false) {
		var ok bool
		if m.Phone, ok = normalizePhone(c.raw("so_dien_thoai")); !ok {
			c.fail("so_dien_thoai", "wb.phone", clip(c.raw("so_dien_thoai")))
		}
	}
	b.Members = append(b.Members, m)
}

// normalizePhone reads a Vietnamese phone number, 0… or +84… (spaces,
// dots, dashes and brackets allowed; nine digits alone are a number whose
// leading 0 a numeric cell dropped), as +84 and nine digits.
func normalizePhone(s string) (string, bool) {
	var d strings.Builder
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			d.WriteRune(r)
		case r == '+' && i == 0, r == ' ', r == '.', r == '-', r == '(', r == ')':
		default:
			return "", false
		}
	}
	n := d.String()
	switch {
	case strings.HasPrefix(n, "84") && len(n) == 11:
		n = n[2:]
	case strings.HasPrefix(n, "0") && len(n) == 10 && !strings.HasPrefix(s, "+"):
		n = n[1:]
	case len(n) == 9 && !strings.HasPrefix(s, "+"):
	default:
		return "", false
	}
	if n[0] == '0' {
		return "", false
	}
	return "+84" + n, true
}

func parseActivity(c *cell, b *Book) {
	a := ActivityRow{Row: c.row,
		Code:     c.keyCode("ma", true),
		Title:    c.text("ten", true, maxNameLen),
		Kind:     ActivityKind(c.enum("loai", true, activityWords, activityShown)),
		Unit:     c.unitCode("ma_don_vi", true),
		Done:     c.enum("trang_thai", false, projectState, "hoan_thanh, dang_thuc_hien") != "open",
		Level:    youthbot.UnitKind(c.enum("cap_cong_nhan", false, kindWords, kindShown)),
		Campaign: c.text("chien_dich", false, maxShortLen),
	}
	// An unfinished project has no completion date yet: ngay may be empty
	// or the planned date, in the future.
	a.Date, _ = c.date("ngay", a.Done, !a.Done)
	var startOK bool
	if a.Start, startOK = c.date("ngay_bat_dau", false, !a.Done); startOK && !a.Date.IsZero() && a.Date.Before(a.Start) {
		c.fail("ngay_bat_dau", "wb.start_after", a.Start.String(), a.Date.String())
	}
	if a.Kind == KindActivity && a.Level != "" {
		c.fail("cap_cong_nhan", "wb.level_of_activity")
	}
	a.ValueVND = c.number("gia_tri_lam_loi", false, numVND, youthbot.MaxValueVND)
	a.SupportVND = c.number("kinh_phi_ho_tro", false, numVND, youthbot.MaxValueVND)
	a.Heads = HeadCounts{
		Members:   c.number("luot_doan_vien", false, numCount, MaxHeadCount),
		Youth:     c.number("luot_thanh_nien", false, numCount, MaxHeadCount),
		Students:  c.number("luot_hoc_sinh", false, numCount, MaxHeadCount),
		Residents: c.number("luot_nhan_dan", false, numCount, MaxHeadCount),
	}
	if t := a.Heads.Total(); t > MaxHeadCount {
		c.fail("luot_doan_vien", "wb.heads_too_many", thousands(t), thousands(MaxHeadCount))
	}
	a.PersonDayTenths = c.number("ngay_cong", false, numTenths, MaxPersonDays)
	b.Activities = append(b.Activities, a)
}

func parseBeneficiary(c *cell, b *Book) {
	b.Beneficiaries = append(b.Beneficiaries, BeneficiaryRow{Row: c.row,
		Activity: c.keyCode("ma_hoat_dong", true),
		Group:    Group(c.enum("doi_tuong", true, groupWords, groupShown)),
		People:   c.number("so_nguoi", true, numCount, MaxPeople),
		ValueVND: c.number("tri_gia", false, numVND, youthbot.MaxValueVND),
	})
}

// year returns col as a year from MinYear to the year after today's.
func (c *cell) year(col string, maxYear int) int {
	if !c.present(col, true) {
		return 0
	}
	v, ok := c.parseNumber(col, c.raw(col), numCount)
	if !ok || v < MinYear || v > int64(maxYear) {
		c.fail(col, "wb.year", clip(c.raw(col)), MinYear, maxYear)
		return 0
	}
	return int(v)
}

func parseTarget(c *cell, b *Book) {
	t := TargetRow{Row: c.row,
		Year: c.year("nam", c.rd.today.Year+1),
		Unit: c.unitCode("ma_don_vi", true),
		Code: c.keyCode("ma", true),
		Text: c.text("noi_dung", true, maxNameLen),
		Kind: TargetKind(c.enum("loai", false, targetWords, "metric, per_unit, manual")),
	}
	if t.Kind == "" && c.raw("loai") == "" {
		t.Kind = TargetMetric
	}
	if t.Metric = c.metric(); t.Metric == "" && c.raw("chi_so") == "" && t.Kind != TargetManual && t.Kind != "" {
		c.fail("chi_so", "wb.metric_required")
	}
	t.UnitKind = youthbot.UnitKind(c.enum("cap_don_vi", false, kindWords, kindShown))
	switch {
	case t.Kind == TargetPerUnit && c.raw("cap_don_vi") == "":
		c.fail("cap_don_vi", "wb.cap_required")
	case t.Kind != TargetPerUnit && t.Kind != "" && c.raw("cap_don_vi") != "":
		c.fail("cap_don_vi", "wb.cap_only_per_unit")
	}
	t.Value = c.number("gia_tri", true, numVND, MaxTargetValue)
	if v, ok := c.parseNumber("gia_tri", c.raw("gia_tri"), numVND); ok && v == 0 {
		c.fail("gia_tri", "wb.zero_target")
	}
	if c.present("dat", false) {
		if t.Kind != TargetManual && t.Kind != "" {
			c.fail("dat", "wb.achieved_only_manual")
		}
		t.Achieved, t.AchievedSet = c.number("dat", false, numVND, MaxTargetValue), true
	}
	b.Targets = append(b.Targets, t)
}

// metric reads chi_so: a metric word, or beneficiaries:<group>.
func (c *cell) metric() string {
	s := c.raw("chi_so")
	if s == "" {
		return ""
	}
	if head, group, ok := strings.Cut(s, ":"); ok && metricWords[fold(head)] == "beneficiaries" {
		if g, ok := groupWords[fold(group)]; ok {
			return "beneficiaries:" + g
		}
	} else if m, ok := metricWords[fold(s)]; ok {
		return m
	}
	c.fail("chi_so", "wb.enum", clip(s), metricShown)
	return ""
}

func parseBreakthrough(c *cell, b *Book) {
	b.Breakthroughs = append(b.Breakthroughs, BreakthroughRow{Row: c.row,
		Year: c.year("nam", c.rd.today.Year),
		Unit: c.unitCode("ma_don_vi", true),
		Text: c.text("noi_dung", true, maxNameLen),
		Done: c.enum("trang_thai", false, breakState, "hoan_thanh, dang_ky") == "done",
	})
}

func parseModel(c *cell, b *Book) {
	m := ModelRow{Row: c.row,
		Year:  c.year("nam", c.rd.today.Year),
		Unit:  c.unitCode("ma_don_vi", true),
		Name:  c.text("ten", true, maxNameLen),
		Field: Field(c.enum("linh_vuc", false, fieldWords, "doan, doi")),
	}
	if m.Field == "" && c.raw("linh_vuc") == "" {
		m.Field = FieldDoan
	}
	b.Models = append(b.Models, m)
}

func parseChange(c *cell, b *Book) {
	ch := ChangeRow{Row: c.row,
		Kind:     ChangeKind(c.enum("loai", true, changeWords, changeShown)),
		Unit:     c.unitCode("ma_don_vi", true),
		Target:   c.unitCode("ma_dich", false),
		NewName:  c.text("ten_moi", false, youthbot.MaxUnitNameLen),
		UnitKind: youthbot.UnitKind(c.enum("cap", false, kindWords, kindShown)),
		Decision: c.text("so_quyet_dinh", false, maxDecisionLen),
	}
	ch.Date, _ = c.date("ngay_hieu_luc", true, true) // a change may take effect later
	need := func(col string) {
		if c.raw(col) == "" {
			c.fail(col, "wb.change_needs", c.raw("loai"))
		}
	}
	switch ch.Kind {
	case ChangeFound:
		need("ma_dich")
		need("ten_moi")
		need("cap")
	case ChangeRename:
		if c.raw("ten_moi") == "" && c.raw("ma_dich") == "" {
			need("ten_moi")
		}
	case ChangeMove, ChangeMerge:
		need("ma_dich")
	}
	if ch.Unit != "" && ch.Unit == ch.Target && ch.Kind != ChangeRename {
		c.fail("ma_dich", "wb.own_parent", ch.Unit)
	}
	b.Changes = append(b.Changes, ch)
}
