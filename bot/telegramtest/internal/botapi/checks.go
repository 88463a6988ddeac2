package botapi

import (
	"fmt"
	"regexp"
	"unicode/utf8"
)

// Keyboard limits. Telegram does not document them; these are the ones
// observed against its servers.
const (
	maxInlineButtons       = 100
	maxInlineButtonsPerRow = 8
	maxReplyButtons        = 300
	maxReplyButtonsPerRow  = 12
	maxCallbackDataBytes   = 64
)

// typeChecks are the rules of object types that the type table cannot say,
// run after a value matched the type's fields.
var typeChecks = map[string]func(obj map[string]any, path string) error{
	"InlineKeyboardButton": checkInlineButton,
	"InlineKeyboardMarkup": func(obj map[string]any, path string) error {
		return checkRows(obj["inline_keyboard"], join(path, "inline_keyboard"), maxInlineButtons, maxInlineButtonsPerRow)
	},
	"KeyboardButton": checkKeyboardButton,
	"ReplyKeyboardMarkup": func(obj map[string]any, path string) error {
		if p, ok := obj["input_field_placeholder"].(string); ok && !between(utf8.RuneCountInString(p), 1, 64) {
			return fieldErr(join(path, "input_field_placeholder"), "must be 1-64 characters")
		}
		return checkRows(obj["keyboard"], join(path, "keyboard"), maxReplyButtons, maxReplyButtonsPerRow)
	},
	"ReplyKeyboardRemove": func(obj map[string]any, path string) error {
		return mustBeTrue(obj, "remove_keyboard", path)
	},
	"ForceReply": func(obj map[string]any, path string) error {
		return mustBeTrue(obj, "force_reply", path)
	},
	"BotCommand":    checkBotCommand,
	"MessageEntity": checkEntity,
}

// inlineButtonKinds are the fields of InlineKeyboardButton that give the
// button its action: all but text, icon_custom_emoji_id and style.
var inlineButtonKinds = []string{
	"url", "callback_data", "web_app", "login_url", "switch_inline_query",
	"switch_inline_query_current_chat", "switch_inline_query_chosen_chat",
	"copy_text", "callback_game", "pay",
}

func checkInlineButton(obj map[string]any, path string) error {
	if text, _ := obj["text"].(string); text == "" {
		return fieldErr(join(path, "text"), "button text is empty")
	}
	var kinds []string
	for _, k := range inlineButtonKinds {
		if v, ok := obj[k]; ok && v != nil {
			kinds = append(kinds, k)
		}
	}
	if len(kinds) != 1 {
		return fieldErr(path, "an inline button needs exactly one of %v, got %v", inlineButtonKinds, kinds)
	}
	if data, ok := obj["callback_data"].(string); ok && !between(len(data), 1, maxCallbackDataBytes) {
		return fieldErr(join(path, "callback_data"), "must be 1-%d bytes, got %d (BUTTON_DATA_INVALID)", maxCallbackDataBytes, len(data))
	}
	if style, ok := obj["style"].(string); ok && style != "danger" && style != "success" && style != "primary" {
		return fieldErr(join(path, "style"), "must be danger, success or primary, got %q", style)
	}
	return nil
}

// keyboardButtonKinds are the optional fields of KeyboardButton of which at
// most one may be used.
var keyboardButtonKinds = []string{
	"request_users", "request_chat", "request_managed_bot", "request_contact",
	"request_location", "request_poll", "web_app",
}

func checkKeyboardButton(obj map[string]any, path string) error {
	if text, _ := obj["text"].(string); text == "" {
		return fieldErr(join(path, "text"), "button text is empty")
	}
	var kinds []string
	for _, k := range keyboardButtonKinds {
		if v, ok := obj[k]; ok && v != nil && v != false {
			kinds = append(kinds, k)
		}
	}
	if len(kinds) > 1 {
		return fieldErr(path, "a keyboard button may use at most one of %v, got %v", keyboardButtonKinds, kinds)
	}
	return nil
}

// checkRows checks the size of a keyboard (already known to be an array of
// arrays).
func checkRows(v any, path string, maxButtons, maxPerRow int) error {
	rows, _ := v.([]any)
	total := 0
	for i, r := range rows {
		row, _ := r.([]any)
		if len(row) > maxPerRow {
			return fieldErr(fmt.Sprintf("%s[%d]", path, i), "a row may hold at most %d buttons, got %d", maxPerRow, len(row))
		}
		total += len(row)
	}
	if total > maxButtons {
		return fieldErr(path, "a keyboard may hold at most %d buttons, got %d (reply markup is too long)", maxButtons, total)
	}
	return nil
}

func mustBeTrue(obj map[string]any, field, path string) error {
	if b, _ := obj[field].(bool); !b {
		return fieldErr(join(path, field), "must be true")
	}
	return nil
}

var commandName = regexp.MustCompile(`^[a-z0-9_]{1,32}$`)

func checkBotCommand(obj map[string]any, path string) error {
	cmd, _ := obj["command"].(string)
	if !commandName.MatchString(cmd) {
		return fieldErr(join(path, "command"), "must be 1-32 characters of a-z, 0-9 and _, got %q", cmd)
	}
	desc, _ := obj["description"].(string)
	if !between(utf8.RuneCountInString(desc), 1, 256) {
		return fieldErr(join(path, "description"), "must be 1-256 characters, got %d", utf8.RuneCountInString(desc))
	}
	return nil
}

// entityTypes are the values of MessageEntity.type.
var entityTypes = map[string]bool{
	"mention": true, "hashtag": true, "cashtag": true, "bot_command": true, "url": true,
	"email": true, "phone_number": true, "bold": true, "italic": true, "underline": true,
	"strikethrough": true, "spoiler": true, "blockquote": true, "expandable_blockquote": true,
	"code": true, "pre": true, "text_link": true, "text_mention": true, "custom_emoji": true,
	"date_time": true,
}

func checkEntity(obj map[string]any, path string) error {
	t, _ := obj["type"].(string)
	if !entityTypes[t] {
		return fieldErr(join(path, "type"), "unknown entity type %q", t)
	}
	return nil
}

func between(n, lo, hi int) bool { return n >= lo && n <= hi }
