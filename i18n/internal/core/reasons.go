package core

// Messages of a rejection's reason: the buttons a secretary picks it from
// and the line the member is told.

var viReasons = map[string]string{
	"reject.ask":       "Chọn lý do từ chối (đoàn viên sẽ được báo lý do).",
	"btn.reason_info":  "Thông tin chưa đúng",
	"btn.reason_unit":  "Không thuộc chi đoàn",
	"btn.reason_proof": "Thiếu minh chứng",
	"btn.reason_none":  "Không có lý do",
	"btn.reason_back":  "↩ Quay lại",
	"reject.why_info":  "Lý do: thông tin chưa đúng.",
	"reject.why_unit":  "Lý do: bạn không thuộc chi đoàn này.",
	"reject.why_proof": "Lý do: thiếu minh chứng.",
}

var enReasons = map[string]string{
	"reject.ask":       "Pick a reason for rejecting (the member will be told).",
	"btn.reason_info":  "Information is wrong",
	"btn.reason_unit":  "Not in this branch",
	"btn.reason_proof": "Missing evidence",
	"btn.reason_none":  "No reason",
	"btn.reason_back":  "↩ Back",
	"reject.why_info":  "Reason: the information is wrong.",
	"reject.why_unit":  "Reason: you are not in this branch.",
	"reject.why_proof": "Reason: evidence is missing.",
}
