package storage

import (
	"encoding/json"
	"fmt"
	"strconv"

	"youthbot"
	"youthbot/storage/internal/kv"
)

// NewCampaign stores a new campaign with the next id (C1, C2, ...).
func (t *Tx) NewCampaign(c *youthbot.Campaign) error {
	n, err := t.tx.Bucket(kv.Campaigns).NextSequence()
	if err != nil {
		return fmt.Errorf("campaign sequence: %w", err)
	}
	c.ID = "C" + strconv.FormatUint(n, 10)
	return t.PutCampaign(c)
}

// Campaign returns the campaign with id, or ENOTFOUND.
func (t *Tx) Campaign(id string) (youthbot.Campaign, error) {
	var c youthbot.Campaign
	ok, err := kv.GetJSON(t.tx, kv.Campaigns, []byte(id), &c)
	if err != nil {
		return c, err
	}
	if !ok {
		return c, youthbot.Errorf(youthbot.ENOTFOUND, "err.campaign_unknown", id)
	}
	return c, nil
}

// PutCampaign writes a campaign.
func (t *Tx) PutCampaign(c *youthbot.Campaign) error {
	return kv.PutJSON(t.tx, kv.Campaigns, []byte(c.ID), c)
}

// Campaigns returns every campaign (there are few), oldest first.
func (t *Tx) Campaigns() ([]youthbot.Campaign, error) {
	var out []youthbot.Campaign
	err := t.tx.Bucket(kv.Campaigns).ForEach(func(k, v []byte) error {
		var c youthbot.Campaign
		if err := json.Unmarshal(v, &c); err != nil {
			return fmt.Errorf("decode campaign %s: %w", k, err)
		}
		out = append(out, c)
		return nil
	})
	return out, err
}
