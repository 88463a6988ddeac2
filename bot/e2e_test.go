package bot_test

import (
	"bytes"
	"log/slog"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"go.uber.org/goleak"

	"youthbot"
	"youthbot/bot/bottest"
	"youthbot/bot/telegramtest"
	"youthbot/storage"
)

// syncBuffer is a log destination safe for the bot's goroutines.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// journeyTexts are what a user reads at each step, in one language: the
// test checks the wording users see, not the catalog keys.
type journeyTexts struct {
	lang                                  string
	secretaryLink, secretaryWelcome       string
	secretaryJoined, memberLink           string
	consent, decree, agree, disagree      string
	consented, askName, nameRefused       string
	askBirth, ageNote, askPhone, skip     string
	sharePhone, notOwn, phoneDone         string
	phoneSkipped                          string
	summary, noPhone, confirm, edit       string
	submitted, approvalRequest            string
	approve, reject, approved, ageWarn    string
	alreadyHandled, linkUsed, linkExpired string
	memberApproved, profile, statusOK     string
	cancelled, notUnderstood              string
	helpGroup, groupUnknown, menuProfile  string
}

var journeys = []journeyTexts{
	{
		lang:             "vi",
		secretaryLink:    "Link bí thư Chi đoàn Khoa Công nghệ thông tin",
		secretaryWelcome: "Đồng chí đã trở thành bí thư của Chi đoàn Khoa Công nghệ thông tin (mã VT-CDCD-CNTT)",
		secretaryJoined:  "đã nhận vai trò bí thư Chi đoàn Khoa Công nghệ thông tin",
		memberLink:       "Link mời đoàn viên Chi đoàn Khoa Công nghệ thông tin",
		consent:          "Bạn đang đăng ký vào Chi đoàn Khoa Công nghệ thông tin — Đoàn trường Cao đẳng Cộng đồng Hậu Giang",
		decree:           "Nghị định 13/2023/NĐ-CP",
		agree:            "✅ Đồng ý",
		disagree:         "Không đồng ý",
		consented:        "Bạn đã đồng ý cho xử lý dữ liệu cá nhân",
		askName:          "Nhập họ và tên đầy đủ của bạn (có dấu)",
		nameRefused:      "Họ tên chỉ gồm chữ cái",
		askBirth:         "Ngày sinh của bạn?",
		ageNote:          "ngoài độ tuổi đoàn viên (16–30)",
		askPhone:         "để chia sẻ số điện thoại với bí thư chi đoàn",
		skip:             "Bỏ qua",
		sharePhone:       "📱 Gửi số điện thoại của tôi",
		notOwn:           "Đây không phải số điện thoại của bạn",
		phoneDone:        "👍 Đã nhận.",
		phoneSkipped:     "👌 Đã bỏ qua số điện thoại.",
		summary:          "Kiểm tra lại thông tin",
		noPhone:          "Điện thoại: (chưa có)",
		confirm:          "✅ Xác nhận",
		edit:             "✏️ Sửa lại",
		submitted:        "📨 Đã gửi đăng ký tới bí thư Chi đoàn Khoa Công nghệ thông tin",
		approvalRequest:  "Đăng ký đoàn viên mới — Chi đoàn Khoa Công nghệ thông tin",
		approve:          "✅ Duyệt",
		reject:           "❌ Từ chối",
		approved:         "✅ Đã duyệt lúc",
		alreadyHandled:   "Đăng ký này đã được xử lý",
		linkUsed:         "Link này đã được sử dụng",
		linkExpired:      "Link này đã hết hạn",
		ageWarn:          "⚠ 35 tuổi — ngoài độ tuổi đoàn viên (16–30)",
		memberApproved:   "Chúc mừng! Bạn đã được duyệt là đoàn viên của Chi đoàn Khoa Công nghệ thông tin",
		profile:          "Hồ sơ của bạn",
		statusOK:         "Trạng thái: Đoàn viên (đã duyệt)",
		cancelled:        "Đã huỷ thao tác",
		notUnderstood:    "Mình chưa hiểu tin nhắn này",
		helpGroup:        "Hãy nhắn riêng cho mình",
		groupUnknown:     "Nhóm này chưa được liên kết với đơn vị Đoàn nào",
		menuProfile:      "hồ sơ",
	},
	{
		lang:             "en",
		secretaryLink:    "Secretary link for Chi đoàn Khoa Công nghệ thông tin",
		secretaryWelcome: "You are now a secretary of Chi đoàn Khoa Công nghệ thông tin (code VT-CDCD-CNTT)",
		secretaryJoined:  "became a secretary of Chi đoàn Khoa Công nghệ thông tin",
		memberLink:       "Member invite link for Chi đoàn Khoa Công nghệ thông tin",
		consent:          "You are registering with Chi đoàn Khoa Công nghệ thông tin — Đoàn trường Cao đẳng Cộng đồng Hậu Giang",
		decree:           "Decree 13/2023/NĐ-CP",
		agree:            "✅ I agree",
		disagree:         "I do not agree",
		consented:        "You agreed to the processing of your personal data",
		askName:          "Enter your full name",
		nameRefused:      "A name may contain only letters",
		askBirth:         "What is your date of birth?",
		ageNote:          "outside the Youth Union age (16–30)",
		askPhone:         "to share your number with your branch secretary",
		skip:             "Skip",
		sharePhone:       "📱 Share my phone number",
		notOwn:           "This is not your own phone number",
		phoneDone:        "👍 Got it.",
		phoneSkipped:     "👌 Skipped the phone number.",
		summary:          "Please check",
		noPhone:          "Phone: (none)",
		confirm:          "✅ Confirm",
		edit:             "✏️ Edit",
		submitted:        "📨 Your registration was sent to the secretary of Chi đoàn Khoa Công nghệ thông tin",
		approvalRequest:  "New member registration — Chi đoàn Khoa Công nghệ thông tin",
		approve:          "✅ Approve",
		reject:           "❌ Reject",
		approved:         "✅ Approved at",
		alreadyHandled:   "This registration has already been handled",
		linkUsed:         "This link has already been used",
		linkExpired:      "This link has expired",
		ageWarn:          "⚠ age 35 — outside the Youth Union age (16–30)",
		memberApproved:   "Congratulations! You are now an approved member of Chi đoàn Khoa Công nghệ thông tin",
		profile:          "Your profile",
		statusOK:         "Status: Member (approved)",
		cancelled:        "Cancelled.",
		notUnderstood:    "I did not understand that",
		helpGroup:        "Message me privately",
		groupUnknown:     "This group is not linked to a Youth Union unit",
		menuProfile:      "profile",
	},
}

