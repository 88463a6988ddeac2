package participation

import (
	"strconv"
	"strings"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
	"youthbot/bot"
	"youthbot/bot/internal/decision"
	"youthbot/i18n"
	"youthbot/service"
)

// transferChoices bounds the members a secretary's /transfer search
// offers.
const transferChoices = 8

// cmdTransfer handles /transfer (chuyển sinh hoạt Đoàn):
//
//	/transfer          a member picks the destination branch on the tree
//	/transfer CODE     a member asks to move to the branch CODE
//	/transfer <name>   a secretary picks a member of their subtree to move
func (r *Participation) cmdTransfer(c *bot.Ctx, args string) error {
	args = strings.TrimSpace(args)
	secretary := c.IsAdmin() || c.IsSecretary()
	if args == "" {
		m, err := r.approvedMember(c)
		if err != nil {
			if secretary {
				c.Reply(c.T("transfer.usage_secretary"), nil)
				return nil
			}
			return err
		}
		if t, found, err := c.Tx.PendingTransferOf(m.UserID); err != nil {
			return err
		} else if found {
			return r.showPendingTransfer(c, t)
		}
		text, kb, err := r.transferWalk(c, "", 0, 0)
		if err != nil {
			return err
		}
		unit, err := c.Tx.Unit(m.Unit)
		if err != nil {
			return err
		}
		c.Reply(c.T("transfer.intro", unit.Name)+"\n\n"+text, kb)
		return nil
	}
	code := youthbot.NormalizeUnitCode(args)
	if youthbot.ValidUnitCode(code) {
		if dest, err := c.TypedUnit(code); err == nil {
			m, err := r.approvedMember(c)
			if err != nil {
				return err
			}
			return c.Replied(r.transferConfirm(c, m, dest, ""))
		}
	}
	if secretary {
		return r.transferSearch(c, args)
	}
	if youthbot.ValidUnitCode(code) {
		return youthbot.Errorf(youthbot.ENOTFOUND, "err.unit_unknown", code)
	}
	return youthbot.Errorf(youthbot.EINVALID, "err.transfer_usage")
}

// showPendingTransfer tells the member their transfer already waits, with
// a button to withdraw it.
func (r *Participation) showPendingTransfer(c *bot.Ctx, t youthbot.Transfer) error {
	c.Reply(c.T("transfer.waiting", bot.NameOfUnit(c, t.To)),
		bot.Keyboard(bot.Row(bot.Button(c.T("btn.cancel_transfer"), bot.Data(cbTransferCancel, strconv.FormatUint(t.ID, 10))))))
	return nil
}

// transferSearch offers the members of the secretary's subtree whose name
// matches, as buttons.
func (r *Participation) transferSearch(c *bot.Ctx, search string) error {
	q := foldSearch(search)
	list, err := r.membersOf(c.Tx, c.From.ID, q)
	if err != nil {
		return err
	}
	if len(list) == 0 {
		return youthbot.Errorf(youthbot.ENOTFOUND, "members.none_match", q)
	}
	var rows [][]tgbotapi.InlineKeyboardButton
	for _, m := range list[:min(len(list), transferChoices)] {
		rows = append(rows, bot.Row(bot.Button(clip(m.FullName, 30)+" — "+clip(bot.NameOfUnit(c, m.Unit), 30), bot.Data(cbTransferMember, strconv.FormatInt(m.UserID, 10)))))
	}
	text := c.T("transfer.pick_member")
	if len(list) > transferChoices {
		text += "\n" + c.T("transfer.more", len(list)-transferChoices)
	}
	c.Reply(text, bot.Keyboard(rows...))
	return nil
}

