package reports

import (
	"slices"
	"strings"
	"testing"
	"time"

	"youthbot"
	"youthbot/bot/internal/harness"
	"youthbot/storage"
)

// tallyMethods lists the methods of msgs sent to chat.
func tallyMethods(msgs []*youthbot.Outgoing, chat int64) []string {
	var out []string
	for _, m := range msgs {
		if m.Chat == chat && m.Method != "answerCallbackQuery" {
			out = append(out, m.Method)
		}
	}
	return out
}

// tallySetup gives the harness's branch two approved members in February
// 2026, one of whom took part.
func tallySetup(t *testing.T, h *harness.H) {
	t.Helper()
	loc := h.Bot.Location()
	since := time.Date(2026, 1, 5, 10, 0, 0, 0, loc)
	if err := h.DB.Update(func(tx *storage.Tx) error {
		for id, name := range map[int64]string{801: "Nguyễn Văn An", 802: "Trần Thị Bình"} {
			m := youthbot.Member{UserID: id, Unit: "VT-CDCD-CNTT", FullName: name, Status: youthbot.StatusApproved, RegisteredAt: since, DecidedAt: since}
			if err := tx.PutMember(m); err != nil {
				return err
			}
			if err := tx.OpenStint(id, m.Unit, since, true); err != nil {
				return err
			}
		}
		return tx.AddActivity(&youthbot.Activity{Member: 801, Unit: "VT-CDCD-CNTT", Date: youthbot.Date{Year: 2026, Month: 2, Day: 14},
			Tenths: 30, Description: "Hiến máu", Status: youthbot.ActivityConfirmed, Source: youthbot.SourceLog, CreatedAt: since})
	}); err != nil {
		t.Fatal(err)
	}
}

func TestTallyCommand(t *testing.T) {
	h := newHarness(t)
	tallySetup(t, h)
	h.MakeSecretary(810, "VT-CDCD-CNTT")
	h.MakeSecretary(811, "VT-CDCD")
	h.MakeSecretary(811, "PH")
	full := []string{"sendMessage", "sendPhoto", "sendDocument"}
	tests := []struct {
		name    string
		from    int64
		text    string
		methods []string
		want    string // in the first text
		file    string // the document's name
	}{
		{"DefaultIsLastMonth", 810, "/tally", full, "BÁO CÁO KẾT QUẢ THÁNG 02/2026", "tally-VT-CDCD-CNTT-2026-02.xlsx"},
		{"Month", 810, "/tally 2026-01", full, "THÁNG 01/2026", "tally-VT-CDCD-CNTT-2026-01.xlsx"},
		{"YearToDate", 810, "/tally 2026", full, "BÁO CÁO TỔNG KẾT NĂM 2026", "tally-VT-CDCD-CNTT-2026.xlsx"},
		{"UnitBelowOwn", 811, "/tally vt-cdcd-cntt 2026-02", full, "Chi đoàn Khoa Công nghệ thông tin", "tally-VT-CDCD-CNTT-2026-02.xlsx"},
		{"AdminAnyUnit", adminID, "/tally 2026-02 PH-TB", full, "Đoàn xã Tân Bình", "tally-PH-TB-2026-02.xlsx"},
		{"AdminDefaultsToTheRoot", adminID, "/tally", full, "Tỉnh đoàn Hậu Giang", "tally-HG-2026-02.xlsx"},
		{"SecretaryOfSeveralPicks", 811, "/tally 2026-02", []string{"sendMessage"}, "Chọn đơn vị cần báo cáo tháng 02/2026", ""},
		{"NotASecretary", 812, "/tally", []string{"sendMessage"}, "⚠️ Lệnh này chỉ dành cho bí thư", ""},
		{"NotTheirUnit", 810, "/tally VT-CDCD-KT", []string{"sendMessage"}, "⚠️ Đơn vị này không thuộc quyền quản lý của bạn", ""},
		{"UnknownUnit", 810, "/tally XYZ", []string{"sendMessage"}, "⚠️ Không có đơn vị mã XYZ", ""},
		{"BadPeriod", 810, "/tally 2026-13", []string{"sendMessage"}, "«2026-13» không phải là tháng", ""},
		{"FuturePeriod", 810, "/tally 2026-04", []string{"sendMessage"}, "Kỳ 2026-04 chưa bắt đầu", ""},
		{"TooManyArguments", 810, "/tally 2026-01 2026-02", []string{"sendMessage"}, "Cú pháp: /tally", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msgs := h.Apply(msgUpdate(user(tt.from, "vi"), tt.text))
			if got := tallyMethods(msgs, tt.from); !slices.Equal(got, tt.methods) {
				t.Fatalf("methods: got %v, want %v (%v)", got, tt.methods, describe(msgs))
			}
			if got := msgs[0].Params["text"]; !strings.Contains(got, tt.want) {
				t.Errorf("text lacks %q:\n%s", tt.want, got)
			}
			if tt.file == "" {
				return
			}
			// The files are built when sent, from the database then
			// (none is stored in the outbox): the sender's renderer
			// names them.
			for _, m := range msgs {
				if m.File != nil {
					t.Errorf("a stored file in the outbox: %s %s", m.Method, m.File.Name)
				}
			}
			photo, doc := msgs[len(msgs)-2], msgs[len(msgs)-1]
			if r := doc.Render; r == nil || r.Kind != youthbot.RenderTallyWorkbook || "tally-"+r.Unit+"-"+r.Period+".xlsx" != tt.file || r.Lang != "vi" {
				t.Errorf("document: %+v", doc.Render)
			}
			if r := photo.Render; r == nil || r.Kind != youthbot.RenderTallyChart || *r != (youthbot.Render{Kind: r.Kind, Unit: doc.Render.Unit, Period: doc.Render.Period, Lang: "vi"}) {
				t.Errorf("photo: %+v", photo.Render)
			}
			if photo.Params["caption"] == "" || doc.Params["caption"] == "" {
				t.Errorf("captions: %q %q", photo.Params["caption"], doc.Params["caption"])
			}
		})
	}
}

