// Package updates is the test double's queue of updates: update ids, the
// confirmation by a getUpdates offset, allowed_updates; and their delivery
// to a webhook (the setting's checks, the POST of an update).
package updates

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"

	"youthbot/bot/telegramtest/internal/botapi"
	"youthbot/bot/telegramtest/internal/wire"
)

// FirstUpdateID is the update_id of the first update.
const FirstUpdateID = 500_000_001

// defaultExcludedKinds are the update types not delivered unless
// allowed_updates lists them.
var defaultExcludedKinds = []string{"chat_member", "message_reaction", "message_reaction_count"}

// Update is a queued update: its update_id, its kind ("message",
// "callback_query", ...) and its JSON.
type Update struct {
	ID   int64
	Kind string
	Body json.RawMessage
}

// Queue holds the updates not yet confirmed by a getUpdates offset.
type Queue struct {
	Items     []Update
	Next      int64    // update_id of the next update
	Confirmed int64    // highest update_id confirmed by an offset
	Allowed   []string // allowed_updates; nil or empty: the default
	PollGen   int      // counts getUpdates calls, to end a superseded long poll
	Polling   int      // getUpdates calls in progress
}

// NewQueue is an empty queue whose first update is FirstUpdateID.
func NewQueue() Queue { return Queue{Next: FirstUpdateID} }

// Push queues an update of the kind and returns its update_id.
func (q *Queue) Push(kind string, payload any) int64 {
	id := q.Next
	q.Next++
	body, err := json.Marshal(map[string]any{"update_id": id, kind: payload})
	if err != nil {
		panic(fmt.Sprintf("telegramtest: encode update: %v", err))
	}
	q.Items = append(q.Items, Update{ID: id, Kind: kind, Body: body})
	return id
}

// PushRaw queues an update given as a JSON object: a missing or zero
// update_id is filled in with the next one, and the next one comes after
// it. Its kind is its first field but update_id. It returns the update_id.
func (q *Queue) PushRaw(obj map[string]json.RawMessage) int64 {
	var id int64
	if raw, ok := obj["update_id"]; ok {
		id, _ = strconv.ParseInt(string(raw), 10, 64)
	}
	if id == 0 {
		id = q.Next
		obj["update_id"] = json.RawMessage(strconv.FormatInt(id, 10))
	}
	q.Next = max(q.Next, id+1)
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
	q.Items = append(q.Items, Update{ID: id, Kind: kind, Body: body})
	return id
}

// Delivered forgets update id, which a webhook accepted, and confirms it.
func (q *Queue) Delivered(id int64) {
	q.Items = slices.DeleteFunc(q.Items, func(u Update) bool { return u.ID == id })
	q.Confirmed = max(q.Confirmed, id)
}

// Confirm applies a getUpdates offset: updates below it are forgotten. A
// negative offset keeps the last -offset updates. An offset beyond the next
// update_id is "in the future": like Telegram, the double then serves from
// the head of the queue and confirms nothing.
func (q *Queue) Confirm(offset int64) {
	switch {
	case offset == 0 || offset > q.Next:
		return
	case offset < 0:
		n := int(min(-offset, int64(len(q.Items))))
		for _, u := range q.Items[:len(q.Items)-n] {
			q.Confirmed = max(q.Confirmed, u.ID)
		}
		q.Items = slices.Clone(q.Items[len(q.Items)-n:])
	default:
		q.Items = slices.DeleteFunc(q.Items, func(u Update) bool { return u.ID < offset })
		q.Confirmed = max(q.Confirmed, offset-1)
	}
}

// Collect returns up to limit deliverable updates from the head of the
// queue. Updates of a kind allowed_updates excludes are dropped: they will
// never be delivered.
func (q *Queue) Collect(limit int) []json.RawMessage {
	q.Items = slices.DeleteFunc(q.Items, func(u Update) bool { return !q.Allows(u.Kind) })
	out := make([]json.RawMessage, 0, min(limit, len(q.Items)))
	for _, u := range q.Items[:min(limit, len(q.Items))] {
		out = append(out, u.Body)
	}
	return out
}

// Allows says whether updates of kind are delivered.
func (q *Queue) Allows(kind string) bool {
	if kind == "" {
		return true
	}
	if len(q.Allowed) == 0 {
		return !slices.Contains(defaultExcludedKinds, kind)
	}
	return slices.Contains(q.Allowed, kind)
}

// SetAllowed applies an allowed_updates parameter (a JSON array of update
// types, already type-checked).
func (q *Queue) SetAllowed(raw string) *wire.Error {
	var kinds []string
	if err := json.Unmarshal([]byte(raw), &kinds); err != nil {
		return wire.Invalid("can't parse allowed_updates: %v", err)
	}
	for _, k := range kinds {
		if !slices.Contains(botapi.UpdateKinds(), k) {
			return wire.Invalid("allowed_updates: unknown update type %q", k)
		}
	}
	q.Allowed = kinds
	return nil
}
