package bot

// Groups and broadcasts (F5): /linkgroup, /unlinkgroup, /broadcast.
// The commands, buttons and dialogs of this feature; see router.go.

func (b *Bot) groupCommands() []command { return nil }

func (b *Bot) groupCallbacks() map[string]func(c *Ctx, args []string) error { return nil }

func (b *Bot) groupDialogs() map[string]dialogHandler { return nil }
