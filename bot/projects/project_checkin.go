package projects

import (
	"fmt"
	"strconv"
	"strings"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
	"github.com/skip2/go-qrcode"

	"youthbot"
	"youthbot/bot"
	"youthbot/vnread"
)

// On-site check-in, the two-step attendance proof: /checkin gives the
// secretary a QR code of the deep link https://t.me/<bot>?start=c_<code>;
// a joined member who opens it during the project's days is marked present
// (once, with the time); the secretary then confirms attendance, one tap
// per member or all checked-in members at once, and may confirm a member
// who could not scan. /done credits whoever was present.

// attendancePage is how many participants the attendance list shows at once.
const attendancePage = 8

// checkinCodeLen is the length of a project's check-in code.
const checkinCodeLen = 12

// managedProject loads a project the sender may run: an admin, or a
// secretary of its unit or a unit above.
func (pj *Projects) managedProject(c *bot.Ctx, code string) (youthbot.Project, error) {
	return bot.Managed(c, code, c.Tx.Project, func(p youthbot.Project) string { return p.Unit }, "err.not_your_project")
}

// checkinLink is the deep link members open to check in.
func (pj *Projects) checkinLink(p *youthbot.Project) string {
	return fmt.Sprintf("https://t.me/%s?start=c_%s", pj.b.Username(), p.CheckinCode)
}

// cmdCheckin sends the QR code and link of a project's check-in, then the
// attendance list: /checkin P12. The code is made once and kept, so a
// printed QR code stays valid. After the project's last day only the
// attendance list comes, for confirming before /done.
func (pj *Projects) cmdCheckin(c *bot.Ctx, args string) error {
	code, err := projectCodeArg(args, "err.project_checkin_usage")
	if err != nil {
		return err
	}
	p, err := pj.managedProject(c, code)
	if err != nil {
		return err
	}
	if !p.Open() {
		return youthbot.Errorf(youthbot.ECONFLICT, "err.project_done", p.Code, p.DoneDate.String())
	}
	if c.Today.After(p.End) {
		// Too late to check in; the secretary may still confirm attendance.
		text, kb, err := pj.attendanceView(c, &p, 0)
		if err != nil {
			return err
		}
		replyKeyboard(c, c.T("project.checkin_over", p.Code, p.End.String())+"\n\n"+text, kb)
		return nil
	}
	if p.CheckinCode == "" {
		p.CheckinCode = youthbot.NewCode(checkinCodeLen)
		if err := c.Tx.PutProject(&p); err != nil {
			return err
		}
	}
	link := pj.checkinLink(&p)
	png, err := qrcode.Encode(link, qrcode.Medium, 512)
	if err != nil {
		return fmt.Errorf("qr code of %s: %w", p.Code, err)
	}
	replyPhoto(c, "checkin-"+p.Code+".png", png, c.T("project.checkin_caption", p.Code, p.Title, link, p.Start.String(), p.End.String()))
	text, kb, err := pj.attendanceView(c, &p, 0)
	if err != nil {
		return err
	}
	replyKeyboard(c, text, kb)
	return nil
}

// replyPhoto sends an uploaded PNG with an HTML caption to the chat of the
// update.
func replyPhoto(c *bot.Ctx, name string, png []byte, caption string) {
	c.Queue(&youthbot.Outgoing{
		Chat: c.Chat, Lane: youthbot.LaneReply, Method: "sendPhoto", Notice: "checkin_qr",
		Params: map[string]string{"chat_id": strconv.FormatInt(c.Chat, 10), "caption": caption, "parse_mode": "HTML"},
		File:   &youthbot.OutFile{Field: "photo", Name: name, Data: png},
	})
}

// startCheckin is the c_ deep link: a joined member opening it during the
// project's days is marked present, once.
func (pj *Projects) startCheckin(c *bot.Ctx, code string) error {
	if !youthbot.ValidCode(code) {
		return youthbot.Errorf(youthbot.EINVALID, "err.link_invalid")
	}
	p, err := c.Tx.ProjectByCheckin(code)
	if err != nil {
		return err
	}
	m, err := bot.MemberForProjects(c)
	if err != nil {
		return err
	}
	seat, found, err := c.Tx.Seat(p.Code, m.UserID)
	if err != nil {
		return err
	}
	switch {
	case !found:
		return youthbot.Errorf(youthbot.EINVALID, "err.project_checkin_not_joined", p.Code, p.Title)
	case seat.State != youthbot.SeatJoined:
		return youthbot.Errorf(youthbot.EINVALID, "err.project_checkin_waiting", p.Code)
	}
	if err := p.CanCheckIn(c.Today); err != nil {
		return err
	}
	if !seat.PresentAt.IsZero() {
		c.Reply(c.T("project.checkin_already", p.Code, pj.b.WhenText(seat.PresentAt)), nil)
		return nil
	}
	seat.PresentAt = c.Now
	if err := c.Tx.PutSeat(p.Code, seat); err != nil {
		return err
	}
	c.Reply(c.T("project.checkin_done", p.Code, p.Title, pj.b.WhenText(c.Now)), nil)
	return nil
}

