// Package htmltext parses a message text the way Telegram parses
// parse_mode=HTML, for the test double (package telegramtest, which
// re-exports ParseHTML, Entity and HTMLError): the text without tags,
// entities decoded, and its formatting entities, or why Telegram would
// refuse it.
package htmltext
