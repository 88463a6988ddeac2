package kv

// Bucket names.
var (
	Meta           = []byte("meta")
	Units          = []byte("units")            // code → Unit
	UnitChildren   = []byte("unit_children")    // parent 0 child → nil ("" parent for roots)
	Members        = []byte("members")          // idKey(user) → Member
	UnitMembers    = []byte("unit_members")     // unit 0 idKey(user) → status
	Secretaries    = []byte("secretaries")      // idKey(user) unit → nil
	UnitSecretary  = []byte("unit_secretaries") // unit 0 idKey(user) → nil
	Invites        = []byte("invites")          // code → Invite
	UnitInvites    = []byte("unit_invites")     // unit 0 kind → code of the unit's standing member link
	Users          = []byte("users")            // idKey(user) → User
	Dialogs        = []byte("dialogs")          // idKey(user) → Dialog
	Updates        = []byte("updates")          // u64(update_id) → unix seconds handled
	Outbox         = []byte("outbox")           // u64(seq) → Outgoing
	OutboxKeys     = []byte("outbox_keys")      // idempotency key → unix seconds queued
	Activities     = []byte("activities")       // u64(id) → Activity
	ActIndex       = []byte("act_index")        // unit 0 YYYYMM 0 u64(id) → actEntry (14 bytes)
	MemberActs     = []byte("member_acts")      // idKey(member) u64(id) → nil
	PendingActs    = []byte("pending_acts")     // unit 0 u64(id) → nil
	Stints         = []byte("stints")           // unit 0 idKey(member) u64(from unix) → to unix (8) + new flag (1)
	Projects       = []byte("projects")         // code → Project
	UnitProjects   = []byte("unit_projects")    // unit 0 code → nil
	Seats          = []byte("project_seats")    // code 0 idKey(member) → Participant
	ProjectsDone   = []byte("projects_done")    // unit 0 YYYYMM 0 code → kind (1) + value (8)
	Checkins       = []byte("checkins")         // check-in code → project code
	Campaigns      = []byte("campaigns")        // id → Campaign
	Targets        = []byte("targets")          // unit 0 YYYY 0 metric → value (8)
	Groups         = []byte("groups")           // idKey(chat) → GroupLink
	UnitGroups     = []byte("unit_groups")      // unit 0 idKey(chat) → nil
	Jobs           = []byte("jobs")             // scheduler job name → its state
	PendingMembers = []byte("pending_members")  // unit 0 idKey(user) → nil, registrations waiting
	// F7 (storage/project.go and imported.go, figures/unitact.go, plan/plan.go).
	UnitActs          = []byte("unit_acts")          // u64(id) → UnitActivity
	UnitActIndex      = []byte("unit_act_index")     // unit 0 YYYYMM 0 u64(id) → day (1) + contribution
	OfficeCodes       = []byte("office_codes")       // ma → 'a' u64(id) | 'p' project code
	TargetSpecs       = []byte("target_specs")       // unit 0 YYYY 0 code → Target
	Breakthroughs     = []byte("breakthroughs")      // u64(id) → Breakthrough
	UnitBreakthroughs = []byte("unit_breakthroughs") // unit 0 YYYY 0 u64(id) → completed (1)
	BreakthroughKeys  = []byte("breakthrough_keys")  // unit 0 YYYY 0 text → u64(id)
	Models            = []byte("models")             // u64(id) → Model
	UnitModels        = []byte("unit_models")        // unit 0 YYYY 0 u64(id) → field (1)
	ModelKeys         = []byte("model_keys")         // unit 0 YYYY 0 name → u64(id)
	ImportedKeys      = []byte("imported_keys")      // branch 0 folded name 0 birth → idKey(member)
	ImportedIDs       = []byte("imported_ids")       // idKey(member) → its imported_keys key
	MemberPhones      = []byte("member_phones")      // +84… → idKey(imported member)
	// Member transfers (migration 3).
	Transfers       = []byte("transfers")        // u64(id) → Transfer
	UnitTransfers   = []byte("unit_transfers")   // destination unit 0 u64(id) → nil, while pending
	MemberTransfers = []byte("member_transfers") // idKey(member) → u64(id) of the member's pending transfer
	// The erasure log (erasure.CreateBucket).
	Erasures   = []byte("erasures") // "salt" → 16 random bytes; 'e' salt(16) mac(32) → unix seconds; "wipe_due" → unix nanoseconds of the latest erasure
	KeyWipeDue = []byte("wipe_due")
	// The unit tree (tree/tree_store.go).
	Tree            = []byte("unit_tree")
	KeySchema       = []byte("schema")
	KeyOffset       = []byte("offset")
	KeyAnonSequence = []byte("anon_seq")
)
