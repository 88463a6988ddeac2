// Package i18n formats the bot's messages for Telegram's HTML parse mode:
// every argument is HTML-escaped unless it is marked Raw, plural choices
// follow the counts, numbers are written as each language writes them.
// The texts themselves, in Vietnamese and English, live in one package per
// area of the bot (internal/core, internal/rooms, internal/records), merged
// here into one catalog per language.
package i18n

import (
	"fmt"
	"html"
	"strings"

	"youthbot/i18n/internal/core"
	"youthbot/i18n/internal/records"
	"youthbot/i18n/internal/rooms"
)

// Raw is an argument that is already HTML and must not be escaped (markup
// the bot builds itself, never user text).
type Raw string

// Default is the language used when a user's is unknown.
const Default = "vi"

// catalogs merges the areas' catalogs (one map per area and language, so
// features grow their texts independently) into one per language.
var catalogs = map[string]map[string]string{
	"vi": merge(core.Vietnamese, rooms.Vietnamese, records.Vietnamese),
	"en": merge(core.English, rooms.English, records.English),
}

// merge joins the maps of the areas; a key in two of them panics.
func merge(areas ...[]map[string]string) map[string]string {
	out := map[string]string{}
	for _, maps := range areas {
		for _, m := range maps {
			for k, v := range m {
				if _, dup := out[k]; dup {
					panic("i18n: key in two catalogs: " + k)
				}
				out[k] = v
			}
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
	return fmt.Sprintf(plurals(tmpl, args), Escape(args)...)
}

// plurals resolves the plural choices of a template: "{2|member|members}"
// is "member" when argument 2 (counted from 1, as in %[2]d) is one (the
// integer 1 or a number formatted as "1"), else "members". English needs
// them ("1 participation"); Vietnamese nouns do not change.
func plurals(tmpl string, args []any) string {
	if !strings.Contains(tmpl, "{") {
		return tmpl
	}
	var sb strings.Builder
	for {
		i := strings.IndexByte(tmpl, '{')
		j := strings.IndexByte(tmpl[max(i, 0):], '}')
		if i < 0 || j < 0 {
			sb.WriteString(tmpl)
			return sb.String()
		}
		j += i
		choice := strings.Split(tmpl[i+1:j], "|")
		n := 0
		if len(choice) == 3 {
			fmt.Sscan(choice[0], &n)
		}
		if n < 1 || n > len(args) {
			sb.WriteString(tmpl[:j+1]) // not a plural choice: keep it
			tmpl = tmpl[j+1:]
			continue
		}
		sb.WriteString(tmpl[:i])
		if isOne(args[n-1]) {
			sb.WriteString(choice[1])
		} else {
			sb.WriteString(choice[2])
		}
		tmpl = tmpl[j+1:]
	}
}

// isOne reports whether a message argument is the count one.
func isOne(a any) bool {
	switch v := a.(type) {
	case int:
		return v == 1
	case int32:
		return v == 1
	case int64:
		return v == 1
	case uint:
		return v == 1
	case uint32:
		return v == 1
	case uint64:
		return v == 1
	case string:
		return v == "1"
	case Raw:
		return v == "1"
	}
	return false
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
