package bot

import (
	"strings"

	"youthbot"
)

// Commands lists every command of the rooms, in menu order (/help's
// text is built from it).
func (b *Bot) Commands() []Command {
	out := make([]Command, len(b.cmdTable))
	for i, cmd := range b.cmdTable {
		out[i] = cmd.Command
	}
	return out
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
