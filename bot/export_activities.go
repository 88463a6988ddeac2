package bot

// What the activities room (bot/activities) uses of the core besides
// feature.go.

// ErrorText is the answer an error gets (a catalog message; an error
// without one is logged and answered as an internal failure), for a
// dialog that explains a wrong answer and asks again.
func (c *Ctx) ErrorText(err error) string { return c.errorText(err) }

// ActingUnits are the units the sender acts for: an admin's are the roots,
// a secretary's those they are secretary of.
func (c *Ctx) ActingUnits() []string {
	if c.IsAdmin() {
		return c.Tx.ChildCodes("")
	}
	return c.SecretaryUnits()
}
