package youthbot

// Gender is a member's gender, when known (imported members).
type Gender string

// Genders.
const (
	GenderMale   Gender = "male"   // nam
	GenderFemale Gender = "female" // nữ
)

// ImportedIDBase is the first id of members imported from a workbook, who
// have no Telegram account: Telegram user ids have at most 52 bits, so ids
// from 2^53 name no Telegram user. Such a member is approved, counted in
// figures like any other, and sent nothing; when the person registers in
// the bot (same phone, or same name and date of birth in the same branch)
// the record moves to their Telegram id (storage's TakeOverMember).
const ImportedIDBase int64 = 1 << 53

// IsImportedID reports whether id is an imported member's id, not a
// Telegram user's.
func IsImportedID(id int64) bool { return id >= ImportedIDBase }
