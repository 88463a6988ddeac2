package core

// Messages of the secretaries' live summaries (bot/requests*.go): the
// requests of one kind about one unit coalesced into one message.

var viRequests = map[string]string{
	"req.title.act":   "🙋 <b>%d lượt tham gia chờ xác nhận</b> — %s",
	"req.title.reg":   "📝 <b>%d đăng ký chờ duyệt</b> — %s",
	"req.title.tr":    "🔁 <b>%d chuyển sinh hoạt chờ chấp nhận</b> — %s",
	"req.none":        "✅ Không còn gì chờ quyết định — %s",
	"req.latest":      "Mới nhất:",
	"req.more":        "… và %d mục khác",
	"req.line.act":    "• <b>%s</b> — %s · %s",
	"req.line.reg":    "• <b>%s</b> — sinh %s",
	"req.line.tr":     "• <b>%s</b> — từ %s",
	"btn.req_all":     "✅ Xác nhận tất cả",
	"btn.req_each":    "📋 Xem từng lượt",
	"btn.req_yes":     "✅ Xác nhận %d mục",
	"btn.req_cancel":  "↩️ Thôi",
	"btn.req_done":    "☑️ Đã xử lý — xem",
	"req.confirm_all": "Xác nhận tất cả <b>%d</b> mục đang chờ của %s?\n%s",
	"req.all_done":    "✅ Đã xác nhận %d mục — %s.",
	"req.all_none":    "Không còn mục nào trong danh sách đó chờ quyết định.",
	"req.cancelled":   "Đã thôi, không mục nào được xác nhận.",
	"req.page":        "%s\nTrang %d/%d",
	"req.decided":     "Mục này đã được xử lý: %s",
	"req.status.open": "vẫn đang chờ",
	"req.status.done": "đã có quyết định",
}

var enRequests = map[string]string{
	"req.title.act":   "🙋 <b>%d {1|participation|participations} to confirm</b> — %s",
	"req.title.reg":   "📝 <b>%d {1|registration|registrations} to approve</b> — %s",
	"req.title.tr":    "🔁 <b>%d {1|transfer|transfers} to accept</b> — %s",
	"req.none":        "✅ Nothing waits for a decision any more — %s",
	"req.latest":      "Latest:",
	"req.more":        "… and %d more",
	"req.line.act":    "• <b>%s</b> — %s · %s",
	"req.line.reg":    "• <b>%s</b> — born %s",
	"req.line.tr":     "• <b>%s</b> — from %s",
	"btn.req_all":     "✅ Confirm all",
	"btn.req_each":    "📋 One by one",
	"btn.req_yes":     "✅ Confirm %d {1|item|items}",
	"btn.req_cancel":  "↩️ Not now",
	"btn.req_done":    "☑️ Handled — see",
	"req.confirm_all": "Confirm all <b>%d</b> waiting items of %s?\n%s",
	"req.all_done":    "✅ Confirmed %d {1|item|items} — %s.",
	"req.all_none":    "Nothing in that list waits for a decision any more.",
	"req.cancelled":   "Not now: nothing was confirmed.",
	"req.page":        "%s\nPage %d/%d",
	"req.decided":     "This item was handled: %s",
	"req.status.open": "still waiting",
	"req.status.done": "decided",
}
