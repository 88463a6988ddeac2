package bot

import (
	"encoding/json"
	"fmt"

	"youthbot/i18n"
)

type botCommand struct {
	Command     string `json:"command"`
	Description string `json:"description"`
}

// setCommands publishes the command menus: one for private chats and one for
// groups, in every catalog language and once without a language (the
// default language) for everyone else.
func (b *Bot) setCommands() error {
	for _, scope := range []string{"all_private_chats", "all_group_chats"} {
		for _, lang := range append(i18n.Langs(), "") {
			text := lang
			if lang == "" {
				text = b.lang
			}
			var list []botCommand
			for _, cmd := range b.commands() {
				if cmd.hidden || scope == "all_private_chats" && !cmd.private || scope == "all_group_chats" && !cmd.group {
					continue
				}
				list = append(list, botCommand{Command: cmd.name, Description: i18n.T(text, "cmd."+cmd.name)})
			}
			cmds, err := json.Marshal(list)
			if err != nil {
				return fmt.Errorf("encode commands: %w", err)
			}
			params := map[string]string{"commands": string(cmds), "scope": fmt.Sprintf(`{"type":%q}`, scope)}
			if lang != "" {
				params["language_code"] = lang
			}
			if _, err := b.api.Call("setMyCommands", params); err != nil {
				return fmt.Errorf("setMyCommands %s %q: %w", scope, lang, err)
			}
		}
	}
	return nil
}
