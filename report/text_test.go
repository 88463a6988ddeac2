package report

import (
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"youthbot"
	"youthbot/bot/telegramtest"
	"youthbot/i18n"
	"youthbot/storage"
)

// parsed checks that each message is valid Telegram HTML within the
// length limit and returns their texts after parsing.
func parsed(t *testing.T, msgs []string) []string {
	t.Helper()
	var out []string
	for i, m := range msgs {
		text, _, err := telegramtest.ParseHTML(m)
		if err != nil {
			t.Fatalf("message %d is not valid HTML: %v\n%s", i, err, m)
		}
		if n := utf8.RuneCountInString(text); n > MaxMessage || n == 0 {
			t.Errorf("message %d has %d characters after parsing, want 1-%d", i, n, MaxMessage)
		}
		if Plain(m) != text {
			t.Errorf("message %d: Plain disagrees with Telegram's parsing:\n%q\n%q", i, Plain(m), text)
		}
		out = append(out, text)
	}
	return out
}

func TestTallyTextSaysWhatAUnionReportSays(t *testing.T) {
	db := openDB(t)
	fixture(t, db)
	tests := []struct {
		name, unit, lang string
		p                youthbot.Period
		want, not        []string
	}{
		{"ProvinceMonth", "HG", "vi", march, []string{
			"BÁO CÁO KẾT QUẢ THÁNG 03/2024", "Tỉnh đoàn Hậu Giang (HG)",
			"Tổng số đoàn viên: 10 · đăng ký mới trên bot: 1", "Đoàn viên tham gia: 6/10 (60%) ▲ 200%",
			"Lượt tham gia: 8 ▲ 300%", "Lượt đang chờ duyệt: 1",
			"Số giờ tình nguyện: 17,5 ▲ 250%", "Giá trị làm lợi: 26.000.000 đ ▲ +26.000.000 đ",
			"Công trình thanh niên: 1 · phần việc thanh niên: 1", "so với tháng 02/2024",
			"Chỉ tiêu năm 2024 (lũy kế đến tháng 03/2024): đạt 2/3 chỉ tiêu",
			"• Lượt tham gia: 10/4, đạt 250% ✅", "• Số giờ tình nguyện: 22,5/100, đạt 22,5%\n",
			"1. Thành đoàn Vị Thanh: 7 lượt · 5/8 ĐV tham gia · 17,5 giờ · đạt 1/1 chỉ tiêu\n2. Huyện đoàn Phụng Hiệp: 1 lượt",
			"1 đoàn viên đã chặn bot",
		}, []string{"chưa tham gia"}},
		{"BranchMonth", cntt, "vi", march, []string{
			"Chi đoàn Khoa Công nghệ thông tin (VT-CDCD-CNTT)", "Đoàn viên tham gia: 2/5 (40%)",
			"Đoàn viên chưa tham gia (3/5):\nPhạm Thị Ánh, Ân <Hai> & Ba, Lê Văn Đức",
			"Đoàn viên đã chặn bot (1), không nhận được thông báo:\nTrần Thị Bình",
		}, []string{"Đơn vị trực thuộc", "Nguyễn Văn An,"}},
		{"BranchInEnglish", cntt, "en", march, []string{
			"REPORT FOR 03/2024", "Volunteer hours: 9.5 ▲ 375%", "Value produced: 0 VND",
			"Members who did not take part (3/5):\nPhạm Thị Ánh, Ân <Hai> & Ba, Lê Văn Đức",
		}, nil},
		{"ProvinceYear", "HG", "vi", youthbot.YearPeriod(2024), []string{
			"BÁO CÁO TỔNG KẾT NĂM 2024", "Lượt tham gia: 10 ▲ +10", "so với năm 2023",
			"Chỉ tiêu năm 2024: đạt 2/3 chỉ tiêu",
			"1. Thành đoàn Vị Thanh: 8 lượt · 19,5 giờ · 1 CT, 0 PV · 26.000.000 đ · đạt 1/1 chỉ tiêu",
			"2. Huyện đoàn Phụng Hiệp: 2 lượt · 3 giờ · 0 CT, 1 PV · 0 đ",
		}, nil},
		{"EmptyBranch", "VT-CDCD-KT", "vi", march, []string{"Tổng số đoàn viên: 0", "Đơn vị chưa có đoàn viên."}, []string{"▲", "▼"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tl := load(t, db, tt.unit, tt.p, PartText)
			msgs := tl.Messages(tt.lang)
			if len(msgs) != 1 {
				t.Fatalf("got %d messages, want 1", len(msgs))
			}
			text := parsed(t, msgs)[0]
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("text lacks %q:\n%s", w, text)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(text, w) {
					t.Errorf("text has %q:\n%s", w, text)
				}
			}
			if plain := tl.Text(tt.lang); plain != text+"\n" {
				t.Errorf("Text differs from the message:\n%s\n---\n%s", plain, text)
			}
		})
	}
}

