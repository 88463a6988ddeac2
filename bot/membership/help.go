package membership

import (
	"strings"

	"youthbot"
	"youthbot/bot"
)

// helpText lists commands by audience: everyone's, members', secretaries'.
func (r *Room) helpText(c *bot.Ctx) string {
	member, pending, unit := false, false, ""
	if m, err := c.Member(); err == nil {
		member = m.Status == youthbot.StatusApproved
		pending, unit = m.Status == youthbot.StatusPending, m.Unit
	}
	secretary := c.IsAdmin() || c.IsSecretary()
	var sb strings.Builder
	sb.WriteString(c.T("help.title"))
	section := func(title string, who bot.Audience) {
		sb.WriteString("\n\n" + title)
		for _, cmd := range r.b.Commands() {
			if cmd.Who == who && cmd.Private && !cmd.Hidden {
				sb.WriteString("\n/" + cmd.Name + " — " + c.T("cmd."+cmd.Name))
			}
		}
	}
	section(c.T("help.everyone"), bot.ForAll)
	if member || secretary {
		section(c.T("help.members"), bot.ForMembers)
	}
	if secretary {
		section(c.T("help.secretaries"), bot.ForSecretaries)
	}
	switch {
	case member || secretary:
	case pending: // registered already: an invite link would only confuse
		sb.WriteString("\n\n" + c.T("help.pending", bot.NameOfUnit(c, unit)))
	default:
		sb.WriteString("\n\n" + c.T("help.join"))
	}
	return sb.String()
}
