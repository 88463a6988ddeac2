package bot

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
	"youthbot/service"
	"youthbot/storage"
)

// pendingPage is how many waiting items a /pending page shows.
const pendingPage = 5

// cbDecide handles Approve / Reject on an approval request.
func (b *Bot) cbDecide(c *Ctx, args []string) error {
	prefix, _ := decodeData(c.Update.CallbackQuery.Data)
	approve := prefix == cbApprove
	why, err := reasonArg(prefix == cbRejectWhy, arg(args, 2))
	if err != nil {
		return err
	}
	m, unit, err := b.pendingMember(c, arg(args, 0), arg(args, 1))
	if err != nil {
		return err
	}
	showPhone := slices.Contains(c.Tx.Secretaries(unit.Code), c.From.ID)
	if m.Status != youthbot.StatusPending {
		status := b.decisionLine(c, c.Lang, m)
		c.EditCallback(b.approvalText(c, c.Lang, m, unit, showPhone, status), nil)
		c.Answer(c.T("approval.already")+"\n"+status, true)
		return nil
	}
	id, reg := arg(args, 0), arg(args, 1)
	switch {
	case prefix == cbReject:
		c.EditMarkup(reasonKeyboard(c.Lang, func(why string) string { return data(cbRejectWhy, id, reg, why) }))
		c.Answer(c.T("reject.ask"), false)
		return nil
	case why == reasonBack:
		c.EditMarkup(b.approvalKeyboard(c.Lang, m))
		c.Answer("", false)
		return nil
	}
	if err := b.decideMember(c, &m, approve, why); err != nil {
		return err
	}
	c.EditCallback(b.approvalText(c, c.Lang, m, unit, showPhone, b.decisionLine(c, c.Lang, m)), nil)
	c.Answer(b.decisionLine(c, c.Lang, m), false)
	return nil
}

// pendingMember loads the registration a button names (user id and
// registration time, so a button of an older registration is stale) and
// checks the presser's rights over its branch, now, and that it is not
// their own.
func (b *Bot) pendingMember(c *Ctx, idArg, regArg string) (youthbot.Member, youthbot.Unit, error) {
	id, err1 := strconv.ParseInt(idArg, 10, 64)
	reg, err2 := strconv.ParseInt(regArg, 10, 64)
	if err1 != nil || err2 != nil {
		return youthbot.Member{}, youthbot.Unit{}, staleButton()
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
	if err := refuseSelf(c, m.UserID); err != nil {
		return m, youthbot.Unit{}, err
	}
	unit, err := c.Tx.Unit(m.Unit)
	return m, unit, err
}

// decideMember approves or rejects a pending registration and tells the
// member.
func (b *Bot) decideMember(c *Ctx, m *youthbot.Member, approve bool, why string) error {
	decided, notices, err := service.DecideMember(c.Tx, c.actor(), m.UserID, approve, why, c.when())
	if err != nil {
		return err
	}
	*m = decided
	return c.deliver(notices)
}

// decisionLine says who decided a registration and when.
func (b *Bot) decisionLine(c *Ctx, lang string, m youthbot.Member) string {
	when := b.whenText(m.DecidedAt)
	switch m.Status {
	case youthbot.StatusApproved:
		return tr(lang, "approval.approved", when)
	case youthbot.StatusRejected:
		return tr(lang, "approval.rejected", when)
	}
	return tr(lang, "approval.withdrawn")
}

// pendingItem is one thing waiting for a secretary's decision.
type pendingItem struct {
	key  string    // "m<user>.<registered unix>"
	at   time.Time // when it started waiting: oldest first
	line string    // how it reads in the list
}

// pendingItems gathers what waits for the sender's decision in every unit
// they manage, except what is about themselves (someone else decides it).
func (b *Bot) pendingItems(c *Ctx) ([]pendingItem, error) {
	var items []pendingItem
	for _, unit := range b.managedUnits(c) {
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
		more, err := b.pendingParticipation(c, u)
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
func (b *Bot) pendingParticipation(c *Ctx, u youthbot.Unit) ([]pendingItem, error) {
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
			h = c.T("activity.hours_n", hours(c.Lang, a.Tenths))
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
			line: c.T("pending.activity", name, u.Name, a.Date.String(), h, clip(a.Description, 120), extra),
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
			line: c.T("pending.transfer", m.FullName, b.unitName(c, t.From), u.Name),
		})
	}
	return items, nil
}

// managedUnits lists every unit the sender has rights over, each once.
func (b *Bot) managedUnits(c *Ctx) []string {
	return b.managedUnitsOf(c.Tx, c.From.ID)
}

