package membership

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
	"youthbot/bot"
	"youthbot/bot/internal/decision"
	"youthbot/i18n"
	"youthbot/report"
	"youthbot/service"
)

// pendingPage is how many waiting items a /pending page shows.
const pendingPage = 5

// cbDecide handles Approve / Reject on an approval request.
func (r *Room) cbDecide(c *bot.Ctx, args []string) error {
	prefix, _ := bot.DecodeData(c.Update.CallbackQuery.Data)
	approve := prefix == cbApprove
	why, err := decision.ReasonArg(prefix == cbRejectWhy, bot.Arg(args, 2))
	if err != nil {
		return err
	}
	m, unit, err := r.pendingMember(c, bot.Arg(args, 0), bot.Arg(args, 1))
	if err != nil {
		return err
	}
	showPhone := slices.Contains(c.Tx.Secretaries(unit.Code), c.From.ID)
	if m.Status != youthbot.StatusPending {
		status := r.decisionLine(c, c.Lang, m)
		c.EditCallback(r.approvalText(c, c.Lang, m, unit, showPhone, status), nil)
		c.Answer(c.T("approval.already")+"\n"+status, true)
		return nil
	}
	id, reg := bot.Arg(args, 0), bot.Arg(args, 1)
	switch {
	case prefix == cbReject:
		c.EditMarkup(decision.ReasonKeyboard(c.Lang, func(why string) string { return bot.Data(cbRejectWhy, id, reg, why) },
			decision.RejectTextData("m"+id+"."+reg)))
		c.Answer(c.T("reject.ask"), false)
		return nil
	case why == decision.ReasonBack:
		c.EditMarkup(r.approvalKeyboard(c.Lang, m))
		c.Answer("", false)
		return nil
	}
	if err := r.decideMember(c, &m, approve, why); err != nil {
		return err
	}
	var undo *tgbotapi.InlineKeyboardMarkup
	if m.Status == youthbot.StatusRejected {
		undo = undoKeyboard(c, "m"+id+"."+reg)
	}
	c.EditCallback(r.approvalText(c, c.Lang, m, unit, showPhone, r.decisionLine(c, c.Lang, m)), undo)
	c.Answer(r.decisionLine(c, c.Lang, m), false)
	return nil
}

// pendingMember loads the registration a button names (user id and
// registration time, so a button of an older registration is stale) and
// checks the presser's rights over its branch, now, and that it is not
// their own.
func (r *Room) pendingMember(c *bot.Ctx, idArg, regArg string) (youthbot.Member, youthbot.Unit, error) {
	id, err1 := strconv.ParseInt(idArg, 10, 64)
	reg, err2 := strconv.ParseInt(regArg, 10, 64)
	if err1 != nil || err2 != nil {
		return youthbot.Member{}, youthbot.Unit{}, bot.StaleButton()
	}
	m, err := c.Tx.Member(id)
	if youthbot.ErrorCode(err) == youthbot.ENOTFOUND || err == nil && m.RegisteredAt.Unix() != reg {
		return m, youthbot.Unit{}, youthbot.Errorf(youthbot.ENOTFOUND, "err.registration_gone")
	}
	if err != nil {
		return m, youthbot.Unit{}, err
	}
	if err := c.RequireManage(m.Unit); err != nil {
		return m, youthbot.Unit{}, err
	}
	if err := decision.RefuseSelf(c, m.UserID); err != nil {
		return m, youthbot.Unit{}, err
	}
	unit, err := c.Tx.Unit(m.Unit)
	return m, unit, err
}

// decideMember approves or rejects a pending registration and tells the
// member. An approval of someone imported before (same branch, name and
// date of birth) takes over the imported record instead (claimByName).
func (r *Room) decideMember(c *bot.Ctx, m *youthbot.Member, approve bool, why string) error {
	if approve {
		ok, err := r.claimByName(c, m)
		if err != nil || ok {
			m.DecidedAt = c.Now // as the decision line shows it: the record's own dates are its history's
			return err
		}
	}
	decided, notices, err := service.DecideMember(c.Tx, c.Actor(), m.UserID, approve, why, c.When())
	if err != nil {
		return err
	}
	*m = decided
	return c.Decided(bot.RequestRegistration, m.Unit, strconv.FormatInt(m.UserID, 10), notices)
}

