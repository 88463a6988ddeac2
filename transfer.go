package youthbot

import "time"

// TransferStatus is where a transfer request stands.
type TransferStatus string

// Transfer statuses.
const (
	TransferPending   TransferStatus = "pending"
	TransferAccepted  TransferStatus = "accepted"
	TransferRejected  TransferStatus = "rejected"
	TransferCancelled TransferStatus = "cancelled" // withdrawn, or the member left From before a decision
)

// Transfer is a request to move a member from one branch to another
// (chuyển sinh hoạt Đoàn), made by the member or a secretary with rights
// over the member's branch, and accepted or rejected by a secretary of the
// destination. On acceptance the member's stint in From ends and one in To
// begins; activities keep the branch they were credited to.
type Transfer struct {
	ID          uint64         `json:"id"`
	Member      int64          `json:"member"`
	From        string         `json:"from"`
	To          string         `json:"to"`
	RequestedBy int64          `json:"requested_by"`
	RequestedAt time.Time      `json:"requested_at"`
	Status      TransferStatus `json:"status"`
	DecidedBy   int64          `json:"decided_by,omitempty"`
	DecidedAt   time.Time      `json:"decided_at,omitzero"`
}

// Pending reports whether the transfer waits for a decision.
func (t *Transfer) Pending() bool { return t.Status == TransferPending }

// MoveTo records m's move to branch: the current branch joins Past.
func (m *Member) MoveTo(branch string) {
	if m.Unit != "" && m.Unit != branch {
		m.Past = append(m.Past, m.Unit)
	}
	m.Unit = branch
}
