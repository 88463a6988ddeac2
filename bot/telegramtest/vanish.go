package telegramtest

// Messages Telegram no longer lets the bot edit: the user deleted them in
// their client (the bot is not told), or they are too old. Either way an
// edit is answered "message to edit not found" (editTarget), as Telegram
// does, and a press of their buttons cannot happen any more.

// DeleteMessage deletes the bot's message id in the user's private chat as
// the user would in their client; false when there is no such message.
func (u *User) DeleteMessage(id int) bool {
	u.s.mu.Lock()
	defer u.s.mu.Unlock()
	m := u.chat.find(id)
	if m == nil || m.Deleted {
		return false
	}
	m.Deleted = true
	return true
}
