package msglog

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"youthbot/storage/internal/kv"
)

// Sent messages: the outbox keeps the message id Telegram gave a delivered
// message that was queued with a Track name (youthbot.Outgoing.Track), so
// that a later update can edit it or take its buttons away (/cancel; a
// request decided elsewhere). A name is "<kind>/<id>" (e.g. "act/42",
// "dialog/"); one name may be sent to several chats (every secretary of a
// unit). Entries are pruned after SentRetention.

var (
	bSent       = []byte("sent")         // kv.IDKey(chat) 0 name → message id (8) + unix seconds sent (8)
	bSentByName = []byte("sent_by_name") // name 0 kv.IDKey(chat) → nil
)

// SentRetention is how long a sent message's id is kept.
const SentRetention = 7 * 24 * time.Hour

// SentMessage is a delivered message that can be edited.
type SentMessage struct {
	Chat      int64
	MessageID int64
	At        time.Time
}

func CreateSentBuckets(tx *bolt.Tx) error {
	for _, name := range [][]byte{bSent, bSentByName} {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return fmt.Errorf("create bucket %s: %w", name, err)
		}
	}
	return nil
}

// PutSent records that the message named name went to chat as messageID.
// A later message of the same name to the same chat replaces it.
func (t *Log) PutSent(name string, chat, messageID int64, at time.Time) error {
	if name == "" || strings.IndexByte(name, 0) >= 0 {
		return fmt.Errorf("sent message name %q", name)
	}
	v := make([]byte, 16)
	binary.BigEndian.PutUint64(v, uint64(messageID))
	binary.BigEndian.PutUint64(v[8:], uint64(at.Unix()))
	if err := t.tx.Bucket(bSent).Put(kv.Join(kv.IDKey(chat), []byte(name)), v); err != nil {
		return fmt.Errorf("put sent: %w", err)
	}
	if err := t.tx.Bucket(bSentByName).Put(kv.Join([]byte(name), kv.IDKey(chat)), nil); err != nil {
		return fmt.Errorf("put sent: %w", err)
	}
	return nil
}

// Sent is the message named name last sent to chat.
func (t *Log) Sent(name string, chat int64) (SentMessage, bool) {
	v := t.tx.Bucket(bSent).Get(kv.Join(kv.IDKey(chat), []byte(name)))
	if len(v) != 16 {
		return SentMessage{}, false
	}
	return decodeSent(chat, v), true
}

// SentTo lists the chats the message named name went to, with their ids.
func (t *Log) SentTo(name string) ([]SentMessage, error) {
	var out []SentMessage
	prefix := append([]byte(name), 0)
	err := kv.PrefixScan(t.tx, bSentByName, prefix, func(k, _ []byte) error {
		if len(k) != len(prefix)+8 {
			return nil
		}
		chat := kv.KeyID(k[len(prefix):])
		if m, ok := t.Sent(name, chat); ok {
			out = append(out, m)
		}
		return nil
	})
	return out, err
}

// DeleteSent forgets the message named name in chat (its buttons are gone,
// or it was replaced).
func (t *Log) DeleteSent(name string, chat int64) error {
	if err := t.tx.Bucket(bSent).Delete(kv.Join(kv.IDKey(chat), []byte(name))); err != nil {
		return fmt.Errorf("delete sent: %w", err)
	}
	if err := t.tx.Bucket(bSentByName).Delete(kv.Join([]byte(name), kv.IDKey(chat))); err != nil {
		return fmt.Errorf("delete sent: %w", err)
	}
	return nil
}

// PruneSent forgets the messages sent before before, at most limit of them;
// it returns how many.
func (t *Log) PruneSent(before time.Time, limit int) (int, error) {
	type entry struct {
		chat int64
		name string
	}
	var old []entry
	c := t.tx.Bucket(bSent).Cursor()
	for k, v := c.First(); k != nil && len(old) < limit; k, v = c.Next() {
		if len(k) < 9 || len(v) != 16 {
			continue
		}
		if decodeSent(0, v).At.Before(before) {
			old = append(old, entry{kv.KeyID(k[:8]), string(k[9:])})
		}
	}
	for _, e := range old {
		if err := t.DeleteSent(e.name, e.chat); err != nil {
			return 0, err
		}
	}
	return len(old), nil
}

// DropSent forgets what was sent to a person and the messages named after
// them ("<kind>/<id>"): /forgetme.
func (t *Log) DropSent(userID int64, dec string) error {
	var drop [][2]any
	prefix := append(kv.IDKey(userID), 0)
	kv.PrefixScan(t.tx, bSent, prefix, func(k, _ []byte) error {
		drop = append(drop, [2]any{string(k[len(prefix):]), userID})
		return nil
	})
	suffix := []byte("/" + dec + "\x00")
	c := t.tx.Bucket(bSentByName).Cursor()
	for k, _ := c.First(); k != nil; k, _ = c.Next() {
		if i := bytes.Index(k, suffix); i >= 0 && i+len(suffix)+8 == len(k) {
			drop = append(drop, [2]any{string(k[:i+len(suffix)-1]), kv.KeyID(k[i+len(suffix):])})
		}
	}
	for _, d := range drop {
		if err := t.DeleteSent(d[0].(string), d[1].(int64)); err != nil {
			return err
		}
	}
	return nil
}

func decodeSent(chat int64, v []byte) SentMessage {
	return SentMessage{Chat: chat, MessageID: int64(binary.BigEndian.Uint64(v)), At: time.Unix(int64(binary.BigEndian.Uint64(v[8:])), 0)}
}
