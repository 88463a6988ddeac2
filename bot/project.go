package bot

// Youth projects, campaigns and targets (F3, F4).
// The commands, buttons and dialogs of this feature; see router.go.
//
//	project_new.go      /newproject, guided and in one line
//	project_list.go     /projects, /join, /leave, the waiting list
//	project_checkin.go  /checkin (QR code, ?start=c_ link), attendance
//	project_done.go     /done: participations and value, exactly once
//	campaign.go         /newcampaign, /campaigns, /endcampaign
//	target.go           /target, /targets
//	project_format.go   numbers, amounts and percents as users read them

import (
	"strings"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
)

// Callback data prefixes of this feature (see keyboard.go for the rest).
const (
	cbProjects    = "jp" // jp:<page> page through /projects
	cbJoin        = "jj" // jj:<project>:<page> join (or queue for) a project
	cbLeave       = "jl" // jl:<project>:<page> leave a project or its waiting list
	cbNewProject  = "jn" // jn:u|k|c:<unit|ct|pv|campaign|->:<nonce> /newproject dialog buttons
	cbAttendance  = "ja" // ja:v:<project>:<page> | ja:o:<project>:<member>:<page> | ja:a:<project>:<page>
	cbNewCampaign = "kc" // kc:ok:<nonce>:<unit> | kc:no:<nonce> confirm a campaign
	cbEndCampaign = "ke" // ke:ok|no:<campaign> end a campaign early
	cbSetTarget   = "kt" // kt:<year>:<metric letter>:<value>:<unit> set a target for the unit picked
	cbShowTargets = "ks" // ks:<unit>:<year> show targets of the unit picked
)

// Dialogs of this feature.
const (
	dlgProject  = "proj" // /newproject, step by step
	dlgCampaign = "camp" // /newcampaign waiting for its confirmation
)

func (b *Bot) projectCommands() []command {
	return []command{
		{name: "projects", private: true, who: forMembers, need: roleMember, handle: b.cmdProjects},
		{name: "join", private: true, who: forMembers, handle: b.cmdJoin},
		{name: "leave", private: true, who: forMembers, handle: b.cmdLeave},
		{name: "campaigns", private: true, who: forMembers, need: roleMember, handle: b.cmdCampaigns},
		{name: "newproject", private: true, who: forSecretaries, need: roleSecretary, handle: b.cmdNewProject},
		{name: "checkin", private: true, who: forSecretaries, need: roleSecretary, handle: b.cmdCheckin},
		{name: "done", private: true, who: forSecretaries, need: roleSecretary, handle: b.cmdDone},
		{name: "newcampaign", private: true, who: forSecretaries, need: roleSecretary, handle: b.cmdNewCampaign},
		{name: "endcampaign", private: true, who: forSecretaries, need: roleSecretary, handle: b.cmdEndCampaign},
		{name: "target", private: true, who: forSecretaries, need: roleSecretary, handle: b.cmdTarget},
		{name: "targets", private: true, who: forSecretaries, handle: b.cmdTargets},
	}
}

func (b *Bot) projectCallbacks() map[string]callback {
	return map[string]callback{
		cbProjects:    {handle: b.cbProjects},
		cbJoin:        {handle: b.cbJoin},
		cbLeave:       {handle: b.cbLeave},
		cbNewProject:  {handle: b.cbNewProject},
		cbAttendance:  {handle: b.cbAttendance},
		cbNewCampaign: {handle: b.cbNewCampaign},
		cbEndCampaign: {handle: b.cbEndCampaign},
		cbSetTarget:   {need: roleSecretary, handle: b.cbSetTarget},
		cbShowTargets: {handle: b.cbShowTargets},
		cbDone:        {need: roleSecretary, handle: b.cbDoneConfirm},
	}
}

func (b *Bot) projectDialogs() map[string]dialogHandler {
	return map[string]dialogHandler{
		dlgProject:  b.dlgProject,
		dlgCampaign: b.dlgCampaign,
	}
}

// actingUnits are the units a management command acts for when none is
// named: a secretary's own units, or for an admin the roots of the tree.
func actingUnits(c *Ctx) []string {
	if c.IsAdmin() {
		return c.Tx.ChildCodes("")
	}
	return c.SecretaryUnits()
}

// memberForProjects returns the sender's member record if they are an
// approved member; otherwise a refusal that says why.
func memberForProjects(c *Ctx) (youthbot.Member, error) {
	m, err := c.Member()
	if youthbot.ErrorCode(err) == youthbot.ENOTFOUND {
		return m, youthbot.Errorf(youthbot.EUNAUTHORIZED, "err.project_members_only")
	}
	if err != nil {
		return m, err
	}
	switch m.Status {
	case youthbot.StatusApproved:
		return m, nil
	case youthbot.StatusPending:
		return m, youthbot.Errorf(youthbot.EUNAUTHORIZED, "err.project_member_pending")
	}
	return m, youthbot.Errorf(youthbot.EUNAUTHORIZED, "err.project_members_only")
}

// pipeFields splits a one-line command's fields on '|', trimmed.
func pipeFields(s string) []string {
	parts := strings.Split(s, "|")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts
}

// nameOfUnit is a unit's name, or its code if it is gone.
func nameOfUnit(c *Ctx, code string) string {
	if u, err := c.Tx.Unit(code); err == nil {
		return u.Name
	}
	return code
}

// optionalKeyboard is keyboard(rows...), or nil when no row has a button:
// Telegram refuses an empty inline keyboard.
func optionalKeyboard(rows ...[]tgbotapi.InlineKeyboardButton) *tgbotapi.InlineKeyboardMarkup {
	kb := keyboard(rows...)
	if len(kb.InlineKeyboard) == 0 {
		return nil
	}
	return kb
}

// replyKeyboard replies with text and kb, which may be nil.
func replyKeyboard(c *Ctx, text string, kb *tgbotapi.InlineKeyboardMarkup) {
	if kb == nil {
		c.Reply(text, nil)
		return
	}
	c.Reply(text, kb)
}
