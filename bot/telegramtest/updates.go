package telegramtest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"time"

	"youthbot/bot/telegramtest/internal/botapi"
)

// firstUpdateID is the update_id of the first update.
const firstUpdateID = 500_000_001

// maxPollTimeout caps the timeout of getUpdates, as Telegram does.
const maxPollTimeout = 50 * time.Second

// defaultExcludedKinds are the update types not delivered unless
// allowed_updates lists them.
var defaultExcludedKinds = []string{"chat_member", "message_reaction", "message_reaction_count"}

type queuedUpdate struct {
	id   int64
	kind string // "message", "callback_query", ...
	body json.RawMessage
}

// updateQueue holds the updates not yet confirmed by a getUpdates offset.
type updateQueue struct {
	items     []queuedUpdate
	next      int64    // update_id of the next update
	confirmed int64    // highest update_id confirmed by an offset
	allowed   []string // allowed_updates; nil or empty: the default
	pollGen   int      // counts getUpdates calls, to end a superseded long poll
	polling   int      // getUpdates calls in progress
}

func newUpdateQueue() updateQueue { return updateQueue{next: firstUpdateID} }

// push queues an update of the kind and returns its update_id.
func (q *updateQueue) push(kind string, payload any) int64 {
	id := q.next
	q.next++
	body, err := json.Marshal(map[string]any{"update_id": id, kind: payload})
	if err != nil {
		panic(fmt.Sprintf("telegramtest: encode update: %v", err))
	}
	q.items = append(q.items, queuedUpdate{id: id, kind: kind, body: body})
	return id
}

// confirm applies a getUpdates offset: updates below it are forgotten. A
// negative offset keeps the last -offset updates. An offset beyond the next
// update_id is "in the future": like Telegram, the double then serves from
// the head of the queue and confirms nothing.
func (q *updateQueue) confirm(offset int64) {
	switch {
	case offset == 0 || offset > q.next:
		return
	case offset < 0:
		n := int(min(-offset, int64(len(q.items))))
		for _, u := range q.items[:len(q.items)-n] {
			q.confirmed = max(q.confirmed, u.id)
		}
		q.items = slices.Clone(q.items[len(q.items)-n:])
	default:
		q.items = slices.DeleteFunc(q.items, func(u queuedUpdate) bool { return u.id < offset })
		q.confirmed = max(q.confirmed, offset-1)
	}
}

// collect returns up to limit deliverable updates from the head of the
// queue. Updates of a kind allowed_updates excludes are dropped: they will
// never be delivered.
func (q *updateQueue) collect(limit int) []json.RawMessage {
	q.items = slices.DeleteFunc(q.items, func(u queuedUpdate) bool { return !q.allows(u.kind) })
	out := make([]json.RawMessage, 0, min(limit, len(q.items)))
	for _, u := range q.items[:min(limit, len(q.items))] {
		out = append(out, u.body)
	}
	return out
}

func (q *updateQueue) allows(kind string) bool {
	if kind == "" {
		return true
	}
	if len(q.allowed) == 0 {
		return !slices.Contains(defaultExcludedKinds, kind)
	}
	return slices.Contains(q.allowed, kind)
}

// setAllowed applies an allowed_updates parameter (a JSON array of update
// types, already type-checked).
func (q *updateQueue) setAllowed(raw string) *apiError {
	var kinds []string
	if err := json.Unmarshal([]byte(raw), &kinds); err != nil {
		return invalid("can't parse allowed_updates: %v", err)
	}
	for _, k := range kinds {
		if !slices.Contains(botapi.UpdateKinds(), k) {
			return invalid("allowed_updates: unknown update type %q", k)
		}
	}
	q.allowed = kinds
	return nil
}

// SendRaw queues an arbitrary update, for poison and fuzz tests. A missing
// or zero update_id is filled in with the next one. It returns the
// update_id; it panics if updateJSON is not a JSON object.
func (s *Server) SendRaw(updateJSON string) int64 {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal([]byte(updateJSON), &obj); err != nil {
		panic(fmt.Sprintf("telegramtest: SendRaw: not a JSON object: %v", err))
	}
	s.lock()
	defer s.unlock()
	q := &s.updates
	var id int64
	if raw, ok := obj["update_id"]; ok {
		id, _ = strconv.ParseInt(string(raw), 10, 64)
	}
	if id == 0 {
		id = q.next
		obj["update_id"] = json.RawMessage(strconv.FormatInt(id, 10))
	}
	q.next = max(q.next, id+1)
	kind := ""
	for _, k := range botapi.SortedKeys(obj) {
		if k != "update_id" {
			kind = k
			break
		}
	}
	body, err := json.Marshal(obj)
	if err != nil {
		panic(fmt.Sprintf("telegramtest: SendRaw: %v", err))
	}
	q.items = append(q.items, queuedUpdate{id: id, kind: kind, body: body})
	return id
}

// Pending is the number of queued updates not yet confirmed.
func (s *Server) Pending() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.updates.items)
}

// Confirmed is the highest update_id a getUpdates offset has confirmed, or 0.
func (s *Server) Confirmed() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.updates.confirmed
}

// AllowedUpdates is the allowed_updates setting in force (nil: the default,
// every type but chat_member, message_reaction and message_reaction_count).
func (s *Server) AllowedUpdates() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.updates.allowed) == 0 {
		return nil
	}
	return slices.Clone(s.updates.allowed)
}

// getUpdates serves the queue: confirm by offset, then answer what is
// queued, or long-poll until an update arrives, the timeout passes, the
// client goes away or another getUpdates supersedes this one.
func (s *Server) getUpdates(c *call) (any, *apiError) {
	if s.webhook.URL != "" {
		return nil, refused(http.StatusConflict, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first")
	}
	q := &s.updates
	if c.has("allowed_updates") {
		if e := q.setAllowed(c.str("allowed_updates")); e != nil {
			return nil, e
		}
	}
	q.confirm(c.int64("offset"))
	limit := 100
	if c.has("limit") {
		limit = int(min(max(c.int64("limit"), 1), 100))
	}
	timeout := min(time.Duration(max(c.int64("timeout"), 0))*time.Second, maxPollTimeout)

	q.pollGen++
	gen := q.pollGen
	q.polling++
	defer func() { q.polling-- }()
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	for {
		if ups := q.collect(limit); len(ups) > 0 || timeout == 0 {
			return ups, nil
		}
		stop := s.waitUnlocked(c, timer.C)
		if q.pollGen != gen {
			return nil, refused(http.StatusConflict, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running")
		}
		if stop {
			return q.collect(limit), nil
		}
	}
}

// waitUnlocked releases the locks until the next change of state, the
// timer, the end of the call's context or Close, then takes them again. It
// reports whether the wait should end (anything but a change).
func (s *Server) waitUnlocked(c *call, timer <-chan time.Time) (stop bool) {
	s.notifyLocked()
	ch := s.changed
	s.mu.Unlock()
	s.world.Unlock()
	defer func() {
		s.world.Lock()
		s.mu.Lock()
	}()
	select {
	case <-ch:
		return false
	case <-timer:
	case <-c.ctx.Done():
	case <-s.done:
	}
	return true
}

// activePolls is the number of getUpdates calls being served.
func (s *Server) activePolls() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.updates.polling
}
