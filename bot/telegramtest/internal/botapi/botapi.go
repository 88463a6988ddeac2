// Package botapi is the test double's knowledge of the Bot API: the served
// methods and the object types their parameters reach, generated from the
// Bot API spec (spec_table.go), and the validation of a request's
// parameters, form values and JSON objects against them and against Telegram's rules for
// keyboards, commands and entities. It knows nothing of the double's
// world of chats and messages (package telegramtest).
package botapi

// Version is the Bot API version the table was generated from.
const Version = specVersion

// FieldSpec is one parameter of a method or one field of an object type.
type FieldSpec = fieldSpec

// MethodSpec is one method of the Bot API.
type MethodSpec = methodSpec

// Methods are the served methods with their parameters.
func Methods() []MethodSpec { return specMethods }

// LookupMethod finds a served method by name, case-insensitively as
// Telegram does.
func LookupMethod(name string) (*MethodSpec, bool) { return lookupMethod(name) }

// LegacyParams are parameters go-telegram-bot-api still sends that the
// spec no longer lists, by method.
func LegacyParams(method string) []FieldSpec { return legacyParams[method] }

// UpdateKinds are the kinds of update an allowed_updates list may name.
func UpdateKinds() []string { return updateKinds }

// CheckType checks a decoded JSON value against a type of the spec; path
// names it in the error.
func CheckType(v any, typ, path string) error { return checkType(v, typ, path) }

// DecodeJSON decodes one JSON value, keeping numbers as json.Number.
func DecodeJSON(raw string) (any, error) { return decodeJSON(raw) }
