package records

// Messages of `youthbot import` (F7): the problems of a workbook against
// the database, shown after "Sheet!Row: column: " like the reader's
// ("wb.*"), and the summary the command prints.

var viImport = map[string]string{
	"imp.unit_unknown":    "không có đơn vị mã «%s», trong trang DonVi hay trong cơ sở dữ liệu",
	"imp.two_roots":       "đơn vị không có cấp trên, nhưng %s cũng là đơn vị gốc: chỉ được có một đơn vị gốc",
	"imp.branch_children": "chi đoàn không có đơn vị trực thuộc, mà trong cơ sở dữ liệu đơn vị này có %s",
	"imp.branch_members":  "chi đoàn %s đã có đoàn viên nên không đổi cấp được (chuyển đoàn viên sang chi đoàn khác trước)",
	"imp.unit_changed":    "đơn vị %s đã có thay đổi (ThayDoiDonVi) sau thời điểm trang DonVi mô tả: sửa bằng một thay đổi mới",
	"imp.no_activity":     "không có hoạt động mã «%s», trong trang HoatDong hay trong cơ sở dữ liệu",
	"imp.kind_changed":    "mã «%s» đã được nhập là %s, không đổi thành %s được",
	"imp.activity_open":   "một hoạt động (hd) đã diễn ra: chỉ công trình và phần việc mới có trạng thái đang thực hiện",
	"imp.invalid":         "không ghi được dòng này",
	"imp.summary":         "%s: tạo mới %d, cập nhật %d, không đổi %d",
	"imp.summary_none":    "Tệp không có dòng nào để nhập.",
	"imp.dry_run":         "Chạy thử (--dry-run): chưa ghi gì vào cơ sở dữ liệu.",
	"imp.done":            "Đã nhập %s: %d dòng tạo mới hoặc cập nhật.",
	"imp.unchanged":       "Đã đọc %s: không có gì thay đổi.",
	"imp.refused":         "Không nhập %s:",
}

var enImport = map[string]string{
	"imp.unit_unknown":    "no unit has code «%s», neither in sheet DonVi nor in the database",
	"imp.two_roots":       "a unit without a parent, but %s is a root too: there can be only one root unit",
	"imp.branch_children": "a branch has no child units, and in the database this unit has %s",
	"imp.branch_members":  "branch %s has members, so its kind cannot change (move its members to another branch first)",
	"imp.unit_changed":    "unit %s has changed (ThayDoiDonVi) since the tree DonVi describes: correct it with a new change",
	"imp.no_activity":     "no activity has ma «%s», neither in sheet HoatDong nor in the database",
	"imp.kind_changed":    "«%s» was imported as %s: it cannot become %s",
	"imp.activity_open":   "an activity (hd) is one that took place: only works (ct) and tasks (pv) can be in progress",
	"imp.invalid":         "this row cannot be written",
	"imp.summary":         "%s: %d created, %d updated, %d unchanged",
	"imp.summary_none":    "The workbook has no row to import.",
	"imp.dry_run":         "Dry run (--dry-run): nothing was written to the database.",
	"imp.done":            "Imported %s: %d row(s) created or updated.",
	"imp.unchanged":       "Read %s: nothing changed.",
	"imp.refused":         "Not imported %s:",
}
