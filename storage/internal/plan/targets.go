package plan

import (
	"encoding/binary"
	"fmt"
	"strconv"

	"youthbot"
	"youthbot/storage/internal/kv"
)

func targetKey(unit string, year int, m youthbot.Metric) []byte {
	return kv.Join([]byte(unit), []byte(strconv.Itoa(year)), []byte(m))
}

// SetTarget sets (or with Value 0, removes) a unit's yearly target: one
// with a code (or of a kind other than metric) by its code, one set on a
// metric alone by its metric.
func (t *Plan) SetTarget(tg youthbot.Target) error {
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
func (t *Plan) Targets(unit string, year int) []youthbot.Target {
	var out []youthbot.Target
	for _, m := range youthbot.AllMetrics {
		if v := t.tx.Bucket(kv.Targets).Get(targetKey(unit, year, m)); v != nil {
			out = append(out, youthbot.Target{Unit: unit, Year: year, Metric: m, Value: int64(binary.BigEndian.Uint64(v))})
		}
	}
	coded, _ := t.codedTargets(unit, year)
	return append(out, coded...)
}
