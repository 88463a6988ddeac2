package storage

import (
	"youthbot"
	"youthbot/vn"
)

// Lookups by the workbook's keys, for an import that compares before it
// writes.

// ProjectByOfficeCode returns the project whose office code is ma, if any.
func (t *Tx) ProjectByOfficeCode(ma string) (youthbot.Project, bool, error) {
	ref, ok := t.OfficeCode(ma)
	if !ok || ref.Project == "" {
		return youthbot.Project{}, false, nil
	}
	p, err := t.Project(ref.Project)
	return p, err == nil, err
}

// CampaignByName returns unit's campaign whose name is name, compared
// folded (vn.FoldName), if any; the oldest when several are. Campaigns are
// few: it reads them all.
func (t *Tx) CampaignByName(unit, name string) (youthbot.Campaign, bool, error) {
	all, err := t.Campaigns()
	if err != nil {
		return youthbot.Campaign{}, false, err
	}
	want := vn.FoldName(name)
	for _, c := range all {
		if c.Unit == unit && vn.FoldName(c.Name) == want {
			return c, true, nil
		}
	}
	return youthbot.Campaign{}, false, nil
}
