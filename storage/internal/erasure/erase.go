package erasure

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"fmt"
	"strconv"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"youthbot"
	"youthbot/storage/internal/kv"
)

// The erasure log (its own migration): who asked to be forgotten, as keyed
// hashes of their Telegram ids, so that `youthbot restore` erases them
// again from an older backup; and whether freed pages of the file may
// still hold erased data (WipeIfDue).
var (
	keyErasureSalt = []byte("salt")
	keyErasureN    = []byte("count") // erasures so far (u64): what was built before one may name who is gone
)

const (
	saltLen     = 16
	macLen      = sha256.Size
	erasureMark = 'e'
)

// CreateBucket is the migration adding the erasure log.
func CreateBucket(tx *bolt.Tx) error {
	b, err := tx.CreateBucketIfNotExists(kv.Erasures)
	if err != nil {
		return fmt.Errorf("create bucket %s: %w", kv.Erasures, err)
	}
	if b.Get(keyErasureSalt) != nil {
		return nil
	}
	salt := make([]byte, saltLen)
	if _, err := rand.Read(salt); err != nil {
		return fmt.Errorf("erasure salt: %w", err)
	}
	return b.Put(keyErasureSalt, salt)
}

// erasureKey is a person's entry in the erasure log under salt.
func erasureKey(salt []byte, userID int64) []byte {
	m := hmac.New(sha256.New, salt)
	m.Write([]byte(strconv.FormatInt(userID, 10)))
	return append(append([]byte{erasureMark}, salt...), m.Sum(nil)...)
}

// Erase erases a person's personal data (/forgetme; `youthbot restore`
// again for those the erasure log names). What must stay for past figures
// (their membership, participations, transfers) moves to a new anonymous
// id with nothing personal in it; their Telegram id is replaced by that
// anonymous id wherever it names them as the one who did something
// (decided_by, created_by, used_by, linked_by, requested_by of every
// record, the idempotency keys of the outbox). Messages queued for them
// are dropped, and so are messages about them that carry their id or
// their photos (an approval request's buttons); in other queued messages
// their name, phone and descriptions are replaced by placeholder. Their
// project places, secretary roles, dialog and user record go; so do other
// users' dialogs about them. The erasure is logged (a keyed hash of the
// id) and the file's freed pages are marked for wiping (WipeIfDue).
//
// A person who joined projects should first give up their seats through
// the bot (the waiting lists move up); Erase deletes what is left. known
// are other names the person goes by (their Telegram name), replaced in
// queued messages too. It returns the anonymous id.
func (t *Erasure) Erase(userID int64, now time.Time, placeholder string, known ...string) (int64, error) {
	if userID <= 0 {
		return 0, fmt.Errorf("erase %d: not a person's id", userID)
	}
	var red redaction
	for _, s := range known {
		if len(strings.Fields(s)) > 1 {
			red.text(s) // a full name
		} else {
			red.detail(s) // one word, maybe a common one ("Hoa")
		}
	}
	m, err := t.s.Member(userID)
	hasMember := err == nil
	if err != nil && youthbot.ErrorCode(err) != youthbot.ENOTFOUND {
		return 0, err
	}
	if hasMember {
		red.text(m.FullName)
		for _, p := range phoneForms(m.Phone) {
			red.text(p)
		}
	}
	if err := t.s.MemberActivities(userID, func(a youthbot.Activity) bool {
		red.detail(a.Description)
		red.drop(a.Photo)
		return true
	}); err != nil {
		return 0, fmt.Errorf("erase: %w", err)
	}
	var anon int64
	if hasMember {
		anon, err = t.s.ForgetMember(userID, now)
	} else {
		anon, err = t.s.NewAnonID()
	}
	if err != nil {
		return 0, fmt.Errorf("erase: %w", err)
	}
	for _, code := range t.s.SeatProjects(userID) {
		if err := t.s.DeleteSeat(code, userID); err != nil {
			return 0, fmt.Errorf("erase seat: %w", err)
		}
	}
	for _, unit := range t.s.SecretaryUnits(userID) {
		if err := t.s.RemoveSecretary(userID, unit); err != nil {
			return 0, fmt.Errorf("erase: %w", err)
		}
	}
	if err := t.s.DeleteDialog(userID); err != nil {
		return 0, fmt.Errorf("erase dialog: %w", err)
	}
	if err := t.s.DeleteUser(userID); err != nil {
		return 0, fmt.Errorf("erase user: %w", err)
	}
	dec, anonDec := strconv.FormatInt(userID, 10), strconv.FormatInt(anon, 10)
	if err := t.rewriteActors(dec, anonDec); err != nil {
		return 0, fmt.Errorf("erase: %w", err)
	}
	if err := t.dropDialogsAbout(dec); err != nil {
		return 0, fmt.Errorf("erase: %w", err)
	}
	if err := t.purgeOutbox(userID, dec, red, placeholder); err != nil {
		return 0, fmt.Errorf("erase: %w", err)
	}
	if err := t.renameOutboxKeys(dec, anonDec); err != nil {
		return 0, fmt.Errorf("erase: %w", err)
	}
	if err := t.log.DropSent(userID, dec); err != nil {
		return 0, fmt.Errorf("erase: %w", err)
	}
	if err := t.log.DropSummaries(userID); err != nil {
		return 0, fmt.Errorf("erase: %w", err)
	}
	if err := t.logErasure(userID, now); err != nil {
		return 0, fmt.Errorf("erase: %w", err)
	}
	return anon, nil
}