// decisionLine says who decided a registration and when.
func (r *Room) decisionLine(c *bot.Ctx, lang string, m youthbot.Member) string {
	when := r.b.WhenText(m.DecidedAt)
	switch m.Status {
	case youthbot.StatusApproved:
		return i18n.T(lang, "approval.approved", when)
	case youthbot.StatusRejected:
		return decision.WithReason(lang, i18n.T(lang, "approval.rejected", when), m.Reason)
	}
	return i18n.T(lang, "approval.withdrawn")
}

// pendingItem is one thing waiting for a secretary's decision.
type pendingItem struct {
	key  string    // "m<user>.<registered unix>"
	at   time.Time // when it started waiting: oldest first
	line string    // how it reads in the list
}

// pendingItems gathers what waits for the sender's decision in every unit
// they manage, except what is about themselves (someone else decides it).
func (r *Room) pendingItems(c *bot.Ctx) ([]pendingItem, error) {
	var items []pendingItem
	for _, unit := range r.managedUnits(c) {
		u, err := c.Tx.Unit(unit)
		if err != nil {
			return nil, err
		}
		ms, err := c.Tx.MembersOf(unit, youthbot.StatusPending)
		if err != nil {
			return nil, err
		}
		for _, m := range ms {
			if m.UserID == c.From.ID {
				continue
			}
			age := ""
			if m.AgeOutsideUnion(c.Today) {
				age = " ⚠ " + c.T("approval.age", m.Birth.YearsSince(c.Today))
			}
			items = append(items, pendingItem{
				key:  fmt.Sprintf("m%d.%d", m.UserID, m.RegisteredAt.Unix()),
				at:   m.RegisteredAt,
				line: c.T("pending.registration", m.FullName, u.Name, m.Birth.String(), age),
			})
		}
		more, err := r.pendingParticipation(c, u)
		if err != nil {
			return nil, err
		}
		items = append(items, more...)
	}
	slices.SortStableFunc(items, func(a, b pendingItem) int { return a.at.Compare(b.at) })
	return items, nil
}

// pendingParticipation lists a unit's logged activities waiting for
// confirmation ("a<id>") and the transfers into it waiting for acceptance
// ("t<id>").
func (r *Room) pendingParticipation(c *bot.Ctx, u youthbot.Unit) ([]pendingItem, error) {
	var items []pendingItem
	acts, err := c.Tx.PendingActivities(u.Code)
	if err != nil {
		return nil, err
	}
	for _, a := range acts {
		if a.Member == c.From.ID {
			continue
		}
		m, _ := c.Tx.Member(a.Member)
		name := m.FullName
		if name == "" {
			name = c.T("members.anonymous")
		}
		h := "—"
		if a.Tenths > 0 {
			h = c.T("activity.hours_n", report.Hours(c.Lang, a.Tenths))
		}
		extra := ""
		if a.Project != "" {
			extra += " · 🏗 " + a.Project
		}
		if a.Photo != "" {
			extra += " · 📷"
		}
		items = append(items, pendingItem{
			key:  "a" + strconv.FormatUint(a.ID, 10),
			at:   a.CreatedAt,
			line: c.T("pending.activity", name, u.Name, a.Date.String(), h, service.Clip(a.Description, 120), extra),
		})
	}
	transfers, err := c.Tx.PendingTransfers(u.Code)
	if err != nil {
		return nil, err
	}
	for _, t := range transfers {
		if t.Member == c.From.ID {
			continue
		}
		m, _ := c.Tx.Member(t.Member)
		items = append(items, pendingItem{
			key:  "t" + strconv.FormatUint(t.ID, 10),
			at:   t.RequestedAt,
			line: c.T("pending.transfer", m.FullName, bot.NameOfUnit(c, t.From), u.Name),
		})
	}
	return items, nil
}

// managedUnits lists every unit the sender has rights over, each once.
func (r *Room) managedUnits(c *bot.Ctx) []string {
	return r.b.ManagedUnitsOf(c.Tx, c.From.ID)
}