// transferWalk shows a unit's children ("" for the top) to pick the
// destination branch from; member is 0 for the sender's own transfer.
func (r *Participation) transferWalk(c *bot.Ctx, code string, page int, member int64) (string, *tgbotapi.InlineKeyboardMarkup, error) {
	children, err := c.Tx.Children(code)
	if err != nil {
		return "", nil, err
	}
	if code == "" && len(children) == 1 && children[0].Kind != youthbot.KindBranch {
		code = children[0].Code // one province: start inside it
		if children, err = c.Tx.Children(code); err != nil {
			return "", nil, err
		}
	}
	extra := []string{}
	if member != 0 {
		extra = append(extra, strconv.FormatInt(member, 10))
	}
	from, to, page, pages := bot.PageOf(len(children), bot.TreePage, page)
	var rows [][]tgbotapi.InlineKeyboardButton
	for _, u := range children[from:to] {
		if u.Kind == youthbot.KindBranch {
			rows = append(rows, bot.Row(bot.Button("➡️ "+u.Name, bot.Data(cbTransferPick, append([]string{u.Code}, extra...)...))))
		} else {
			rows = append(rows, bot.Row(bot.Button(u.Name+" ›", bot.Data(cbTransferWalk, append([]string{u.Code, "0"}, extra...)...))))
		}
	}
	rows = append(rows, bot.PageButtons(page, pages, func(p int) string {
		return bot.Data(cbTransferWalk, append([]string{code, strconv.Itoa(p)}, extra...)...)
	}))
	title := c.T("transfer.pick_top")
	if code != "" {
		unit, err := c.Tx.Unit(code)
		if err != nil {
			return "", nil, err
		}
		title = c.T("transfer.pick_in", unit.Name)
		if unit.Parent != "" || len(c.Tx.ChildCodes("")) > 1 {
			rows = append(rows, bot.Row(bot.Button(c.T("btn.up"), bot.Data(cbTransferWalk, append([]string{unit.Parent, "0"}, extra...)...))))
		}
	}
	return title, bot.Keyboard(rows...), nil
}

// transferSubject returns the member a transfer button is about and checks
// the presser may move them, now: their own move as an approved member
// (memberArg empty), or a member of a unit the presser manages.
func (r *Participation) transferSubject(c *bot.Ctx, memberArg string) (youthbot.Member, error) {
	if memberArg == "" {
		return r.approvedMember(c)
	}
	id, ok := userArg(memberArg)
	if !ok {
		return youthbot.Member{}, bot.StaleButton()
	}
	m, err := c.Tx.Member(id)
	if youthbot.ErrorCode(err) == youthbot.ENOTFOUND || err == nil && m.Status != youthbot.StatusApproved {
		return m, youthbot.Errorf(youthbot.ENOTFOUND, "err.transfer_member_gone")
	}
	if err != nil {
		return m, err
	}
	return m, c.RequireManage(m.Unit)
}

// cbTransferMember: a secretary picked whom to transfer.
func (r *Participation) cbTransferMember(c *bot.Ctx, args []string) error {
	m, err := r.transferSubject(c, bot.Arg(args, 0))
	if err != nil {
		return err
	}
	if t, found, err := c.Tx.PendingTransferOf(m.UserID); err != nil {
		return err
	} else if found {
		return youthbot.Errorf(youthbot.ECONFLICT, "err.transfer_exists", bot.NameOfUnit(c, t.To))
	}
	text, kb, err := r.transferWalk(c, "", 0, m.UserID)
	if err != nil {
		return err
	}
	c.EditCallback(c.T("transfer.for", m.FullName, bot.NameOfUnit(c, m.Unit))+"\n\n"+text, kb)
	return nil
}

// cbTransferWalk walks the tree to the destination.
func (r *Participation) cbTransferWalk(c *bot.Ctx, args []string) error {
	m, err := r.transferSubject(c, bot.Arg(args, 2))
	if err != nil {
		return err
	}
	code := youthbot.NormalizeUnitCode(bot.Arg(args, 0))
	page, err := strconv.Atoi(bot.Arg(args, 1))
	if err != nil {
		return bot.StaleButton()
	}
	if code != "" {
		if _, err := c.Tx.Unit(code); err != nil {
			return bot.StaleButton()
		}
	}
	member := int64(0)
	if bot.Arg(args, 2) != "" {
		member = m.UserID
	}
	return c.Edited(r.transferWalk(c, code, page, member))
}

// cbTransferPick asks to confirm the branch picked on the tree as the
// destination.
func (r *Participation) cbTransferPick(c *bot.Ctx, args []string) error {
	m, err := r.transferSubject(c, bot.Arg(args, 1))
	if err != nil {
		return err
	}
	dest, err := c.Tx.Unit(youthbot.NormalizeUnitCode(bot.Arg(args, 0)))
	if err != nil {
		return bot.StaleButton()
	}
	return c.Edited(r.transferConfirm(c, m, dest, bot.Arg(args, 1)))
}

