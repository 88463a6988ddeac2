package bot

import (
	"youthbot"
	"youthbot/service"
)

// The core's hook of the requests to secretaries: the rooms ask a decider
// through Ctx.AskDecision and tell of a decision through
// Ctx.RequestDecided; the room that keeps the live summaries
// (bot/requests, a Requests) does the rest.

// Kinds of request.
const (
	RequestActivity     = service.RequestActivity     // a logged activity to confirm
	RequestRegistration = service.RequestRegistration // a registration to approve
	RequestTransfer     = service.RequestTransfer     // a transfer to accept
)

// Requests is a Feature that keeps what shows the requests to secretaries
// up to date (bot/requests: the live summaries). Without one, a request is
// sent alone and a decision changes no other message.
type Requests interface {
	// Ask asks the decider to about the item id of kind in unit: send
	// queues the request alone (Notify, or a photo).
	Ask(c *Ctx, to int64, kind, unit, id string, send func() error) error
	// Decided updates what shows the item id of kind in unit, now decided
	// or withdrawn.
	Decided(c *Ctx, kind, unit, id string) error
}

// AskDecision asks the decider to about the item id of kind in unit; send
// queues the request alone (Notify, or a photo), or the live summary takes
// it in instead (Requests).
func (c *Ctx) AskDecision(to int64, kind, unit, id string, send func() error) error {
	if c.b.requests == nil {
		return send()
	}
	return c.b.requests.Ask(c, to, kind, unit, id, send)
}

// RequestDecided tells what shows the requests that an item was decided or
// withdrawn (a decision, a registration, an Undo).
func (c *Ctx) RequestDecided(kind, unit, id string) error {
	if c.b.requests == nil {
		return nil
	}
	return c.b.requests.Decided(c, kind, unit, id)
}

// Decided tells what shows the requests that an item was decided
// (RequestDecided), then delivers the decision's notices.
func (c *Ctx) Decided(kind, unit, id string, notices []service.Notice) error {
	if err := c.RequestDecided(kind, unit, id); err != nil {
		return err
	}
	return c.Deliver(notices)
}

// Queued are the messages this update queued so far, in order: a room may
// name one (Outgoing.Track) or see what the update answers already.
func (c *Ctx) Queued() []*youthbot.Outgoing { return c.out }

// MarkupJSON is an inline keyboard as a message's reply_markup.
func MarkupJSON(kb any) string { return mustJSON(kb) }
