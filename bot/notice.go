package bot

import (
	"strings"

	"youthbot/service"
)

// actor is the sender as the one who takes a decision.
func (c *Ctx) actor() service.Actor { return service.Actor{ID: c.From.ID} }

// when is the moment of the update, for a decision.
func (c *Ctx) when() service.When { return service.When{Now: c.Now, Today: c.Today} }

// deliver queues the notices a decision returned, each in its recipient's
// language (Notify: skipped for a user who blocked the bot).
func (c *Ctx) deliver(notices []service.Notice) error {
	for _, n := range notices {
		if err := c.Notify(n.To, n.Kind, func(lang string) (string, any) { return noticeText(lang, n), nil }); err != nil {
			return err
		}
	}
	return nil
}

// noticeText renders a notice's lines in lang.
func noticeText(lang string, n service.Notice) string {
	lines := make([]string, len(n.Lines))
	for i, l := range n.Lines {
		lines[i] = tr(lang, l.Key, l.Args...)
	}
	return strings.Join(lines, "\n")
}