func TestTallyButtons(t *testing.T) {
	h := newHarness(t)
	tallySetup(t, h)
	h.MakeSecretary(811, "VT-CDCD")
	h.MakeSecretary(811, "PH")
	h.MakeSecretary(813, "PH")
	got := buttons(h.Apply(msgUpdate(user(811, "vi"), "/tally")))
	if want := []string{"yt:PH:2026-02", "yt:VT-CDCD:2026-02"}; !slices.Equal(got, want) {
		t.Fatalf("buttons: got %v, want %v", got, want)
	}
	tests := []struct {
		name    string
		from    int64
		data    string
		methods []string
		alert   string
	}{
		{"Picked", 811, "yt:VT-CDCD:2026-02", []string{"editMessageText", "sendMessage", "sendPhoto", "sendDocument"}, ""},
		{"OtherSecretaryPressesIt", 813, "yt:VT-CDCD:2026-02", nil, "không thuộc quyền quản lý"},
		{"Stranger", 812, "yt:VT-CDCD:2026-02", nil, "chỉ dành cho bí thư"},
		{"ForgedPeriod", 811, "yt:VT-CDCD:2026-99", nil, "Nút này đã cũ"},
		{"ForgedUnit", 811, "yt:<b>:2026-02", nil, "Nút này đã cũ"},
		{"FuturePeriod", 811, "yt:VT-CDCD:2027", nil, "chưa bắt đầu"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := h.Snapshot()
			msgs := h.Apply(cbUpdate(user(tt.from, "vi"), tt.data))
			if got := tallyMethods(msgs, tt.from); !slices.Equal(got, tt.methods) {
				t.Errorf("methods: got %v, want %v (%v)", got, tt.methods, describe(msgs))
			}
			if tt.alert != "" {
				if !refused(msgs, tt.from) || !strings.Contains(strings.Join(texts(msgs, tt.from), "\n"), tt.alert) {
					t.Errorf("no refusal saying %q: %v", tt.alert, describe(msgs))
				}
				if after := h.Snapshot(); after != before {
					t.Error("a refused button changed the state")
				}
			}
		})
	}
}

