package bot

import (
	"strconv"
	"strings"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
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
func (b *Bot) cmdTransfer(c *Ctx, args string) error {
	args = strings.TrimSpace(args)
	secretary := c.IsAdmin() || c.IsSecretary()
	if args == "" {
		m, err := b.approvedMember(c)
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
			return b.showPendingTransfer(c, t)
		}
		text, kb, err := b.transferWalk(c, "", 0, 0)
		if err != nil {
			return err
		}
		unit, err := c.Tx.Unit(m.Unit)
		if err != nil {
			return err
		}
		c.Reply(c.T("transfer.intro", unit.Name)+"\n\n"+text, markup(kb))
		return nil
	}
	code := youthbot.NormalizeUnitCode(args)
	if youthbot.ValidUnitCode(code) {
		if dest, err := c.Tx.Unit(code); err == nil {
			m, err := b.approvedMember(c)
			if err != nil {
				return err
			}
			text, kb, err := b.transferConfirm(c, m, dest, "")
			if err != nil {
				return err
			}
			c.Reply(text, kb)
			return nil
		}
	}
	if secretary {
		return b.transferSearch(c, args)
	}
	if youthbot.ValidUnitCode(code) {
		return youthbot.Errorf(youthbot.ENOTFOUND, "err.unit_unknown", code)
	}
	return youthbot.Errorf(youthbot.EINVALID, "err.transfer_usage")
}

// showPendingTransfer tells the member their transfer already waits, with
// a button to withdraw it.
func (b *Bot) showPendingTransfer(c *Ctx, t youthbot.Transfer) error {
	c.Reply(c.T("transfer.waiting", b.unitName(c, t.To)),
		keyboard(row(button(c.T("btn.cancel_transfer"), data(cbTransferCancel, strconv.FormatUint(t.ID, 10))))))
	return nil
}

// transferSearch offers the members of the secretary's subtree whose name
// matches, as buttons.
func (b *Bot) transferSearch(c *Ctx, search string) error {
	q := foldSearch(search)
	list, err := b.membersOf(c.Tx, c.From.ID, q)
	if err != nil {
		return err
	}
	if len(list) == 0 {
		return youthbot.Errorf(youthbot.ENOTFOUND, "members.none_match", q)
	}
	var rows [][]tgbotapi.InlineKeyboardButton
	for _, m := range list[:min(len(list), transferChoices)] {
		rows = append(rows, row(button(clip(m.FullName, 30)+" — "+clip(b.unitName(c, m.Unit), 30), data(cbTransferMember, strconv.FormatInt(m.UserID, 10)))))
	}
	text := c.T("transfer.pick_member")
	if len(list) > transferChoices {
		text += "\n" + c.T("transfer.more", len(list)-transferChoices)
	}
	c.Reply(text, keyboard(rows...))
	return nil
}

// transferWalk shows a unit's children ("" for the top) to pick the
// destination branch from; member is 0 for the sender's own transfer.
func (b *Bot) transferWalk(c *Ctx, code string, page int, member int64) (string, *tgbotapi.InlineKeyboardMarkup, error) {
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
	from, to, page, pages := pageOf(len(children), treePage, page)
	var rows [][]tgbotapi.InlineKeyboardButton
	for _, u := range children[from:to] {
		if u.Kind == youthbot.KindBranch {
			rows = append(rows, row(button("➡️ "+u.Name, data(cbTransferPick, append([]string{u.Code}, extra...)...))))
		} else {
			rows = append(rows, row(button(u.Name+" ›", data(cbTransferWalk, append([]string{u.Code, "0"}, extra...)...))))
		}
	}
	rows = append(rows, pageButtons(page, pages, func(p int) string {
		return data(cbTransferWalk, append([]string{code, strconv.Itoa(p)}, extra...)...)
	}))
	title := c.T("transfer.pick_top")
	if code != "" {
		unit, err := c.Tx.Unit(code)
		if err != nil {
			return "", nil, err
		}
		title = c.T("transfer.pick_in", unit.Name)
		if unit.Parent != "" || len(c.Tx.ChildCodes("")) > 1 {
			rows = append(rows, row(button(c.T("btn.up"), data(cbTransferWalk, append([]string{unit.Parent, "0"}, extra...)...))))
		}
	}
	return title, keyboard(rows...), nil
}

