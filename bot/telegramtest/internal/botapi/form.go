package botapi

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// CheckFormValue checks a form value against alternative types; uploaded
// says whether a file of that name was uploaded with the request.
func CheckFormValue(raw string, types []string, uploaded func(name string) bool) error {
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
			if !ok || !uploaded(name) {
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

// SortedKeys are the keys of m in order.
func SortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
