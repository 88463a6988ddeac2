package bot

// What the membership room (bot/membership) uses of the core besides
// help.go (FollowLink, Commands) and shared.go: the refusal of a decision
// about oneself, and the reload of the sender's rights.

// SecretaryUnitsChanged says the sender's secretary roles changed in this
// update: SecretaryUnits reads them again.
func (c *Ctx) SecretaryUnitsChanged() { c.secLoaded = false }

// RefuseSelf refuses a decision about oneself (subject is the sender).
func RefuseSelf(c *Ctx, subject int64) error { return refuseSelf(c, subject) }
