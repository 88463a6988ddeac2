package storage

import (
	"bytes"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"

	"youthbot"
)

// The erasure log (its own migration): who asked to be forgotten, as keyed
// hashes of their Telegram ids, so that `youthbot restore` erases them
// again from an older backup; and whether freed pages of the file may
// still hold erased data (WipeIfDue).
var (
	bErasures      = []byte("erasures") // "salt" → 16 random bytes; 'e' salt(16) mac(32) → unix seconds; "wipe_due" → unix nanoseconds of the latest erasure
	keyErasureSalt = []byte("salt")
	keyWipeDue     = []byte("wipe_due")
	keyErasureN    = []byte("count") // erasures so far (u64): what was built before one may name who is gone
)

const (
	saltLen     = 16
	macLen      = sha256.Size
	erasureMark = 'e'
)

func createErasureBucket(tx *bolt.Tx) error {
	b, err := tx.CreateBucketIfNotExists(bErasures)
	if err != nil {
		return fmt.Errorf("create bucket %s: %w", bErasures, err)
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
func (t *Tx) Erase(userID int64, now time.Time, placeholder string, known ...string) (int64, error) {
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
	m, err := t.Member(userID)
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
	if err := t.MemberActivities(userID, func(a youthbot.Activity) bool {
		red.detail(a.Description)
		red.drop(a.Photo)
		return true
	}); err != nil {
		return 0, fmt.Errorf("erase: %w", err)
	}
	var anon int64
	if hasMember {
		anon, err = t.ForgetMember(userID, now)
	} else {
		anon, err = t.newAnonID()
	}
	if err != nil {
		return 0, fmt.Errorf("erase: %w", err)
	}
	for _, code := range t.SeatProjects(userID) {
		if err := t.DeleteSeat(code, userID); err != nil {
			return 0, fmt.Errorf("erase seat: %w", err)
		}
	}
	for _, unit := range t.SecretaryUnits(userID) {
		if err := t.RemoveSecretary(userID, unit); err != nil {
			return 0, fmt.Errorf("erase: %w", err)
		}
	}
	if err := t.DeleteDialog(userID); err != nil {
		return 0, fmt.Errorf("erase dialog: %w", err)
	}
	if err := t.DeleteUser(userID); err != nil {
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
	if err := t.logErasure(userID, now); err != nil {
		return 0, fmt.Errorf("erase: %w", err)
	}
	return anon, nil
}

// phoneForms are the ways a stored phone (+84901234567) is written: with
// and without the plus, and the national 0… form.
func phoneForms(p string) []string {
	digits := strings.TrimPrefix(p, "+")
	if digits == "" {
		return nil
	}
	out := []string{"+" + digits, digits}
	if rest, ok := strings.CutPrefix(digits, "84"); ok && rest != "" {
		out = append(out, "0"+rest)
	}
	return out
}

// redaction is what of a person queued messages must not say: texts that
// identify them (name, phone), replaced wherever they appear; details
// (descriptions of their activities, a one-word first name), replaced only
// in a message that identifies them, since they may be common words in
// others; and tokens whose presence drops the message (their photos).
type redaction struct {
	texts   []string
	details []string
	drops   []string
}

func (r *redaction) text(s string) { r.texts = withEscaped(r.texts, s) }

func (r *redaction) detail(s string) { r.details = withEscaped(r.details, s) }

// withEscaped adds s and its HTML-escaped form to list.
func withEscaped(list []string, s string) []string {
	if strings.TrimSpace(s) == "" {
		return list
	}
	list = append(list, s)
	if e := html.EscapeString(s); e != s {
		list = append(list, e)
	}
	return list
}

func (r *redaction) drop(s string) {
	if s != "" {
		r.drops = append(r.drops, s)
	}
}

// apply replaces the texts of r in s (longest first, so that a phone's
// +84… form goes before its 84… form), and its details too when withDetails.
func (r *redaction) apply(s, placeholder string, withDetails bool) string {
	texts := append([]string(nil), r.texts...)
	if withDetails {
		texts = append(texts, r.details...)
	}
	sort.Slice(texts, func(i, j int) bool { return len(texts[i]) > len(texts[j]) })
	for _, t := range texts {
		s = replaceWhole(s, t, placeholder)
	}
	return s
}

// identifies reports whether s names the person (a text of r, or their id).
func (r *redaction) identifies(s, dec string) bool {
	return r.apply(s, "\x00", false) != s || hasNumber(s, dec)
}

// replaceWhole replaces the occurrences of t in s that are not part of a
// longer word or number (a first name "An" is not replaced in "Anh").
func replaceWhole(s, t, with string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, t)
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		end := i + len(t)
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[end:])
		b.WriteString(s[:i])
		if (i == 0 || !wordRune(before)) && (end == len(s) || !wordRune(after)) {
			b.WriteString(with)
		} else {
			b.WriteString(t)
		}
		s = s[end:]
	}
}

func wordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

// hasNumber reports whether s contains the decimal number dec standing
// alone (not part of a longer number, not negative).
func hasNumber(s, dec string) bool {
	return replaceNumber(s, dec, "\x00") != s
}