func TestTallyTextEscapesNames(t *testing.T) {
	db := openDB(t)
	fixture(t, db)
	msgs := load(t, db, cntt, march, PartText).Messages("vi")
	if !strings.Contains(msgs[0], "Ân &lt;Hai&gt; &amp; Ba") {
		t.Errorf("the name with HTML is not escaped:\n%s", msgs[0])
	}
}

// bigFixture adds a branch BIG of 700 members (none took part; 50 blocked
// the bot) and a district MANY of 300 branches with long names.
func bigFixture(t *testing.T, db *storage.DB) {
	t.Helper()
	given := []string{"An", "Bình", "Cường", "Dũng", "Đức", "Giang", "Hạnh", "Khánh", "Linh", "Minh", "Ngọc", "Phúc", "Quân", "Thảo", "Uyên", "Vy"}
	update(t, db, func(tx *storage.Tx) error {
		if err := tx.PutUnit(youthbot.Unit{Code: "BIG", Name: "Chi đoàn Thanh niên Công nhân Khu công nghiệp Sông Hậu", Parent: "VT-P5", Kind: youthbot.KindBranch}); err != nil {
			return err
		}
		for i := range 700 {
			name := fmt.Sprintf("Nguyễn Hoàng Thị Thanh %s Số %s", given[i%len(given)], strings.Repeat("I", 1+i/len(given)%9))
			if err := addMember(tx, int64(10_000+i), "BIG", name, at(1, 1)); err != nil {
				return err
			}
			if i%14 == 0 {
				if err := tx.PutUser(youthbot.User{ID: int64(10_000 + i), Unreachable: true}); err != nil {
					return err
				}
			}
		}
		if err := tx.PutUnit(youthbot.Unit{Code: "MANY", Name: "Huyện đoàn Nhiều Chi Đoàn", Parent: "HG", Kind: youthbot.KindDistrict}); err != nil {
			return err
		}
		for i := range 300 {
			name := fmt.Sprintf("Chi đoàn <Ấp> & Khu phố số %03d thuộc xã Vị Thủy Long Mỹ %s", i, strings.Repeat("Ngã Bảy ", 8))
			if err := tx.PutUnit(youthbot.Unit{Code: fmt.Sprintf("M%03d", i), Name: name, Parent: "MANY", Kind: youthbot.KindBranch}); err != nil {
				return err
			}
			if err := addMember(tx, int64(20_000+i), fmt.Sprintf("M%03d", i), "Lê Văn Tám", at(1, 1)); err != nil {
				return err
			}
			if i%3 == 0 {
				if err := addActivity(tx, int64(20_000+i), fmt.Sprintf("M%03d", i), time.March, 1+i%28, 10, youthbot.ActivityConfirmed); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

func TestLongTalliesAreSplitCleanly(t *testing.T) {
	db := openDB(t)
	bigFixture(t, db)
	tests := []struct {
		name, unit, list string
		items            int
	}{
		{"ManyMembers", "BIG", "Đoàn viên chưa tham gia", 700},
		{"ManyChildren", "MANY", "Đơn vị trực thuộc", 300},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msgs := load(t, db, tt.unit, march, PartText).Messages("vi")
			texts := parsed(t, msgs)
			if len(texts) < 3 {
				t.Fatalf("got %d messages, want the list split over several", len(texts))
			}
			all := strings.Join(texts, "\n")
			for i, text := range texts[1:] {
				if !strings.HasPrefix(text, "😴 "+tt.list) && !strings.HasPrefix(text, "🏢 "+tt.list) && !strings.HasPrefix(text, "📵") {
					t.Errorf("message %d does not start with a (continued) heading: %.80q", i+1, text)
				}
				if strings.Contains(text, tt.list) && !strings.Contains(text, "(tiếp)") {
					t.Errorf("message %d continues %q without saying so", i+1, tt.list)
				}
			}
			for i, text := range texts {
				if strings.HasSuffix(text, ",") || strings.HasSuffix(text, ", ") || strings.HasPrefix(text, ",") {
					t.Errorf("message %d is cut inside a list: ...%q", i, text[max(len(text)-40, 0):])
				}
				if i < len(texts)-2 && utf8.RuneCountInString(text) < MaxMessage*3/4 {
					t.Errorf("message %d has only %d characters: the split wastes messages", i, utf8.RuneCountInString(text))
				}
			}
			switch tt.unit {
			case "BIG":
				for i := range 700 {
					given := []string{"An", "Bình", "Cường", "Dũng", "Đức", "Giang", "Hạnh", "Khánh", "Linh", "Minh", "Ngọc", "Phúc", "Quân", "Thảo", "Uyên", "Vy"}
					name := fmt.Sprintf("Nguyễn Hoàng Thị Thanh %s Số %s", given[i%len(given)], strings.Repeat("I", 1+i/len(given)%9))
					if !strings.Contains(all, name) {
						t.Fatalf("member %q is missing", name)
					}
				}
				if got := strings.Count(all, "Nguyễn Hoàng Thị Thanh"); got != 700+50 {
					t.Errorf("names listed %d times, want 700 without participation + 50 who blocked the bot", got)
				}
			case "MANY":
				for i := range 300 {
					if got := strings.Count(all, fmt.Sprintf("Khu phố số %03d ", i)); got != 1 {
						t.Errorf("unit %03d listed %d times, want once", i, got)
					}
				}
			}
		})
	}
}

func TestPackSplitsBetweenItems(t *testing.T) {
	sections := []section{
		{head: "<b>Head</b>"},
		{head: "<b>List</b>", items: []string{"aaaa", "bbbb", "c&amp;c", "dddd"}, sep: ", "},
	}
	got := pack(sections, 22, " (more)")
	want := []string{"<b>Head</b>\n\n<b>List</b>\naaaa, bbbb", "<b>List</b> (more)\nc&amp;c, dddd"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestTargetsLineIsWhatAnInspectionReportQuotes: the line that ends the
// text, from the lowest percent to the highest, in vi and en.
func TestTargetsLineIsWhatAnInspectionReportQuotes(t *testing.T) {
	targets := func(percents ...float64) *youthbot.Figures {
		f := &youthbot.Figures{}
		for _, p := range percents {
			f.Targets = append(f.Targets, youthbot.TargetProgress{Target: 100, Achieved: p, Percent: p})
		}
		return f
	}
	// Hậu Giang 2023: 12/12 targets met, from 100% to 200%, listed in no
	// particular order.
	hg := targets(150, 100, 120, 200, 105, 110, 133.3, 101, 180, 100, 125, 190)
	tests := []struct {
		name, lang string
		f          *youthbot.Figures
		want       string
	}{
		{"TwelveOfTwelve", "vi", hg, "đạt 12/12 chỉ tiêu (từ 100% đến 200%)"},
		{"TwelveOfTwelveInEnglish", "en", hg, "12/12 targets met (from 100% to 200%)"},
		{"SomeNotMet", "vi", targets(87.5, 250, 99.9), "đạt 1/3 chỉ tiêu (từ 87,5% đến 250%)"},
		{"OneInEnglish", "en", targets(40), "0/1 target met (from 40% to 40%)"},
		{"None", "vi", targets(), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := TargetsLine(tt.lang, tt.f); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestTextEndsWithTheTargetsLine: the tally's text, a branch's members
// included, ends with the targets line when the unit has targets.
func TestTextEndsWithTheTargetsLine(t *testing.T) {
	db := openDB(t)
	fixture(t, db)
	tests := []struct {
		unit string
		p    youthbot.Period
		want string
	}{
		{"HG", march, "\nđạt 2/3 chỉ tiêu (từ 22,5% đến 250%)\n"},
		{"HG", youthbot.YearPeriod(2024), "\nđạt 2/3 chỉ tiêu (từ 22,5% đến 250%)\n"},
		{"VT", youthbot.YearPeriod(2024), "\nđạt 1/1 chỉ tiêu (từ 130% đến 130%)\n"},
	}
	for _, tt := range tests {
		t.Run(tt.unit+"/"+tt.p.String(), func(t *testing.T) {
			if text := load(t, db, tt.unit, tt.p, PartText).Text("vi"); !strings.HasSuffix(text, tt.want) {
				t.Errorf("text does not end with %q:\n%s", tt.want, text)
			}
		})
	}
	if text := load(t, db, cntt, march, PartText).Text("vi"); strings.Contains(text, "chỉ tiêu (từ") {
		t.Errorf("a unit without targets has the targets line:\n%s", text)
	}
}

// TestTallyTextStatesTheProvincesFigures: with head counts, beneficiaries,
// levels, breakthrough tasks and models, the text says each of them as a
// union report does.
func TestTallyTextStatesTheProvincesFigures(t *testing.T) {
	db := openDB(t)
	fixture(t, db)
	fixtureF7(t, db)
	tests := []struct {
		name, unit, lang string
		p                youthbot.Period
		want             []string
	}{
		{"ProvinceYear", "HG", "vi", youthbot.YearPeriod(2024), []string{
			"🙋 Lượt tham gia: 182 ▲ +182\n   gồm đoàn viên 20 · thanh niên 27 · học sinh, sinh viên 17 · người dân 118\n",
			"📋 Hoạt động của đơn vị: 3 · ngày công: 12,5\n",
			"💰 Giá trị làm lợi: 32.000.000 đ ▲ +32.000.000 đ\n🎁 Kinh phí hỗ trợ: 12.000.000 đ\n",
			"🤝 Hỗ trợ, giúp đỡ:\n• thiếu nhi có hoàn cảnh khó khăn: 80 người, 13.000.000 đ\n• người cao tuổi: 2 người, 1.000.000 đ\n" +
				"• hộ nghèo, gia đình chính sách: 4 người, 8.000.000 đ\n",
			"🏗 Công trình thanh niên: 1 · phần việc thanh niên: 2\n   theo cấp công nhận: cấp huyện 1 CT, 1 PV · cấp cơ sở 0 CT, 1 PV\n",
			"🚀 Nhiệm vụ đột phá: hoàn thành 1/2\n⭐ Mô hình hiệu quả: 2 (của Đoàn 1 · của Đội 1)\n",
			"• Mỗi chi đoàn tổ chức ít nhất 01 hoạt động: 1/6, đạt 16,7%\n• Kết nạp 5 đoàn viên mới: 6/5, đạt 120% ✅\n",
			"\nđạt 3/5 chỉ tiêu (từ 16,7% đến 4.550%)",
		}},
		{"ProvinceYearInEnglish", "HG", "en", youthbot.YearPeriod(2024), []string{
			"🙋 Participations: 182 ▲ +182\n   members 20 · youth 27 · students 17 · residents 118\n",
			"📋 Unit activities: 3 · person-days: 12.5\n",
			"• disadvantaged children: 80 people, 13,000,000 VND\n",
			"by recognition level: district 1 work, 1 task · grassroots 0 works, 1 task\n",
			"🚀 Breakthrough tasks: 1/2 completed\n⭐ Effective models: 2 (Union 1 · Young Pioneers 1)\n",
			"\n3/5 targets met (from 16.7% to 4,550%)",
		}},
		{"BranchMonth", cntt, "vi", march, []string{
			"🙋 Lượt tham gia: 13 ▲ 1.200%\n", "   gồm đoàn viên 3 · thanh niên 7 · học sinh, sinh viên 0 · người dân 3\n",
			"📋 Hoạt động của đơn vị: 1 · ngày công: 0\n", "• người cao tuổi: 2 người, 1.000.000 đ\n",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tl := load(t, db, tt.unit, tt.p, PartText)
			text := parsed(t, tl.Messages(tt.lang))[0]
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("text lacks %q:\n%s", w, text)
				}
			}
		})
	}
}

// TestEveryLabelIsInTheCatalogs: the labels built from figures, kinds,
// groups, levels and metrics exist in both languages (i18n.T would show
// the key).
func TestEveryLabelIsInTheCatalogs(t *testing.T) {
	keys := []string{}
	for _, r := range figureRows() {
		keys = append(keys, r.label())
	}
	for _, k := range kinds {
		keys = append(keys, "report.level."+string(k), "report.sheet_level."+string(k))
	}
	for _, g := range youthbot.BenefitGroups {
		keys = append(keys, "report.group."+string(g))
	}
	for _, k := range []youthbot.TargetKind{youthbot.TargetMetric, youthbot.TargetPerUnit, youthbot.TargetManual} {
		keys = append(keys, "report.kind."+string(k))
	}
	for _, m := range youthbot.AllMetrics {
		keys = append(keys, metricKey(m))
	}
	for _, lang := range []string{"vi", "en"} {
		for _, k := range keys {
			if got := i18n.T(lang, k); got == k {
				t.Errorf("%s: no text for %s", lang, k)
			}
		}
	}
}
