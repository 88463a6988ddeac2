package telegramtest

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
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
	for _, name := range sortedKeys(c.params) {
		if _, known := c.paramSpec(name); !known {
			c.violate("unknown parameter %q", name)
		}
	}
	for _, name := range sortedKeys(c.files) {
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
		if err := checkFormValue(raw, f.Types, c.files); err != nil {
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
func (c *call) paramSpec(name string) (fieldSpec, bool) {
	if f, ok := c.spec.field(name); ok {
		return f, true
	}
	for _, f := range legacyParams[c.spec.Name] {
		if f.Name == name {
			return f, true
		}
	}
	return fieldSpec{}, false
}

func (c *call) allParamSpecs() []fieldSpec {
	return append(slices.Clone(c.spec.Fields), legacyParams[c.spec.Name]...)
}

// checkFormValue checks a form value against alternative types.
func checkFormValue(raw string, types []string, files map[string]upload) error {
	if !utf8.ValidString(raw) {
		return errors.New("strings must be encoded in UTF-8")
	}
	var errs []error
	var parsed any
	var parseErr error
	for _, t := range types {
		var err error
		switch t {
		case "Integer":
			if _, e := strconv.ParseInt(raw, 10, 64); e != nil {
				err = fmt.Errorf("must be an Integer, got %q", raw)
			}
		case "Float":
			if _, e := strconv.ParseFloat(raw, 64); e != nil {
				err = fmt.Errorf("must be a Float, got %q", raw)
			}
		case "Boolean", "True":
			if raw != "true" && raw != "false" {
				err = fmt.Errorf("must be true or false, got %q", raw)
			}
		case "String":
		case "InputFile":
			name, ok := strings.CutPrefix(raw, "attach://")
			if _, uploaded := files[name]; !ok || !uploaded {
				err = fmt.Errorf("must be an uploaded file, got %q", raw)
			}
		default:
			if parsed == nil && parseErr == nil {
				parsed, parseErr = decodeJSON(raw)
			}
			if parseErr != nil {
				err = fmt.Errorf("can't parse JSON: %w", parseErr)
			} else {
				err = checkType(parsed, t, "")
			}
		}
		if err == nil {
			return nil
		}
		errs = append(errs, err)
	}
	if parseErr != nil {
		return fmt.Errorf("can't parse JSON: %w", parseErr)
	}
	return mostSpecific(errs, types)
}

// decodeJSON decodes one JSON value, keeping numbers as json.Number.
func decodeJSON(raw string) (any, error) {
	dec := json.NewDecoder(strings.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if dec.More() {
		return nil, errors.New("trailing data after the JSON value")
	}
	return v, nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