// replaceNumber replaces the occurrences of the decimal number dec standing
// alone in s.
func replaceNumber(s, dec, with string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, dec)
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		end := i + len(dec)
		alone := (i == 0 || !isDigit(s[i-1]) && s[i-1] != '-') && (end == len(s) || !isDigit(s[end]))
		b.WriteString(s[:i])
		if alone {
			b.WriteString(with)
		} else {
			b.WriteString(dec)
		}
		s = s[end:]
	}
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// skipActorScan are buckets whose values are never JSON records naming
// who did something: indexes and the buckets Erase treats on its own.
var skipActorScan = map[string]bool{
	string(bMeta): true, string(bOutbox): true, string(bOutboxKeys): true, string(bDialogs): true,
	string(bErasures): true, string(bUpdates): true, string(bActIndex): true, string(bMemberActs): true,
	string(bPendingActs): true, string(bStints): true, string(bUnitMembers): true, string(bPendingMembers): true,
	string(bUnitChildren): true, string(bUnitSecretary): true, string(bSecretaries): true,
	string(bUnitInvites): true, string(bUnitProjects): true, string(bProjectsDone): true, string(bCheckins): true,
	string(bTargets): true, string(bUnitGroups): true, string(bUnitTransfers): true, string(bMemberTransfers): true,
}

// rewriteActors replaces the id dec by anon in every JSON record field
// naming who did something (a name ending in "_by") in every bucket, those
// other features may add included.
func (t *Tx) rewriteActors(dec, anon string) error {
	type kv struct{ b, k, v []byte }
	var puts []kv
	needle := []byte(dec)
	err := t.tx.ForEach(func(name []byte, b *bolt.Bucket) error {
		if skipActorScan[string(name)] {
			return nil
		}
		return b.ForEach(func(k, v []byte) error {
			if len(v) == 0 || v[0] != '{' || !bytes.Contains(v, needle) {
				return nil
			}
			var rec map[string]json.RawMessage
			if json.Unmarshal(v, &rec) != nil {
				return nil // not a JSON record
			}
			changed := false
			for f, raw := range rec {
				if strings.HasSuffix(f, "_by") && string(raw) == dec {
					rec[f] = json.RawMessage(anon)
					changed = true
				}
			}
			if !changed {
				return nil
			}
			nv, err := json.Marshal(rec)
			if err != nil {
				return fmt.Errorf("encode %s/%x: %w", name, k, err)
			}
			puts = append(puts, kv{append([]byte(nil), name...), append([]byte(nil), k...), nv})
			return nil
		})
	})
	if err != nil {
		return err
	}
	for _, p := range puts {
		if err := t.bucket(p.b).Put(p.k, p.v); err != nil {
			return fmt.Errorf("rewrite %s/%x: %w", p.b, p.k, err)
		}
	}
	return nil
}

