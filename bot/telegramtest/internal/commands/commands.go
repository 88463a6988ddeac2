// Package commands is the test double's store of the bot's command menus:
// the lists setMyCommands sets for a scope and a language code, and the
// reading of the scope and language_code parameters that name them.
package commands

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"

	"youthbot/bot/telegramtest/internal/wire"
)

// maxCommands is the most commands setMyCommands accepts.
const maxCommands = 100

// Key identifies a command list: a scope and a language code.
type Key struct {
	// Scope is the BotCommandScope type for scopes without a chat
	// ("default", "all_private_chats", ...), else the type and ids joined
	// by ':' ("chat:-2001", "chat_member:-2001:1001").
	Scope string
	Lang  string // "" for none
}

var languageCode = regexp.MustCompile(`^[a-z]{2}$`)

// KeyOf reads the scope and language_code parameters ("" when absent).
// chat says whether the double knows a chat and whether it is a group.
func KeyOf(scope, lang string, chat func(id int64) (known, group bool)) (Key, *wire.Error) {
	if lang != "" && !languageCode.MatchString(lang) {
		return Key{}, wire.Invalid("invalid language code specified").WithDetail("language_code=%q: two-letter ISO 639-1 code expected", lang)
	}
	if scope == "" {
		return Key{"default", lang}, nil
	}
	var s struct {
		Type   string          `json:"type"`
		ChatID json.RawMessage `json:"chat_id"`
		UserID int64           `json:"user_id"`
	}
	if err := json.Unmarshal([]byte(scope), &s); err != nil {
		return Key{}, wire.Invalid("can't parse BotCommandScope JSON object")
	}
	if s.ChatID == nil {
		return Key{s.Type, lang}, nil
	}
	id, err := strconv.ParseInt(string(s.ChatID), 10, 64)
	known, group := chat(id)
	if err != nil || !known {
		return Key{}, wire.Invalid("chat not found").WithDetail("scope chat_id %s", s.ChatID)
	}
	if !group && s.Type != "chat" {
		return Key{}, wire.Invalid("can't use %s scope in a private chat", s.Type)
	}
	key := fmt.Sprintf("%s:%d", s.Type, id)
	if s.Type == "chat_member" {
		key += fmt.Sprintf(":%d", s.UserID)
	}
	return Key{key, lang}, nil
}

// Store holds the command lists by key, each command a C decoded from the
// commands parameter (telegramtest's BotCommand). It has no lock of its
// own: the double's lock guards it.
type Store[C any] map[Key][]C

// Set stores the commands parameter (a JSON array) under key; an empty
// list deletes the key's list, as on Telegram.
func (s Store[C]) Set(key Key, raw string) *wire.Error {
	var cmds []C
	if err := json.Unmarshal([]byte(raw), &cmds); err != nil {
		return wire.Invalid("can't parse commands JSON array")
	}
	if len(cmds) > maxCommands {
		return wire.Invalid("too many commands specified").WithDetail("%d commands, at most %d", len(cmds), maxCommands)
	}
	if len(cmds) == 0 {
		delete(s, key)
		return nil
	}
	s[key] = cmds
	return nil
}

// Get returns the list of key, empty (not nil) when none is set.
func (s Store[C]) Get(key Key) []C {
	if cmds := s[key]; cmds != nil {
		return cmds
	}
	return []C{}
}