// cmdPending lists what waits for the secretary's decision.
func (r *Room) cmdPending(c *bot.Ctx, _ string) error {
	return c.Replied(r.pendingView(c, 0))
}

// pendingView renders one page of the waiting list.
func (r *Room) pendingView(c *bot.Ctx, page int) (string, *tgbotapi.InlineKeyboardMarkup, error) {
	items, err := r.pendingItems(c)
	if err != nil {
		return "", nil, err
	}
	if len(items) == 0 {
		return c.T("pending.none"), nil, nil
	}
	from, to, page, pages := bot.PageOf(len(items), pendingPage, page)
	var sb strings.Builder
	sb.WriteString(c.T("pending.title", len(items), page+1, pages))
	var rows [][]tgbotapi.InlineKeyboardButton
	p := strconv.Itoa(page)
	for i, it := range items[from:to] {
		n := strconv.Itoa(from + i + 1)
		fmt.Fprintf(&sb, "\n\n%s. %s", n, it.line)
		rows = append(rows, bot.Row(bot.Button("✅ "+n, bot.Data(bot.PendingPrefix, "a", it.key, p)), bot.Button("❌ "+n, bot.Data(bot.PendingPrefix, "r", it.key, p))))
	}
	rows = append(rows, bot.Row(bot.Button(c.T("btn.approve_page"), bot.Data(bot.PendingPrefix, "A", p, pageHash(items[from:to])))))
	rows = append(rows, bot.PageButtons(page, pages, func(p int) string { return bot.Data(bot.PendingPrefix, "p", strconv.Itoa(p)) }))
	return sb.String(), bot.Keyboard(rows...), nil
}

