package outbox

import (
	"maps"
	"time"
	"unicode/utf16"

	"youthbot"
	"youthbot/storage"
)

// maxMerge bounds how many queued messages one delivery looks at to merge.
const maxMerge = 32

// Merging (youthbot.Outgoing.Merge) happens when the sender takes a
// message, never by rewriting a queued one: the texts of the chat's next
// queued messages of the same Merge kind, queued within MergeWindow of it,
// go in its sendMessage, and once Telegram accepted it all of them are
// deleted from the outbox in the same commit (ack). A message the sender
// has taken is thus never changed under it, each merged item keeps its
// outbox entry and key until delivered, and a crash before the commit
// resends the one merged message (the sender's usual at most one duplicate
// per chat), never a part of it.

// followers returns the sequences queued after the head of q's
// notifications, the candidates to merge into it. mu is held.
func (q *chatQueue) followers() []uint64 {
	if len(q.notify) < 2 {
		return nil
	}
	return append([]uint64(nil), q.notify[1:min(len(q.notify), maxMerge+1)]...)
}

// merge reads the messages of seqs in order and joins the texts of those
// that may go with m, stopping at the first that may not (so that nothing
// overtakes a message left alone). It returns the message to send (m
// itself when nothing merges) and the sequences merged into it.
func merge(tx *storage.Tx, m *youthbot.Outgoing, seqs []uint64) (*youthbot.Outgoing, []uint64, error) {
	if !mergeable(m) || len(seqs) == 0 {
		return m, nil, nil
	}
	text := m.Params["text"]
	size := textLen(text)
	var merged []uint64
	for _, seq := range seqs {
		n, found, err := tx.Outgoing(seq)
		if err != nil {
			return nil, nil, err
		}
		if !found || !mergeable(n) || n.Merge != m.Merge || n.Chat != m.Chat ||
			n.Params["parse_mode"] != m.Params["parse_mode"] || n.Queued.Sub(m.Queued) >= youthbot.MergeWindow {
			break
		}
		add := textLen(n.Params["text"]) + 2
		if size+add > youthbot.MaxText {
			break
		}
		text += "\n\n" + n.Params["text"]
		size += add
		merged = append(merged, seq)
	}
	if len(merged) == 0 {
		return m, nil, nil
	}
	out := *m
	out.Params = maps.Clone(m.Params)
	out.Params["text"] = text
	return &out, merged, nil
}

// mergeable reports whether m is a plain text notification of a Merge kind.
func mergeable(m *youthbot.Outgoing) bool {
	return m.Merge != "" && m.Lane == youthbot.LaneNotify && m.Method == "sendMessage" &&
		m.Params["reply_markup"] == "" && m.File == nil && m.Render == nil && m.Track == "" && m.Coalesce == ""
}

// textLen is a text's length as Telegram counts it (UTF-16 code units), of
// the raw text: markup only makes it longer than what Telegram counts.
func textLen(s string) int {
	n := 0
	for _, r := range s {
		n += max(1, utf16.RuneLen(r))
	}
	return n
}

// ackMerged settles the messages merged into sd's delivered one: they
// follow it at the head of the chat's notifications. mu is held.
func (s *Sender) ackMerged(sd send) {
	q := sd.q
	for _, seq := range sd.merged {
		if len(q.notify) == 0 || q.notify[0] != seq {
			return // cannot happen: nothing else takes a chat's notifications while one is in flight
		}
		q.notify = q.notify[1:]
		s.page.taken(q)
		s.acked = append(s.acked, seq)
	}
}

// gather has the chat of a mergeable notice just pushed wait MergeHold
// for others before its notifications go, unless a wait started less than
// MergeHold ago (a later one does not prolong it). Known at the push, from
// the message itself: nothing is taken and put back, so neither the rate
// nor the chat's limits are spent on waiting. mu is held.
func (s *Sender) gather(m *youthbot.Outgoing, now time.Time) {
	if s.cfg.MergeHold <= 0 || !mergeable(m) {
		return
	}
	q := s.chat(m.Chat)
	if q.gatherAt.IsZero() || now.Sub(q.gatherAt) >= s.cfg.MergeHold {
		q.gatherAt = now
	}
}