// TestTallyIsBuiltBeforeTheTransaction checks that the pre-phase builds the
// report a /tally asks for, in the sender's language, and only for someone
// with the right.
func TestTallyIsBuiltBeforeTheTransaction(t *testing.T) {
	h := newHarness(t)
	tallySetup(t, h)
	h.MakeSecretary(810, "VT-CDCD-CNTT")
	tests := []struct {
		name  string
		from  int64
		lang  string
		text  string
		built bool
	}{
		{"Secretary", 810, "vi", "/tally 2026-02", true},
		{"InEnglish", 810, "en", "/tally 2026-02", true},
		{"Stranger", 812, "vi", "/tally HG", false},
		{"OtherCommand", 810, "vi", "/help", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := msgUpdate(user(tt.from, tt.lang), tt.text)
			work := h.Bot.PreparerOf(&u)
			if work == nil {
				if tt.name != "OtherCommand" {
					t.Fatal("/tally not claimed by the pre-phase")
				}
				return
			}
			p, _ := work(t.Context()).(tallyPrep)
			if (p.msgs != nil) != tt.built {
				t.Fatalf("built: %v, want %v", p.msgs != nil, tt.built)
			}
			if tt.built && (p.lang != tt.lang || p.unit != "VT-CDCD-CNTT" || p.period.String() != "2026-02") {
				t.Errorf("prepared %s %s %s", p.unit, p.period, p.lang)
			}
		})
	}
}

func TestTallyPeriodInWords(t *testing.T) {
	h := newHarness(t)
	tallySetup(t, h)
	h.MakeSecretary(810, "VT-CDCD-CNTT")
	full := []string{"sendMessage", "sendPhoto", "sendDocument"}
	tests := []struct {
		name, lang, text string
		methods          []string
		want             string // in the first text
		file             string
	}{
		{"LastMonth", "vi", "/tally tháng trước", full, "THÁNG 02/2026", "tally-VT-CDCD-CNTT-2026-02.xlsx"},
		{"LastMonthWithoutDiacritics", "vi", "/tally thang truoc", full, "THÁNG 02/2026", "tally-VT-CDCD-CNTT-2026-02.xlsx"},
		{"LastMonthThenUnit", "vi", "/tally tháng trước VT-CDCD-CNTT", full, "THÁNG 02/2026", "tally-VT-CDCD-CNTT-2026-02.xlsx"},
		{"UnitThenThisMonth", "vi", "/tally vt-cdcd-cntt tháng này", full, "THÁNG 03/2026", "tally-VT-CDCD-CNTT-2026-03.xlsx"},
		{"MonthSlashYear", "vi", "/tally 01/2026", full, "THÁNG 01/2026", "tally-VT-CDCD-CNTT-2026-01.xlsx"},
		{"MonthInWords", "vi", "/tally tháng 1", full, "THÁNG 01/2026", "tally-VT-CDCD-CNTT-2026-01.xlsx"},
		{"ThisYear", "vi", "/tally năm nay", full, "BÁO CÁO TỔNG KẾT NĂM 2026", "tally-VT-CDCD-CNTT-2026.xlsx"},
		{"LastYear", "vi", "/tally năm ngoái", full, "BÁO CÁO TỔNG KẾT NĂM 2025", "tally-VT-CDCD-CNTT-2025.xlsx"},
		{"English", "en", "/tally last month", full, "02/2026", "tally-VT-CDCD-CNTT-2026-02.xlsx"},
		{"BadMonth", "vi", "/tally tháng 13", []string{"sendMessage"}, "«tháng 13» không phải là tháng hoặc năm", ""},
		{"TwoPeriods", "vi", "/tally tháng trước năm nay", []string{"sendMessage"}, "Cú pháp: /tally [kỳ báo cáo] [mã đơn vị]", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msgs := h.Apply(msgUpdate(user(810, tt.lang), tt.text))
			if got := tallyMethods(msgs, 810); strings.Join(got, " ") != strings.Join(tt.methods, " ") {
				t.Fatalf("methods: got %v, want %v (%v)", got, tt.methods, describe(msgs))
			}
			if got := msgs[0].Params["text"]; !strings.Contains(got, tt.want) {
				t.Errorf("text lacks %q:\n%s", tt.want, got)
			}
			// The workbook is built when it is sent (Render), named
			// tally-<UNIT>-<period>.xlsx.
			if doc := msgs[len(msgs)-1]; tt.file != "" {
				r := doc.Render
				if r == nil || r.Kind != youthbot.RenderTallyWorkbook || "tally-"+r.Unit+"-"+r.Period+".xlsx" != tt.file {
					t.Errorf("document: %+v, want %s", r, tt.file)
				}
			}
		})
	}
}

