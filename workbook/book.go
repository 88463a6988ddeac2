package workbook

import "youthbot"

// Book is a workbook read and checked: the rows of each sheet, in sheet
// order, each with its row number. A sheet absent from the file leaves its
// slice empty.
type Book struct {
	Units         []UnitRow
	Members       []MemberRow
	Activities    []ActivityRow
	Beneficiaries []BeneficiaryRow
	Targets       []TargetRow
	Breakthroughs []BreakthroughRow
	Models        []ModelRow
	Changes       []ChangeRow
	// Sheets names the sheets read, as the file names them, in the order of
	// SheetNames.
	Sheets []string
}

// UnitRow is a row of DonVi.
type UnitRow struct {
	Row    int
	Code   string // ma_don_vi, upper-cased
	Name   string
	Parent string // "" for the root
	Kind   youthbot.UnitKind
}

// Gender is a member's gender as the workbook gives it.
type Gender string

// Genders.
const (
	Male   Gender = "male"   // nam
	Female Gender = "female" // nu
)

// MemberRow is a row of DoanVien: an approved member without a Telegram
// account.
type MemberRow struct {
	Row       int
	FullName  string
	Birth     youthbot.Date
	Branch    string // ma_chi_doan
	Phone     string // +84…, "" when not given
	Joined    youthbot.Date
	JoinedSet bool   // ngay_vao_doan was given; else the caller uses the import's date
	Gender    Gender // "" when not given
}

// ActivityKind is what a HoatDong row is.
type ActivityKind string

// Kinds of HoatDong rows.
const (
	KindWork     ActivityKind = "work"     // ct, công trình thanh niên
	KindTask     ActivityKind = "task"     // pv, phần việc thanh niên
	KindActivity ActivityKind = "activity" // hd, hoạt động
)

// HeadCounts are the participations (lượt) of one activity by group.
type HeadCounts struct {
	Members, Youth, Students, Residents int64
}

// Total is the sum of the head counts.
func (h HeadCounts) Total() int64 { return h.Members + h.Youth + h.Students + h.Residents }

// ActivityRow is a row of HoatDong: a project (ct, pv) or an activity (hd)
// of a unit.
type ActivityRow struct {
	Row   int
	Code  string // ma, upper-cased
	Title string
	Kind  ActivityKind
	Unit  string
	Date  youthbot.Date // held (hd) or completed (ct, pv); may be zero or after today only when not Done
	Start youthbot.Date // zero when not given
	Done  bool          // trang_thai hoan_thanh (the default); false for dang_thuc_hien
	// Level is the recognition level of a ct/pv; "" when not given (the
	// caller uses the unit's own kind).
	Level           youthbot.UnitKind
	Campaign        string
	ValueVND        int64
	SupportVND      int64
	Heads           HeadCounts
	PersonDayTenths int64 // ngay_cong × 10
}

// Group is a group of beneficiaries.
type Group string

// Beneficiary groups, in report order.
const (
	GroupChildren   Group = "children"   // thieu_nhi
	GroupHouseholds Group = "households" // ho_ngheo
	GroupElderly    Group = "elderly"    // nguoi_cao_tuoi
	GroupOthers     Group = "others"     // khac
)

// BeneficiaryRow is a row of HuongLoi.
type BeneficiaryRow struct {
	Row      int
	Activity string // ma_hoat_dong, upper-cased
	Group    Group
	People   int64
	ValueVND int64
	// InBook reports whether Activity is a HoatDong row of the workbook;
	// when false, Options.KnownActivity accepted it as a record of the
	// database.
	InBook bool
}

// TargetKind is how a target is measured.
type TargetKind string

// Kinds of targets.
const (
	TargetMetric  TargetKind = "metric"
	TargetPerUnit TargetKind = "per_unit"
	TargetManual  TargetKind = "manual"
)

// TargetRow is a row of ChiTieu.
type TargetRow struct {
	Row         int
	Year        int
	Unit        string
	Code        string // ma, upper-cased (CT01)
	Text        string // noi_dung
	Kind        TargetKind
	Metric      string            // a Metrics word or beneficiaries:<group>; "" for a manual target without one
	UnitKind    youthbot.UnitKind // cap_don_vi of a per_unit target
	Value       int64
	Achieved    int64 // dat of a manual target
	AchievedSet bool
}

// BreakthroughRow is a row of NhiemVuDotPha.
type BreakthroughRow struct {
	Row  int
	Year int
	Unit string
	Text string
	Done bool // hoan_thanh; false for dang_ky (the default)
}

// Field is the field of an effective model.
type Field string

// Fields of models.
const (
	FieldDoan Field = "doan" // the Union
	FieldDoi  Field = "doi"  // the Young Pioneers (Đội)
)

// ModelRow is a row of MoHinh.
type ModelRow struct {
	Row   int
	Year  int
	Unit  string
	Name  string
	Field Field
}

// ChangeKind is a change of the unit tree (F8).
type ChangeKind string

// Kinds of changes.
const (
	ChangeFound    ChangeKind = "found"    // thanh_lap
	ChangeRename   ChangeKind = "rename"   // doi_ten
	ChangeMove     ChangeKind = "move"     // chuyen
	ChangeMerge    ChangeKind = "merge"    // sap_nhap
	ChangeDissolve ChangeKind = "dissolve" // giai_the
)

// ChangeRow is a row of ThayDoiDonVi. Its date may lie in the future.
type ChangeRow struct {
	Row      int
	Date     youthbot.Date
	Kind     ChangeKind
	Unit     string
	Target   string            // ma_dich
	NewName  string            // ten_moi
	UnitKind youthbot.UnitKind // cap of a thanh_lap
	Decision string            // so_quyet_dinh
}
