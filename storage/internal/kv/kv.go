// Package kv is the low level every part of storage shares: the bucket
// names, the key encodings, JSON values and prefix scans over a *bolt.Tx.
//
// Keys are chosen so hot queries are range scans: a unit's members are the
// keys prefixed by the unit code in UnitMembers, a secretary's units the keys
// prefixed by the user id in Secretaries, and so on.
package kv

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

	bolt "go.etcd.io/bbolt"
)

// ErrStop ends a scan early; scans swallow it.
var ErrStop = errors.New("stop")

// GetJSON decodes the value of key in bucket into v, reporting whether the
// key is there.
func GetJSON(tx *bolt.Tx, bucket, key []byte, v any) (bool, error) {
	data := tx.Bucket(bucket).Get(key)
	if data == nil {
		return false, nil
	}
	if err := json.Unmarshal(data, v); err != nil {
		return true, fmt.Errorf("decode %s/%x: %w", bucket, key, err)
	}
	return true, nil
}

// PutJSON stores v encoded as JSON at key in bucket.
func PutJSON(tx *bolt.Tx, bucket, key []byte, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode %s/%x: %w", bucket, key, err)
	}
	if err := tx.Bucket(bucket).Put(key, data); err != nil {
		return fmt.Errorf("put %s/%x: %w", bucket, key, err)
	}
	return nil
}

// IDKey encodes a Telegram id so that keys sort by id (negative ids first).
func IDKey(id int64) []byte {
	b := make([]byte, 8)
	binary.BigEndian.PutUint64(b, uint64(id)^(1<<63))
	return b
}

// KeyID decodes an IDKey.
func KeyID(b []byte) int64 {
	return int64(binary.BigEndian.Uint64(b) ^ (1 << 63))
}

// U64Key encodes n big-endian, so that keys sort by n.
func U64Key(n uint64) []byte {
	b := make([]byte, 8)
	binary.BigEndian.PutUint64(b, n)
	return b
}

// Join builds a composite key: parts separated by 0x00 (unit codes and
// strings never contain it).
func Join(parts ...[]byte) []byte {
	n := len(parts) - 1
	for _, p := range parts {
		n += len(p)
	}
	k := make([]byte, 0, n)
	for i, p := range parts {
		if i > 0 {
			k = append(k, 0)
		}
		k = append(k, p...)
	}
	return k
}

// PrefixScan calls fn for each key of bucket starting with prefix; fn
// returning ErrStop ends the scan without an error.
func PrefixScan(tx *bolt.Tx, bucket, prefix []byte, fn func(k, v []byte) error) error {
	return Scan(tx.Bucket(bucket), prefix, fn)
}

// Scan is PrefixScan of a bucket already looked up: a loop over many
// prefixes of one bucket looks it up once (each tx.Bucket is a seek).
func Scan(b *bolt.Bucket, prefix []byte, fn func(k, v []byte) error) error {
	c := b.Cursor()
	for k, v := c.Seek(prefix); k != nil && HasPrefix(k, prefix); k, v = c.Next() {
		if err := fn(k, v); err == ErrStop {
			return nil
		} else if err != nil {
			return err
		}
	}
	return nil
}

// HasPrefix reports whether k starts with p.
func HasPrefix(k, p []byte) bool {
	return len(k) >= len(p) && string(k[:len(p)]) == string(p)
}

// YearPrefix is the prefix of the keys of a unit's year: unit 0 YYYY 0.
func YearPrefix(unit string, year int) []byte {
	return Join([]byte(unit), []byte(strconv.Itoa(year)), nil)
}
