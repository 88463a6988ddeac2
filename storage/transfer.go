package storage

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"youthbot"
	"youthbot/storage/internal/kv"
)

func createTransferBuckets(tx *bolt.Tx) error {
	for _, name := range [][]byte{kv.Transfers, kv.UnitTransfers, kv.MemberTransfers} {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return fmt.Errorf("create bucket %s: %w", name, err)
		}
	}
	return nil
}

// AddTransfer stores a new transfer request, giving it an id. A member has
// at most one pending transfer: a second one is ECONFLICT.
func (t *Tx) AddTransfer(tr *youthbot.Transfer) error {
	if _, found, err := t.PendingTransferOf(tr.Member); err != nil {
		return err
	} else if found {
		return youthbot.Errorf(youthbot.ECONFLICT, "err.transfer_exists")
	}
	id, err := t.tx.Bucket(kv.Transfers).NextSequence()
	if err != nil {
		return fmt.Errorf("transfer sequence: %w", err)
	}
	tr.ID = id
	return t.PutTransfer(tr)
}

// Transfer returns the transfer with id, or ENOTFOUND.
func (t *Tx) Transfer(id uint64) (youthbot.Transfer, error) {
	var tr youthbot.Transfer
	ok, err := kv.GetJSON(t.tx, kv.Transfers, kv.U64Key(id), &tr)
	if err != nil {
		return tr, err
	}
	if !ok {
		return tr, youthbot.Errorf(youthbot.ENOTFOUND, "err.transfer_unknown")
	}
	return tr, nil
}

// PutTransfer writes a transfer and keeps its indexes right: listed under
// its destination and its member while pending, in neither once decided.
func (t *Tx) PutTransfer(tr *youthbot.Transfer) error {
	if err := kv.PutJSON(t.tx, kv.Transfers, kv.U64Key(tr.ID), tr); err != nil {
		return err
	}
	uk := kv.Join([]byte(tr.To), kv.U64Key(tr.ID))
	mk := kv.IDKey(tr.Member)
	if tr.Pending() {
		if err := t.tx.Bucket(kv.UnitTransfers).Put(uk, nil); err != nil {
			return fmt.Errorf("index transfer: %w", err)
		}
		return t.tx.Bucket(kv.MemberTransfers).Put(mk, kv.U64Key(tr.ID))
	}
	if err := t.tx.Bucket(kv.UnitTransfers).Delete(uk); err != nil {
		return fmt.Errorf("unindex transfer: %w", err)
	}
	if v := t.tx.Bucket(kv.MemberTransfers).Get(mk); v != nil && binary.BigEndian.Uint64(v) == tr.ID {
		return t.tx.Bucket(kv.MemberTransfers).Delete(mk)
	}
	return nil
}

// PendingTransferOf returns the member's pending transfer, if any.
func (t *Tx) PendingTransferOf(member int64) (youthbot.Transfer, bool, error) {
	v := t.tx.Bucket(kv.MemberTransfers).Get(kv.IDKey(member))
	if v == nil {
		return youthbot.Transfer{}, false, nil
	}
	tr, err := t.Transfer(binary.BigEndian.Uint64(v))
	return tr, err == nil, err
}

// PendingTransfers returns the transfers into unit waiting for a decision,
// oldest first.
func (t *Tx) PendingTransfers(unit string) ([]youthbot.Transfer, error) {
	var out []youthbot.Transfer
	prefix := kv.Join([]byte(unit), nil)
	err := kv.PrefixScan(t.tx, kv.UnitTransfers, prefix, func(k, _ []byte) error {
		tr, err := t.Transfer(binary.BigEndian.Uint64(k[len(prefix):]))
		if err != nil {
			return err
		}
		out = append(out, tr)
		return nil
	})
	return out, err
}

// MoveMember moves an approved member to another branch at a time: the
// stint in the old branch ends and one begins in the new (not a new
// member), the old branch joins the member's Past and the unit index
// follows. Activities stay credited to the branch they were logged in, so
// both branches' past figures are unchanged.
func (t *Tx) MoveMember(userID int64, to string, at time.Time) (youthbot.Member, error) {
	m, err := t.Member(userID)
	if err != nil {
		return m, err
	}
	if m.Status != youthbot.StatusApproved {
		return m, fmt.Errorf("move member %d: status %s, not approved", userID, m.Status)
	}
	if m.Unit == to {
		return m, nil
	}
	if err := t.CloseStint(userID, m.Unit, at); err != nil {
		return m, err
	}
	if err := t.OpenStint(userID, to, at, false); err != nil {
		return m, err
	}
	m.MoveTo(to)
	return m, t.PutMember(m)
}

// forgetTransfers withdraws the member's pending transfer and moves their
// transfer records to the anonymous id of /forgetme.
func (t *Tx) forgetTransfers(from, to int64, now time.Time) error {
	var mine []youthbot.Transfer
	err := t.tx.Bucket(kv.Transfers).ForEach(func(k, v []byte) error {
		var tr youthbot.Transfer
		if err := json.Unmarshal(v, &tr); err != nil {
			return fmt.Errorf("decode transfer %x: %w", k, err)
		}
		if tr.Member == from {
			mine = append(mine, tr)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, tr := range mine {
		if tr.Pending() {
			tr.Status, tr.DecidedAt = youthbot.TransferCancelled, now
			if err := t.PutTransfer(&tr); err != nil {
				return err
			}
		}
		tr.Member = to
		if tr.RequestedBy == from {
			tr.RequestedBy = to
		}
		if err := kv.PutJSON(t.tx, kv.Transfers, kv.U64Key(tr.ID), tr); err != nil {
			return err
		}
	}
	return nil
}
