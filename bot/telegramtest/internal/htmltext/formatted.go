package htmltext

import (
	"encoding/json"
	"strings"

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