// TestForgetMeRewritesAQueuedTally: a /tally answer still in the outbox
// names the branch's members; after one of them is forgotten its text no
// longer names them, and its files are built when sent (none is stored).
func TestForgetMeRewritesAQueuedTally(t *testing.T) {
	h := newHarness(t)
	tallySetup(t, h)
	h.MakeSecretary(810, "VT-CDCD-CNTT")
	msgs := h.Apply(msgUpdate(user(810, "vi"), "/tally 2026-02"))
	if !strings.Contains(strings.Join(texts(msgs, 810), "\n"), "Trần Thị Bình") {
		t.Fatalf("the tally does not name the member who did not take part: %v", describe(msgs))
	}
	h.Say(user(802, "vi"), "/forgetme")
	h.Press(user(802, "vi"), "fg:yes")
	var queued []*youthbot.Outgoing
	h.DB.View(func(tx *storage.Tx) error { queued = must(tx.Outbox()); return nil })
	var tally int
	for _, o := range queued {
		if o.Chat != 810 {
			continue
		}
		tally++
		if o.File != nil {
			t.Errorf("a file stored in the outbox: %s", o.File.Name)
		}
		for k, v := range o.Params {
			if strings.Contains(v, "Trần Thị Bình") {
				t.Errorf("the queued tally still names the forgotten member in %s: %q", k, v)
			}
		}
	}
	if tally < 3 {
		t.Errorf("%d messages of the tally left in the outbox, want its text, chart and workbook", tally)
	}
}

// TestTallyOfADissolvedUnit: the secretary of a branch merged into another
// keeps the tally of its past months, is told the successor, and the
// merged branch's members are counted by the successor from the day on.
func TestTallyOfADissolvedUnit(t *testing.T) {
	h := newHarness(t)
	tallySetup(t, h)
	h.MakeSecretary(810, "VT-CDCD-CNTT")
	if err := h.DB.Update(func(tx *storage.Tx) error {
		_, err := tx.ApplyUnitChanges([]youthbot.UnitChange{{Date: youthbot.Date{Year: 2026, Month: 3, Day: 1},
			Kind: youthbot.ChangeMerge, Unit: "VT-CDCD-CNTT", Target: "VT-CDCD-KT"}}, youthbot.Date{Year: 2026, Month: 3, Day: 1}, h.Bot.Location())
		return err
	}); err != nil {
		t.Fatal(err)
	}
	msgs := h.Apply(msgUpdate(user(810, "vi"), "/tally 2026-02"))
	if got := tallyMethods(msgs, 810); !slices.Equal(got, []string{"sendMessage", "sendPhoto", "sendDocument", "sendMessage"}) {
		t.Fatalf("methods %v (%v)", got, describe(msgs))
	}
	if got := msgs[0].Params["text"]; !strings.Contains(got, "THÁNG 02/2026") || !strings.Contains(got, "Chi đoàn Khoa Công nghệ thông tin") {
		t.Errorf("tally text:\n%s", got)
	}
	if got := msgs[len(msgs)-1].Params["text"]; !strings.Contains(got, "không còn từ ngày 01/03/2026") || !strings.Contains(got, "Chi đoàn") {
		t.Errorf("successor notice: %s", got)
	}
}

// A unit renamed with a new code, then merged, is told by the code it
// went by last, not its identity code.
func TestTallyOfARenamedThenMergedUnit(t *testing.T) {
	h := newHarness(t)
	tallySetup(t, h)
	h.MakeSecretary(811, "VT-CDCD-CNTT")
	if err := h.DB.Update(func(tx *storage.Tx) error {
		_, err := tx.ApplyUnitChanges([]youthbot.UnitChange{
			{Row: 2, Date: youthbot.Date{Year: 2026, Month: 2, Day: 1}, Kind: youthbot.ChangeRename, Unit: "VT-CDCD-CNTT", Target: "VT-CNTT"},
			{Row: 3, Date: youthbot.Date{Year: 2026, Month: 3, Day: 1}, Kind: youthbot.ChangeMerge, Unit: "VT-CNTT", Target: "VT-CDCD-KT"},
		}, youthbot.Date{Year: 2026, Month: 3, Day: 1}, h.Bot.Location())
		return err
	}); err != nil {
		t.Fatal(err)
	}
	msgs := h.Apply(msgUpdate(user(811, "vi"), "/tally 2026-02"))
	if len(msgs) == 0 {
		t.Fatal("no reply")
	}
	if got := msgs[len(msgs)-1].Params["text"]; !strings.Contains(got, "Đơn vị VT-CNTT không còn") {
		t.Errorf("successor notice: %s", got)
	}
}
