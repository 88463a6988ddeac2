package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"youthbot/i18n"
	"youthbot/telegram"
)

type botCommand struct {
	Command     string `json:"command"`
	Description string `json:"description"`
}

// commandMenu is one setMyCommands call: a scope and a language ("" for
// everyone whose language has no menu of its own).
type commandMenu struct {
	scope, lang string
	params      map[string]string
}

// commandMenus are the command menus: one for private chats and one for
// groups, in every catalog language and once without a language (in the
// default language) for everyone else.
func (b *Bot) commandMenus() ([]commandMenu, error) {
	var menus []commandMenu
	for _, scope := range []string{"all_private_chats", "all_group_chats"} {
		for _, lang := range append(i18n.Langs(), "") {
			text := lang
			if lang == "" {
				text = b.lang
			}
			var list []botCommand
			for _, cmd := range b.commands() {
				if cmd.Hidden || scope == "all_private_chats" && !cmd.Private || scope == "all_group_chats" && !cmd.Group {
					continue
				}
				list = append(list, botCommand{Command: cmd.Name, Description: i18n.T(text, "cmd."+cmd.Name)})
			}
			cmds, err := json.Marshal(list)
			if err != nil {
				return nil, fmt.Errorf("encode commands: %w", err)
			}
			params := map[string]string{"commands": string(cmds), "scope": fmt.Sprintf(`{"type":%q}`, scope)}
			if lang != "" {
				params["language_code"] = lang
			}
			menus = append(menus, commandMenu{scope: scope, lang: lang, params: params})
		}
	}
	return menus, nil
}

// publishCommands sets the command menus in the background (taking updates
// does not wait for them), until every one is set or ctx ends or the bot
// stops (Stop).
func (b *Bot) publishCommands(ctx context.Context) {
	menus, err := b.commandMenus()
	if err != nil {
		b.log.Error("command menus", "err", err)
		return
	}
	ctx, cancel := context.WithCancel(ctx)
	b.bgMu.Lock()
	defer b.bgMu.Unlock()
	b.bgStop = append(b.bgStop, cancel)
	b.bg.Add(1)
	go func() {
		defer b.bg.Done()
		defer cancel()
		b.setCommands(ctx, menus)
	}()
}

// setCommands sets menus in order. A temporary failure (Telegram down, a
// 5xx, flood control) is retried with backoff from the menu that failed;
// a menu Telegram refuses for good (a 400: the list itself is wrong) is
// logged and skipped, as sending it again would change nothing.
func (b *Bot) setCommands(ctx context.Context, menus []commandMenu) {
	var wait time.Duration
	for attempt := 1; len(menus) > 0; attempt++ {
		m := menus[0]
		_, err := b.api.CallContext(ctx, "setMyCommands", m.params)
		if ctx.Err() != nil {
			return
		}
		var ae *telegram.APIError
		switch {
		case err == nil:
			menus, wait = menus[1:], 0
			continue
		case errors.As(err, &ae) && !ae.Temporary:
			b.log.Error("command menu refused", "scope", m.scope, "lang", m.lang, "err", err)
			menus = menus[1:]
			continue
		}
		wait = telegram.Backoff(wait)
		if ae != nil && ae.RetryAfter > wait {
			wait = ae.RetryAfter
		}
		b.log.Warn("set command menus failed, retrying", "scope", m.scope, "lang", m.lang, "left", len(menus),
			"attempt", attempt, "retry_in", wait, "err", err)
		if telegram.Sleep(ctx, wait) != nil {
			return
		}
	}
	b.log.Info("command menus set")
}

// Stop ends what Start left running in the background (command menus not
// yet set) and waits for it. Call it once no more updates come.
func (b *Bot) Stop() {
	b.bgMu.Lock()
	stops := b.bgStop
	b.bgStop = nil
	b.bgMu.Unlock()
	for _, stop := range stops {
		stop()
	}
	b.bg.Wait()
}
