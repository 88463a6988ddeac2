package telegram

import (
	"context"
	"errors"
	"log/slog"
	"time"
)

// Menu is one setMyCommands call: its scope and language ("" for everyone
// whose language has no menu of its own), and its parameters.
type Menu struct {
	Scope, Lang string
	Params      map[string]string
}

// SetMenus sets the command menus in order (setMyCommands) until every one
// is set or ctx ends. A temporary failure (Telegram down, a 5xx, flood
// control) is retried with backoff from the menu that failed; a menu
// Telegram refuses for good (a 400: the list itself is wrong) is logged and
// skipped, as sending it again would change nothing.
func (a *API) SetMenus(ctx context.Context, menus []Menu, log *slog.Logger) {
	var wait time.Duration
	for attempt := 1; len(menus) > 0; attempt++ {
		m := menus[0]
		_, err := a.CallContext(ctx, "setMyCommands", m.Params)
		if ctx.Err() != nil {
			return
		}
		var ae *APIError
		switch {
		case err == nil:
			menus, wait = menus[1:], 0
			continue
		case errors.As(err, &ae) && !ae.Temporary:
			log.Error("command menu refused", "scope", m.Scope, "lang", m.Lang, "err", err)
			menus = menus[1:]
			continue
		}
		wait = Backoff(wait)
		if ae != nil && ae.RetryAfter > wait {
			wait = ae.RetryAfter
		}
		log.Warn("set command menus failed, retrying", "scope", m.Scope, "lang", m.Lang, "left", len(menus),
			"attempt", attempt, "retry_in", wait, "err", err)
		if Sleep(ctx, wait) != nil {
			return
		}
	}
	log.Info("command menus set")
}
