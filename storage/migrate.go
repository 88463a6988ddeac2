package storage

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"youthbot"
)

// Bucket names.
var (
	bMeta           = []byte("meta")
	bUnits          = []byte("units")            // code → Unit
	bUnitChildren   = []byte("unit_children")    // parent 0 child → nil ("" parent for roots)
	bMembers        = []byte("members")          // idKey(user) → Member
	bUnitMembers    = []byte("unit_members")     // unit 0 idKey(user) → status
	bSecretaries    = []byte("secretaries")      // idKey(user) unit → nil
	bUnitSecretary  = []byte("unit_secretaries") // unit 0 idKey(user) → nil
	bInvites        = []byte("invites")          // code → Invite
	bUnitInvites    = []byte("unit_invites")     // unit 0 kind → code of the unit's standing member link
	bUsers          = []byte("users")            // idKey(user) → User
	bDialogs        = []byte("dialogs")          // idKey(user) → Dialog
	bUpdates        = []byte("updates")          // u64(update_id) → unix seconds handled
	bOutbox         = []byte("outbox")           // u64(seq) → Outgoing
	bOutboxKeys     = []byte("outbox_keys")      // idempotency key → unix seconds queued
	bActivities     = []byte("activities")       // u64(id) → Activity
	bActIndex       = []byte("act_index")        // unit 0 YYYYMM 0 u64(id) → actEntry (14 bytes)
	bMemberActs     = []byte("member_acts")      // idKey(member) u64(id) → nil
	bPendingActs    = []byte("pending_acts")     // unit 0 u64(id) → nil
	bStints         = []byte("stints")           // unit 0 idKey(member) u64(from unix) → to unix (8) + new flag (1)
	bProjects       = []byte("projects")         // code → Project
	bUnitProjects   = []byte("unit_projects")    // unit 0 code → nil
	bSeats          = []byte("project_seats")    // code 0 idKey(member) → Participant
	bProjectsDone   = []byte("projects_done")    // unit 0 YYYYMM 0 code → kind (1) + value (8)
	bCheckins       = []byte("checkins")         // check-in code → project code
	bCampaigns      = []byte("campaigns")        // id → Campaign
	bTargets        = []byte("targets")          // unit 0 YYYY 0 metric → value (8)
	bGroups         = []byte("groups")           // idKey(chat) → GroupLink
	bUnitGroups     = []byte("unit_groups")      // unit 0 idKey(chat) → nil
	bJobs           = []byte("jobs")             // scheduler job name → its state
	bPendingMembers = []byte("pending_members")  // unit 0 idKey(user) → nil, registrations waiting
	// F7 (unitact.go, project.go, plan.go, imported.go).
	bUnitActs          = []byte("unit_acts")          // u64(id) → UnitActivity
	bUnitActIndex      = []byte("unit_act_index")     // unit 0 YYYYMM 0 u64(id) → day (1) + contribution
	bOfficeCodes       = []byte("office_codes")       // ma → 'a' u64(id) | 'p' project code
	bTargetSpecs       = []byte("target_specs")       // unit 0 YYYY 0 code → Target
	bBreakthroughs     = []byte("breakthroughs")      // u64(id) → Breakthrough
	bUnitBreakthroughs = []byte("unit_breakthroughs") // unit 0 YYYY 0 u64(id) → completed (1)
	bBreakthroughKeys  = []byte("breakthrough_keys")  // unit 0 YYYY 0 text → u64(id)
	bModels            = []byte("models")             // u64(id) → Model
	bUnitModels        = []byte("unit_models")        // unit 0 YYYY 0 u64(id) → field (1)
	bModelKeys         = []byte("model_keys")         // unit 0 YYYY 0 name → u64(id)
	bImportedKeys      = []byte("imported_keys")      // branch 0 folded name 0 birth → idKey(member)
	bImportedIDs       = []byte("imported_ids")       // idKey(member) → its imported_keys key
	bMemberPhones      = []byte("member_phones")      // +84… → idKey(imported member)
	keySchema          = []byte("schema")
	keyOffset          = []byte("offset")
	keyAnonSequence    = []byte("anon_seq")
)

// migrations are applied in order; the schema version is how many ran. Never
// edit or reorder one that has shipped: append.
var migrations = []func(*bolt.Tx) error{
	// 1: the foundation's buckets.
	func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bUnits, bUnitChildren, bMembers, bUnitMembers, bSecretaries,
			bUnitSecretary, bInvites, bUnitInvites, bUsers, bDialogs, bUpdates, bOutbox, bOutboxKeys} {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return fmt.Errorf("create bucket %s: %w", name, err)
			}
		}
		return nil
	},
	// 2: participation, projects, campaigns, targets, membership history,
	// group links, scheduler state.
	func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bActivities, bActIndex, bMemberActs, bPendingActs, bStints, bProjects,
			bUnitProjects, bSeats, bProjectsDone, bCheckins, bCampaigns, bTargets, bGroups, bUnitGroups, bJobs} {
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
		pending, err := tx.CreateBucketIfNotExists(bPendingMembers)
		if err != nil {
			return fmt.Errorf("create bucket %s: %w", bPendingMembers, err)
		}
		return tx.Bucket(bUnitMembers).ForEach(func(k, v []byte) error {
			if string(v) == string(youthbot.StatusPending) {
				return pending.Put(k, nil)
			}
			return nil
		})
	},
	// 5: broadcasts being fanned out (broadcast.go).
	createBroadcastBuckets,
	// 6: the erasure log of /forgetme (erase.go).
	createErasureBucket,
	// 7: the ids of sent messages that may be edited (sent.go).
	createSentBuckets,
	// 8: the province's figures (F7): unit activities, office codes,
	// targets with a code, breakthrough tasks, models, imported members.
	func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bUnitActs, bUnitActIndex, bOfficeCodes, bTargetSpecs, bBreakthroughs,
			bUnitBreakthroughs, bBreakthroughKeys, bModels, bUnitModels, bModelKeys, bImportedKeys, bImportedIDs, bMemberPhones} {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return fmt.Errorf("create bucket %s: %w", name, err)
			}
		}
		return addDoneLevels(tx)
	},
}

// addDoneLevels gives every done project's projects_done entry written
// before F7 the recognition level figures count it at: its unit's kind.
func addDoneLevels(tx *bolt.Tx) error {
	done, units := tx.Bucket(bProjectsDone), tx.Bucket(bUnits)
	type kv struct{ k, v []byte }
	var puts []kv
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
		puts = append(puts, kv{append([]byte(nil), k...), append(append([]byte(nil), v...), levelCodes[u.Kind])})
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
	meta, err := tx.CreateBucketIfNotExists(bMeta)
	if err != nil {
		return fmt.Errorf("create meta: %w", err)
	}
	var v uint64
	if b := meta.Get(keySchema); b != nil {
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
	return meta.Put(keySchema, u64Key(v))
}

func checkVersion(tx *bolt.Tx) error {
	meta := tx.Bucket(bMeta)
	if meta == nil || meta.Get(keySchema) == nil {
		return fmt.Errorf("not a youthbot database (no schema version)")
	}
	if v := binary.BigEndian.Uint64(meta.Get(keySchema)); v != SchemaVersion {
		return fmt.Errorf("database schema %d, this build needs %d: run the bot once to migrate", v, SchemaVersion)
	}
	return nil
}
