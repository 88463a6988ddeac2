package telegramtest

import (
	"slices"

	"youthbot/bot/telegramtest/internal/botapi"
)

// checkParams validates the parameters of c against its method's spec. It
// removes empty and JSON-null values first: Telegram does not tell an empty
// parameter from an absent one, and go-telegram-bot-api sends entities=null.
// Unknown parameters are violations but, as Telegram ignores them, do not
// fail the call.
func (c *call) checkParams() *apiError {
	for name, v := range c.params {
		f, known := c.paramSpec(name)
		if v == "" || (v == "null" && known && !slices.Contains(f.Types, "String")) {
			delete(c.params, name)
		}
	}
	for _, name := range botapi.SortedKeys(c.params) {
		if _, known := c.paramSpec(name); !known {
			c.violate("unknown parameter %q", name)
		}
	}
	for _, name := range botapi.SortedKeys(c.files) {
		f, known := c.paramSpec(name)
		switch {
		case !known:
			c.violate("unknown parameter %q (a file)", name)
		case !slices.Contains(f.Types, "InputFile"):
			return invalid("parameter %q can't be a file", name)
		}
	}
	for _, f := range c.allParamSpecs() {
		raw, present := c.params[f.Name]
		_, uploaded := c.files[f.Name]
		if !present && !uploaded {
			if f.Required {
				return missing(f.Name)
			}
			continue
		}
		if uploaded && !present {
			continue
		}
		if err := botapi.CheckFormValue(raw, f.Types, c.uploaded); err != nil {
			return invalid("parameter %q: %v", f.Name, err)
		}
	}
	return nil
}

// missing is the answer to a call without a required parameter.
func missing(param string) *apiError {
	if param == "text" {
		return invalid("message text is empty")
	}
	return invalid("%s is empty", param)
}

// paramSpec finds a parameter of the method, legacy ones included.
func (c *call) paramSpec(name string) (botapi.FieldSpec, bool) {
	if f, ok := c.spec.Field(name); ok {
		return f, true
	}
	for _, f := range botapi.LegacyParams(c.spec.Name) {
		if f.Name == name {
			return f, true
		}
	}
	return botapi.FieldSpec{}, false
}

func (c *call) allParamSpecs() []botapi.FieldSpec {
	return append(slices.Clone(c.spec.Fields), botapi.LegacyParams(c.spec.Name)...)
}

// uploaded says whether the request uploaded a file called name.
func (c *call) uploaded(name string) bool {
	_, ok := c.files[name]
	return ok
}
