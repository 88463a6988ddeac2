// Package i18n holds the bot's message catalogs (Vietnamese and English) and
// formats messages for Telegram's HTML parse mode: every argument is
// HTML-escaped unless it is marked Raw.
package i18n

import (
	"fmt"
	"html"
	"strings"
)

// Raw is an argument that is already HTML and must not be escaped (markup
// the bot builds itself, never user text).
type Raw string

// Default is the language used when a user's is unknown.
const Default = "vi"

// catalogs merges the core catalog with each feature's (one file pair per
// feature, so features grow their texts independently).
var catalogs = map[string]map[string]string{
	"vi": merge(vi, viParticipation, viProject, viReport, viGroup, viRights, viWorkbook),
	"en": merge(en, enParticipation, enProject, enReport, enGroup, enRights, enWorkbook),
}

func merge(maps ...map[string]string) map[string]string {
	out := map[string]string{}
	for _, m := range maps {
		for k, v := range m {
			if _, dup := out[k]; dup {
				panic("i18n: key in two catalogs: " + k)
			}
			out[k] = v
		}
	}
	return out
}

// Langs lists the languages with a catalog.
func Langs() []string { return []string{"vi", "en"} }

// Has reports whether key is in the catalogs.
func Has(key string) bool {
	_, ok := catalogs["en"][key]
	return ok
}

// T formats message key in lang with args. String arguments (and anything
// implementing fmt.Stringer) are HTML-escaped; Raw arguments are not. An
// unknown language falls back to Default; an unknown key returns the key,
// which the catalog test forbids.
func T(lang, key string, args ...any) string {
	cat, ok := catalogs[lang]
	if !ok {
		cat = catalogs[Default]
	}
	tmpl, ok := cat[key]
	if !ok {
		return key
	}
	if len(args) == 0 {
		return tmpl
	}
	return fmt.Sprintf(tmpl, Escape(args)...)
}

// Escape returns args with strings and Stringers HTML-escaped.
func Escape(args []any) []any {
	out := make([]any, len(args))
	for i, a := range args {
		switch v := a.(type) {
		case Raw:
			out[i] = string(v)
		case string:
			out[i] = html.EscapeString(v)
		case fmt.Stringer:
			out[i] = html.EscapeString(v.String())
		case error:
			out[i] = html.EscapeString(v.Error())
		default:
			out[i] = v
		}
	}
	return out
}

// Esc escapes s for Telegram HTML.
func Esc(s string) string { return html.EscapeString(s) }

// Lang picks a catalog language for a Telegram language_code: "vi" and "en"
// (and their regional forms) are kept, anything else gives def.
func Lang(code, def string) string {
	code = strings.ToLower(code)
	switch {
	case strings.HasPrefix(code, "vi"):
		return "vi"
	case strings.HasPrefix(code, "en"):
		return "en"
	}
	return def
}
