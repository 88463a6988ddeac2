package botapi

import (
	"fmt"
	"slices"

	"youthbot/bot/telegramtest/internal/wire"
)

// CheckParams validates the parameters and uploaded files of a call of the
// method against its spec. It removes empty and JSON-null values from params
// first: Telegram does not tell an empty parameter from an absent one, and
// go-telegram-bot-api sends entities=null. Unknown parameters do not fail the
// call, as Telegram ignores them, but the bot should not send them: they are
// returned as violations (parameters in name order, then files).
func (m *MethodSpec) CheckParams(params map[string]string, files map[string]wire.Upload) (violations []string, e *wire.Error) {
	for name, v := range params {
		f, known := m.param(name)
		if v == "" || (v == "null" && known && !slices.Contains(f.Types, "String")) {
			delete(params, name)
		}
	}
	for _, name := range SortedKeys(params) {
		if _, known := m.param(name); !known {
			violations = append(violations, fmt.Sprintf("unknown parameter %q", name))
		}
	}
	for _, name := range SortedKeys(files) {
		f, known := m.param(name)
		switch {
		case !known:
			violations = append(violations, fmt.Sprintf("unknown parameter %q (a file)", name))
		case !slices.Contains(f.Types, "InputFile"):
			return violations, wire.Invalid("parameter %q can't be a file", name)
		}
	}
	uploaded := func(name string) bool {
		_, ok := files[name]
		return ok
	}
	for _, f := range append(slices.Clone(m.Fields), LegacyParams(m.Name)...) {
		raw, present := params[f.Name]
		if !present && !uploaded(f.Name) {
			if f.Required {
				return violations, missing(f.Name)
			}
			continue
		}
		if !present {
			continue
		}
		if err := CheckFormValue(raw, f.Types, uploaded); err != nil {
			return violations, wire.Invalid("parameter %q: %v", f.Name, err)
		}
	}
	return violations, nil
}

// missing is the answer to a call without a required parameter.
func missing(param string) *wire.Error {
	if param == "text" {
		return wire.Invalid("message text is empty")
	}
	return wire.Invalid("%s is empty", param)
}

// param finds a parameter of the method, legacy ones included.
func (m *MethodSpec) param(name string) (FieldSpec, bool) {
	if f, ok := m.Field(name); ok {
		return f, true
	}
	for _, f := range LegacyParams(m.Name) {
		if f.Name == name {
			return f, true
		}
	}
	return FieldSpec{}, false
}