// transferSubject returns the member a transfer button is about and checks
// the presser may move them, now: their own move as an approved member
// (memberArg empty), or a member of a unit the presser manages.
func (b *Bot) transferSubject(c *Ctx, memberArg string) (youthbot.Member, error) {
	if memberArg == "" {
		return b.approvedMember(c)
	}
	id, ok := userArg(memberArg)
	if !ok {
		return youthbot.Member{}, staleButton()
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
func (b *Bot) cbTransferMember(c *Ctx, args []string) error {
	m, err := b.transferSubject(c, arg(args, 0))
	if err != nil {
		return err
	}
	if t, found, err := c.Tx.PendingTransferOf(m.UserID); err != nil {
		return err
	} else if found {
		return youthbot.Errorf(youthbot.ECONFLICT, "err.transfer_exists", b.unitName(c, t.To))
	}
	text, kb, err := b.transferWalk(c, "", 0, m.UserID)
	if err != nil {
		return err
	}
	c.EditCallback(c.T("transfer.for", m.FullName, b.unitName(c, m.Unit))+"\n\n"+text, kb)
	return nil
}

// cbTransferWalk walks the tree to the destination.
func (b *Bot) cbTransferWalk(c *Ctx, args []string) error {
	m, err := b.transferSubject(c, arg(args, 2))
	if err != nil {
		return err
	}
	code := youthbot.NormalizeUnitCode(arg(args, 0))
	page, err := strconv.Atoi(arg(args, 1))
	if err != nil {
		return staleButton()
	}
	if code != "" {
		if _, err := c.Tx.Unit(code); err != nil {
			return staleButton()
		}
	}
	member := int64(0)
	if arg(args, 2) != "" {
		member = m.UserID
	}
	text, kb, err := b.transferWalk(c, code, page, member)
	if err != nil {
		return err
	}
	c.EditCallback(text, kb)
	return nil
}

// cbTransferPick asks to confirm the branch picked on the tree as the
// destination.
func (b *Bot) cbTransferPick(c *Ctx, args []string) error {
	m, err := b.transferSubject(c, arg(args, 1))
	if err != nil {
		return err
	}
	dest, err := c.Tx.Unit(youthbot.NormalizeUnitCode(arg(args, 0)))
	if err != nil {
		return staleButton()
	}
	text, kb, err := b.transferConfirm(c, m, dest, arg(args, 1))
	if err != nil {
		return err
	}
	c.EditCallback(text, kb)
	return nil
}

// transferConfirm is the question asked before a transfer is requested:
// who moves, from where, to where, with Gửi / Huỷ. memberArg is the
// member's id for a secretary's request, empty for the sender's own.
// It refuses, now, what requestTransfer would refuse.
func (b *Bot) transferConfirm(c *Ctx, m youthbot.Member, dest youthbot.Unit, memberArg string) (string, *tgbotapi.InlineKeyboardMarkup, error) {
	if err := b.checkTransfer(c, m, dest); err != nil {
		return "", nil, err
	}
	send := []string{dest.Code}
	if memberArg != "" {
		send = append(send, memberArg)
	}
	text := c.T("transfer.confirm", m.FullName, b.unitName(c, m.Unit), dest.Name)
	return text, yesNo(c.T("btn.transfer_send"), data(cbTransferSend, send...), c.T("btn.transfer_abort"), data(cbTransferAbort)), nil
}

// cbTransferSend sends the transfer request the presser confirmed,
// re-checking the presser's rights and the member's state now.
func (b *Bot) cbTransferSend(c *Ctx, args []string) error {
	m, err := b.transferSubject(c, arg(args, 1))
	if err != nil {
		return err
	}
	dest, err := c.Tx.Unit(youthbot.NormalizeUnitCode(arg(args, 0)))
	if err != nil {
		return staleButton()
	}
	if err := b.checkTransfer(c, m, dest); err != nil {
		return err
	}
	c.EditCallback(c.T("tree.chosen", dest.Name), nil)
	return b.requestTransfer(c, m, dest)
}

// cbTransferAbort drops a transfer the presser chose not to send.
func (b *Bot) cbTransferAbort(c *Ctx, _ []string) error {
	c.EditCallback(c.T("transfer.aborted"), nil)
	c.Answer(c.T("transfer.aborted"), false)
	return nil
}

// checkTransfer refuses a move to dest that cannot be requested: not a
// branch, the member's own branch, or while another request waits.
func (b *Bot) checkTransfer(c *Ctx, m youthbot.Member, dest youthbot.Unit) error {
	if dest.Kind != youthbot.KindBranch {
		return youthbot.Errorf(youthbot.EINVALID, "err.transfer_not_branch", dest.Name)
	}
	if dest.Code == m.Unit {
		return youthbot.Errorf(youthbot.EINVALID, "err.transfer_same", dest.Name)
	}
	if t, found, err := c.Tx.PendingTransferOf(m.UserID); err != nil {
		return err
	} else if found {
		return youthbot.Errorf(youthbot.ECONFLICT, "err.transfer_exists", b.unitName(c, t.To))
	}
	return nil
}

// requestTransfer records a request to move m to dest and asks dest's
// secretaries; a requester with rights over dest accepts it at once,
// unless it is their own move (someone else decides that).
func (b *Bot) requestTransfer(c *Ctx, m youthbot.Member, dest youthbot.Unit) error {
	if err := b.checkTransfer(c, m, dest); err != nil {
		return err
	}
	t := youthbot.Transfer{Member: m.UserID, From: m.Unit, To: dest.Code, RequestedBy: c.From.ID, RequestedAt: c.Now,
		Status: youthbot.TransferPending}
	if err := c.Tx.AddTransfer(&t); err != nil {
		return err
	}
	from := b.unitName(c, m.Unit)
	accepting, err := c.CanManage(dest.Code)
	if err != nil {
		return err
	}
	if accepting && m.UserID != c.From.ID {
		if err := b.acceptTransfer(c, &t, m); err != nil {
			return err
		}
		c.Reply(c.T("transfer.done", m.FullName, from, dest.Name), nil)
		return nil
	}
	id := strconv.FormatUint(t.ID, 10)
	c.Reply(c.T("transfer.requested", m.FullName, from, dest.Name),
		keyboard(row(button(c.T("btn.cancel_transfer"), data(cbTransferCancel, id)))))
	ids, _, err := b.deciders(c.Tx, dest.Code, m.UserID)
	if err != nil {
		return err
	}
	for _, to := range ids {
		err := c.Notify(to, "transfer", func(lang string) (string, any) {
			return b.transferText(c, lang, t, m, ""),
				yesNo(tr(lang, "btn.accept_transfer"), data(cbTransferAccept, id), tr(lang, "btn.reject"), data(cbTransferReject, id))
		})
		if err != nil {
			return err
		}
	}
	if m.UserID != c.From.ID {
		return c.Notify(m.UserID, "transfer", func(lang string) (string, any) {
			return tr(lang, "transfer.requested_for_you", from, dest.Name), nil
		})
	}
	return nil
}

// transferText is the request a destination secretary reads; status, if
// set, is the decision line.
func (b *Bot) transferText(c *Ctx, lang string, t youthbot.Transfer, m youthbot.Member, status string) string {
	by := ""
	if t.RequestedBy != t.Member {
		by = "\n" + tr(lang, "transfer.by_secretary")
	}
	text := tr(lang, "transfer.request", m.FullName, b.unitName(c, t.From), b.unitName(c, t.To),
		b.whenText(t.RequestedAt)) + by
	if status != "" {
		text += "\n\n" + status
	}
	return text
}

// transferDecision says what became of a transfer and when.
func (b *Bot) transferDecision(lang string, t youthbot.Transfer) string {
	when := b.whenText(t.DecidedAt)
	switch t.Status {
	case youthbot.TransferAccepted:
		return tr(lang, "transfer.decided_accepted", when)
	case youthbot.TransferRejected:
		return tr(lang, "transfer.decided_rejected", when)
	case youthbot.TransferCancelled:
		return tr(lang, "transfer.decided_cancelled")
	}
	return ""
}

// cbTransferDecide handles Accept / Reject on a transfer request.
func (b *Bot) cbTransferDecide(c *Ctx, args []string) error {
	prefix, _ := decodeData(c.Update.CallbackQuery.Data)
	t, err := b.transferToDecide(c, arg(args, 0))
	if err != nil {
		return err
	}
	m, _ := c.Tx.Member(t.Member)
	if !t.Pending() {
		status := b.transferDecision(c.Lang, t)
		c.EditCallback(b.transferText(c, c.Lang, t, m, status), nil)
		c.Answer(c.T("transfer.already")+"\n"+status, true)
		return nil
	}
	if err := b.decideTransfer(c, &t, prefix == cbTransferAccept); err != nil {
		return err
	}
	m, _ = c.Tx.Member(t.Member)
	status := b.transferDecision(c.Lang, t)
	c.EditCallback(b.transferText(c, c.Lang, t, m, status), nil)
	if t.Status == youthbot.TransferCancelled {
		c.Answer(c.T("err.transfer_stale"), true)
		return nil
	}
	c.Answer(status, false)
	return nil
}

// acceptTransfer moves the member and tells those concerned
// (service.AcceptTransfer).
func (b *Bot) acceptTransfer(c *Ctx, t *youthbot.Transfer, m youthbot.Member) error {
	notices, err := service.AcceptTransfer(c.Tx, c.actor(), t, m, c.when())
	if err != nil {
		return err
	}
	return c.deliver(notices)
}

// cbTransferCancel withdraws a pending transfer: by its member, its
// requester, or a secretary with rights over the member's branch.
func (b *Bot) cbTransferCancel(c *Ctx, args []string) error {
	id, ok := idArg(arg(args, 0))
	if !ok {
		return staleButton()
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
		return youthbot.Errorf(youthbot.ECONFLICT, "err.transfer_decided", b.transferDecision(c.Lang, t))
	}
	t.Status, t.DecidedAt, t.DecidedBy = youthbot.TransferCancelled, c.Now, c.From.ID
	if err := c.Tx.PutTransfer(&t); err != nil {
		return err
	}
	c.EditCallback(c.T("transfer.cancelled", b.unitName(c, t.To)), nil)
	c.Answer(c.T("transfer.decided_cancelled"), false)
	return nil
}
