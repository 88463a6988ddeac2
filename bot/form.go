package bot

import (
	"youthbot"
	"youthbot/service"
)

// Form is the order in which a dialog that fills a record (a project, a
// unit activity) asks for what its one-line form left out.
type Form struct {
	Fields []string // dialog data keys, in the order they are asked
	// Campaign is the key of the campaign field and Unit that of the unit
	// it is chosen for: when the unit has no campaign to choose from, the
	// field is filled with NoCampaign instead of being asked.
	Campaign, Unit, NoCampaign string
}

// Next makes the first field d has no value for d's step and stores d; it
// reports false, storing nothing, when every field has a value.
func (f Form) Next(c *Ctx, d *youthbot.Dialog) (bool, error) {
	for _, field := range f.Fields {
		if d.Data[field] != "" {
			continue
		}
		if field == f.Campaign {
			options, err := service.CampaignOptions(c.Tx, d.Data[f.Unit], c.Today)
			if err != nil {
				return false, err
			}
			if len(options) == 0 {
				d.Data[field] = f.NoCampaign
				continue
			}
		}
		d.Step, d.Updated = field, c.Now
		return true, c.Tx.PutDialog(c.From.ID, *d)
	}
	return false, nil
}
