package service

import "youthbot"

// CampaignStore reads the campaigns and the unit tree they cover.
type CampaignStore interface {
	Campaigns() ([]youthbot.Campaign, error)
	InSubtree(unit, top string) (bool, error)
}

// maxCampaignOptions is how many campaigns CampaignOptions offers.
const maxCampaignOptions = 8

// CampaignOptions are the campaigns a new project or activity of unit may
// name: those running on today (not ended, not past their end) that cover
// unit (a campaign is for its unit's subtree), the newest eight.
func CampaignOptions(st CampaignStore, unit string, today youthbot.Date) ([]youthbot.Campaign, error) {
	all, err := st.Campaigns()
	if err != nil {
		return nil, err
	}
	var out []youthbot.Campaign
	for _, camp := range all {
		if !camp.EndedAt.IsZero() || camp.End.Before(today) {
			continue
		}
		if ok, err := st.InSubtree(unit, camp.Unit); err == nil && ok {
			out = append(out, camp)
		}
	}
	if len(out) > maxCampaignOptions {
		out = out[len(out)-maxCampaignOptions:]
	}
	return out, nil
}
