package storage

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"youthbot"
	"youthbot/storage/internal/broadcast"
	"youthbot/storage/internal/erasure"
	"youthbot/storage/internal/kv"
	"youthbot/storage/internal/msglog"
	unittree "youthbot/storage/internal/tree"
)

// migrations are applied in order; the schema version is how many ran. Never
// edit or reorder one that has shipped: append.
var migrations = []func(*bolt.Tx) error{
	// 1: the foundation's buckets.
	func(tx *bolt.Tx) error {
		for _, name := range [][]byte{kv.Units, kv.UnitChildren, kv.Members, kv.UnitMembers, kv.Secretaries,
			kv.UnitSecretary, kv.Invites, kv.UnitInvites, kv.Users, kv.Dialogs, kv.Updates, kv.Outbox, kv.OutboxKeys} {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return fmt.Errorf("create bucket %s: %w", name, err)
			}
		}
		return nil
	},
	// 2: participation, projects, campaigns, targets, membership history,
	// group links, scheduler state.
	func(tx *bolt.Tx) error {
		for _, name := range [][]byte{kv.Activities, kv.ActIndex, kv.MemberActs, kv.PendingActs, kv.Stints, kv.Projects,
			kv.UnitProjects, kv.Seats, kv.ProjectsDone, kv.Checkins, kv.Campaigns, kv.Targets, kv.Groups, kv.UnitGroups, kv.Jobs} {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return fmt.Errorf("create bucket %s: %w", name, err)
			}
		}
		return nil
	},
	// 3: member transfers (transfer.go).
	createTransferBuckets,
	// 4: an index of pending registrations, filled from the members' index.
	func(tx *bolt.Tx) error {
		pending, err := tx.CreateBucketIfNotExists(kv.PendingMembers)
		if err != nil {
			return fmt.Errorf("create bucket %s: %w", kv.PendingMembers, err)
		}
		return tx.Bucket(kv.UnitMembers).ForEach(func(k, v []byte) error {
			if string(v) == string(youthbot.StatusPending) {
				return pending.Put(k, nil)
			}
			return nil
		})
	},
	// 5: broadcasts being fanned out (internal/broadcast).
	broadcast.CreateBucket,
	// 6: the erasure log of /forgetme (internal/erasure).
	erasure.CreateBucket,
	// 7: the ids of sent messages that may be edited (internal/msglog/sent.go).
	msglog.CreateSentBuckets,
	// 8: the province's figures (F7): unit activities, office codes,
	// targets with a code, breakthrough tasks, models, imported members.
	func(tx *bolt.Tx) error {
		for _, name := range [][]byte{kv.UnitActs, kv.UnitActIndex, kv.OfficeCodes, kv.TargetSpecs, kv.Breakthroughs,
			kv.UnitBreakthroughs, kv.BreakthroughKeys, kv.Models, kv.UnitModels, kv.ModelKeys, kv.ImportedKeys, kv.ImportedIDs, kv.MemberPhones} {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return fmt.Errorf("create bucket %s: %w", name, err)
			}
		}
		return addDoneLevels(tx)
	},
	// 9: the unit tree's changes waiting for their date, recorded by a build
	// that wrote their history at once, are marked so (treeOp.Written): on
	// their date only today's tree changes.
	unittree.MarkWaitingWritten,
}

// addDoneLevels gives every done project's projects_done entry written
// before F7 the recognition level figures count it at: its unit's kind.
func addDoneLevels(tx *bolt.Tx) error {
	done, units := tx.Bucket(kv.ProjectsDone), tx.Bucket(kv.Units)
	type pair struct{ k, v []byte }
	var puts []pair
	err := done.ForEach(func(k, v []byte) error {
		if len(v) != 9 {
			return nil
		}
		unit, _, _ := bytes.Cut(k, []byte{0})
		var u youthbot.Unit
		if data := units.Get(unit); data != nil {
			if err := json.Unmarshal(data, &u); err != nil {
				return fmt.Errorf("decode unit %s: %w", unit, err)
			}
		}
		puts = append(puts, pair{append([]byte(nil), k...), append(append([]byte(nil), v...), kv.LevelCodes[u.Kind])})
		return nil
	})
	if err != nil {
		return err
	}
	for _, p := range puts {
		if err := done.Put(p.k, p.v); err != nil {
			return fmt.Errorf("level of done project: %w", err)
		}
	}
	return nil
}

// SchemaVersion is the schema this build writes.
var SchemaVersion = uint64(len(migrations))

func migrate(tx *bolt.Tx) error {
	meta, err := tx.CreateBucketIfNotExists(kv.Meta)
	if err != nil {
		return fmt.Errorf("create meta: %w", err)
	}
	var v uint64
	if b := meta.Get(kv.KeySchema); b != nil {
		v = binary.BigEndian.Uint64(b)
	}
	if v > SchemaVersion {
		return fmt.Errorf("database schema %d is newer than this build's %d", v, SchemaVersion)
	}
	for ; v < SchemaVersion; v++ {
		if err := migrations[v](tx); err != nil {
			return fmt.Errorf("migration %d: %w", v+1, err)
		}
	}
	return meta.Put(kv.KeySchema, kv.U64Key(v))
}

func checkVersion(tx *bolt.Tx) error {
	meta := tx.Bucket(kv.Meta)
	if meta == nil || meta.Get(kv.KeySchema) == nil {
		return fmt.Errorf("not a youthbot database (no schema version)")
	}
	if v := binary.BigEndian.Uint64(meta.Get(kv.KeySchema)); v != SchemaVersion {
		return fmt.Errorf("database schema %d, this build needs %d: run the bot once to migrate", v, SchemaVersion)
	}
	return nil
}
