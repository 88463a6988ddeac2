package youthbot

import (
	"errors"
	"fmt"
)

// Error codes. The transport maps each code to an answer; an error without a
// code is internal: it is logged and the user sees a generic failure.
const (
	ENOTFOUND     = "not_found"
	EINVALID      = "invalid"
	EUNAUTHORIZED = "unauthorized"
	ECONFLICT     = "conflict"
	EINTERNAL     = "internal"
)

// Error is a domain error fit for the user: Key names a message of the
// catalogs (i18n) and Args fill it; Code classifies it.
type Error struct {
	Code string
	Key  string
	Args []any
}

// Error implements error.
func (e *Error) Error() string {
	if len(e.Args) == 0 {
		return fmt.Sprintf("%s: %s", e.Code, e.Key)
	}
	return fmt.Sprintf("%s: %s %v", e.Code, e.Key, e.Args)
}

// Errorf returns an *Error with the code, message key and arguments.
func Errorf(code, key string, args ...any) *Error {
	return &Error{Code: code, Key: key, Args: args}
}

// ErrorCode returns the code of err, or EINTERNAL when err carries none.
func ErrorCode(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	if err == nil {
		return ""
	}
	return EINTERNAL
}
