package core

// Messages of secretary rights: /secretaries, secretary links that outlive
// their creator's rights, decisions about oneself.

var viRights = map[string]string{
	"cmd.secretaries": "Danh sách bí thư của đơn vị",

	"secretaries.pick":         "Chọn đơn vị cần xem danh sách bí thư:",
	"secretaries.title":        "🔑 <b>Bí thư, phó bí thư — %s</b> (mã %s)",
	"secretaries.none":         "Đơn vị chưa có bí thư. Tạo link bí thư bằng /invite %s secretary",
	"secretaries.line":         `%d. <a href="tg://user?id=%d">%s</a>%s`,
	"secretaries.you":          " (bạn)",
	"secretaries.unnamed":      "Tài khoản %d",
	"secretaries.confirm":      "⚠️ Thôi giao vai trò bí thư <b>%s</b> của <b>%s</b>?\n\nNgười này mất quyền với đơn vị và các đơn vị trực thuộc; các link bí thư họ đã tạo mà chưa dùng sẽ hết hiệu lực. Họ sẽ được báo.",
	"secretaries.confirm_self": "⚠️ Đồng chí thôi làm bí thư <b>%s</b>?\n\nĐồng chí sẽ mất quyền với đơn vị và các đơn vị trực thuộc; các link bí thư đồng chí đã tạo mà chưa dùng sẽ hết hiệu lực.",
	"secretaries.removed":      "Đã thôi giao vai trò bí thư %s của %s.",
	"secretaries.stepped_down": "Đồng chí đã thôi làm bí thư <b>%s</b>.",
	"secretaries.you_removed":  "🔑 Đồng chí không còn là bí thư của <b>%s</b> (thay đổi do %s thực hiện). Các link bí thư đồng chí đã tạo mà chưa dùng đã hết hiệu lực.",

	"btn.remove_secretary": "✖ %d. %s",
	"btn.remove_confirm":   "✖ Thôi giao vai trò",
	"btn.keep_secretary":   "Giữ nguyên",

	"err.secretaries_usage":       "Cách dùng: /secretaries [MÃ_ĐƠN_VỊ]",
	"err.secretary_remove_rights": "Chỉ quản trị viên hoặc bí thư cấp trên của %s mới thôi giao được vai trò bí thư của đơn vị này (mỗi người tự thôi được vai trò của mình).",
	"err.secretary_gone":          "Người này không còn là bí thư của %s.",
	"err.invite_revoked":          "Link bí thư %s không còn hiệu lực: người tạo link không còn quyền với đơn vị này. Hãy xin link mới.",
	"err.self_decision":           "Bạn không thể tự duyệt việc của chính mình; bí thư cấp trên (hoặc quản trị viên) sẽ quyết định.",

	"transfer.projects_left": "Không còn tham gia công trình, phần việc của chi đoàn cũ: %s",
}

var enRights = map[string]string{
	"cmd.secretaries": "A unit's secretaries",

	"secretaries.pick":         "Choose the unit whose secretaries to see:",
	"secretaries.title":        "🔑 <b>Secretaries and deputies — %s</b> (code %s)",
	"secretaries.none":         "This unit has no secretary yet. Make a secretary link with /invite %s secretary",
	"secretaries.line":         `%d. <a href="tg://user?id=%d">%s</a>%s`,
	"secretaries.you":          " (you)",
	"secretaries.unnamed":      "Account %d",
	"secretaries.confirm":      "⚠️ Remove <b>%s</b> as a secretary of <b>%s</b>?\n\nThey lose their rights over the unit and the units below it; the secretary links they made and nobody used stop working. They will be told.",
	"secretaries.confirm_self": "⚠️ Step down as a secretary of <b>%s</b>?\n\nYou lose your rights over the unit and the units below it; the secretary links you made and nobody used stop working.",
	"secretaries.removed":      "%s is no longer a secretary of %s.",
	"secretaries.stepped_down": "You are no longer a secretary of <b>%s</b>.",
	"secretaries.you_removed":  "🔑 You are no longer a secretary of <b>%s</b> (changed by %s). The secretary links you made and nobody used no longer work.",

	"btn.remove_secretary": "✖ %d. %s",
	"btn.remove_confirm":   "✖ Remove",
	"btn.keep_secretary":   "Keep",

	"err.secretaries_usage":       "Usage: /secretaries [UNIT_CODE]",
	"err.secretary_remove_rights": "Only an admin or a secretary above %s can remove this unit's secretaries (anyone can step down from their own role).",
	"err.secretary_gone":          "This person is no longer a secretary of %s.",
	"err.invite_revoked":          "This secretary link for %s no longer works: whoever made it no longer has rights over the unit. Ask for a new one.",
	"err.self_decision":           "You cannot decide about yourself; a secretary above you (or an admin) will.",

	"transfer.projects_left": "No longer taking part in the old branch's projects: %s",
}