// transferConfirm is the question asked before a transfer is requested:
// who moves, from where, to where, with Gửi / Huỷ. memberArg is the
// member's id for a secretary's request, empty for the sender's own.
// It refuses, now, what requestTransfer would refuse.
func (r *Participation) transferConfirm(c *bot.Ctx, m youthbot.Member, dest youthbot.Unit, memberArg string) (string, *tgbotapi.InlineKeyboardMarkup, error) {
	if err := r.checkTransfer(c, m, dest); err != nil {
		return "", nil, err
	}
	send := []string{dest.Code}
	if memberArg != "" {
		send = append(send, memberArg)
	}
	text := c.T("transfer.confirm", m.FullName, bot.NameOfUnit(c, m.Unit), dest.Name)
	return text, bot.YesNo(c.T("btn.transfer_send"), bot.Data(cbTransferSend, send...), c.T("btn.transfer_abort"), bot.Data(cbTransferAbort)), nil
}

// cbTransferSend sends the transfer request the presser confirmed,
// re-checking the presser's rights and the member's state now.
func (r *Participation) cbTransferSend(c *bot.Ctx, args []string) error {
	m, err := r.transferSubject(c, bot.Arg(args, 1))
	if err != nil {
		return err
	}
	dest, err := c.Tx.Unit(youthbot.NormalizeUnitCode(bot.Arg(args, 0)))
	if err != nil {
		return bot.StaleButton()
	}
	if err := r.checkTransfer(c, m, dest); err != nil {
		return err
	}
	c.EditCallback(c.T("tree.chosen", dest.Name), nil)
	return r.requestTransfer(c, m, dest)
}

// cbTransferAbort drops a transfer the presser chose not to send.
func (r *Participation) cbTransferAbort(c *bot.Ctx, _ []string) error {
	c.EditCallback(c.T("transfer.aborted"), nil)
	c.Answer(c.T("transfer.aborted"), false)
	return nil
}

// checkTransfer refuses a move to dest that cannot be requested: not a
// branch, the member's own branch, or while another request waits.
func (r *Participation) checkTransfer(c *bot.Ctx, m youthbot.Member, dest youthbot.Unit) error {
	if dest.Kind != youthbot.KindBranch {
		return youthbot.Errorf(youthbot.EINVALID, "err.transfer_not_branch", dest.Name)
	}
	if dest.Code == m.Unit {
		return youthbot.Errorf(youthbot.EINVALID, "err.transfer_same", dest.Name)
	}
	if t, found, err := c.Tx.PendingTransferOf(m.UserID); err != nil {
		return err
	} else if found {
		return youthbot.Errorf(youthbot.ECONFLICT, "err.transfer_exists", bot.NameOfUnit(c, t.To))
	}
	return nil
}

// requestTransfer records a request to move m to dest and asks dest's
// secretaries; a requester with rights over dest accepts it at once,
// unless it is their own move (someone else decides that).
func (r *Participation) requestTransfer(c *bot.Ctx, m youthbot.Member, dest youthbot.Unit) error {
	if err := r.checkTransfer(c, m, dest); err != nil {
		return err
	}
	t := youthbot.Transfer{Member: m.UserID, From: m.Unit, To: dest.Code, RequestedBy: c.From.ID, RequestedAt: c.Now,
		Status: youthbot.TransferPending}
	if err := c.Tx.AddTransfer(&t); err != nil {
		return err
	}
	from := bot.NameOfUnit(c, m.Unit)
	accepting, err := c.CanManage(dest.Code)
	if err != nil {
		return err
	}
	if accepting && m.UserID != c.From.ID {
		if err := r.acceptTransfer(c, &t, m); err != nil {
			return err
		}
		c.Reply(c.T("transfer.done", m.FullName, from, dest.Name), nil)
		return nil
	}
	id := strconv.FormatUint(t.ID, 10)
	c.Reply(c.T("transfer.requested", m.FullName, from, dest.Name),
		bot.Keyboard(bot.Row(bot.Button(c.T("btn.cancel_transfer"), bot.Data(cbTransferCancel, id)))))
	ids, _, err := r.b.Deciders(c.Tx, dest.Code, m.UserID)
	if err != nil {
		return err
	}
	for _, to := range ids {
		err := c.AskDecision(to, bot.RequestTransfer, dest.Code, id, func() error {
			return c.Notify(to, "transfer", func(lang string) (string, any) {
				return r.transferText(c, lang, t, m, ""),
					bot.YesNo(i18n.T(lang, "btn.accept_transfer"), bot.Data(cbTransferAccept, id), i18n.T(lang, "btn.reject"), bot.Data(cbTransferReject, id))
			})
		})
		if err != nil {
			return err
		}
	}
	if m.UserID != c.From.ID {
		return c.Notify(m.UserID, "transfer", func(lang string) (string, any) {
			return i18n.T(lang, "transfer.requested_for_you", from, dest.Name), nil
		})
	}
	return nil
}

