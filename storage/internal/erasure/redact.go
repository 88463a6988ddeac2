package erasure

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"html"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"

	"youthbot"
	"youthbot/storage/internal/kv"
)

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
	string(kv.Meta): true, string(kv.Outbox): true, string(kv.OutboxKeys): true, string(kv.Dialogs): true,
	string(kv.Erasures): true, string(kv.Updates): true, string(kv.ActIndex): true, string(kv.MemberActs): true,
	string(kv.PendingActs): true, string(kv.Stints): true, string(kv.UnitMembers): true, string(kv.PendingMembers): true,
	string(kv.UnitChildren): true, string(kv.UnitSecretary): true, string(kv.Secretaries): true,
	string(kv.UnitInvites): true, string(kv.UnitProjects): true, string(kv.ProjectsDone): true, string(kv.Checkins): true,
	string(kv.Targets): true, string(kv.UnitGroups): true, string(kv.UnitTransfers): true, string(kv.MemberTransfers): true,
	string(kv.UnitActIndex): true, string(kv.OfficeCodes): true, string(kv.TargetSpecs): true, string(kv.UnitBreakthroughs): true,
	string(kv.BreakthroughKeys): true, string(kv.UnitModels): true, string(kv.ModelKeys): true, string(kv.ImportedKeys): true,
	string(kv.ImportedIDs): true, string(kv.MemberPhones): true, string(kv.Tree): true,
}

// rewriteActors replaces the id dec by anon in every JSON record field
// naming who did something (a name ending in "_by") in every bucket, those
// other features may add included.
func (t *Erasure) rewriteActors(dec, anon string) error {
	type pair struct{ b, k, v []byte }
	var puts []pair
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
			puts = append(puts, pair{append([]byte(nil), name...), append([]byte(nil), k...), nv})
			return nil
		})
	})
	if err != nil {
		return err
	}
	for _, p := range puts {
		if err := t.tx.Bucket(p.b).Put(p.k, p.v); err != nil {
			return fmt.Errorf("rewrite %s/%x: %w", p.b, p.k, err)
		}
	}
	return nil
}

// dropDialogsAbout deletes other users' dialogs whose data names the
// person (a secretary half-way through a decision about them).
func (t *Erasure) dropDialogsAbout(dec string) error {
	var keys [][]byte
	err := t.tx.Bucket(kv.Dialogs).ForEach(func(k, v []byte) error {
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
		if err := t.tx.Bucket(kv.Dialogs).Delete(k); err != nil {
			return fmt.Errorf("drop dialog: %w", err)
		}
	}
	return nil
}

// purgeOutbox drops the undelivered messages to the person and those about
// them that carry their id (in buttons) or their photos, and rewrites the
// others that mention them. The sender must deliver what the outbox holds
// when it sends, not a copy taken earlier.
func (t *Erasure) purgeOutbox(userID int64, dec string, red redaction, placeholder string) error {
	var drop []uint64
	var rewrite []*youthbot.Outgoing
	err := t.tx.Bucket(kv.Outbox).ForEach(func(k, v []byte) error {
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
		if err := t.log.DeleteOutgoing(seq); err != nil {
			return fmt.Errorf("drop queued message: %w", err)
		}
	}
	for _, o := range rewrite {
		if err := t.log.PutOutgoing(o); err != nil {
			return fmt.Errorf("rewrite queued message: %w", err)
		}
	}
	return nil
}

// renameOutboxKeys replaces the id in idempotency keys
// (bc/<broadcast>/<member>, proj/<CODE>/<start>/<member>, ...) by the
// anonymous id, keeping them (exactly-once) without the person's id.
func (t *Erasure) renameOutboxKeys(dec, anon string) error {
	type pair struct{ old, new, v []byte }
	var moves []pair
	keys := t.tx.Bucket(kv.OutboxKeys)
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
			moves = append(moves, pair{append([]byte(nil), k...), []byte(strings.Join(parts, "/")), append([]byte(nil), v...)})
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
