package outbox

import (
	"encoding/json"
	"time"

	"strconv"
	"strings"

	"youthbot"
	"youthbot/storage"
)

// latestTarget points a tracked, coalesced message (a live summary) at
// the message its Track name holds when it is delivered: an edit goes to
// the newest (one sent anew after Telegram refused an edit is newer than
// the id the edit was queued with), and a send queued before the first
// one's id was known becomes an edit of it, so a summary is never sent
// twice. The bot forgets the name when a new window starts.
func latestTarget(tx *storage.Tx, m *youthbot.Outgoing) {
	if m.Track == "" || m.Coalesce == "" || m.Method != "editMessageText" && m.Method != "sendMessage" {
		return
	}
	if sent, ok := tx.Sent(m.Track, m.Chat); ok {
		m.Method = "editMessageText"
		m.Params["message_id"] = strconv.FormatInt(sent.MessageID, 10)
	}
}

// resendFallback is what replaces a refused edit of a tracked, coalesced
// message (a live summary: Outgoing.Track and Coalesce both set) that
// Telegram will not edit any more — the user deleted it, or it is too old:
// the same text and buttons sent as a new message, under the same Track
// name, so that the next edits go to it. nil for any other message or
// refusal (an edit that changes nothing is no reason to send again).
func resendFallback(m *youthbot.Outgoing, description string) *youthbot.Outgoing {
	if m.Method != "editMessageText" || m.Track == "" || m.Coalesce == "" || strings.Contains(description, "not modified") {
		return nil
	}
	n := *m
	n.Method = "sendMessage"
	n.Params = make(map[string]string, len(m.Params))
	for k, v := range m.Params {
		if k != "message_id" {
			n.Params[k] = v
		}
	}
	return &n
}

// trackSent reads the message id from the answer to a send; nil when the
// answer holds none (an edit answered true).
func trackSent(m *youthbot.Outgoing, result json.RawMessage) *sentID {
	var msg struct {
		MessageID int64 `json:"message_id"`
	}
	if json.Unmarshal(result, &msg) != nil || msg.MessageID == 0 {
		return nil
	}
	return &sentID{name: m.Track, chat: m.Chat, id: msg.MessageID, delivered: time.Now()}
}
