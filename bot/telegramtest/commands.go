package telegramtest

import (
	"slices"

	"youthbot/bot/telegramtest/internal/commands"
)

// BotCommand is a command of the bot's menu.
type BotCommand struct {
	Command     string `json:"command"`
	Description string `json:"description"`
}

// Commands returns the list setMyCommands stored for a scope and language
// code ("" for none), or nil. scope is the BotCommandScope type for scopes
// without a chat ("default", "all_private_chats", "all_group_chats",
// "all_chat_administrators"), else the type and ids joined by ':' —
// "chat:-2001", "chat_administrators:-2001", "chat_member:-2001:1001".
func (s *Server) Commands(scope, lang string) []BotCommand {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.commands[commands.Key{Scope: scope, Lang: lang}])
}

// commandKey reads the scope and language_code parameters.
func (s *Server) commandKey(c *call) (commands.Key, *apiError) {
	return commands.KeyOf(c.str("scope"), c.str("language_code"), func(id int64) (known, group bool) {
		ch, ok := s.chats[id]
		return ok, ok && ch.isGroup()
	})
}

func (s *Server) setMyCommands(c *call) (any, *apiError) {
	key, e := s.commandKey(c)
	if e == nil {
		e = s.commands.Set(key, c.str("commands"))
	}
	if e != nil {
		return nil, e
	}
	return true, nil
}

func (s *Server) deleteMyCommands(c *call) (any, *apiError) {
	key, e := s.commandKey(c)
	if e != nil {
		return nil, e
	}
	delete(s.commands, key)
	return true, nil
}

func (s *Server) getMyCommands(c *call) (any, *apiError) {
	key, e := s.commandKey(c)
	if e != nil {
		return nil, e
	}
	return s.commands.Get(key), nil
}
