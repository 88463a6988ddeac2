package plan

import (
	"encoding/binary"

	"youthbot"
	"youthbot/storage/internal/kv"
)

// Lookups by the workbook's keys, for an import that compares before it
// writes.

// BreakthroughByKey returns unit's breakthrough task of year whose text is
// text (as stored: the caller normalises spaces), if any.
func (t *Plan) BreakthroughByKey(unit string, year int, text string) (youthbot.Breakthrough, bool, error) {
	id := t.tx.Bucket(kv.BreakthroughKeys).Get(breakthroughKey(&youthbot.Breakthrough{Unit: unit, Year: year, Text: text}))
	if id == nil {
		return youthbot.Breakthrough{}, false, nil
	}
	b, err := t.Breakthrough(binary.BigEndian.Uint64(id))
	return b, err == nil, err
}

// ModelByKey returns unit's model of year named name (as stored), if any.
func (t *Plan) ModelByKey(unit string, year int, name string) (youthbot.Model, bool, error) {
	id := t.tx.Bucket(kv.ModelKeys).Get(modelKey(&youthbot.Model{Unit: unit, Year: year, Name: name}))
	if id == nil {
		return youthbot.Model{}, false, nil
	}
	m, err := t.Model(binary.BigEndian.Uint64(id))
	return m, err == nil, err
}
