package bot

import (
	"youthbot"
)

// Participation (F2): /log, /my, /members, /transfer.
// The commands, buttons and dialogs of this feature; see router.go.

// Callback data prefixes of participation (see keyboard.go for the
// core's). Every handler re-checks the sender's rights and the state.
const (
	cbLogStep        = "ad" // ad:d:<yyyymmdd> | ad:h:<tenths> | ad:p:<project> | ad:c:<campaign> | ad:s  the /log dialog
	cbActConfirm     = "ac" // ac:<activity>  a secretary confirms
	cbActReject      = "ar" // ar:<activity>  a secretary rejects: asks for the reason
	cbActRejectWhy   = "aw" // aw:<activity>:<reason>|back  rejects with that reason
	cbActUndo        = "au" // au:<activity>  the member withdraws it before a decision
	cbMyPage         = "am" // am:<page>  /my history
	cbMembersPage    = "ab" // ab:<page>:<folded search>  /members
	cbTransferWalk   = "xt" // xt:<unit>:<page>[:<member>]  pick the destination branch
	cbTransferPick   = "xp" // xp:<unit>[:<member>]  request the transfer
	cbTransferMember = "xm" // xm:<member>  a secretary picks whom to transfer
	cbTransferAccept = "xa" // xa:<transfer>  a destination secretary accepts
	cbTransferReject = "xr" // xr:<transfer>  a destination secretary rejects
	cbTransferCancel = "xc" // xc:<transfer>  the requester withdraws it
	cbTransferSend   = "xs" // xs:<unit>[:<member>]  send the confirmed request
	cbTransferAbort  = "xq" // xq  do not send it
)

func (b *Bot) participationCommands() []command {
	return []command{
		{name: "log", private: true, who: forMembers, handle: b.cmdLog},
		{name: "my", private: true, who: forMembers, handle: b.cmdMy},
		{name: "transfer", private: true, who: forMembers, handle: b.cmdTransfer},
		{name: "members", private: true, who: forSecretaries, need: roleSecretary, handle: b.cmdMembers, prepare: b.prepareMembers},
	}
}

func (b *Bot) participationCallbacks() map[string]callback {
	return map[string]callback{
		cbLogStep:        {handle: b.cbLogStep},
		cbLogOffer:       {handle: b.cbLogOffer},
		cbActConfirm:     {handle: b.cbActDecide},
		cbActReject:      {handle: b.cbActDecide},
		cbActRejectWhy:   {handle: b.cbActDecide},
		cbActUndo:        {handle: b.cbActUndo},
		cbMyPage:         {handle: b.cbMyPage},
		cbMembersPage:    {need: roleSecretary, handle: b.cbMembersPage, prepare: b.prepareMembers},
		cbTransferWalk:   {handle: b.cbTransferWalk},
		cbTransferPick:   {handle: b.cbTransferPick},
		cbTransferMember: {handle: b.cbTransferMember},
		cbTransferAccept: {handle: b.cbTransferDecide},
		cbTransferReject: {handle: b.cbTransferDecide},
		cbTransferCancel: {handle: b.cbTransferCancel},
		cbTransferSend:   {handle: b.cbTransferSend},
		cbTransferAbort:  {handle: b.cbTransferAbort},
	}
}

func (b *Bot) participationDialogs() map[string]dialogHandler {
	return map[string]dialogHandler{dlgLog: b.dlgLog, dlgLogOffer: b.dlgOffer}
}

// approvedMember returns the sender's member record if they are an
// approved member, else the reason they are not.
func (b *Bot) approvedMember(c *Ctx) (youthbot.Member, error) {
	m, err := c.Member()
	if err != nil {
		return m, err
	}
	if m.Status != youthbot.StatusApproved {
		if m.Status == youthbot.StatusPending {
			return m, youthbot.Errorf(youthbot.EUNAUTHORIZED, "err.member_pending")
		}
		return m, youthbot.Errorf(youthbot.EUNAUTHORIZED, "err.not_member")
	}
	return m, nil
}
