package telegramtest

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strconv"
)

// maxCommands is the most commands setMyCommands accepts.
const maxCommands = 100

// BotCommand is a command of the bot's menu.
type BotCommand struct {
	Command     string `json:"command"`
	Description string `json:"description"`
}

// commandKey identifies a command list: a scope and a language code.
type commandKey struct {
	scope string // see Commands
	lang  string
}

// Commands returns the list setMyCommands stored for a scope and language
// code ("" for none), or nil. scope is the BotCommandScope type for scopes
// without a chat ("default", "all_private_chats", "all_group_chats",
// "all_chat_administrators"), else the type and ids joined by ':' —
// "chat:-2001", "chat_administrators:-2001", "chat_member:-2001:1001".
func (s *Server) Commands(scope, lang string) []BotCommand {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.commands[commandKey{scope, lang}])
}

var languageCode = regexp.MustCompile(`^[a-z]{2}$`)

// commandKeyOf reads the scope and language_code parameters.
func (s *Server) commandKeyOf(c *call) (commandKey, *apiError) {
	lang := c.str("language_code")
	if lang != "" && !languageCode.MatchString(lang) {
		return commandKey{}, invalid("invalid language code specified").WithDetail("language_code=%q: two-letter ISO 639-1 code expected", lang)
	}
	if !c.has("scope") {
		return commandKey{"default", lang}, nil
	}
	var scope struct {
		Type   string          `json:"type"`
		ChatID json.RawMessage `json:"chat_id"`
		UserID int64           `json:"user_id"`
	}
	if err := json.Unmarshal([]byte(c.str("scope")), &scope); err != nil {
		return commandKey{}, invalid("can't parse BotCommandScope JSON object")
	}
	if scope.ChatID == nil {
		return commandKey{scope.Type, lang}, nil
	}
	id, err := strconv.ParseInt(string(scope.ChatID), 10, 64)
	ch, known := s.chats[id]
	if err != nil || !known {
		return commandKey{}, chatNotFound().WithDetail("scope chat_id %s", scope.ChatID)
	}
	if !ch.isGroup() && scope.Type != "chat" {
		return commandKey{}, invalid("can't use %s scope in a private chat", scope.Type)
	}
	key := fmt.Sprintf("%s:%d", scope.Type, id)
	if scope.Type == "chat_member" {
		key += fmt.Sprintf(":%d", scope.UserID)
	}
	return commandKey{key, lang}, nil
}

func (s *Server) setMyCommands(c *call) (any, *apiError) {
	key, e := s.commandKeyOf(c)
	if e != nil {
		return nil, e
	}
	var cmds []BotCommand
	if err := json.Unmarshal([]byte(c.str("commands")), &cmds); err != nil {
		return nil, invalid("can't parse commands JSON array")
	}
	if len(cmds) > maxCommands {
		return nil, invalid("too many commands specified").WithDetail("%d commands, at most %d", len(cmds), maxCommands)
	}
	if len(cmds) == 0 {
		delete(s.commands, key)
		return true, nil
	}
	s.commands[key] = cmds
	return true, nil
}

func (s *Server) deleteMyCommands(c *call) (any, *apiError) {
	key, e := s.commandKeyOf(c)
	if e != nil {
		return nil, e
	}
	delete(s.commands, key)
	return true, nil
}

func (s *Server) getMyCommands(c *call) (any, *apiError) {
	key, e := s.commandKeyOf(c)
	if e != nil {
		return nil, e
	}
	cmds := s.commands[key]
	if cmds == nil {
		cmds = []BotCommand{}
	}
	return cmds, nil
}
