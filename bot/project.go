package bot

// Youth projects, campaigns and targets (F3, F4).
// The commands, buttons and dialogs of this feature; see router.go.

func (b *Bot) projectCommands() []command { return nil }

func (b *Bot) projectCallbacks() map[string]func(c *Ctx, args []string) error { return nil }

func (b *Bot) projectDialogs() map[string]dialogHandler { return nil }
