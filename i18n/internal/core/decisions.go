package core

// Messages of a rejection in the secretary's own words and its undo, of
// the day of joining the Union asked at registration, and of an imported
// member taking over their record.

var viDecisions = map[string]string{
	"btn.reason_other":         "✍️ Lý do khác",
	"reject.ask_text":          "✍️ Nhập lý do từ chối trong một dòng (tối đa %d ký tự); đoàn viên sẽ được báo lý do. Gõ /cancel để thôi.",
	"reject.why_text":          "Lý do: %s",
	"reject.done_text":         "❌ Đã từ chối: %s\nLý do: %s\n\nBạn có thể hoàn tác trong 24 giờ.",
	"err.reason_len":           "Lý do cần từ 1 đến %d ký tự.",
	"btn.undo_reject":          "↩ Hoàn tác",
	"reject.undone":            "↩ Đã hoàn tác việc từ chối: đang chờ duyệt lại.",
	"reject.undone_activity":   "↩ Đã hoàn tác việc từ chối hoạt động của %s ngày %s: «%s». Hoạt động đang chờ duyệt lại (/pending).",
	"reject.undo_late":         "Đã quá 24 giờ kể từ khi từ chối: không hoàn tác được nữa.",
	"reject.undo_not_rejected": "Không còn gì để hoàn tác: mục này không còn ở trạng thái bị từ chối.",
	"reject.undo_not_yours":    "Chỉ người đã từ chối mới hoàn tác được.",
	"member.reject_undone":     "↩ Bí thư đã hoàn tác việc từ chối đăng ký của bạn vào <b>%s</b>: đăng ký đang chờ duyệt lại.",
	"activity.reject_undone":   "↩ Bí thư đã hoàn tác việc từ chối hoạt động ngày %s «%s»: hoạt động đang chờ duyệt lại.",
	"btn.joined":               "📅 Thêm ngày vào Đoàn",
	"reg.ask_joined":           "📅 Bạn vào Đoàn ngày nào? (ngày/tháng/năm, ví dụ 26/03/2020; không bắt buộc: bấm «Bỏ qua» nếu không nhớ)",
	"profile.joined":           "Ngày vào Đoàn: %s",
	"reg.joined_unknown":       "chưa ghi (không bắt buộc)",
	"reg.joined_skipped":       "👌 Đã bỏ qua ngày vào Đoàn.",
	"err.joined_future":        "Ngày vào Đoàn không thể ở tương lai.",
	"err.joined_young":         "Ngày vào Đoàn chưa hợp lý: khi đó bạn chưa đủ %d tuổi.",
	"claim.done":               "✅ Chào mừng! Bạn đã có trong danh sách đoàn viên của <b>%[2]s</b> (hồ sơ «%[1]s» do chi đoàn nhập): bot đã nhận hồ sơ đó cho bạn, giữ nguyên quá trình sinh hoạt, không cần chờ duyệt.",
	"claim.told":               "ℹ️ Đoàn viên <b>%s</b> (hồ sơ nhập từ sổ của %s) đã đăng ký trên bot bằng số điện thoại của hồ sơ và nhận lại hồ sơ đó.",
	"claim.history":            "Bạn đã có trong danh sách đoàn viên do chi đoàn nhập: bot giữ nguyên hồ sơ và quá trình sinh hoạt của bạn.",
	"claim.match":              "ℹ️ Trùng họ tên và ngày sinh với một đoàn viên đã nhập từ sổ của chi đoàn: duyệt sẽ gộp vào hồ sơ đó (không thêm đoàn viên mới).",
}

var enDecisions = map[string]string{
	"btn.reason_other":         "✍️ Another reason",
	"reject.ask_text":          "✍️ Type the reason for rejecting in one line (up to %d characters); the member will be told. Type /cancel to stop.",
	"reject.why_text":          "Reason: %s",
	"reject.done_text":         "❌ Rejected: %s\nReason: %s\n\nYou can undo this within 24 hours.",
	"err.reason_len":           "A reason has 1 to %d characters.",
	"btn.undo_reject":          "↩ Undo",
	"reject.undone":            "↩ Rejection undone: waiting for a decision again.",
	"reject.undone_activity":   "↩ Undid the rejection of %s's activity of %s: «%s». It waits for confirmation again (/pending).",
	"reject.undo_late":         "More than 24 hours have passed since the rejection: it can no longer be undone.",
	"reject.undo_not_rejected": "Nothing to undo: this is no longer rejected.",
	"reject.undo_not_yours":    "Only whoever rejected it can undo it.",
	"member.reject_undone":     "↩ The secretary undid the rejection of your registration with <b>%s</b>: it waits for approval again.",
	"activity.reject_undone":   "↩ The secretary undid the rejection of your activity of %s «%s»: it waits for confirmation again.",
	"btn.joined":               "📅 Add the day I joined the Union",
	"reg.ask_joined":           "📅 When did you join the Youth Union? (day/month/year, e.g. 26/03/2020; optional: press «Skip» if you don't remember)",
	"profile.joined":           "Joined the Union: %s",
	"reg.joined_unknown":       "not given (optional)",
	"reg.joined_skipped":       "👌 Skipped the day of joining the Union.",
	"err.joined_future":        "The day you joined the Union cannot be in the future.",
	"err.joined_young":         "That day of joining the Union is implausible: you were not yet %d.",
	"claim.done":               "✅ Welcome! You are already on the member list of <b>%[2]s</b> (record «%[1]s» entered by your branch): the bot has given you that record, with your membership history, no approval needed.",
	"claim.told":               "ℹ️ Member <b>%s</b> (imported into %s's list) registered on the bot with the record's phone number and took over that record.",
	"claim.history":            "You were already on the member list your branch entered: the bot keeps your record and membership history.",
	"claim.match":              "ℹ️ Same full name and date of birth as a member imported into this branch's list: approving merges into that record (no new member).",
}
