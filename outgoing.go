package youthbot

import "time"

// Lane orders what the bot sends: replies to what a user just did go
// before every notification (the bot's own initiative), in any chat, and
// take the bot's rate (YOUTHBOT_SEND_RATE) first; notifications get what is
// left and also keep each chat's rates.
type Lane uint8

// Lanes.
const (
	LaneReply  Lane = iota // answers to the user's own action
	LaneNotify             // approval requests, reminders, tallies, broadcasts
)

// Outgoing is one Bot API call the bot has decided to make: it is written to
// the persistent outbox in the same transaction as the change that caused it
// and delivered after the commit.
type Outgoing struct {
	Seq    uint64            `json:"-"`                // outbox key, set when stored
	Chat   int64             `json:"chat"`             // the chat it goes to (rate limits, 403 handling)
	Lane   Lane              `json:"lane"`             // reply or notification
	Method string            `json:"method"`           // Bot API method
	Params map[string]string `json:"params"`           // form parameters, JSON values as strings
	File   *OutFile          `json:"file,omitempty"`   // an upload, for sendPhoto/sendDocument
	Render *Render           `json:"render,omitempty"` // an upload built at delivery time instead of stored
	Key    string            `json:"key,omitempty"`    // idempotency key: a second item with it is not queued
	Queued time.Time         `json:"queued"`           // when it was queued
	Tries  int               `json:"tries,omitempty"`  // failed attempts so far
	Group  bool              `json:"group,omitempty"`  // the chat is a group (20 msg/min)
	Notice string            `json:"notice,omitempty"` // what it is, for logs and metrics ("reply", "approval", "tally")
	// Track names the message once delivered ("<kind>/<id>"): the sender
	// keeps the message id Telegram gave it under that name and chat
	// (storage.Tx.Sent), so a later update can edit it or remove its
	// buttons. Empty: not kept.
	Track string `json:"track,omitempty"`
	// Coalesce names what the message shows ("sum/<chat>/<kind>/<unit>": a
	// live summary's edit): a newer message of the same name replaces one
	// still queued, and the sender spaces deliveries of one name by its
	// CoalesceGap, so the latest state wins and a message edited often is
	// edited at most once per gap. Empty: neither.
	Coalesce string `json:"coalesce,omitempty"`
	// Merge names a kind of plain notification (a reminder, a group's
	// notice) whose texts may go as one message: when the sender takes it,
	// the chat's next queued messages of the same Merge, queued within
	// MergeWindow of it, go in the same sendMessage, their texts joined by
	// a blank line while they fit Telegram's MaxText. Each keeps its own
	// outbox entry (and Key) until that one message is delivered. Empty:
	// sent alone.
	Merge string `json:"merge,omitempty"`
}

// Merging notifications (Outgoing.Merge).
const (
	MergeWindow = time.Minute // how far apart in queueing merged texts may be
	MaxText     = 4096        // Telegram's limit of a message's text, in characters
	MergeNotice = "notice"    // reminders and group notifications without buttons
)

// OutFile is a file uploaded with an Outgoing call.
type OutFile struct {
	Field string `json:"field"` // "photo", "document"
	Name  string `json:"name"`
	Data  []byte `json:"data"`
}

// Render names a file the sender builds when it delivers the message rather
// than a copy kept in the outbox: a tally's chart or workbook is built again
// from the database (see scheduler.Tallies), so 500 units × several
// recipients do not put megabytes of PNG and XLSX into bbolt.
type Render struct {
	Kind   string `json:"kind"`   // RenderTallyChart or RenderTallyWorkbook
	Unit   string `json:"unit"`   // unit code
	Period string `json:"period"` // "YYYY-MM"
	Lang   string `json:"lang"`
}

// Kinds of rendered files.
const (
	RenderTallyChart    = "tally_chart"    // PNG, sent with sendPhoto
	RenderTallyWorkbook = "tally_workbook" // .xlsx, sent with sendDocument
)
