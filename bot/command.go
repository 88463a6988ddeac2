package bot

import (
	"strings"
	"unicode"
)

// parsedCommand is a slash command read from a message's text (or a photo's
// caption): "/name@target args".
type parsedCommand struct {
	name   string // lower case, without the slash
	target string // the bot it is addressed to, if any
	args   string // the rest, trimmed
}

// parseCommand reads a command from text. It does not trust entity offsets
// (go-telegram-bot-api's Command slices with them and panics on bad ones):
// a command is text starting with '/' followed by a name of letters,
// digits and '_'.
func parseCommand(text string) (parsedCommand, bool) {
	if !strings.HasPrefix(text, "/") {
		return parsedCommand{}, false
	}
	head, args, _ := strings.Cut(text[1:], " ")
	if i := strings.IndexAny(head, "\n\t"); i >= 0 {
		head, args = head[:i], head[i+1:]+" "+args
	}
	name, target, _ := strings.Cut(head, "@")
	if name == "" || len(name) > 32 {
		return parsedCommand{}, false
	}
	for _, r := range name {
		if r > unicode.MaxASCII || !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_') {
			return parsedCommand{}, false
		}
	}
	return parsedCommand{name: strings.ToLower(name), target: target, args: strings.TrimSpace(args)}, true
}
