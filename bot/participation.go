package bot

// Participation (F2): /log, /my, /members, /transfer.
// The commands, buttons and dialogs of this feature; see router.go.

func (b *Bot) participationCommands() []command { return nil }

func (b *Bot) participationCallbacks() map[string]func(c *Ctx, args []string) error { return nil }

func (b *Bot) participationDialogs() map[string]dialogHandler { return nil }