var (
	secretaryLinkRE = regexp.MustCompile(`https://t\.me/([A-Za-z0-9_]+)\?start=(s_[a-z0-9]+)`)
	memberLinkRE    = regexp.MustCompile(`https://t\.me/([A-Za-z0-9_]+)\?start=(j_[a-z0-9]+)`)
)

// TestEndToEndJourney runs the whole registration journey through the real
// bot and the Telegram double, in Vietnamese and in English: units imported,
// an admin makes a secretary by invite, the secretary makes the member link,
// members register (HTML in a name, someone else's contact, a restart of
// the bot mid-registration, /cancel), the secretary approves with ⚠ on an
// age outside 16–30, the member sees the outcome and /profile. Every
// goroutine the bot started has ended when it returns.
func TestEndToEndJourney(t *testing.T) {
	// The subtests' cleanups stop the bots and the doubles before this runs.
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	for _, tx := range journeys {
		t.Run(strings.ToUpper(tx.lang), func(t *testing.T) { runJourney(t, tx) })
	}
}

func runJourney(t *testing.T, tx journeyTexts) {
	srv := telegramtest.New(t)
	admin := srv.NewUser("Quản trị", tx.lang)
	// The secretary's Telegram name is user text that reaches other users:
	// unescaped, "<Bí thư>" would be an unsupported tag and the double would
	// refuse the message.
	sec := srv.NewUser("Hoa <Bí thư> & Co", tx.lang)
	lan := srv.NewUser("Lan", tx.lang)
	minh := srv.NewUser("Minh", tx.lang)
	an := srv.NewUser("An", tx.lang)
	stranger := srv.NewUser("Khách", tx.lang)

	// The bot, on a new database with the demo units imported, at
	// 2026-03-10 09:00 in Asia/Ho_Chi_Minh.
	logs := &syncBuffer{}
	t.Cleanup(func() { // after the bot stopped
		if strings.Contains(logs.String(), "level=ERROR") {
			t.Errorf("the bot logged errors:\n%s", logs.String())
		}
	})
	opts := bottest.Options{Server: srv, Admins: []int64{admin.ID},
		Log: slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelWarn}))}
	bt := bottest.Start(t, opts)

	t.Run("CommandMenus", func(t *testing.T) { checkMenus(t, srv, tx) })

	// The admin makes a secretary link; the future secretary opens it.
	admin.Send("/invite VT-CDCD-CNTT secretary")
	reply := admin.Expect(t, tx.secretaryLink)
	link := secretaryLinkRE.FindStringSubmatch(reply.Text)
	if link == nil || link[1] != telegramtest.BotUsername {
		t.Fatalf("no https://t.me/%s?start=s_... link in %q", telegramtest.BotUsername, reply.Text)
	}
	sec.Send("/start " + link[2])
	sec.Expect(t, tx.secretaryWelcome)
	joined := admin.Expect(t, tx.secretaryJoined)
	if !strings.Contains(joined.Text, "Hoa <Bí thư> & Co") || strings.Contains(joined.HTML, "<Bí thư>") {
		t.Errorf("secretary's name not shown escaped: text %q, HTML %q", joined.Text, joined.HTML)
	}
	t.Run("SecretaryLinkIsSingleUse", func(t *testing.T) {
		stranger.Send("/start " + link[2])
		stranger.Expect(t, tx.linkUsed)
		if isSecretary(t, bt.DB, stranger.ID) {
			t.Error("a used secretary link made a second secretary")
		}
	})

	// The secretary makes the branch's member link.
	sec.Send("/invite")
	reply = sec.Expect(t, tx.memberLink)
	link = memberLinkRE.FindStringSubmatch(reply.Text)
	if link == nil || link[1] != telegramtest.BotUsername {
		t.Fatalf("no https://t.me/%s?start=j_... link in %q", telegramtest.BotUsername, reply.Text)
	}
	join := "/start " + link[2]

	// Lan registers: HTML in her name is refused, the bot restarts while she
	// is asked for her phone, someone else's contact is refused.
	lan.Send(join)
	consent := lan.Expect(t, tx.consent)
	if !strings.Contains(consent.Text, tx.decree) {
		t.Errorf("consent does not cite %s: %q", tx.decree, consent.Text)
	}
	checkAffirmativeFirst(t, consent, tx.agree, tx.disagree)
	pressAndAnswer(t, lan, consent, tx.agree)
	lan.Expect(t, tx.askName)
	if got := consent.Snapshot(); !strings.Contains(got.Text, tx.consented) || len(got.Buttons) != 0 {
		t.Errorf("consent not edited to %q without buttons: %q %v", tx.consented, got.Text, got.Buttons)
	}

	lan.Send("<b>Lan</b>")
	refused := lan.Expect(t, tx.nameRefused)
	if strings.Contains(refused.HTML, "<b>Lan") || strings.Contains(refused.Text, "Lan") {
		t.Errorf("the refused name reached Telegram: %q", refused.HTML)
	}
	lan.Send("Nguyễn Thị Lan")
	lan.Expect(t, tx.askBirth)
	lan.Send("15/03/2004")
	ask := lan.Expect(t, tx.askPhone)
	if strings.Contains(ask.Text, tx.ageNote) {
		t.Errorf("age note for a 21-year-old: %q", ask.Text)
	}
	checkContactKeyboard(t, ask, tx)

	bt = bt.Restart(opts) // the dialog lives in the database

	lan.ShareContactOf(stranger)
	lan.Expect(t, tx.notOwn)
	lan.ShareContact()
	if done := lan.Expect(t, tx.phoneDone); !done.RemoveKeyboard {
		t.Error("the contact keyboard stays after the phone was taken")
	}
	summary := lan.Expect(t, tx.summary)
	for _, want := range []string{"Nguyễn Thị Lan", "15/03/2004", lan.Phone} {
		if !strings.Contains(summary.Text, want) {
			t.Errorf("summary lacks %q: %q", want, summary.Text)
		}
	}
	checkAffirmativeFirst(t, summary, tx.confirm, tx.edit)
	pressAndAnswer(t, lan, summary, tx.confirm)
	lan.Expect(t, tx.submitted)

	request := sec.Expect(t, tx.approvalRequest)
	for _, want := range []string{"Nguyễn Thị Lan", "15/03/2004", lan.Phone} {
		if !strings.Contains(request.Text, want) {
			t.Errorf("approval request lacks %q: %q", want, request.Text)
		}
	}
	if strings.Contains(request.Text, "⚠") {
		t.Errorf("⚠ on the request of a 21-year-old: %q", request.Text)
	}
	approve(t, sec, request, tx)
	lan.Expect(t, tx.memberApproved)

	lan.Send("/profile")
	profile := lan.Expect(t, tx.profile)
	for _, want := range []string{"Nguyễn Thị Lan", "15/03/2004", lan.Phone, "Chi đoàn Khoa Công nghệ thông tin", tx.statusOK} {
		if !strings.Contains(profile.Text, want) {
			t.Errorf("/profile lacks %q: %q", want, profile.Text)
		}
	}

	// Minh is 35: he is told, and the secretary sees ⚠. He skips the phone.
	minh.Send(join)
	pressAndAnswer(t, minh, minh.Expect(t, tx.consent), tx.agree)
	minh.Expect(t, tx.askName)
	minh.Send("Trần Văn Minh")
	minh.Expect(t, tx.askBirth)
	minh.Send("05/09/1990")
	ask = minh.Expect(t, tx.askPhone)
	if !strings.Contains(ask.Text, tx.ageNote) {
		t.Errorf("no age note for a 35-year-old: %q", ask.Text)
	}
	minh.Send(tx.skip)
	minh.Expect(t, tx.phoneSkipped)
	summary = minh.Expect(t, tx.summary)
	if !strings.Contains(summary.Text, tx.noPhone) {
		t.Errorf("summary does not say there is no phone (%q): %q", tx.noPhone, summary.Text)
	}
	pressAndAnswer(t, minh, summary, tx.confirm)
	minh.Expect(t, tx.submitted)
	request = sec.Expect(t, tx.approvalRequest)
	if !strings.Contains(request.Text, tx.ageWarn) {
		t.Errorf("approval request of a 35-year-old lacks %q: %q", tx.ageWarn, request.Text)
	}
	approve(t, sec, request, tx)
	minh.Expect(t, tx.memberApproved)

	// An leaves with /cancel at the name step: nothing is stored.
	an.Send(join)
	pressAndAnswer(t, an, an.Expect(t, tx.consent), tx.agree)
	an.Expect(t, tx.askName)
	an.Send("/cancel")
	an.Expect(t, tx.cancelled)
	an.Send("Nguyễn Văn An")
	an.Expect(t, tx.notUnderstood)

	t.Run("UnknownGroup", func(t *testing.T) { checkUnknownGroup(t, srv, an, tx) })

	t.Run("SecretaryLinkExpires", func(t *testing.T) {
		admin.Send("/invite VT-CDCD-KT secretary")
		link := secretaryLinkRE.FindStringSubmatch(admin.Expect(t, "Chi đoàn Khoa Kinh tế - Xã hội").Text)
		if link == nil {
			t.Fatal("no secretary link")
		}
		bt.Advance(youthbot.SecretaryInviteTTL + time.Minute)
		stranger.Send("/start " + link[2])
		stranger.Expect(t, tx.linkExpired)
		if isSecretary(t, bt.DB, stranger.ID) {
			t.Error("an expired secretary link made a secretary")
		}
	})

	checkStored(t, bt.DB, map[int64]youthbot.MemberStatus{lan.ID: youthbot.StatusApproved, minh.ID: youthbot.StatusApproved}, an.ID)
	for _, u := range []*telegramtest.User{admin, sec, lan, minh, an} {
		u.NoMore(t)
	}
}

