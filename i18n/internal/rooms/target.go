package rooms

// Messages of /target's kinds and metrics (F7, bot/projects/target*.go):
// the metrics added by F7, the kinds of unit a per_unit target counts,
// per_unit and manual targets set and shown by /targets, and their
// refusals.

var viTarget = map[string]string{
	"target.metric_activities":               "Hoạt động của đơn vị",
	"target.metric_person_days":              "Ngày công",
	"target.metric_support_vnd":              "Kinh phí hỗ trợ",
	"target.metric_beneficiaries":            "Người được hỗ trợ",
	"target.metric_beneficiaries.children":   "Thiếu nhi có hoàn cảnh khó khăn được hỗ trợ",
	"target.metric_beneficiaries.elderly":    "Người cao tuổi được hỗ trợ",
	"target.metric_beneficiaries.households": "Hộ nghèo, gia đình chính sách được hỗ trợ",
	"target.metric_beneficiaries.others":     "Đối tượng khác được hỗ trợ",
	"target.metric_":                         "Giá trị",

	"target.unit_kind.province":   "tỉnh đoàn",
	"target.unit_kind.district":   "huyện đoàn",
	"target.unit_kind.grassroots": "đoàn cơ sở",
	"target.unit_kind.branch":     "chi đoàn",

	"target.per_unit_label":     "%s — mỗi %s",
	"target.at_least":           "ít nhất %s",
	"target.now_per_unit":       "Đến nay %d/%d %s đã đạt, đạt %s.",
	"target.now_manual":         "Chỉ tiêu nhập tay: khi có kết quả, nhập /achieved %s giá_trị",
	"target.press_button":       "Bấm nút chọn đơn vị được giao chỉ tiêu ở trên, hoặc /cancel để huỷ.",
	"target.list_line_per_unit": "%s %s (ít nhất %s): %d/%d %s đạt — <b>đạt %s</b>",
	"target.list_manual_hint":   "<i>(chưa nhập kết quả: /achieved %s giá_trị)</i>",
	"target.list_summary":       "📊 <b>%s</b>",
	"target.list_more":          "<i>… và %d mục khác (đủ cả trong báo cáo năm: /tally năm)</i>",

	"err.target_text":           "Nội dung chỉ tiêu trong ngoặc kép phải có chữ và không quá %d ký tự.",
	"err.target_per_unit_kind":  "Sau «mỗi» cần cấp đơn vị: huyện đoàn, đoàn cơ sở hoặc chi đoàn; «%s» không phải cấp đơn vị. Ví dụ: /target 2026 mỗi chi đoàn 1 phần việc",
	"err.target_kind_not_below": "Chỉ tiêu «mỗi %s» phải giao cho đơn vị cấp trên của %[1]s; %s không có %[1]s trực thuộc.",
	"err.target_manual_text":    "Chỉ tiêu thủ công cần nội dung trong ngoặc kép, ví dụ: /target %d thủ công \"Kết nạp 7.000 đoàn viên mới\" 7000",
	"err.target_manual_value":   "Chỉ tiêu thủ công cần giá trị kế hoạch sau nội dung, ví dụ: /target %d thủ công \"Kết nạp 7.000 đoàn viên mới\" 7000",
}

var enTarget = map[string]string{
	"target.metric_activities":               "Unit activities",
	"target.metric_person_days":              "Person-days",
	"target.metric_support_vnd":              "Support spent",
	"target.metric_beneficiaries":            "People supported",
	"target.metric_beneficiaries.children":   "Disadvantaged children supported",
	"target.metric_beneficiaries.elderly":    "Elderly people supported",
	"target.metric_beneficiaries.households": "Poor and policy households supported",
	"target.metric_beneficiaries.others":     "Others supported",
	"target.metric_":                         "Value",

	"target.unit_kind.province":   "province",
	"target.unit_kind.district":   "district",
	"target.unit_kind.grassroots": "grassroots union",
	"target.unit_kind.branch":     "branch",

	"target.per_unit_label":     "%s — each %s",
	"target.at_least":           "at least %s",
	"target.now_per_unit":       "So far %d of %d units (%s) reached it, that is %s.",
	"target.now_manual":         "A manual target: when the result is known, enter /achieved %s value",
	"target.press_button":       "Press a button above to pick the unit that gets the target, or /cancel.",
	"target.list_line_per_unit": "%s %s (at least %s): %d/%d units (%s) reached it — <b>%s achieved</b>",
	"target.list_manual_hint":   "<i>(no result entered yet: /achieved %s value)</i>",
	"target.list_summary":       "📊 <b>%s</b>",
	"target.list_more":          "<i>… and %d more (all of them in the year's report: /tally year)</i>",

	"err.target_text":           "A target's text in quotes must have words and at most %d characters.",
	"err.target_per_unit_kind":  "After «each» comes a unit level: district, grassroots or branch; «%s» is not one. E.g. /target 2026 each branch 1 tasks",
	"err.target_kind_not_below": "A target for each %s must be set for a unit above them; %s has no %[1]s below it.",
	"err.target_manual_text":    "A manual target needs its text in quotes, e.g. /target %d manual \"Admit 7,000 new members\" 7000",
	"err.target_manual_value":   "A manual target needs its planned value after the text, e.g. /target %d manual \"Admit 7,000 new members\" 7000",
}
