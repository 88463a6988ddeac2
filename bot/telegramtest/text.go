package telegramtest

import (
	"strings"
	"unicode/utf8"

	"youthbot/bot/telegramtest/internal/htmltext"
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

// parseText parses the text of sendMessage or editMessageText and checks its
// length: 1-4096 characters after parsing.
func parseText(c *call) (htmltext.Formatted, *apiError) {
	f, e := htmltext.ParseFormatted(c.str("text"), c.str("parse_mode"), c.str("entities"))
	if e != nil {
		return htmltext.Formatted{}, e
	}
	switch n := utf8.RuneCountInString(f.Text); {
	case strings.TrimSpace(f.Text) == "":
		return htmltext.Formatted{}, invalid("message text is empty")
	case n > maxTextLength:
		return htmltext.Formatted{}, invalid("message is too long").WithDetail("%d characters after entities parsing, at most %d", n, maxTextLength)
	}
	return f, nil
}

// parseCaption parses the caption of sendPhoto or sendDocument: 0-1024
// characters after parsing.
func parseCaption(c *call) (htmltext.Formatted, *apiError) {
	f, e := htmltext.ParseFormatted(c.str("caption"), c.str("parse_mode"), c.str("caption_entities"))
	if e != nil {
		return htmltext.Formatted{}, e
	}
	if n := utf8.RuneCountInString(f.Text); n > maxCaptionLength {
		return htmltext.Formatted{}, invalid("message caption is too long").WithDetail("%d characters after entities parsing, at most %d", n, maxCaptionLength)
	}
	return f, nil
}