// pressAndAnswer presses a button and waits for the bot's answer, which
// must not be an alert (alerts are refusals).
func pressAndAnswer(t *testing.T, u *telegramtest.User, m *telegramtest.Message, button string) string {
	t.Helper()
	text, alert := u.Press(m, button).Answer(t)
	if alert {
		t.Fatalf("pressing %q: refused with %q", button, text)
	}
	return text
}

// approve presses Approve on an approval request; the request is edited to
// say it is approved, without buttons. Pressing the stale button again is
// refused and changes nothing.
func approve(t *testing.T, sec *telegramtest.User, request *telegramtest.Message, tx journeyTexts) {
	t.Helper()
	checkAffirmativeFirst(t, request, tx.approve, tx.reject)
	data := request.Buttons[0][0].Data
	if answer := pressAndAnswer(t, sec, request, tx.approve); !strings.Contains(answer, tx.approved) {
		t.Errorf("answer to Approve: %q, want %q", answer, tx.approved)
	}
	// The edit was queued before the answer, in the same chat: it is done.
	edited := request.Snapshot()
	if !strings.Contains(edited.Text, tx.approved) || len(edited.Buttons) != 0 {
		t.Errorf("approval request not edited to %q without buttons: %q %v", tx.approved, edited.Text, edited.Buttons)
	}
	text, alert := sec.PressData(request, data).Answer(t)
	if !alert || !strings.Contains(text, tx.alreadyHandled) {
		t.Errorf("second press of Approve answered %q (alert %v), want an alert %q", text, alert, tx.alreadyHandled)
	}
	if again := request.Snapshot(); again.Text != edited.Text {
		t.Errorf("second press of Approve changed the request:\n%q\nto\n%q", edited.Text, again.Text)
	}
}

