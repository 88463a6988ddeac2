package bot

// Tallies and reports (F6): /tally.
// The commands, buttons and dialogs of this feature; see router.go.

func (b *Bot) reportCommands() []command { return nil }

func (b *Bot) reportCallbacks() map[string]func(c *Ctx, args []string) error { return nil }

func (b *Bot) reportDialogs() map[string]dialogHandler { return nil }
