package bot

import tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

// What the core does for groups by itself, whatever the feature rooms
// register: following a group's upgrade to a supergroup and the bot's
// removal, and answering the commands it has no group handler for.

// onGroupMigrated follows a group upgraded to a supergroup: the service
// message in the old chat (migrate_to_chat_id) and the one in the new chat
// (migrate_from_chat_id) both move its link; the second finds it moved.
func (b *Bot) onGroupMigrated(c *Ctx, m *tgbotapi.Message) error {
	c.command = "migrate"
	if m.MigrateToChatID != 0 {
		return c.Tx.MoveGroup(c.Chat, m.MigrateToChatID)
	}
	return c.Tx.MoveGroup(m.MigrateFromChatID, c.Chat)
}

// onGroupMembership follows the bot being removed from a group: the link
// goes, as nothing can be sent there any more.
func (b *Bot) onGroupMembership(c *Ctx, u *tgbotapi.ChatMemberUpdated) error {
	switch u.NewChatMember.Status {
	case "left", "kicked":
		_, _, err := c.Tx.UnlinkGroup(c.Chat)
		return err
	}
	return nil
}

// groupFallback answers a command the bot has no group handler for: in a
// group it does not know, one short line on how to link it; in a linked
// group, that the command works in private.
func (b *Bot) groupFallback(c *Ctx, name string) error {
	_, linked, err := c.Tx.GroupLink(c.Chat)
	if err != nil {
		return err
	}
	if !linked {
		c.Reply(c.T("group_unknown"), nil)
		return nil
	}
	for _, cmd := range b.commands() {
		if cmd.Name == name && cmd.Private {
			c.Reply(c.T("grp.use_private", name), nil)
			return nil
		}
	}
	c.Reply(c.T("unknown_command"), nil)
	return nil
}
