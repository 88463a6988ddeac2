package htmltext

import (
	"encoding/json"
	"strings"
	"unicode/utf8"

	"youthbot/bot/telegramtest/internal/wire"
)

// Formatted is a text or caption after parsing.
type Formatted struct {
	Text     string
	Entities []Entity
}

// ParseFormatted parses a text or caption by its parse_mode. HTML is parsed
// by Telegram's rules; Markdown and MarkdownV2 are taken literally (the bot
// uses HTML); other modes are violations. Explicit entities, if sent, are
// kept as they are.
func ParseFormatted(raw, parseMode, entitiesJSON string) (Formatted, *wire.Error) {
	f := Formatted{Text: raw}
	switch {
	case parseMode == "":
	case strings.EqualFold(parseMode, "HTML"):
		text, entities, err := ParseHTML(raw)
		if err != nil {
			return Formatted{}, wire.Invalid("can't parse entities: %v", err)
		}
		f = Formatted{Text: text, Entities: entities}
	case strings.EqualFold(parseMode, "MarkdownV2"), strings.EqualFold(parseMode, "Markdown"):
	default:
		return Formatted{}, wire.Invalid("unsupported parse_mode %q: use HTML, MarkdownV2 or Markdown", parseMode)
	}
	if entitiesJSON != "" && parseMode == "" {
		f.Entities = decodeEntities(entitiesJSON)
	}
	return f, nil
}

// decodeEntities reads an entities parameter (already validated).
func decodeEntities(raw string) []Entity {
	var ws []wire.Entity
	if err := json.Unmarshal([]byte(raw), &ws); err != nil {
		return nil
	}
	out := make([]Entity, len(ws))
	for i, w := range ws {
		out[i] = Entity{Type: w.Type, Offset: w.Offset, Length: w.Length, URL: w.URL, Language: w.Language, EmojiID: w.CustomEmojiID, UnixTime: w.UnixTime}
	}
	return out
}

// Length limits after entity parsing. The double counts Unicode code points,
// as Telegram's server does (TDLib's utf8_length), not UTF-16 units.
const (
	maxTextLength    = 4096
	maxCaptionLength = 1024
)

// ParseText parses the text of sendMessage or editMessageText and checks its
// length: 1-4096 characters after parsing.
func ParseText(raw, parseMode, entitiesJSON string) (Formatted, *wire.Error) {
	f, e := ParseFormatted(raw, parseMode, entitiesJSON)
	if e != nil {
		return Formatted{}, e
	}
	switch n := utf8.RuneCountInString(f.Text); {
	case strings.TrimSpace(f.Text) == "":
		return Formatted{}, wire.Invalid("message text is empty")
	case n > maxTextLength:
		return Formatted{}, wire.Invalid("message is too long").WithDetail("%d characters after entities parsing, at most %d", n, maxTextLength)
	}
	return f, nil
}

// ParseCaption parses the caption of sendPhoto or sendDocument: 0-1024
// characters after parsing.
func ParseCaption(raw, parseMode, entitiesJSON string) (Formatted, *wire.Error) {
	f, e := ParseFormatted(raw, parseMode, entitiesJSON)
	if e != nil {
		return Formatted{}, e
	}
	if n := utf8.RuneCountInString(f.Text); n > maxCaptionLength {
		return Formatted{}, wire.Invalid("message caption is too long").WithDetail("%d characters after entities parsing, at most %d", n, maxCaptionLength)
	}
	return f, nil
}

// CommandEntities marks a leading /command (with its @botname, if any) as
// a bot_command entity, as Telegram does for messages users send.
func CommandEntities(text string) []Entity {
	if len(text) < 2 || text[0] != '/' {
		return nil
	}
	end := len(text)
	for i, r := range text {
		if r == ' ' || r == '\n' || r == '\t' {
			end = i
			break
		}
	}
	return []Entity{{Type: "bot_command", Offset: 0, Length: UTF16Count(text[:end])}}
}

// WireEntities are entities as the Bot API writes them.
func WireEntities(es []Entity) []wire.Entity {
	if len(es) == 0 {
		return nil
	}
	out := make([]wire.Entity, len(es))
	for i, e := range es {
		out[i] = wire.Entity{Type: e.Type, Offset: e.Offset, Length: e.Length, URL: e.URL, Language: e.Language, CustomEmojiID: e.EmojiID, UnixTime: e.UnixTime}
	}
	return out
}
