package bot

// What the membership room (bot/membership) uses of the core besides
// help.go (FollowLink, Commands) and shared.go: the reload of the
// sender's rights.

// SecretaryUnitsChanged says the sender's secretary roles changed in this
// update: SecretaryUnits reads them again.
func (c *Ctx) SecretaryUnitsChanged() { c.secLoaded = false }
