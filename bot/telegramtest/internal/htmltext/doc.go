// Package htmltext parses a message text the way Telegram parses
// parse_mode=HTML, for the test double (package telegramtest, which
// re-exports ParseHTML, Entity and HTMLError): the text without tags,
// entities decoded, and its formatting entities, or why Telegram would
// refuse it. It also checks the length of a text or caption after parsing,
// marks the bot_command entity of a user's message, and writes entities as
// the Bot API does.
package htmltext
