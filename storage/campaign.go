package storage

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"strconv"
	"youthbot/storage/internal/kv"

	"youthbot"
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

func targetKey(unit string, year int, m youthbot.Metric) []byte {
	return kv.Join([]byte(unit), []byte(strconv.Itoa(year)), []byte(m))
}

// SetTarget sets (or with Value 0, removes) a unit's yearly target: one
// with a code (or of a kind other than metric) by its code, one set on a
// metric alone by its metric.
func (t *Tx) SetTarget(tg youthbot.Target) error {
	if tg.Code != "" || tg.KindOf() != youthbot.TargetMetric {
		if tg.Code == "" {
			return fmt.Errorf("target of kind %s without a code", tg.Kind)
		}
		k := targetSpecKey(tg.Unit, tg.Year, tg.Code)
		if tg.Value <= 0 {
			return t.tx.Bucket(kv.TargetSpecs).Delete(k)
		}
		return kv.PutJSON(t.tx, kv.TargetSpecs, k, tg)
	}
	k := targetKey(tg.Unit, tg.Year, tg.Metric)
	if tg.Value <= 0 {
		return t.tx.Bucket(kv.Targets).Delete(k)
	}
	return t.tx.Bucket(kv.Targets).Put(k, kv.U64Key(uint64(tg.Value)))
}

// Targets returns a unit's targets of a year: those set on a metric alone
// in metric order, then those with a code by code. A record that does not
// decode is left out.
func (t *Tx) Targets(unit string, year int) []youthbot.Target {
	var out []youthbot.Target
	for _, m := range youthbot.AllMetrics {
		if v := t.tx.Bucket(kv.Targets).Get(targetKey(unit, year, m)); v != nil {
			out = append(out, youthbot.Target{Unit: unit, Year: year, Metric: m, Value: int64(binary.BigEndian.Uint64(v))})
		}
	}
	coded, _ := t.codedTargets(unit, year)
	return append(out, coded...)
}