// managedUnitsOf lists every unit a user has rights over, each once.
func (b *Bot) managedUnitsOf(tx *storage.Tx, user int64) []string {
	tops := tx.SecretaryUnits(user)
	if b.IsAdmin(user) {
		tops = tx.ChildCodes("")
	}
	seen := map[string]bool{}
	var out []string
	for _, top := range tops {
		for _, u := range tx.Subtree(top) {
			if !seen[u] {
				seen[u] = true
				out = append(out, u)
			}
		}
	}
	return out
}

// cmdPending lists what waits for the secretary's decision.
func (b *Bot) cmdPending(c *Ctx, _ string) error {
	text, kb, err := b.pendingView(c, 0)
	if err != nil {
		return err
	}
	c.Reply(text, kb)
	return nil
}

// pendingView renders one page of the waiting list.
func (b *Bot) pendingView(c *Ctx, page int) (string, *tgbotapi.InlineKeyboardMarkup, error) {
	items, err := b.pendingItems(c)
	if err != nil {
		return "", nil, err
	}
	if len(items) == 0 {
		return c.T("pending.none"), nil, nil
	}
	from, to, page, pages := pageOf(len(items), pendingPage, page)
	var sb strings.Builder
	sb.WriteString(c.T("pending.title", len(items), page+1, pages))
	var rows [][]tgbotapi.InlineKeyboardButton
	p := strconv.Itoa(page)
	for i, it := range items[from:to] {
		n := strconv.Itoa(from + i + 1)
		fmt.Fprintf(&sb, "\n\n%s. %s", n, it.line)
		rows = append(rows, row(button("✅ "+n, data(cbPending, "a", it.key, p)), button("❌ "+n, data(cbPending, "r", it.key, p))))
	}
	rows = append(rows, row(button(c.T("btn.approve_page"), data(cbPending, "A", p, pageHash(items[from:to])))))
	rows = append(rows, pageButtons(page, pages, func(p int) string { return data(cbPending, "p", strconv.Itoa(p)) }))
	return sb.String(), keyboard(rows...), nil
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
func (b *Bot) cbPending(c *Ctx, args []string) error {
	action := arg(args, 0)
	var page int
	var approved, rejected []string // who was just decided, for the list's first line
	switch action {
	case "p":
		page, _ = strconv.Atoi(arg(args, 1))
	case "a", "r":
		page, _ = strconv.Atoi(arg(args, 2))
		key := arg(args, 1)
		if action == "r" && (strings.HasPrefix(key, "m") || strings.HasPrefix(key, "a")) {
			// A registration or an activity: ask for the reason first.
			if err := b.itemToReject(c, key); err != nil {
				return err
			}
			p := strconv.Itoa(page)
			c.EditMarkup(reasonKeyboard(c.Lang, func(why string) string { return data(cbPending, "w", key, p, why) }))
			c.Answer(c.T("reject.ask"), false)
			return nil
		}
		name, outcome, err := b.decideItem(c, key, action == "a", "")
		if err != nil {
			return err
		}
		approved, rejected = addDecided(approved, rejected, name, outcome)
	case "w":
		page, _ = strconv.Atoi(arg(args, 2))
		key := arg(args, 1)
		why, err := reasonArg(true, arg(args, 3))
		if err != nil || !strings.HasPrefix(key, "m") && !strings.HasPrefix(key, "a") {
			return staleButton()
		}
		if why == reasonBack {
			break // the list again, as it is now
		}
		name, outcome, err := b.decideItem(c, key, false, why)
		if err != nil {
			return err
		}
		approved, rejected = addDecided(approved, rejected, name, outcome)
	case "A":
		page, _ = strconv.Atoi(arg(args, 1))
		items, err := b.pendingItems(c)
		if err != nil {
			return err
		}
		from, to, _, _ := pageOf(len(items), pendingPage, page)
		if len(items) == 0 || pageHash(items[from:to]) != arg(args, 2) {
			c.Answer(c.T("pending.changed"), true)
			break
		}
		for _, it := range items[from:to] {
			name, outcome, err := b.decideItem(c, it.key, true, "")
			if err != nil {
				return err
			}
			approved, rejected = addDecided(approved, rejected, name, outcome)
		}
		c.Answer(c.T("pending.approved_n", to-from), false)
	default:
		return staleButton()
	}
	text, kb, err := b.pendingView(c, page)
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
func memberName(c *Ctx, id int64) string {
	if m, err := c.Tx.Member(id); err == nil && m.FullName != "" {
		return m.FullName
	}
	return c.T("members.anonymous")
}

// itemToReject checks, before the reasons are offered, that the
// registration or activity a /pending key names may be rejected by the
// presser now: their rights, and that it still waits.
func (b *Bot) itemToReject(c *Ctx, key string) error {
	if id, ok := strings.CutPrefix(key, "a"); ok {
		a, err := b.activityToDecide(c, id)
		if err == nil && a.Status != youthbot.ActivityPending {
			err = youthbot.Errorf(youthbot.ECONFLICT, "activity.already")
		}
		return err
	}
	id, reg, _ := strings.Cut(strings.TrimPrefix(key, "m"), ".")
	m, _, err := b.pendingMember(c, id, reg)
	if err == nil && m.Status != youthbot.StatusPending {
		err = youthbot.Errorf(youthbot.ECONFLICT, "approval.already")
	}
	return err
}

// decideItem approves or rejects (with the reason why, for a registration
// or an activity) one waiting item named by its key, and says whom it was
// about and what became of it.
func (b *Bot) decideItem(c *Ctx, key string, approve bool, why string) (string, decided, error) {
	if strings.HasPrefix(key, "m") {
		id, reg, _ := strings.Cut(key[1:], ".")
		m, _, err := b.pendingMember(c, id, reg)
		if err != nil {
			return "", decidedNothing, err
		}
		if err := b.decideMember(c, &m, approve, why); err != nil {
			return "", decidedNothing, err
		}
		return m.FullName, outcome(m.Status == youthbot.StatusApproved, m.Status == youthbot.StatusRejected), nil
	}
	if id, ok := strings.CutPrefix(key, "a"); ok {
		a, err := b.activityToDecide(c, id)
		if err != nil {
			return "", decidedNothing, err
		}
		if err := b.decideActivity(c, &a, approve, why); err != nil {
			return "", decidedNothing, err
		}
		return memberName(c, a.Member), outcome(a.Status == youthbot.ActivityConfirmed, a.Status == youthbot.ActivityRejected), nil
	}
	if id, ok := strings.CutPrefix(key, "t"); ok {
		t, err := b.transferToDecide(c, id)
		if err != nil {
			return "", decidedNothing, err
		}
		if err := b.decideTransfer(c, &t, approve); err != nil {
			return "", decidedNothing, err
		}
		return memberName(c, t.Member), outcome(t.Status == youthbot.TransferAccepted, t.Status == youthbot.TransferRejected), nil
	}
	return "", decidedNothing, staleButton()
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

// reasonBack is the reason buttons' "back" (to the Approve / Reject
// buttons), and reasonNone the rejection without a reason.
const (
	reasonBack = "back"
	reasonNone = "none"
)

// reasonArg reads the reason a reason button carries ("" for none), when
// the button is one (withReason); anything else is a forged button.
func reasonArg(withReason bool, why string) (string, error) {
	switch {
	case !withReason:
		return "", nil
	case why == reasonNone:
		return "", nil
	case why == reasonBack || slices.Contains(service.RejectReasons, why):
		return why, nil
	}
	return "", staleButton()
}

// reasonKeyboard offers the reasons of a rejection, no reason and back;
// press makes a button's data from its reason.
func reasonKeyboard(lang string, press func(why string) string) *tgbotapi.InlineKeyboardMarkup {
	var rows [][]tgbotapi.InlineKeyboardButton
	for _, why := range append(slices.Clone(service.RejectReasons), reasonNone) {
		rows = append(rows, row(button(tr(lang, "btn.reason_"+why), press(why))))
	}
	rows = append(rows, row(button(tr(lang, "btn.reason_back"), press(reasonBack))))
	return keyboard(rows...)
}

// EditMarkup replaces only the buttons of the message whose button was
// pressed (its text, or photo and caption, stay).
func (c *Ctx) EditMarkup(markup *tgbotapi.InlineKeyboardMarkup) {
	cb := c.Update.CallbackQuery
	if cb == nil || cb.Message == nil {
		return
	}
	p := map[string]string{"chat_id": strconv.FormatInt(c.Chat, 10), "message_id": strconv.Itoa(cb.Message.MessageID)}
	if markup != nil {
		p["reply_markup"] = mustJSON(markup)
	}
	c.queue(&youthbot.Outgoing{Chat: c.Chat, Lane: youthbot.LaneReply, Method: "editMessageReplyMarkup", Params: p, Notice: "edit"})
}
