package bot

import (
	"fmt"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
	"youthbot/storage"
)

// What the core's tests keep of participation's fixtures (the room's
// tests moved to bot/participation).

const ptBranch = "VT-CDCD-CNTT" // Chi đoàn Khoa Công nghệ thông tin

// ptMember stores an approved member of branch, approved a month ago.
func (h *harness) ptMember(id int64, branch, name string) *tgbotapi.User {
	h.t.Helper()
	at := h.now.AddDate(0, -1, 0)
	err := h.db.Update(func(tx *storage.Tx) error {
		m := youthbot.Member{UserID: id, Unit: branch, FullName: name, Phone: fmt.Sprintf("+849000%05d", id),
			Birth: youthbot.Date{Year: 2003, Month: 5, Day: 1}, Status: youthbot.StatusApproved, RegisteredAt: at, DecidedAt: at}
		if err := tx.PutMember(m); err != nil {
			return err
		}
		return tx.OpenStint(id, branch, at, true)
	})
	if err != nil {
		h.t.Fatal(err)
	}
	return user(id, "vi")
}

// to returns the messages queued for chat.
func to(msgs []*youthbot.Outgoing, chat int64) []*youthbot.Outgoing {
	var out []*youthbot.Outgoing
	for _, m := range msgs {
		if m.Chat == chat {
			out = append(out, m)
		}
	}
	return out
}
