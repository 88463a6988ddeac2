package membership

import (
	"youthbot"
	"youthbot/bot"
	"youthbot/i18n"
	"youthbot/service"
)

// An imported member (youthbot import: no Telegram account) who registers
// in the bot takes over their record (service.ClaimImported): no second
// member, their history kept. A phone from the contact button is vouched
// for by Telegram, so it takes the record over at once; a match by name
// and date of birth, which anyone could type, waits for the secretary:
// their approval takes the record over (decideMember), and the request
// tells them of the match.

// claimByPhone takes over the imported record of m's branch with m's phone
// (from the contact button), if any, and tells the user and whoever
// decides registrations there; ok says it did (no registration to ask).
func (r *Room) claimByPhone(c *bot.Ctx, m youthbot.Member, unit youthbot.Unit) (ok bool, err error) {
	if m.Phone == "" {
		return false, nil
	}
	claim, ok, err := service.ClaimImportedByPhone(c.Tx, c.From.ID, m)
	if err != nil || !ok {
		return false, err
	}
	c.Reply(c.T("claim.done", claim.Member.FullName, unit.Name), nil)
	ids, _, err := r.b.Deciders(c.Tx, unit.Code, c.From.ID)
	if err != nil {
		return true, err
	}
	for _, id := range ids {
		err := c.Notify(id, "claim", func(lang string) (string, any) {
			return i18n.T(lang, "claim.told", claim.Member.FullName, unit.Name), nil
		})
		if err != nil {
			return true, err
		}
	}
	return true, nil
}

// claimByName takes over, on the approval of m's registration, the
// imported record of the same branch with m's name and date of birth (or
// phone); ok says it did, and m is then the record taken over (approved,
// with its history).
func (r *Room) claimByName(c *bot.Ctx, m *youthbot.Member) (ok bool, err error) {
	claim, ok, err := service.ClaimImported(c.Tx, m.UserID, *m)
	if err != nil || !ok {
		return false, err
	}
	unit, err := c.Tx.Unit(claim.Member.Unit)
	if err != nil {
		return true, err
	}
	*m = claim.Member
	return true, c.Deliver([]service.Notice{{To: m.UserID, Kind: "decision",
		Lines: []service.Text{{Key: "member.approved", Args: []any{unit.Name}}, {Key: "claim.history"}}}})
}

// importedMatch is the line of a registration's approval request saying
// it matches an imported member (by name and date of birth), whose record
// the approval will take over; "" when none.
func (r *Room) importedMatch(c *bot.Ctx, lang string, m youthbot.Member) string {
	if m.Status != youthbot.StatusPending || m.Birth.IsZero() {
		return ""
	}
	if _, found, err := c.Tx.ImportedByName(m.Unit, m.FullName, m.Birth); err != nil || !found {
		return ""
	}
	return i18n.T(lang, "claim.match")
}
