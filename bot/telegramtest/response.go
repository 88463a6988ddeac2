package telegramtest

import "youthbot/bot/telegramtest/internal/wire"

// apiError is a failed call, answered as Telegram answers it (wire.Error).
type apiError = wire.Error

// invalid is a bad request caused by a bug in the bot: 400 and a violation.
func invalid(format string, args ...any) *apiError { return wire.Invalid(format, args...) }

// refused is an error Telegram gives to a correct request (a blocked user, a
// migrated group, a stale query): the bot must handle it, so it is no
// violation.
func refused(code int, description string) *apiError { return wire.Refused(code, description) }

// chatNotFound is the answer for a chat the double does not know.
func chatNotFound() *apiError { return invalid("chat not found") }
