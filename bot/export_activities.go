package bot

// What the activities room (bot/activities) uses of the core besides
// feature.go and export_projects.go.

// ActingUnits are the units the sender acts for: an admin's are the roots,
// a secretary's those they are secretary of.
func (c *Ctx) ActingUnits() []string {
	if c.IsAdmin() {
		return c.Tx.ChildCodes("")
	}
	return c.SecretaryUnits()
}
