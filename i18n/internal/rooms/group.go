package rooms

// Messages of groups, broadcasts and the scheduler's notifications (F5).

var viGroup = map[string]string{
	"cmd.linkgroup":   "Liên kết nhóm với đơn vị (gõ trong nhóm)",
	"cmd.unlinkgroup": "Huỷ liên kết nhóm (gõ trong nhóm)",
	"cmd.broadcast":   "Gửi thông báo tới đoàn viên",

	"btn.send":   "📤 Gửi",
	"btn.cancel": "Huỷ",

	"grp.linked":           "✅ Nhóm này đã được liên kết với <b>%s</b>. Nhóm sẽ nhận báo cáo hằng tháng và lời nhắc chiến dịch của đơn vị.",
	"grp.already":          "Nhóm này đã được liên kết với <b>%s</b>.",
	"grp.unlinked":         "Đã huỷ liên kết nhóm này với <b>%s</b>.",
	"grp.not_linked":       "Nhóm này chưa được liên kết với đơn vị nào.",
	"grp.pick":             "Chọn đơn vị để liên kết với nhóm này:",
	"grp.private_hint":     "Hãy thêm mình vào nhóm của đơn vị, rồi gõ /linkgroup trong nhóm đó (người gõ phải là bí thư và là quản trị viên nhóm).",
	"grp.use_private":      "Lệnh /%s chỉ dùng khi nhắn riêng với mình.",
	"grp.linked_elsewhere": "Nhóm này đang liên kết với <b>%s</b>; liên kết mới thay thế liên kết cũ.",

	"bc.preview":   "📢 <b>Xem trước thông báo</b>\nGửi tới: %s\nSố người nhận: <b>%s</b> đoàn viên\n\n%s",
	"bc.message":   "📢 <b>Thông báo của %s</b>\n\n%s",
	"bc.sent":      "✅ Đã xếp hàng gửi thông báo tới %s đoàn viên.",
	"bc.cancelled": "Đã huỷ thông báo, chưa gửi cho ai.",
	"bc.gone":      "Thông báo này đã được gửi hoặc đã huỷ.",
	"bc.waiting":   "Bạn đang có một thông báo chờ xác nhận: bấm «📤 Gửi» hoặc «Huỷ» ở tin xem trước, hoặc gõ /cancel.",
	"bc.none":      "Chưa có đoàn viên nào để gửi thông báo.",

	"bc.report":         "📢 Thông báo đã vào hàng gửi: %s/%s đoàn viên của %s.",
	"bc.report_blocked": "%s đoàn viên đã chặn bot nên không nhận được.",

	"err.broadcast_usage": "Cách dùng: /broadcast nội dung thông báo",
	"err.broadcast_long":  "Nội dung thông báo quá dài (tối đa %d ký tự).",
	"err.group_admin":     "Chỉ bí thư của đơn vị đồng thời là quản trị viên của nhóm mới làm được việc này.",
	"err.group_check":     "Chưa kiểm tra được quyền quản trị nhóm của bạn. Vui lòng thử lại sau ít phút.",
	"err.group_anonymous": "Mình không xác định được người gửi khi quản trị viên ẩn danh. Hãy tắt chế độ ẩn danh rồi thử lại.",
	"err.linkgroup_usage": "Cách dùng: /linkgroup [MÃ_ĐƠN_VỊ]",

	"sched.tally_chart":    "📊 Biểu đồ %s — tháng %s",
	"sched.tally_workbook": "📎 Số liệu %s — tháng %s",
	"sched.campaign":       "📣 <b>%s</b>\n%s",
	"sched.project":        "⏰ Ngày mai (%s) bắt đầu %s <b>%s</b> (%s) của %s. Bạn đã đăng ký tham gia — hẹn gặp bạn!",
	"sched.kind_work":      "công trình thanh niên",
	"sched.kind_task":      "phần việc thanh niên",
	"sched.digest_title":   "🔔 <b>Việc chờ duyệt quá 24 giờ</b>",
	"sched.digest_line":    "• %s: %d đăng ký, %d hoạt động",
	"sched.digest_more":    "… và %d đơn vị khác",
	"sched.digest_hint":    "Gõ /pending để xử lý.",
}

var enGroup = map[string]string{
	"cmd.linkgroup":   "Link a group to a unit (type it in the group)",
	"cmd.unlinkgroup": "Unlink a group (type it in the group)",
	"cmd.broadcast":   "Send an announcement to members",

	"btn.send":   "📤 Send",
	"btn.cancel": "Cancel",

	"grp.linked":           "✅ This group is now linked to <b>%s</b>. It will receive the unit's monthly tallies and campaign reminders.",
	"grp.already":          "This group is already linked to <b>%s</b>.",
	"grp.unlinked":         "This group is no longer linked to <b>%s</b>.",
	"grp.not_linked":       "This group is not linked to any unit.",
	"grp.pick":             "Pick the unit to link this group to:",
	"grp.private_hint":     "Add me to your unit's group, then type /linkgroup there (you must be a secretary and an administrator of the group).",
	"grp.use_private":      "/%s works in a private chat with me only.",
	"grp.linked_elsewhere": "This group was linked to <b>%s</b>; the new link replaces it.",

	"bc.preview":   "📢 <b>Announcement preview</b>\nTo: %s\nRecipients: <b>%s</b> members\n\n%s",
	"bc.message":   "📢 <b>Announcement from %s</b>\n\n%s",
	"bc.sent":      "✅ The announcement is on its way to %s members.",
	"bc.cancelled": "Announcement cancelled; nobody got it.",
	"bc.gone":      "This announcement was already sent or cancelled.",
	"bc.waiting":   "An announcement is waiting for your confirmation: press «📤 Send» or «Cancel» on the preview, or type /cancel.",
	"bc.none":      "There are no members to send an announcement to yet.",

	"bc.report":         "📢 The announcement is queued for %s/%s members of %s.",
	"bc.report_blocked": "%[1]s {1|member|members} blocked the bot and will not get it.",

	"err.broadcast_usage": "Usage: /broadcast text of the announcement",
	"err.broadcast_long":  "The announcement is too long (at most %d characters).",
	"err.group_admin":     "Only a secretary of the unit who is also an administrator of the group can do this.",
	"err.group_check":     "I could not check your administrator rights in this group. Please try again in a few minutes.",
	"err.group_anonymous": "I cannot tell who you are while you post as an anonymous administrator. Turn anonymity off and try again.",
	"err.linkgroup_usage": "Usage: /linkgroup [UNIT_CODE]",

	"sched.tally_chart":    "📊 Chart of %s — %s",
	"sched.tally_workbook": "📎 Figures of %s — %s",
	"sched.campaign":       "📣 <b>%s</b>\n%s",
	"sched.project":        "⏰ Tomorrow (%s) the %s <b>%s</b> (%s) of %s starts. You joined it — see you there!",
	"sched.kind_work":      "youth work",
	"sched.kind_task":      "youth task",
	"sched.digest_title":   "🔔 <b>Waiting more than 24 hours</b>",
	"sched.digest_line":    "• %s: %d {2|registration|registrations}, %d {3|activity|activities}",
	"sched.digest_more":    "… and %d more units",
	"sched.digest_hint":    "Type /pending to handle them.",
}
