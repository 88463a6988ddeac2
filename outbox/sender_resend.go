package outbox

import (
	"strings"

	"youthbot"
)

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
