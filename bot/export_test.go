package bot

// What the core's external tests (package bot_test, which drive the core
// through bot/internal/harness) read of its internals.

// The limits of callback data (keyboard.go).
const (
	MaxCallbackData = maxCallbackData
	MaxArgs         = maxArgs
)

// EditDistance is the distance the "did you mean" suggestion uses.
var EditDistance = editDistance

// CallbackNeeds are who may press the buttons of each prefix.
func (b *Bot) CallbackNeeds() map[string]Role {
	out := make(map[string]Role, len(b.cbTable))
	for prefix, cb := range b.cbTable {
		out[prefix] = cb.Need
	}
	return out
}