// transferText is the request a destination secretary reads; status, if
// set, is the decision line.
func (r *Participation) transferText(c *bot.Ctx, lang string, t youthbot.Transfer, m youthbot.Member, status string) string {
	by := ""
	if t.RequestedBy != t.Member {
		by = "\n" + i18n.T(lang, "transfer.by_secretary")
	}
	text := i18n.T(lang, "transfer.request", m.FullName, bot.NameOfUnit(c, t.From), bot.NameOfUnit(c, t.To),
		r.b.WhenText(t.RequestedAt)) + by
	if status != "" {
		text += "\n\n" + status
	}
	return text
}

// transferDecision says what became of a transfer and when.
func (r *Participation) transferDecision(lang string, t youthbot.Transfer) string {
	when := r.b.WhenText(t.DecidedAt)
	switch t.Status {
	case youthbot.TransferAccepted:
		return i18n.T(lang, "transfer.decided_accepted", when)
	case youthbot.TransferRejected:
		return i18n.T(lang, "transfer.decided_rejected", when)
	case youthbot.TransferCancelled:
		return i18n.T(lang, "transfer.decided_cancelled")
	}
	return ""
}

// cbTransferDecide handles Accept / Reject on a transfer request.
func (r *Participation) cbTransferDecide(c *bot.Ctx, args []string) error {
	prefix, _ := bot.DecodeData(c.Update.CallbackQuery.Data)
	t, err := decision.TransferToDecide(c, bot.Arg(args, 0))
	if err != nil {
		return err
	}
	m, _ := c.Tx.Member(t.Member)
	if !t.Pending() {
		status := r.transferDecision(c.Lang, t)
		c.EditCallback(r.transferText(c, c.Lang, t, m, status), nil)
		c.Answer(c.T("transfer.already")+"\n"+status, true)
		return nil
	}
	if err := decision.DecideTransfer(c, &t, prefix == cbTransferAccept); err != nil {
		return err
	}
	m, _ = c.Tx.Member(t.Member)
	status := r.transferDecision(c.Lang, t)
	c.EditCallback(r.transferText(c, c.Lang, t, m, status), nil)
	if t.Status == youthbot.TransferCancelled {
		c.Answer(c.T("err.transfer_stale"), true)
		return nil
	}
	c.Answer(status, false)
	return nil
}

// acceptTransfer moves the member and tells those concerned
// (service.AcceptTransfer).
func (r *Participation) acceptTransfer(c *bot.Ctx, t *youthbot.Transfer, m youthbot.Member) error {
	notices, err := service.AcceptTransfer(c.Tx, c.Actor(), t, m, c.When())
	if err != nil {
		return err
	}
	return c.Deliver(notices)
}

// cbTransferCancel withdraws a pending transfer: by its member, its
// requester, or a secretary with rights over the member's branch.
func (r *Participation) cbTransferCancel(c *bot.Ctx, args []string) error {
	id, ok := idArg(bot.Arg(args, 0))
	if !ok {
		return bot.StaleButton()
	}
	t, err := c.Tx.Transfer(id)
	if err != nil {
		return err
	}
	allowed := c.From.ID == t.Member || c.From.ID == t.RequestedBy
	if !allowed {
		if allowed, err = c.CanManage(t.From); err != nil {
			return err
		}
	}
	if !allowed {
		return youthbot.Errorf(youthbot.EUNAUTHORIZED, "err.unauthorized")
	}
	if !t.Pending() {
		return youthbot.Errorf(youthbot.ECONFLICT, "err.transfer_decided", r.transferDecision(c.Lang, t))
	}
	t.Status, t.DecidedAt, t.DecidedBy = youthbot.TransferCancelled, c.Now, c.From.ID
	if err := c.Tx.PutTransfer(&t); err != nil {
		return err
	}
	if err := c.RequestDecided(bot.RequestTransfer, t.To, bot.Arg(args, 0)); err != nil {
		return err
	}
	c.EditCallback(c.T("transfer.cancelled", bot.NameOfUnit(c, t.To)), nil)
	c.Answer(c.T("transfer.decided_cancelled"), false)
	return nil
}