// pageHash fingerprints the items a page showed, so "approve all on this
// page" approves exactly what the secretary saw.
func pageHash(items []pendingItem) string {
	h := sha256.New()
	for _, it := range items {
		h.Write([]byte(it.key))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}

// cbPending handles the /pending list's buttons.
func (r *Room) cbPending(c *bot.Ctx, args []string) error {
	action := bot.Arg(args, 0)
	var page int
	var approved, rejected []string // who was just decided, for the list's first line
	var undo [][2]string            // the name and key of each rejection just made, which may be undone
	switch action {
	case "p":
		page, _ = strconv.Atoi(bot.Arg(args, 1))
	case "a", "r":
		page, _ = strconv.Atoi(bot.Arg(args, 2))
		key := bot.Arg(args, 1)
		if action == "r" && (strings.HasPrefix(key, "m") || strings.HasPrefix(key, "a")) {
			// A registration or an activity: ask for the reason first.
			if err := r.itemToReject(c, key); err != nil {
				return err
			}
			p := strconv.Itoa(page)
			c.EditMarkup(decision.ReasonKeyboard(c.Lang, func(why string) string { return bot.Data(bot.PendingPrefix, "w", key, p, why) },
				decision.RejectTextData(key)))
			c.Answer(c.T("reject.ask"), false)
			return nil
		}
		name, outcome, err := r.decideItem(c, key, action == "a", "")
		if err != nil {
			return err
		}
		approved, rejected = addDecided(approved, rejected, name, outcome)
	case "w":
		page, _ = strconv.Atoi(bot.Arg(args, 2))
		key := bot.Arg(args, 1)
		why, err := decision.ReasonArg(true, bot.Arg(args, 3))
		if err != nil || !strings.HasPrefix(key, "m") && !strings.HasPrefix(key, "a") {
			return bot.StaleButton()
		}
		if why == decision.ReasonBack {
			break // the list again, as it is now
		}
		name, outcome, err := r.decideItem(c, key, false, why)
		if err != nil {
			return err
		}
		approved, rejected = addDecided(approved, rejected, name, outcome)
		if outcome == decidedRejected {
			undo = append(undo, [2]string{name, key})
		}
	case "A":
		page, _ = strconv.Atoi(bot.Arg(args, 1))
		items, err := r.pendingItems(c)
		if err != nil {
			return err
		}
		from, to, _, _ := bot.PageOf(len(items), pendingPage, page)
		if len(items) == 0 || pageHash(items[from:to]) != bot.Arg(args, 2) {
			c.Answer(c.T("pending.changed"), true)
			break
		}
		for _, it := range items[from:to] {
			name, outcome, err := r.decideItem(c, it.key, true, "")
			if err != nil {
				return err
			}
			approved, rejected = addDecided(approved, rejected, name, outcome)
		}
		c.Answer(c.T("pending.approved_n", to-from), false)
	default:
		return bot.StaleButton()
	}
	text, kb, err := r.pendingView(c, page)
	if err != nil {
		return err
	}
	var said []string
	if len(approved) > 0 {
		said = append(said, c.T("pending.just_approved", strings.Join(approved, ", ")))
	}
	if len(rejected) > 0 {
		said = append(said, c.T("pending.just_rejected", strings.Join(rejected, ", ")))
	}
	if len(said) > 0 {
		text = strings.Join(said, "\n") + "\n\n" + text
	}
	for _, u := range undo {
		if kb == nil {
			kb = bot.Keyboard()
		}
		kb.InlineKeyboard = append(kb.InlineKeyboard, bot.Row(bot.Button(c.T("btn.undo_reject_of", i18n.Raw(u[0])), decision.UndoRejectData(u[1]))))
	}
	c.EditCallback(text, kb)
	return nil
}

// decided is what became of a waiting item decided from /pending.
type decided int

const (
	decidedNothing  decided = iota // it was not decided (withdrawn, cancelled as stale)
	decidedApproved                // approved, confirmed or accepted
	decidedRejected
)

// addDecided adds the name of an item decided to the list of its outcome.
func addDecided(approved, rejected []string, name string, outcome decided) ([]string, []string) {
	switch outcome {
	case decidedApproved:
		approved = append(approved, name)
	case decidedRejected:
		rejected = append(rejected, name)
	}
	return approved, rejected
}

// memberName is the name of the member an item is about, or "(đã xoá dữ
// liệu)" for one whose data was erased.
func memberName(c *bot.Ctx, id int64) string {
	if m, err := c.Tx.Member(id); err == nil && m.FullName != "" {
		return m.FullName
	}
	return c.T("members.anonymous")
}

// decideItem approves or rejects (with the reason why, for a registration
// or an activity) one waiting item named by its key, and says whom it was
// about and what became of it.
func (r *Room) decideItem(c *bot.Ctx, key string, approve bool, why string) (string, decided, error) {
	if strings.HasPrefix(key, "m") {
		id, reg, _ := strings.Cut(key[1:], ".")
		m, _, err := r.pendingMember(c, id, reg)
		if err != nil {
			return "", decidedNothing, err
		}
		if err := r.decideMember(c, &m, approve, why); err != nil {
			return "", decidedNothing, err
		}
		return m.FullName, outcome(m.Status == youthbot.StatusApproved, m.Status == youthbot.StatusRejected), nil
	}
	if id, ok := strings.CutPrefix(key, "a"); ok {
		a, err := decision.ActivityToDecide(c, id)
		if err != nil {
			return "", decidedNothing, err
		}
		if err := decision.DecideActivity(c, &a, approve, why); err != nil {
			return "", decidedNothing, err
		}
		return memberName(c, a.Member), outcome(a.Status == youthbot.ActivityConfirmed, a.Status == youthbot.ActivityRejected), nil
	}
	if id, ok := strings.CutPrefix(key, "t"); ok {
		t, err := decision.TransferToDecide(c, id)
		if err != nil {
			return "", decidedNothing, err
		}
		if err := decision.DecideTransfer(c, &t, approve); err != nil {
			return "", decidedNothing, err
		}
		return memberName(c, t.Member), outcome(t.Status == youthbot.TransferAccepted, t.Status == youthbot.TransferRejected), nil
	}
	return "", decidedNothing, bot.StaleButton()
}

// outcome is the decided of a decision that approved or rejected.
func outcome(approved, rejected bool) decided {
	switch {
	case approved:
		return decidedApproved
	case rejected:
		return decidedRejected
	}
	return decidedNothing
}
