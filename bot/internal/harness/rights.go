package harness

import (
	"testing"

	"youthbot"
)

// Actor is who tries an action in a rights test.
type Actor struct {
	Name string
	ID   int64
}

// Action is what a rights test tries: a message (Command) or a button
// press (Callback).
type Action struct {
	Name     string
	Command  string
	Callback string
}

// Refuses applies a as from and checks that the bot refuses it clearly (an
// alert, or a message with a warning) and that nothing changed; it returns
// what the bot queued.
func (h *H) Refuses(t testing.TB, from int64, a Action) []*youthbot.Outgoing {
	t.Helper()
	before := h.Snapshot()
	u := User(from, "vi")
	var msgs []*youthbot.Outgoing
	if a.Command != "" {
		msgs = h.Apply(MsgUpdate(u, a.Command))
	} else {
		msgs = h.Apply(CbUpdate(u, a.Callback))
	}
	if after := h.Snapshot(); after != before {
		t.Errorf("state changed:\nbefore:\n%s\nafter:\n%s", before, after)
	}
	if !Refused(msgs, from) {
		t.Errorf("no clear refusal; got %v", Describe(msgs))
	}
	return msgs
}

// RequireRefused tries every action as every actor, each in a subtest
// "<actor>/<action>": each is refused clearly, changes nothing, and sends
// nothing to anyone but the actor.
func (h *H) RequireRefused(t *testing.T, actors []Actor, actions []Action) {
	t.Helper()
	for _, a := range actors {
		for _, act := range actions {
			t.Run(a.Name+"/"+act.Name, func(t *testing.T) {
				for _, m := range h.Refuses(t, a.ID, act) {
					if m.Chat != a.ID {
						t.Errorf("a message went to chat %d: %q", m.Chat, m.Params["text"])
					}
				}
			})
		}
	}
}

// Outsiders are the actors the rights tests refuse, in their order: a
// stranger (500), a pending member (501), an approved member (502) and a
// sibling unit's secretary (503); each test makes them so.
var Outsiders = []Actor{
	{Name: "Stranger", ID: 500},
	{Name: "PendingMember", ID: 501},
	{Name: "Member", ID: 502},
	{Name: "SiblingSecretary", ID: 503},
}
