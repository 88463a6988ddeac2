package bot

import (
	"fmt"
	"runtime/debug"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
	"youthbot/storage"
)

// Handler handles one routed update: a command, a button press or the next
// message of a dialog. What routing read from the update for it is in c.in;
// a returned error is the refusal or failure Apply answers (Ctx.fail).
type Handler func(c *Ctx) error

// Middleware wraps a Handler with what routes share: recovering panics,
// naming the route for the log, checking who may use it.
type Middleware func(next Handler) Handler

// chain wraps h in mw, the first outermost.
func chain(h Handler, mw ...Middleware) Handler {
	for i := len(mw) - 1; i >= 0; i-- {
		h = mw[i](h)
	}
	return h
}

// input is what routing read from an update for its handler.
type input struct {
	args   string           // a command's arguments
	data   []string         // a button's arguments, after its prefix
	dialog *youthbot.Dialog // the dialog a message continues
	msg    *tgbotapi.Message
}

// The adapters from the tables' handler functions to a Handler.

func commandHandler(f func(c *Ctx, args string) error) Handler {
	return func(c *Ctx) error { return f(c, c.in.args) }
}

func callbackHandler(f func(c *Ctx, args []string) error) Handler {
	return func(c *Ctx) error { return f(c, c.in.data) }
}

func dialogStepHandler(f DialogHandler) Handler {
	return func(c *Ctx) error { return f(c, c.in.dialog, c.in.msg) }
}

// Role is who may use a command or a button: a table entry's Need, checked
// on the server before its handler runs (requireRole), whatever the menus
// show.
type Role int

const (
	// RoleVisitor is anyone: the handler decides.
	RoleVisitor Role = iota
	// RoleMember is an approved member, a secretary or an admin; others
	// are told why they are not a member (MemberForProjects).
	RoleMember
	// RoleSecretary is a secretary of some unit or an admin
	// (Ctx.RequireManage("")).
	RoleSecretary
)

// requireRole refuses a sender who is not who (EUNAUTHORIZED) before next
// runs; the handler checks the rights over the unit it acts on itself.
func requireRole(who Role) Middleware {
	return func(next Handler) Handler {
		switch who {
		case RoleMember:
			return func(c *Ctx) error {
				if _, err := MemberForProjects(c); err != nil && !c.IsAdmin() && !c.IsSecretary() {
					return err
				}
				return next(c)
			}
		case RoleSecretary:
			return func(c *Ctx) error {
				if err := c.RequireManage(""); err != nil {
					return err
				}
				return next(c)
			}
		}
		return next
	}
}

// logAs names the route in the update's log line (Ctx.logEntry).
func logAs(name string) Middleware {
	return func(next Handler) Handler {
		return func(c *Ctx) error {
			c.command = name
			return next(c)
		}
	}
}

// logDialogStep names a dialog's route by the dialog and its step.
func logDialogStep(next Handler) Handler {
	return func(c *Ctx) error {
		c.command = c.in.dialog.Name + "." + c.in.dialog.Step
		return next(c)
	}
}

// recoverPanics is the Middleware that turns a panic into the update's
// error: a damaged database page (storage.DamagePanic) is a storage
// failure; any other panic is a bug, logged with its stack and answered as
// an internal failure.
func (b *Bot) recoverPanics(next Handler) Handler {
	return func(c *Ctx) (err error) {
		defer func() {
			if p := recover(); p != nil {
				if derr := storage.DamagePanic(p); derr != nil {
					err = derr // no bug of the handler's: a storage failure
					return
				}
				b.log.Error("handler panic", "update_id", c.Update.UpdateID, "panic", p, "stack", string(debug.Stack()))
				err = fmt.Errorf("handler panic: %v", p)
			}
		}()
		return next(c)
	}
}
