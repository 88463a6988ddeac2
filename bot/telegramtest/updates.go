package telegramtest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"time"

	"youthbot/bot/telegramtest/internal/updates"
)

// firstUpdateID is the update_id of the first update.
const firstUpdateID = updates.FirstUpdateID

// maxPollTimeout caps the timeout of getUpdates, as Telegram does.
const maxPollTimeout = 50 * time.Second

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
	return s.updates.PushRaw(obj)
}

// Pending is the number of queued updates not yet confirmed.
func (s *Server) Pending() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.updates.Items)
}

// Confirmed is the highest update_id a getUpdates offset has confirmed, or 0.
func (s *Server) Confirmed() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.updates.Confirmed
}

// AllowedUpdates is the allowed_updates setting in force (nil: the default,
// every type but chat_member, message_reaction and message_reaction_count).
func (s *Server) AllowedUpdates() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.updates.Allowed) == 0 {
		return nil
	}
	return slices.Clone(s.updates.Allowed)
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
		if e := q.SetAllowed(c.str("allowed_updates")); e != nil {
			return nil, e
		}
	}
	q.Confirm(c.int64("offset"))
	limit := 100
	if c.has("limit") {
		limit = int(min(max(c.int64("limit"), 1), 100))
	}
	timeout := min(time.Duration(max(c.int64("timeout"), 0))*time.Second, maxPollTimeout)

	q.PollGen++
	gen := q.PollGen
	q.Polling++
	defer func() { q.Polling-- }()
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	for {
		if ups := q.Collect(limit); len(ups) > 0 || timeout == 0 {
			return ups, nil
		}
		stop := s.waitUnlocked(c, timer.C)
		if q.PollGen != gen {
			return nil, refused(http.StatusConflict, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running")
		}
		if stop {
			return q.Collect(limit), nil
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
	return s.updates.Polling
}
