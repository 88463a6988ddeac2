package botapi

import "strings"

// spec_table.go is generated from a copy of bot-api.json
// (github.com/PaulSonOfLars/telegram-bot-api-spec, api.json) whose path the
// BOTAPI_JSON variable names; run from the repository:
//
//	BOTAPI_JSON=/path/to/bot-api.json go generate ./bot/telegramtest/internal/botapi
//
//go:generate go run ../specgen -o spec_table.go -spec $BOTAPI_JSON

// fieldSpec is one parameter of a method or one field of an object type, as
// bot-api.json describes it. Types are alternatives ("Integer", "String",
// "Array of BotCommand", ...): a value is valid if it is one of them.
type fieldSpec struct {
	Name     string
	Types    []string
	Required bool
}

// methodSpec is one method of the Bot API.
type methodSpec struct {
	Name   string
	Fields []fieldSpec
}

// typeSpec is one object type of the Bot API. A union type has Subtypes and
// no Fields.
type typeSpec struct {
	Name     string
	Fields   []fieldSpec
	Subtypes []string
}

// field returns the field called name.
func (t *typeSpec) Field(name string) (fieldSpec, bool) {
	for _, f := range t.Fields {
		if f.Name == name {
			return f, true
		}
	}
	return fieldSpec{}, false
}

// field returns the parameter called name.
func (m *methodSpec) Field(name string) (fieldSpec, bool) {
	for _, f := range m.Fields {
		if f.Name == name {
			return f, true
		}
	}
	return fieldSpec{}, false
}

var (
	methodsByLower = indexMethods()
	typesByName    = indexTypes()
)

func indexMethods() map[string]*methodSpec {
	idx := make(map[string]*methodSpec, len(specMethods))
	for i := range specMethods {
		idx[strings.ToLower(specMethods[i].Name)] = &specMethods[i]
	}
	return idx
}

func indexTypes() map[string]*typeSpec {
	idx := make(map[string]*typeSpec, len(specTypes))
	for i := range specTypes {
		idx[specTypes[i].Name] = &specTypes[i]
	}
	return idx
}

// lookupMethod finds a method by name, ignoring case as Telegram does.
func lookupMethod(name string) (*methodSpec, bool) {
	m, ok := methodsByLower[strings.ToLower(name)]
	return m, ok
}

// legacyParams are parameters that go-telegram-bot-api v5.5.1 sends, that
// the current spec no longer lists, and that Telegram still accepts (it maps
// them to link_preview_options and reply_parameters).
var legacyParams = map[string][]fieldSpec{
	"sendMessage": {
		{"disable_web_page_preview", []string{"Boolean"}, false},
		{"reply_to_message_id", []string{"Integer"}, false},
		{"allow_sending_without_reply", []string{"Boolean"}, false},
	},
	"editMessageText": {
		{"disable_web_page_preview", []string{"Boolean"}, false},
	},
	"sendPhoto": {
		{"reply_to_message_id", []string{"Integer"}, false},
		{"allow_sending_without_reply", []string{"Boolean"}, false},
	},
	"sendDocument": {
		{"reply_to_message_id", []string{"Integer"}, false},
		{"allow_sending_without_reply", []string{"Boolean"}, false},
		// DocumentConfig.Thumb is sent as "thumb", renamed "thumbnail" in
		// Bot API 6.6; the server still reads the old name.
		{"thumb", []string{"InputFile", "String"}, false},
	},
}

// scopeTypes maps each BotCommandScope subtype to the value of its "type"
// field (the spec says it in prose: "Scope type, must be default").
var scopeTypes = map[string]string{
	"BotCommandScopeDefault":               "default",
	"BotCommandScopeAllPrivateChats":       "all_private_chats",
	"BotCommandScopeAllGroupChats":         "all_group_chats",
	"BotCommandScopeAllChatAdministrators": "all_chat_administrators",
	"BotCommandScopeChat":                  "chat",
	"BotCommandScopeChatAdministrators":    "chat_administrators",
	"BotCommandScopeChatMember":            "chat_member",
}