// checkAffirmativeFirst checks that the affirmative action is the first
// button of the first row.
func checkAffirmativeFirst(t *testing.T, m *telegramtest.Message, yes, no string) {
	t.Helper()
	if len(m.Buttons) == 0 || len(m.Buttons[0]) < 2 || m.Buttons[0][0].Text != yes || m.Buttons[0][1].Text != no {
		t.Errorf("want buttons [%s | %s] first, got %v", yes, no, m.Buttons)
	}
}

func checkContactKeyboard(t *testing.T, m *telegramtest.Message, tx journeyTexts) {
	t.Helper()
	kb := m.ReplyKeyboard
	if len(kb) != 2 || kb[0][0].Text != tx.sharePhone || !kb[0][0].RequestContact || kb[1][0].Text != tx.skip {
		t.Errorf("want the keyboard [%s (contact)] [%s], got %+v", tx.sharePhone, tx.skip, kb)
	}
}

// checkMenus checks the setMyCommands menus of private chats and groups in
// both languages and for users of other languages.
func checkMenus(t *testing.T, srv *telegramtest.Server, tx journeyTexts) {
	// The bot sets them in the background once connected.
	srv.WaitUntil(t, "the command menus are set", func() bool {
		for _, m := range menus {
			if len(srv.Commands(m.scope, m.lang)) == 0 {
				return false
			}
		}
		return true
	})
	names := func(cmds []telegramtest.BotCommand) []string {
		var out []string
		for _, c := range cmds {
			out = append(out, c.Command)
		}
		return out
	}
	// Registration's commands (later features add theirs): /start is
	// hidden, private-only commands are not in groups.
	private := []string{"help", "profile", "pending", "invite", "secretaries", "lang", "cancel", "forgetme"}
	for _, lang := range []string{"vi", "en", ""} {
		p, g := names(srv.Commands("all_private_chats", lang)), names(srv.Commands("all_group_chats", lang))
		for _, c := range private {
			if !slices.Contains(p, c) {
				t.Errorf("private menu %q lacks /%s: %v", lang, c, p)
			}
		}
		if !slices.Contains(g, "help") {
			t.Errorf("group menu %q lacks /help: %v", lang, g)
		}
		for _, c := range []string{"profile", "pending", "invite", "secretaries", "forgetme", "cancel"} {
			if slices.Contains(g, c) {
				t.Errorf("group menu %q has the private /%s: %v", lang, c, g)
			}
		}
		if slices.Contains(p, "start") || slices.Contains(g, "start") {
			t.Errorf("menus %q show /start", lang)
		}
	}
	for _, c := range srv.Commands("all_private_chats", tx.lang) {
		if c.Command == "profile" && !strings.Contains(strings.ToLower(c.Description), tx.menuProfile) {
			t.Errorf("%s menu: /profile is %q", tx.lang, c.Description)
		}
	}
	if vi, en := srv.Commands("all_private_chats", "vi"), srv.Commands("all_private_chats", "en"); slices.Equal(vi, en) {
		t.Error("the vi and en menus are the same")
	}
}

