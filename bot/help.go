package bot

import (
	"strings"

	"youthbot"
)

// HelpText lists commands by audience: everyone's, members', secretaries'.
func (b *Bot) HelpText(c *Ctx) string {
	member, pending, unit := false, false, ""
	if m, err := c.Member(); err == nil {
		member = m.Status == youthbot.StatusApproved
		pending, unit = m.Status == youthbot.StatusPending, m.Unit
	}
	secretary := c.IsAdmin() || c.IsSecretary()
	var sb strings.Builder
	sb.WriteString(c.T("help.title"))
	section := func(title string, who Audience) {
		sb.WriteString("\n\n" + title)
		for _, cmd := range b.commands() {
			if cmd.Who == who && cmd.Private && !cmd.Hidden {
				sb.WriteString("\n/" + cmd.Name + " — " + c.T("cmd."+cmd.Name))
			}
		}
	}
	section(c.T("help.everyone"), ForAll)
	if member || secretary {
		section(c.T("help.members"), ForMembers)
	}
	if secretary {
		section(c.T("help.secretaries"), ForSecretaries)
	}
	switch {
	case member || secretary:
	case pending: // registered already: an invite link would only confuse
		sb.WriteString("\n\n" + c.T("help.pending", NameOfUnit(c, unit)))
	default:
		sb.WriteString("\n\n" + c.T("help.join"))
	}
	return sb.String()
}

// FollowLink runs the room's handler of a /start deep-link payload
// "<prefix>_<code>" (StartLinker); an unknown prefix is an invalid link.
func (b *Bot) FollowLink(c *Ctx, payload string) error {
	prefix, rest, _ := strings.Cut(payload, "_")
	link, ok := b.startLinks[prefix+"_"]
	if !ok {
		return youthbot.Errorf(youthbot.EINVALID, "err.link_invalid")
	}
	c.command = "start." + link.Name
	return link.Handle(c, rest)
}
