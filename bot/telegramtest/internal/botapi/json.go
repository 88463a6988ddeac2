package botapi

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// fieldError is a problem at a path inside a JSON parameter
// ("inline_keyboard[0][1].callback_data").
type fieldError struct {
	Path string
	Msg  string
}

func (e *fieldError) Error() string {
	if e.Path == "" {
		return e.Msg
	}
	return e.Path + ": " + e.Msg
}

func fieldErr(path, format string, args ...any) error {
	return &fieldError{Path: path, Msg: fmt.Sprintf(format, args...)}
}

// checkType validates a decoded JSON value against one Bot API type:
// a primitive, "Array of X", a union (by its subtypes) or an object (known
// fields only, required ones present, each of its types, then typeChecks).
func checkType(v any, typ string, path string) error {
	if elem, ok := strings.CutPrefix(typ, "Array of "); ok {
		arr, ok := v.([]any)
		if !ok {
			return fieldErr(path, "must be an array (%s), got %s", typ, jsonKind(v))
		}
		for i, e := range arr {
			if err := checkType(e, elem, fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
		return nil
	}
	switch typ {
	case "Integer":
		n, ok := v.(json.Number)
		if !ok {
			return fieldErr(path, "must be an Integer, got %s", jsonKind(v))
		}
		if _, err := strconv.ParseInt(n.String(), 10, 64); err != nil {
			return fieldErr(path, "must be an Integer, got %s", n)
		}
		return nil
	case "Float":
		if _, ok := v.(json.Number); !ok {
			return fieldErr(path, "must be a Float, got %s", jsonKind(v))
		}
		return nil
	case "String":
		if _, ok := v.(string); !ok {
			return fieldErr(path, "must be a String, got %s", jsonKind(v))
		}
		return nil
	case "Boolean":
		if _, ok := v.(bool); !ok {
			return fieldErr(path, "must be a Boolean, got %s", jsonKind(v))
		}
		return nil
	case "True":
		if b, ok := v.(bool); !ok || !b {
			return fieldErr(path, "must be true")
		}
		return nil
	case "InputFile":
		if s, ok := v.(string); !ok || !strings.HasPrefix(s, "attach://") {
			return fieldErr(path, "must be attach://<name> of an uploaded file")
		}
		return nil
	}
	ts, ok := typesByName[typ]
	if !ok {
		return fieldErr(path, "the double does not know type %s", typ)
	}
	if len(ts.Subtypes) > 0 {
		return checkUnion(v, ts, path)
	}
	return checkObject(v, ts, path)
}

func checkObject(v any, ts *typeSpec, path string) error {
	obj, ok := v.(map[string]any)
	if !ok {
		return fieldErr(path, "must be a %s object, got %s", ts.Name, jsonKind(v))
	}
	for _, k := range SortedKeys(obj) {
		if _, known := ts.Field(k); !known {
			return fieldErr(join(path, k), "unknown field of %s", ts.Name)
		}
	}
	for _, f := range ts.Fields {
		val, present := obj[f.Name]
		if !present || val == nil {
			if f.Required {
				return fieldErr(join(path, f.Name), "required field of %s is missing", ts.Name)
			}
			continue
		}
		var errs []error
		for _, t := range f.Types {
			err := checkType(val, t, join(path, f.Name))
			if err == nil {
				errs = nil
				break
			}
			errs = append(errs, err)
		}
		if len(errs) > 0 {
			return mostSpecific(errs, f.Types)
		}
	}
	if check, ok := typeChecks[ts.Name]; ok {
		return check(obj, path)
	}
	return nil
}

// checkUnion validates v as one subtype of a union. BotCommandScope is told
// apart by its "type" field; other unions accept any matching subtype.
func checkUnion(v any, ts *typeSpec, path string) error {
	if obj, ok := v.(map[string]any); ok {
		if tag, ok := obj["type"].(string); ok {
			for _, sub := range ts.Subtypes {
				if want, ok := scopeTypes[sub]; ok && want == tag {
					return checkType(v, sub, path)
				}
			}
			if _, tagged := scopeTypes[ts.Subtypes[0]]; tagged {
				return fieldErr(join(path, "type"), "unknown %s type %q", ts.Name, tag)
			}
		}
	}
	errs := make([]error, 0, len(ts.Subtypes))
	for _, sub := range ts.Subtypes {
		err := checkType(v, sub, path)
		if err == nil {
			return nil
		}
		errs = append(errs, err)
	}
	return mostSpecific(errs, ts.Subtypes)
}

// mostSpecific picks, among the errors of alternatives, the one that got
// deepest into the value: that alternative is the one the sender meant.
func mostSpecific(errs []error, types []string) error {
	if len(errs) == 1 {
		return errs[0]
	}
	var best error
	depth := -1
	tie := false
	for _, err := range errs {
		d := 0
		var fe *fieldError
		if errors.As(err, &fe) {
			d = len(fe.Path) + 1
		}
		switch {
		case d > depth:
			best, depth, tie = err, d, false
		case d == depth:
			tie = true
		}
	}
	if tie && depth <= 1 {
		return fmt.Errorf("must be one of %s", strings.Join(types, ", "))
	}
	return best
}

func join(path, field string) string {
	if path == "" {
		return field
	}
	return path + "." + field
}

func jsonKind(v any) string {
	switch v := v.(type) {
	case nil:
		return "null"
	case bool:
		return "a Boolean"
	case json.Number:
		return "the number " + v.String()
	case string:
		return strconv.Quote(v)
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", v)
}
