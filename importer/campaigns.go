package importer

import (
	"time"

	"youthbot"
	"youthbot/storage"
	"youthbot/vn"
)

// campaigns finds the campaign a HoatDong row's chien_dich names, or
// creates it.
//
// A row names a campaign of its unit or of a unit above it whose dates
// cover the row's (the nearest unit first), compared by folded name, as
// the bot's campaigns reach the whole subtree of their unit. A name that
// matches none is a new campaign of the row's unit for the row's year (1
// January to 31 December), created once however many rows name it.
// Imported campaigns are history: they are created ended, so that they
// send no reminders.
type campaigns struct {
	byName map[string][]youthbot.Campaign // folded name -> campaigns
}

func loadCampaigns(tx *storage.Tx) (*campaigns, error) {
	all, err := tx.Campaigns()
	if err != nil {
		return nil, err
	}
	c := &campaigns{byName: make(map[string][]youthbot.Campaign)}
	for _, x := range all {
		k := vn.FoldName(x.Name)
		c.byName[k] = append(c.byName[k], x)
	}
	return c, nil
}

// id returns the id of the campaign name of a row of unit dated day (zero
// when the row has none: year is then its year), creating the campaign in
// tx when there is none.
func (p *planner) campaignID(tx *storage.Tx, name, unit string, day youthbot.Date, year int) (string, error) {
	k := vn.FoldName(name)
	for u, depth := unit, 0; u != "" && depth < 64; u, depth = p.units[u].Parent, depth+1 { // the checks refused cycles
		for _, c := range p.camps.byName[k] {
			if c.Unit != u {
				continue
			}
			if day.IsZero() && c.Start.Year <= year && year <= c.End.Year || !day.IsZero() && !day.Before(c.Start) && !day.After(c.End) {
				return c.ID, nil
			}
		}
	}
	c := youthbot.Campaign{Name: name, Unit: unit,
		Start: youthbot.Date{Year: year, Month: time.January, Day: 1}, End: youthbot.Date{Year: year, Month: time.December, Day: 31},
		Cron: "0 8 1 1 *", CreatedAt: p.now, EndedAt: p.now}
	if err := tx.NewCampaign(&c); err != nil {
		return "", err
	}
	p.camps.byName[k] = append(p.camps.byName[k], c)
	return c.ID, nil
}
