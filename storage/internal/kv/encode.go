package kv

import (
	"encoding/binary"
	"fmt"

	"youthbot"
)

// Encodings of values and keys that writers and figures share.

// MonthKey is the YYYYMM part of a key of d.
func MonthKey(d youthbot.Date) []byte { return fmt.Appendf(nil, "%04d%02d", d.Year, int(d.Month)) }

// Months returns the YYYYMM keys of p.
func Months(p youthbot.Period) [][]byte {
	var out [][]byte
	for m := p.From; m <= p.To; m++ {
		out = append(out, MonthKey(youthbot.Date{Year: p.Year, Month: m, Day: 1}))
	}
	return out
}

// groupIndex numbers the groups in entries (BenefitGroups order).
var groupIndex = func() map[youthbot.BenefitGroup]byte {
	m := map[youthbot.BenefitGroup]byte{}
	for i, g := range youthbot.BenefitGroups {
		m[g] = byte(i)
	}
	return m
}()

// AppendContribution writes the part of an index entry figures read for a
// unit activity or a done project: value, head counts, person-days, support
// and beneficiaries, as uvarints (most are small or zero):
//
//	value | members | youth | students | residents | person-day tenths | support |
//	n | n × (group index | people | value)
func AppendContribution(b []byte, value int64, c *youthbot.Contribution) []byte {
	for _, n := range []int64{value, c.Heads.Members, c.Heads.Youth, c.Heads.Students, c.Heads.Residents,
		c.PersonDayTenths, c.SupportVND} {
		b = binary.AppendUvarint(b, uint64(n))
	}
	b = binary.AppendUvarint(b, uint64(len(c.Beneficiaries)))
	for _, x := range c.Beneficiaries {
		b = append(b, groupIndex[x.Group])
		b = binary.AppendUvarint(b, uint64(x.People))
		b = binary.AppendUvarint(b, uint64(x.ValueVND))
	}
	return b
}

// ActEntryLen is the length of an activity's act_index entry: what figures
// need, so they never decode the activity itself.
//
//	status code (1) | tenths (4, big endian) | member (8, idKey) | day (1)
const ActEntryLen = 14

// LevelCodes encode a recognition level in a done entry (the project's
// own unit's kind when it names none, resolved when written); 0 is unknown:
// figures then read the unit's kind.
var LevelCodes = map[youthbot.UnitKind]byte{
	youthbot.KindProvince: 1, youthbot.KindDistrict: 2, youthbot.KindGrassroots: 3, youthbot.KindBranch: 4,
}

// LevelOfCode decodes LevelCodes.
var LevelOfCode = [...]youthbot.UnitKind{"", youthbot.KindProvince, youthbot.KindDistrict, youthbot.KindGrassroots, youthbot.KindBranch}
