package telegramtest

import (
	"context"
	"fmt"
	"maps"
	"net/http"
	"strconv"
	"time"

	"youthbot/bot/telegramtest/internal/botapi"
	"youthbot/bot/telegramtest/internal/wire"
)

// Call is one request the double answered.
type Call struct {
	Method      string            // canonical name ("sendMessage"), or the path if it was not a method
	Params      map[string]string // parameters as sent
	Files       map[string][]byte // uploaded files by parameter name
	Status      int               // HTTP status of the answer
	Description string            // error description when the call failed
	Time        time.Time         // when it arrived (Options.Now)
	Chat        int64             // the chat_id parameter, if it was an integer
}

// call is a request being answered.
type call struct {
	ctx        context.Context
	spec       *botapi.MethodSpec
	params     map[string]string // normalised: empty and JSON-null values removed
	files      map[string]wire.Upload
	chat       *chat // the chat of chat_id, once resolved
	rec        Call
	violations []string
}

func (c *call) setRequest(req *wire.Request) {
	c.rec.Params = maps.Clone(req.Params)
	if len(req.Files) > 0 {
		c.rec.Files = make(map[string][]byte, len(req.Files))
		for k, f := range req.Files {
			c.rec.Files[k] = f.Data
		}
	}
	if id, err := strconv.ParseInt(req.Params["chat_id"], 10, 64); err == nil {
		c.rec.Chat = id
	}
	c.params, c.files = req.Params, req.Files
}

// violate records a violation of the call, reported once it is answered.
func (c *call) violate(format string, args ...any) {
	where := c.rec.Method
	if c.rec.Chat != 0 {
		where = fmt.Sprintf("%s to chat %d", where, c.rec.Chat)
	}
	c.violations = append(c.violations, where+": "+fmt.Sprintf(format, args...))
}

func (c *call) has(name string) bool {
	_, ok := c.params[name]
	return ok
}

func (c *call) str(name string) string { return c.params[name] }

// int64 returns an integer parameter; CheckParams has validated it.
func (c *call) int64(name string) int64 {
	n, _ := strconv.ParseInt(c.params[name], 10, 64)
	return n
}

func (c *call) bool(name string) bool { return c.params[name] == "true" }

// handler performs a validated call with the locks held.
type handler func(s *Server, c *call) (any, *apiError)

// handlers serve the methods of botapi.Methods(), by canonical name.
var handlers = map[string]handler{
	"getMe":                  (*Server).getMe,
	"getUpdates":             (*Server).getUpdates,
	"sendMessage":            (*Server).sendMessage,
	"editMessageText":        (*Server).editMessageText,
	"editMessageReplyMarkup": (*Server).editMessageReplyMarkup,
	"deleteMessage":          (*Server).deleteMessage,
	"sendPhoto":              (*Server).sendPhoto,
	"sendDocument":           (*Server).sendDocument,
	"sendChatAction":         (*Server).sendChatAction,
	"answerCallbackQuery":    (*Server).answerCallbackQuery,
	"setMyCommands":          (*Server).setMyCommands,
	"deleteMyCommands":       (*Server).deleteMyCommands,
	"getMyCommands":          (*Server).getMyCommands,
	"getChat":                (*Server).getChat,
	"getChatMember":          (*Server).getChatMember,
	"getChatAdministrators":  (*Server).getChatAdministrators,
	"leaveChat":              (*Server).leaveChat,
	"setWebhook":             (*Server).setWebhook,
	"deleteWebhook":          (*Server).deleteWebhook,
	"getWebhookInfo":         (*Server).getWebhookInfo,
}

// sendMethods post a new message: they count against the rate limits.
var sendMethods = map[string]bool{"sendMessage": true, "sendPhoto": true, "sendDocument": true}

// writeMethods change a chat: they fail in chats that block the bot and are
// what FailChat affects.
var writeMethods = map[string]bool{
	"sendMessage": true, "sendPhoto": true, "sendDocument": true, "sendChatAction": true,
	"editMessageText": true, "editMessageReplyMarkup": true, "deleteMessage": true,
}

// perform runs a validated call with the locks held: chat lookup, faults,
// Telegram's refusals, rate limits, then the method itself.
func (s *Server) perform(c *call) (any, *apiError) {
	if e := s.resolveChat(c); e != nil {
		return nil, e
	}
	send := sendMethods[c.spec.Name]
	if send {
		if e := s.flood.Check(s.now(), c.spec.Name, c.chatID()); e != nil {
			return nil, e
		}
	}
	fault := s.faults.Take(c.spec.Name, c.chatID(), writeMethods[c.spec.Name])
	if fault != nil && !fault.Applied {
		return nil, s.floodOpened(c, fault.Err, false)
	}
	if e := s.refuseChat(c); e != nil {
		return nil, e
	}
	if send {
		if wait, global := s.limiter.Take(s.now(), c.chatID(), c.chat != nil && c.chat.isGroup()); wait > 0 {
			return nil, s.floodOpened(c, tooMany(wait), global)
		}
	}
	result, e := handlers[c.spec.Name](s, c)
	if fault != nil && e == nil {
		return nil, s.floodOpened(c, fault.Err, false)
	}
	return result, e
}

// floodOpened records the retry_after window a 429 to a send opens
// (flood.go) and returns e.
func (s *Server) floodOpened(c *call, e *apiError, botWide bool) *apiError {
	if sendMethods[c.spec.Name] {
		s.flood.Opened(s.now(), c.chatID(), e, botWide)
	}
	return e
}

// resolveChat finds the chat of the chat_id parameter, if any.
func (s *Server) resolveChat(c *call) *apiError {
	raw, ok := c.params["chat_id"]
	if !ok {
		return nil
	}
	id, err := strconv.ParseInt(raw, 10, 64)
	if err != nil {
		return chatNotFound() // a @username: the double's chats have none
	}
	ch, ok := s.chats[id]
	if !ok {
		return chatNotFound()
	}
	c.chat = ch
	return nil
}

// refuseChat gives Telegram's answers for chats the bot cannot use.
func (s *Server) refuseChat(c *call) *apiError {
	ch := c.chat
	if ch == nil {
		return nil
	}
	if ch.migratedTo != 0 {
		return &apiError{Code: http.StatusBadRequest, Description: "Bad Request: group chat was upgraded to a supergroup chat", MigrateTo: ch.migratedTo}
	}
	if !writeMethods[c.spec.Name] {
		return nil
	}
	switch {
	case ch.user != nil && ch.user.blocked:
		return refused(http.StatusForbidden, "Forbidden: bot was blocked by the user")
	case ch.botLeft:
		return refused(http.StatusForbidden, "Forbidden: bot is not a member of the "+ch.kind+" chat")
	}
	return nil
}

// chatID is the id of the chat the call targets, 0 when none is known.
func (c *call) chatID() int64 {
	if c.chat == nil {
		return 0
	}
	return c.chat.id
}
