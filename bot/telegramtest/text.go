package telegramtest

import "youthbot/bot/telegramtest/internal/htmltext"

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
