package telegramtest

import (
	"encoding/json"
	"strings"
	"unicode/utf8"

	"youthbot/bot/telegramtest/internal/htmltext"

	"youthbot/bot/telegramtest/internal/wire"
)

// Entity is a formatting entity of a message text. Offset and Length count
// UTF-16 code units, as Telegram's MessageEntity does.
type Entity = htmltext.Entity

// HTMLError is a text that does not follow Telegram's HTML rules.
type HTMLError = htmltext.HTMLError

// ParseHTML parses text the way Telegram parses parse_mode=HTML, stricter
// where Telegram guesses (package htmltext), and returns the text without
// tags, entities decoded, and its formatting entities.
func ParseHTML(src string) (text string, entities []Entity, err error) {
	return htmltext.ParseHTML(src)
}

// Length limits after entity parsing. The double counts Unicode code points,
// as Telegram's server does (TDLib's utf8_length), not UTF-16 units.
const (
	maxTextLength    = 4096
	maxCaptionLength = 1024
)

// formatted is a text or caption after parsing.
type formatted struct {
	text     string
	entities []Entity
}

// parseFormatted parses a text or caption by its parse_mode. HTML is parsed
// by Telegram's rules; Markdown and MarkdownV2 are taken literally (the bot
// uses HTML); other modes are violations. Explicit entities, if sent, are
// kept as they are.
func parseFormatted(raw, parseMode, entitiesJSON string) (formatted, *apiError) {
	f := formatted{text: raw}
	switch {
	case parseMode == "":
	case strings.EqualFold(parseMode, "HTML"):
		text, entities, err := ParseHTML(raw)
		if err != nil {
			return formatted{}, invalid("can't parse entities: %v", err)
		}
		f = formatted{text: text, entities: entities}
	case strings.EqualFold(parseMode, "MarkdownV2"), strings.EqualFold(parseMode, "Markdown"):
	default:
		return formatted{}, invalid("unsupported parse_mode %q: use HTML, MarkdownV2 or Markdown", parseMode)
	}
	if entitiesJSON != "" && parseMode == "" {
		f.entities = decodeEntities(entitiesJSON)
	}
	return f, nil
}

// parseText parses the text of sendMessage or editMessageText and checks its
// length: 1-4096 characters after parsing.
func parseText(c *call) (formatted, *apiError) {
	f, e := parseFormatted(c.str("text"), c.str("parse_mode"), c.str("entities"))
	if e != nil {
		return formatted{}, e
	}
	switch n := utf8.RuneCountInString(f.text); {
	case strings.TrimSpace(f.text) == "":
		return formatted{}, invalid("message text is empty")
	case n > maxTextLength:
		return formatted{}, invalid("message is too long").WithDetail("%d characters after entities parsing, at most %d", n, maxTextLength)
	}
	return f, nil
}

// parseCaption parses the caption of sendPhoto or sendDocument: 0-1024
// characters after parsing.
func parseCaption(c *call) (formatted, *apiError) {
	f, e := parseFormatted(c.str("caption"), c.str("parse_mode"), c.str("caption_entities"))
	if e != nil {
		return formatted{}, e
	}
	if n := utf8.RuneCountInString(f.text); n > maxCaptionLength {
		return formatted{}, invalid("message caption is too long").WithDetail("%d characters after entities parsing, at most %d", n, maxCaptionLength)
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
