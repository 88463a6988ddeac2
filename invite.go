package youthbot

import (
	"crypto/rand"
	"strings"
	"time"
)

// InviteKind says what an invite link makes of the one who opens it.
type InviteKind string

// Invite kinds and their deep-link prefixes.
const (
	InviteMember    InviteKind = "member"    // ?start=j_<code>: register in a branch
	InviteSecretary InviteKind = "secretary" // ?start=s_<code>: become secretary of a unit
)

// SecretaryInviteTTL is how long a secretary invite can be used.
const SecretaryInviteTTL = 7 * 24 * time.Hour

// Invite is an invite link's record. Member invites are reusable and do not
// expire (one stable link per branch); secretary invites are single-use and
// expire after SecretaryInviteTTL.
type Invite struct {
	Code      string     `json:"code"`
	Kind      InviteKind `json:"kind"`
	Unit      string     `json:"unit"`
	CreatedBy int64      `json:"created_by"`
	CreatedAt time.Time  `json:"created_at"`
	ExpiresAt time.Time  `json:"expires_at,omitzero"`
	UsedBy    int64      `json:"used_by,omitempty"`
	UsedAt    time.Time  `json:"used_at,omitzero"`
}

// Payload is the /start parameter of the invite's deep link.
func (i *Invite) Payload() string {
	if i.Kind == InviteSecretary {
		return "s_" + i.Code
	}
	return "j_" + i.Code
}

// Usable returns nil if the invite can be used at now, else an error saying
// why not (used, expired).
func (i *Invite) Usable(now time.Time) error {
	if i.Kind == InviteSecretary && i.UsedBy != 0 {
		return Errorf(ECONFLICT, "err.invite_used")
	}
	if !i.ExpiresAt.IsZero() && !now.Before(i.ExpiresAt) {
		return Errorf(EINVALID, "err.invite_expired")
	}
	return nil
}

const codeAlphabet = "abcdefghijkmnpqrstuvwxyz23456789" // no 0/o, 1/l

// NewCode returns a random code of n characters, safe in deep links.
func NewCode(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	for i := range b {
		b[i] = codeAlphabet[int(b[i])%len(codeAlphabet)]
	}
	return string(b)
}

// ValidCode reports whether s could be a code made by NewCode, so that
// arbitrary /start payloads are refused before any lookup.
func ValidCode(s string) bool {
	if len(s) < 4 || len(s) > 32 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !strings.ContainsRune(codeAlphabet, rune(s[i])) {
			return false
		}
	}
	return true
}
