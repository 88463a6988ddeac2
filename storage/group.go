package storage

import (
	"fmt"

	"youthbot"
	"youthbot/storage/internal/kv"
)

// GroupLink returns the link of a group chat; found is false for a group
// linked to no unit.
func (t *Tx) GroupLink(chat int64) (l youthbot.GroupLink, found bool, err error) {
	found, err = kv.GetJSON(t.tx, kv.Groups, kv.IDKey(chat), &l)
	return l, found, err
}

// LinkGroup links a group to a unit, replacing its link to another unit if
// it had one (a group is linked to one unit).
func (t *Tx) LinkGroup(l youthbot.GroupLink) error {
	old, found, err := t.GroupLink(l.Chat)
	if err != nil {
		return err
	}
	if found && old.Unit != l.Unit {
		if err := t.tx.Bucket(kv.UnitGroups).Delete(kv.Join([]byte(old.Unit), kv.IDKey(l.Chat))); err != nil {
			return fmt.Errorf("unindex group %d: %w", l.Chat, err)
		}
	}
	if err := t.tx.Bucket(kv.UnitGroups).Put(kv.Join([]byte(l.Unit), kv.IDKey(l.Chat)), nil); err != nil {
		return fmt.Errorf("index group %d: %w", l.Chat, err)
	}
	return kv.PutJSON(t.tx, kv.Groups, kv.IDKey(l.Chat), l)
}

// UnlinkGroup removes a group's link; found is false if it had none.
func (t *Tx) UnlinkGroup(chat int64) (l youthbot.GroupLink, found bool, err error) {
	l, found, err = t.GroupLink(chat)
	if err != nil || !found {
		return l, found, err
	}
	if err := t.tx.Bucket(kv.UnitGroups).Delete(kv.Join([]byte(l.Unit), kv.IDKey(chat))); err != nil {
		return l, true, fmt.Errorf("unindex group %d: %w", chat, err)
	}
	if err := t.tx.Bucket(kv.Groups).Delete(kv.IDKey(chat)); err != nil {
		return l, true, fmt.Errorf("unlink group %d: %w", chat, err)
	}
	return l, true, nil
}

// MoveGroup follows a group upgraded to a supergroup: the link of from, if
// any, becomes the link of to. Moving twice (the service message and a
// send's migrate_to_chat_id both report it) is harmless.
func (t *Tx) MoveGroup(from, to int64) error {
	l, found, err := t.UnlinkGroup(from)
	if err != nil || !found {
		return err
	}
	l.Chat = to
	return t.LinkGroup(l)
}

// UnitGroups returns the groups linked to one unit (not its subtree), by
// chat id.
func (t *Tx) UnitGroups(unit string) ([]youthbot.GroupLink, error) {
	var out []youthbot.GroupLink
	prefix := kv.Join([]byte(unit), nil)
	err := kv.PrefixScan(t.tx, kv.UnitGroups, prefix, func(k, _ []byte) error {
		l, found, err := t.GroupLink(kv.KeyID(k[len(prefix):]))
		if err != nil {
			return err
		}
		if !found {
			return fmt.Errorf("group %d of %s: index without link", kv.KeyID(k[len(prefix):]), unit)
		}
		out = append(out, l)
		return nil
	})
	return out, err
}
