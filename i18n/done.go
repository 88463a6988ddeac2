package i18n

// Messages of /done's figures (F7, bot/projects/project_done*.go): the
// head counts of the others who took part, person-days, value, support,
// beneficiaries and the recognition level, asked step by step or read
// from one line, and the summary to confirm.

// The catalogs of this file join the others when the package starts, so
// that the list in i18n.go stays as the other features left it.
func init() {
	for lang, m := range map[string]map[string]string{"vi": viDone, "en": enDone} {
		catalogs[lang] = merge(catalogs[lang], m)
	}
}

var viDone = map[string]string{
	"done.ask_heads": "👥 <b>%s — %s</b>\nNgoài %d đoàn viên được ghi nhận riêng (%s), còn bao nhiêu người khác tham gia?\n" +
		"Gõ tối đa 4 số theo thứ tự: đoàn viên, thanh niên, học sinh sinh viên, người dân — ví dụ <code>5 20 0 3</code>; " +
		"hoặc ghi rõ nhóm: <code>thanh niên 20, người dân 3</code>. Không tính lại những đoàn viên đã được ghi nhận riêng.",
	"done.ask_days":    "🗓 Bao nhiêu ngày công? Ví dụ <code>15</code> hoặc <code>15,5</code>.",
	"done.ask_value":   "💰 Giá trị làm lợi (đồng)? Ví dụ <code>26.000.000</code> hoặc <code>26tr</code>.",
	"done.ask_support": "🤝 Kinh phí hỗ trợ (đồng)? Ví dụ <code>2.000.000</code> hoặc <code>2tr</code>.",
	"done.ask_benef": "🎁 Đối tượng hưởng lợi: nhóm, số người và trị giá, các nhóm cách nhau dấu chấm phẩy — ví dụ " +
		"<code>thiếu nhi 20 2tr; hộ nghèo 3 5tr</code>.\nNhóm: thiếu nhi, hộ nghèo (gia đình chính sách), người cao tuổi, khác.",
	"done.ask_level":      "🏅 Cấp nào công nhận công trình, phần việc này? Mặc định là cấp của đơn vị: %s.",
	"done.btn_none":       "Không có",
	"done.btn_skip_rest":  "⏭ Bỏ qua các mục còn lại",
	"done.btn_default":    "%s (mặc định)",
	"done.chosen":         "%s: <b>%s</b>",
	"done.skipped_rest":   "không có; các mục còn lại bỏ qua",
	"done.step.heads":     "👥 Người khác tham gia",
	"done.step.days":      "🗓 Ngày công",
	"done.step.value":     "💰 Giá trị làm lợi",
	"done.step.support":   "🤝 Kinh phí hỗ trợ",
	"done.step.benef":     "🎁 Hưởng lợi",
	"done.step.level":     "🏅 Cấp công nhận",
	"done.none":           "không có",
	"done.press_button":   "Vui lòng bấm một nút ở tin nhắn trên (✅ Hoàn thành hoặc Huỷ), hoặc gõ /cancel.",
	"done.sum_heads":      "👥 Người khác tham gia: %s",
	"done.sum_total":      "📊 Tổng cộng: <b>%s lượt</b> tham gia (%d đoàn viên ghi nhận riêng + %s lượt khác).",
	"done.sum_days":       "🗓 Ngày công: %s",
	"done.sum_support":    "🤝 Kinh phí hỗ trợ: %s",
	"done.sum_benef":      "🎁 Hưởng lợi: %s",
	"done.sum_level":      "🏅 Cấp công nhận: %s",
	"done.head_item":      "%s %s",
	"done.benef_item":     "%s %s người",
	"done.benef_item_vnd": "%s %s người (%s)",

	"done.group.members":    "đoàn viên",
	"done.group.youth":      "thanh niên",
	"done.group.students":   "học sinh, sinh viên",
	"done.group.residents":  "người dân",
	"done.benef.children":   "thiếu nhi",
	"done.benef.elderly":    "người cao tuổi",
	"done.benef.households": "hộ nghèo, gia đình chính sách",
	"done.benef.others":     "khác",
	"done.level.province":   "cấp tỉnh",
	"done.level.district":   "cấp huyện",
	"done.level.grassroots": "cấp cơ sở",
	"done.level.branch":     "chi đoàn",

	"err.done_level":          "Cấp công nhận «%s» không dùng được cho công trình này: chỉ cấp của đơn vị hoặc cấp trên.",
	"err.done_level_word":     "Không rõ cấp «%s». Dùng: tỉnh, huyện, cơ sở, chi đoàn.",
	"err.done_heads_number":   "«%s» không phải là số người. Gõ số nguyên, ví dụ 20 hoặc 1.500.",
	"err.done_heads_negative": "Số người tham gia không được âm.",
	"err.done_heads_absurd":   "Số người tham gia quá lớn: tổng cộng tối đa %s cho một công trình, phần việc.",
	"err.done_heads_many":     "Tối đa 4 số, theo thứ tự: đoàn viên, thanh niên, học sinh sinh viên, người dân.",
	"err.done_days":           "«%s» không phải là số ngày công: từ 0 đến %s, tối đa một chữ số thập phân (ví dụ 15,5).",
	"err.done_money":          "«%s» không phải là số tiền. Viết ví dụ 2000000, 2.000.000, 2tr hoặc 1,5 tỷ.",
	"err.done_money_negative": "Số tiền không được âm.",
	"err.done_benef_group":    "Không rõ nhóm hưởng lợi «%s». Dùng: thiếu nhi, hộ nghèo, người cao tuổi, khác; ví dụ: thiếu nhi 20 2tr.",
	"err.done_benef_number":   "«%s» không phải là số người hưởng lợi: từ 0 đến %s.",
	"err.done_label": "Không hiểu «%s». Ví dụ: /done P12 | thanh niên 20 | người dân 5 | ngày công 15,5 | giá trị 26tr | " +
		"kinh phí 2tr | thiếu nhi 20 2tr | cấp huyện",
	"err.done_twice": "«%s» ghi hai lần.",
}

