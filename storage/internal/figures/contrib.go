package figures

import (
	"encoding/binary"

	"youthbot"
)

// contribSums are contributions added up: what figures keep per unit.
type contribSums struct {
	heads         youthbot.HeadCounts
	value         int64
	personDays    int64
	support       int64
	people, given [4]int64 // by BenefitGroups index
}

// addContribution decodes an entry's contribution into s. A short or
// damaged entry adds what it holds and stops.
func (s *contribSums) addContribution(b []byte) {
	var vals [8]int64
	for i := range vals {
		v, n := binary.Uvarint(b)
		if n <= 0 {
			return
		}
		vals[i], b = int64(v), b[n:]
		switch i {
		case 0:
			s.value += vals[0]
		case 1:
			s.heads.Members += vals[1]
		case 2:
			s.heads.Youth += vals[2]
		case 3:
			s.heads.Students += vals[3]
		case 4:
			s.heads.Residents += vals[4]
		case 5:
			s.personDays += vals[5]
		case 6:
			s.support += vals[6]
		}
	}
	for range vals[7] {
		if len(b) < 1 {
			return
		}
		g := int(b[0])
		b = b[1:]
		people, n := binary.Uvarint(b)
		if n <= 0 {
			return
		}
		b = b[n:]
		given, n := binary.Uvarint(b)
		if n <= 0 {
			return
		}
		b = b[n:]
		if g < len(s.people) {
			s.people[g] += int64(people)
			s.given[g] += int64(given)
		}
	}
}

func (s *contribSums) add(o *contribSums) {
	s.heads.Add(o.heads)
	s.value += o.value
	s.personDays += o.personDays
	s.support += o.support
	for i := range s.people {
		s.people[i] += o.people[i]
		s.given[i] += o.given[i]
	}
}

// benefits lists the groups with people > 0 (or support given to none
// counted: value > 0), in BenefitGroups order.
func (s *contribSums) benefits() []youthbot.Benefit {
	var out []youthbot.Benefit
	for i, g := range youthbot.BenefitGroups {
		if s.people[i] > 0 || s.given[i] > 0 {
			out = append(out, youthbot.Benefit{Group: g, People: s.people[i], ValueVND: s.given[i]})
		}
	}
	return out
}
