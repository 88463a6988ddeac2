package bot

import (
	"context"
	"encoding/json"
	"fmt"

	"youthbot/i18n"
	"youthbot/telegram"
)

type botCommand struct {
	Command     string `json:"command"`
	Description string `json:"description"`
}

// commandMenus are the command menus: one for private chats and one for
// groups, in every catalog language and once without a language (in the
// default language) for everyone else.
func (b *Bot) commandMenus() ([]telegram.Menu, error) {
	var menus []telegram.Menu
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
			menus = append(menus, telegram.Menu{Scope: scope, Lang: lang, Params: params})
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
		b.api.SetMenus(ctx, menus, b.log)
	}()
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