var enDone = map[string]string{
	"done.ask_heads": "👥 <b>%s — %s</b>\nBesides the %d members credited individually (%s), how many other people took part?\n" +
		"Type up to 4 numbers in this order: members, youth, students, residents — e.g. <code>5 20 0 3</code>; " +
		"or name the groups: <code>youth 20, residents 3</code>. Do not count again the members credited individually.",
	"done.ask_days":    "🗓 How many person-days? E.g. <code>15</code> or <code>15,5</code>.",
	"done.ask_value":   "💰 Value produced (đồng)? E.g. <code>26.000.000</code> or <code>26tr</code>.",
	"done.ask_support": "🤝 Support spent (đồng)? E.g. <code>2.000.000</code> or <code>2tr</code>.",
	"done.ask_benef": "🎁 Beneficiaries: group, people and value, groups separated by semicolons — e.g. " +
		"<code>children 20 2tr; households 3 5tr</code>.\nGroups: children, households, elderly, others.",
	"done.ask_level":      "🏅 Which level recognised this project? By default its unit's: %s.",
	"done.btn_none":       "None",
	"done.btn_skip_rest":  "⏭ Skip the rest",
	"done.btn_default":    "%s (default)",
	"done.chosen":         "%s: <b>%s</b>",
	"done.skipped_rest":   "none; the rest skipped",
	"done.step.heads":     "👥 Other people who took part",
	"done.step.days":      "🗓 Person-days",
	"done.step.value":     "💰 Value produced",
	"done.step.support":   "🤝 Support spent",
	"done.step.benef":     "🎁 Beneficiaries",
	"done.step.level":     "🏅 Recognition level",
	"done.none":           "none",
	"done.press_button":   "Please press a button on the message above (✅ Complete or Cancel), or /cancel.",
	"done.sum_heads":      "👥 Other people who took part: %s",
	"done.sum_total":      "📊 In all: <b>%s {1|participation|participations}</b> (%d {2|member|members} credited individually + %s {3|other|others}).",
	"done.sum_days":       "🗓 Person-days: %s",
	"done.sum_support":    "🤝 Support spent: %s",
	"done.sum_benef":      "🎁 Beneficiaries: %s",
	"done.sum_level":      "🏅 Recognition level: %s",
	"done.head_item":      "%s %s",
	"done.benef_item":     "%s %s people",
	"done.benef_item_vnd": "%s %s people (%s)",

	"done.group.members":    "members",
	"done.group.youth":      "youth",
	"done.group.students":   "students",
	"done.group.residents":  "residents",
	"done.benef.children":   "children",
	"done.benef.elderly":    "elderly",
	"done.benef.households": "households",
	"done.benef.others":     "others",
	"done.level.province":   "province",
	"done.level.district":   "district",
	"done.level.grassroots": "grassroots",
	"done.level.branch":     "branch",

	"err.done_level":          "Recognition level «%s» cannot be used for this project: only its unit's level or one above.",
	"err.done_level_word":     "Unknown level «%s». Use: province, district, grassroots, branch.",
	"err.done_heads_number":   "«%s» is not a number of people. Type a whole number, e.g. 20 or 1,500.",
	"err.done_heads_negative": "The number of people cannot be negative.",
	"err.done_heads_absurd":   "Too many people: at most %s in all for one project.",
	"err.done_heads_many":     "At most 4 numbers, in this order: members, youth, students, residents.",
	"err.done_days":           "«%s» is not a number of person-days: from 0 to %s, with one decimal at most (e.g. 15,5).",
	"err.done_money":          "«%s» is not an amount. Write e.g. 2000000, 2.000.000, 2tr or 1,5 tỷ.",
	"err.done_money_negative": "An amount cannot be negative.",
	"err.done_benef_group":    "Unknown beneficiary group «%s». Use: children, households, elderly, others; e.g. children 20 2tr.",
	"err.done_benef_number":   "«%s» is not a number of beneficiaries: from 0 to %s.",
	"err.done_label": "Cannot read «%s». E.g.: /done P12 | youth 20 | residents 5 | person-days 15,5 | value 26tr | " +
		"support 2tr | children 20 2tr | level district",
	"err.done_twice": "«%s» is given twice.",
}