// dropDialogsAbout deletes other users' dialogs whose data names the
// person (a secretary half-way through a decision about them).
func (t *Tx) dropDialogsAbout(dec string) error {
	var keys [][]byte
	err := t.bucket(bDialogs).ForEach(func(k, v []byte) error {
		if !bytes.Contains(v, []byte(dec)) {
			return nil
		}
		var d youthbot.Dialog
		if json.Unmarshal(v, &d) != nil {
			return nil
		}
		for _, x := range d.Data {
			if hasNumber(x, dec) {
				keys = append(keys, append([]byte(nil), k...))
				break
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, k := range keys {
		if err := t.bucket(bDialogs).Delete(k); err != nil {
			return fmt.Errorf("drop dialog: %w", err)
		}
	}
	return nil
}

// purgeOutbox drops the undelivered messages to the person and those about
// them that carry their id (in buttons) or their photos, and rewrites the
// others that mention them. The sender must deliver what the outbox holds
// when it sends, not a copy taken earlier.
func (t *Tx) purgeOutbox(userID int64, dec string, red redaction, placeholder string) error {
	var drop []uint64
	var rewrite []*youthbot.Outgoing
	err := t.bucket(bOutbox).ForEach(func(k, v []byte) error {
		o := new(youthbot.Outgoing)
		if err := json.Unmarshal(v, o); err != nil {
			return fmt.Errorf("decode outbox %d: %w", binary.BigEndian.Uint64(k), err)
		}
		o.Seq = binary.BigEndian.Uint64(k)
		if o.Chat == userID || hasNumber(o.Params["reply_markup"], dec) {
			drop = append(drop, o.Seq)
			return nil
		}
		changed, about := false, false
		for name, p := range o.Params {
			for _, d := range red.drops {
				if strings.Contains(p, d) {
					drop = append(drop, o.Seq)
					return nil
				}
			}
			if name != "chat_id" && name != "reply_markup" && red.identifies(p, dec) {
				about = true
			}
		}
		for name, p := range o.Params {
			if name == "chat_id" || name == "reply_markup" {
				continue
			}
			if np := replaceNumber(red.apply(p, placeholder, about), dec, placeholder); np != p {
				o.Params[name] = np
				changed = true
			}
		}
		if changed {
			rewrite = append(rewrite, o)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, seq := range drop {
		if err := t.DeleteOutgoing(seq); err != nil {
			return fmt.Errorf("drop queued message: %w", err)
		}
	}
	for _, o := range rewrite {
		if err := t.PutOutgoing(o); err != nil {
			return fmt.Errorf("rewrite queued message: %w", err)
		}
	}
	return nil
}

// renameOutboxKeys replaces the id in idempotency keys
// (bc/<broadcast>/<member>, proj/<CODE>/<start>/<member>, ...) by the
// anonymous id, keeping them (exactly-once) without the person's id.
func (t *Tx) renameOutboxKeys(dec, anon string) error {
	type kv struct{ old, new, v []byte }
	var moves []kv
	keys := t.bucket(bOutboxKeys)
	err := keys.ForEach(func(k, v []byte) error {
		if !bytes.Contains(k, []byte(dec)) {
			return nil
		}
		parts := strings.Split(string(k), "/")
		changed := false
		for i, p := range parts {
			if p == dec {
				parts[i], changed = anon, true
			}
		}
		if changed {
			moves = append(moves, kv{append([]byte(nil), k...), []byte(strings.Join(parts, "/")), append([]byte(nil), v...)})
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, m := range moves {
		if err := keys.Delete(m.old); err != nil {
			return fmt.Errorf("outbox key: %w", err)
		}
		if err := keys.Put(m.new, m.v); err != nil {
			return fmt.Errorf("outbox key: %w", err)
		}
	}
	return nil
}

// logErasure records the person in the erasure log and marks the file's
// freed pages for wiping.
func (t *Tx) logErasure(userID int64, now time.Time) error {
	b := t.bucket(bErasures)
	salt := b.Get(keyErasureSalt)
	if len(salt) != saltLen {
		return errors.New("erasure log without its salt")
	}
	if err := b.Put(erasureKey(salt, userID), u64Key(uint64(now.Unix()))); err != nil {
		return fmt.Errorf("erasure log: %w", err)
	}
	if err := b.Put(keyErasureN, u64Key(t.Erasures()+1)); err != nil {
		return fmt.Errorf("erasure log: %w", err)
	}
	due := uint64(now.UnixNano())
	if v := b.Get(keyWipeDue); len(v) == 8 {
		due = max(due, binary.BigEndian.Uint64(v))
	}
	return b.Put(keyWipeDue, u64Key(due))
}

// Erasures counts the erasures made in this database: anything built from
// it before the count changed (a cached tally's workbook) may name someone
// erased since.
func (t *Tx) Erasures() uint64 {
	if b := t.bucket(bErasures); b != nil {
		if v := b.Get(keyErasureN); len(v) == 8 {
			return binary.BigEndian.Uint64(v)
		}
	}
	return 0
}

// ErasureLog returns the erasure log's entries (opaque keys and when each
// was made), for MergeErasureLog into another copy of the database.
func (t *Tx) ErasureLog() map[string]uint64 {
	out := map[string]uint64{}
	b := t.bucket(bErasures)
	if b == nil {
		return out
	}
	b.ForEach(func(k, v []byte) error {
		if len(k) == 1+saltLen+macLen && k[0] == erasureMark && len(v) == 8 {
			out[string(k)] = binary.BigEndian.Uint64(v)
		}
		return nil
	})
	return out
}

// MergeErasureLog adds entries (from ErasureLog of another copy) to the log.
func (t *Tx) MergeErasureLog(entries map[string]uint64) error {
	b := t.bucket(bErasures)
	for k, at := range entries {
		if len(k) != 1+saltLen+macLen || k[0] != erasureMark {
			return fmt.Errorf("erasure log: malformed entry")
		}
		if b.Get([]byte(k)) != nil {
			continue
		}
		if err := b.Put([]byte(k), u64Key(at)); err != nil {
			return fmt.Errorf("erasure log: %w", err)
		}
	}
	return nil
}

// ReapplyErasures erases again everyone the erasure log names whose data
// this copy of the database holds (an older backup being restored). It
// returns how many it erased.
func (t *Tx) ReapplyErasures(now time.Time, placeholder string) (int, error) {
	log := t.ErasureLog()
	salts := map[string]bool{}
	for k := range log {
		salts[k[1:1+saltLen]] = true
	}
	if len(salts) == 0 {
		return 0, nil
	}
	candidates := map[int64]bool{}
	for _, name := range [][]byte{bUsers, bMembers, bSecretaries} {
		t.bucket(name).ForEach(func(k, _ []byte) error {
			if len(k) >= 8 {
				if id := keyID(k[:8]); id > 0 {
					candidates[id] = true
				}
			}
			return nil
		})
	}
	ids := make([]int64, 0, len(candidates))
	for id := range candidates {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	n := 0
	for _, id := range ids {
		for salt := range salts {
			if _, ok := log[string(erasureKey([]byte(salt), id))]; !ok {
				continue
			}
			if _, err := t.Erase(id, now, placeholder); err != nil {
				return n, err
			}
			n++
			break
		}
	}
	return n, nil
}