// checkUnknownGroup: in a group the bot does not know, a command gets one
// short reply, plain text and commands for other bots none.
func checkUnknownGroup(t *testing.T, srv *telegramtest.Server, u *telegramtest.User, tx journeyTexts) {
	g := srv.NewGroup("Nhóm lạ")
	u.SendIn(g, "Chào cả nhà")
	u.SendIn(g, "/help")
	g.Expect(t, tx.helpGroup) // the plain text before it got nothing
	u.SendIn(g, "/help@other_bot")
	u.SendIn(g, "/profile")
	g.Expect(t, tx.groupUnknown)
	u.SendIn(g, "/help@"+telegramtest.BotUsername)
	g.Expect(t, tx.helpGroup) // one reply each: no second reply came between
	for _, m := range g.Messages() {
		if n := len([]rune(m.Text)); n > 200 {
			t.Errorf("a long reply in an unknown group (%d characters): %q", n, m.Text)
		}
	}
	g.NoMore(t)
}

func isSecretary(t *testing.T, db *storage.DB, id int64) bool {
	t.Helper()
	var units []string
	if err := db.View(func(tx *storage.Tx) error { units = tx.SecretaryUnits(id); return nil }); err != nil {
		t.Fatal(err)
	}
	return len(units) > 0
}

// checkStored checks the members in the database: want's with their status,
// none for the others, and each exactly once in the branch's index.
func checkStored(t *testing.T, db *storage.DB, want map[int64]youthbot.MemberStatus, none ...int64) {
	t.Helper()
	err := db.View(func(tx *storage.Tx) error {
		for id, status := range want {
			m, err := tx.Member(id)
			if err != nil {
				t.Errorf("member %d: %v", id, err)
				continue
			}
			if m.Status != status {
				t.Errorf("member %d: status %s, want %s", id, m.Status, status)
			}
		}
		for _, id := range none {
			if _, err := tx.Member(id); youthbot.ErrorCode(err) != youthbot.ENOTFOUND {
				t.Errorf("member %d stored (err %v), want none", id, err)
			}
			if _, found, _ := tx.Dialog(id); found {
				t.Errorf("user %d still has a dialog", id)
			}
		}
		all, err := tx.MembersOf("VT-CDCD-CNTT")
		if err != nil {
			return err
		}
		if len(all) != len(want) {
			t.Errorf("the branch's index holds %d members, want %d", len(all), len(want))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
