package records

// Messages of the province's figures (F7) that the domain and storage
// return: head counts, beneficiaries, office codes, targets of a plan,
// breakthrough tasks and models.

var viFigures = map[string]string{
	"err.head_count":            "Số lượt không hợp lệ: mỗi nhóm từ 0 trở lên, tổng cộng không quá %d cho một hoạt động.",
	"err.person_days":           "Số ngày công không hợp lệ.",
	"err.value_vnd":             "Số tiền không hợp lệ: phải từ 0 đồng trở lên.",
	"err.benefit_group":         "Không có nhóm hưởng lợi «%s». Dùng: thiếu nhi, hộ nghèo, người cao tuổi, khác.",
	"err.benefit_value":         "Số người hoặc trị giá hưởng lợi không hợp lệ.",
	"err.unit_activity_unknown": "Không tìm thấy hoạt động này (có thể đã bị xoá).",
	"err.office_code_taken":     "Mã «%s» đã dùng cho một hoạt động hoặc công trình khác.",
	"err.office_code_kind":      "Mã «%s» đã dùng cho loại khác (công trình, phần việc hay hoạt động): không đổi được loại.",
	"err.target_kind":           "Không có loại chỉ tiêu «%s». Dùng: metric, per_unit, manual.",
	"err.target_unit_kind":      "Chỉ tiêu mỗi đơn vị cần cấp đơn vị (tỉnh, huyện, cơ sở, chi đoàn); «%s» không phải cấp đơn vị.",
	"err.target_unknown":        "Không có chỉ tiêu mã «%s» của đơn vị trong năm này.",
	"err.target_not_manual":     "Chỉ tiêu «%s» được tính tự động; chỉ nhập kết quả cho chỉ tiêu nhập tay.",
	"err.breakthrough_exists":   "Đơn vị đã đăng ký nhiệm vụ đột phá này trong năm.",
	"err.breakthrough_unknown":  "Không tìm thấy nhiệm vụ đột phá này.",
	"err.model_exists":          "Đơn vị đã có mô hình cùng tên trong năm.",
	"err.model_unknown":         "Không tìm thấy mô hình này.",
	"err.model_field":           "Không có lĩnh vực «%s». Dùng: doan (Đoàn) hoặc doi (Đội).",
	"err.take_over_member":      "Tài khoản này đã là đoàn viên; không nhận thêm hồ sơ đã nhập.",
}

var enFigures = map[string]string{
	"err.head_count":            "Head counts are not valid: each group 0 or more, at most %d in all for one activity.",
	"err.person_days":           "The person-days are not valid.",
	"err.value_vnd":             "The amount is not valid: it must be 0 đồng or more.",
	"err.benefit_group":         "There is no beneficiary group «%s». Use: children, households, elderly, others.",
	"err.benefit_value":         "The beneficiaries' people or value are not valid.",
	"err.unit_activity_unknown": "This activity was not found (it may have been deleted).",
	"err.office_code_taken":     "The code «%s» is already used by another activity or project.",
	"err.office_code_kind":      "The code «%s» is used by another kind of record (work, task or activity): its kind cannot change.",
	"err.target_kind":           "There is no target kind «%s». Use: metric, per_unit, manual.",
	"err.target_unit_kind":      "A per-unit target needs a unit level (province, district, grassroots, branch); «%s» is not one.",
	"err.target_unknown":        "The unit has no target with code «%s» in that year.",
	"err.target_not_manual":     "Target «%s» is measured by the bot; only manual targets take an achieved value.",
	"err.breakthrough_exists":   "The unit already registered this breakthrough task for the year.",
	"err.breakthrough_unknown":  "This breakthrough task was not found.",
	"err.model_exists":          "The unit already has a model of that name in the year.",
	"err.model_unknown":         "This model was not found.",
	"err.model_field":           "There is no field «%s». Use: doan (Union) or doi (Young Pioneers).",
	"err.take_over_member":      "This account is already a member; it cannot take over an imported record.",
}