// attendanceView is the secretary's attendance list of a project: each
// joined member with their check-in and whether it is confirmed; a tap on
// a member confirms (or withdraws) their attendance.
func (pj *Projects) attendanceView(c *bot.Ctx, p *youthbot.Project, page int) (string, *tgbotapi.InlineKeyboardMarkup, error) {
	seats, err := c.Tx.Seats(p.Code)
	if err != nil {
		return "", nil, err
	}
	var joined []youthbot.Participant
	present, confirmed, unconfirmed := 0, 0, 0
	for _, s := range seats {
		if s.State != youthbot.SeatJoined {
			continue
		}
		joined = append(joined, s)
		if s.Present() {
			present++
		}
		if s.Attended {
			confirmed++
		} else if !s.PresentAt.IsZero() {
			unconfirmed++
		}
	}
	var sb strings.Builder
	sb.WriteString(c.T("project.att_title", p.Code, p.Title, len(joined), present, confirmed))
	if len(joined) == 0 {
		sb.WriteString("\n\n" + c.T("project.att_nobody"))
	}
	from, to, page, pages := bot.PageOf(len(joined), attendancePage, page)
	code, pg := p.Code, strconv.Itoa(page)
	var rows [][]tgbotapi.InlineKeyboardButton
	for i, s := range joined[from:to] {
		name := pj.participantName(c, s.Member)
		var line string
		switch {
		case s.Attended && !s.PresentAt.IsZero():
			line = c.T("project.att_confirmed", name, pj.b.WhenText(s.PresentAt))
		case s.Attended:
			line = c.T("project.att_confirmed_by_secretary", name)
		case !s.PresentAt.IsZero():
			line = c.T("project.att_checked_in", name, pj.b.WhenText(s.PresentAt))
		default:
			line = c.T("project.att_absent", name)
		}
		sb.WriteString(fmt.Sprintf("\n%d. %s", from+i+1, line))
		mark := "☑️ "
		if s.Attended {
			mark = "✅ "
		}
		if p.Open() {
			rows = append(rows, bot.Row(bot.Button(mark+bot.TruncateRunes(name, 40), bot.Data(cbAttendance, "o", code, strconv.FormatInt(s.Member, 10), pg))))
		}
	}
	if p.Open() {
		if unconfirmed > 0 {
			rows = append(rows, bot.Row(bot.Button(c.T("project.att_btn_all", unconfirmed), bot.Data(cbAttendance, "a", code, pg))))
		}
		rows = append(rows, bot.PageButtons(page, pages, func(n int) string { return bot.Data(cbAttendance, "v", code, strconv.Itoa(n)) }))
		rows = append(rows, bot.Row(bot.Button(c.T("project.att_btn_refresh"), bot.Data(cbAttendance, "v", code, pg))))
		sb.WriteString("\n\n" + c.T("project.att_help", code))
	}
	return sb.String(), optionalKeyboard(rows...), nil
}

// participantName is a member's name for the attendance list.
func (pj *Projects) participantName(c *bot.Ctx, id int64) string {
	if m, err := c.Tx.Member(id); err == nil && m.FullName != "" {
		return m.FullName
	}
	return c.T("project.att_someone", id)
}

// cbAttendance handles the attendance list's buttons: v shows a page, o
// confirms or withdraws one member's attendance, a confirms every member
// who checked in.
func (pj *Projects) cbAttendance(c *bot.Ctx, args []string) error {
	op := bot.Arg(args, 0)
	code, ok := vnread.NormalizeProjectCode(bot.Arg(args, 1))
	pageArg := map[string]int{"v": 2, "a": 2, "o": 3}
	i, known := pageArg[op]
	if !known || !ok || len(args) != i+1 {
		return bot.StaleButton()
	}
	page, err := strconv.Atoi(args[i])
	if err != nil {
		return bot.StaleButton()
	}
	p, err := pj.managedProject(c, code)
	if err != nil {
		return err
	}
	if op != "v" && !p.Open() {
		return youthbot.Errorf(youthbot.ECONFLICT, "err.project_done", p.Code, p.DoneDate.String())
	}
	switch op {
	case "o":
		id, err := strconv.ParseInt(args[2], 10, 64)
		if err != nil {
			return bot.StaleButton()
		}
		seat, found, err := c.Tx.Seat(code, id)
		if err != nil {
			return err
		}
		if !found || seat.State != youthbot.SeatJoined {
			return bot.StaleButton()
		}
		seat.Attended = !seat.Attended
		if err := c.Tx.PutSeat(code, seat); err != nil {
			return err
		}
		name := pj.participantName(c, id)
		if seat.Attended {
			c.Answer(c.T("project.att_confirmed_one", name), false)
		} else {
			c.Answer(c.T("project.att_withdrawn_one", name), false)
		}
	case "a":
		seats, err := c.Tx.Seats(code)
		if err != nil {
			return err
		}
		n := 0
		for _, s := range seats {
			if s.State == youthbot.SeatJoined && !s.PresentAt.IsZero() && !s.Attended {
				s.Attended = true
				if err := c.Tx.PutSeat(code, s); err != nil {
					return err
				}
				n++
			}
		}
		c.Answer(c.T("project.att_confirmed_n", n), false)
	}
	return c.Edited(pj.attendanceView(c, &p, page))
}
