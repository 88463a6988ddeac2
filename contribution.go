package youthbot

// HeadCounts are the participations (lượt) of an activity or a project by
// group of people: members (đoàn viên), youth (thanh niên), students (học
// sinh, sinh viên) and residents (người dân). They are counted as a whole,
// not by person: most people counted are not members and never use the
// bot.
type HeadCounts struct {
	Members   int64 `json:"members,omitempty"`
	Youth     int64 `json:"youth,omitempty"`
	Students  int64 `json:"students,omitempty"`
	Residents int64 `json:"residents,omitempty"`
}

// Total is the sum of the head counts.
func (h HeadCounts) Total() int64 { return h.Members + h.Youth + h.Students + h.Residents }

// Add adds o's counts to h.
func (h *HeadCounts) Add(o HeadCounts) {
	h.Members += o.Members
	h.Youth += o.Youth
	h.Students += o.Students
	h.Residents += o.Residents
}

// Limits of one activity or project's contribution: more is absurd for a
// single activity (the workbook's limits too).
const (
	MaxHeadCount  = 100_000   // people at one activity, all groups together
	MaxPeople     = 1_000_000 // beneficiaries of one activity and group
	MaxPersonDays = 1_000_000 // person-days of one activity
)

// MaxValueVND bounds an amount of đồng: a million tỷ. More is a typo.
const MaxValueVND = 1_000_000_000_000_000

// Validate checks every count is 0 or more and all together at most
// MaxHeadCount.
func (h HeadCounts) Validate() error {
	for _, n := range []int64{h.Members, h.Youth, h.Students, h.Residents} {
		if n < 0 {
			return Errorf(EINVALID, "err.head_count", MaxHeadCount)
		}
	}
	if h.Total() > MaxHeadCount {
		return Errorf(EINVALID, "err.head_count", MaxHeadCount)
	}
	return nil
}

// BenefitGroup is a group of beneficiaries (đối tượng hưởng lợi).
type BenefitGroup string

// Beneficiary groups, in the order reports list them (sorted by name).
const (
	BenefitChildren   BenefitGroup = "children"   // thiếu nhi có hoàn cảnh khó khăn
	BenefitElderly    BenefitGroup = "elderly"    // người cao tuổi
	BenefitHouseholds BenefitGroup = "households" // hộ nghèo, gia đình chính sách
	BenefitOthers     BenefitGroup = "others"     // khác
)

// BenefitGroups lists the groups in report order (sorted by name).
var BenefitGroups = []BenefitGroup{BenefitChildren, BenefitElderly, BenefitHouseholds, BenefitOthers}

// Valid reports whether g is a known group.
func (g BenefitGroup) Valid() bool {
	for _, x := range BenefitGroups {
		if g == x {
			return true
		}
	}
	return false
}

// Benefit is what one group of beneficiaries received from an activity or
// a project: people and the value given, in VND.
type Benefit struct {
	Group    BenefitGroup `json:"group"`
	People   int64        `json:"people"`
	ValueVND int64        `json:"value_vnd,omitempty"`
}

// Contribution is what an activity of a unit or a completed project adds
// to the figures besides members' own participations: head counts,
// person-days, support spent and beneficiaries. Value produced is the
// record's own ValueVND.
type Contribution struct {
	Heads           HeadCounts `json:"heads,omitzero"`
	PersonDayTenths int64      `json:"person_day_tenths,omitempty"` // ngày công × 10
	SupportVND      int64      `json:"support_vnd,omitempty"`       // kinh phí hỗ trợ
	// Beneficiaries holds at most one entry per group, in BenefitGroups
	// order (SetBenefit keeps it so).
	Beneficiaries []Benefit `json:"beneficiaries,omitempty"`
}

// SetBenefit sets (People 0 and ValueVND 0: removes) a group's benefit,
// keeping Beneficiaries in group order.
func (c *Contribution) SetBenefit(b Benefit) {
	out := c.Beneficiaries[:0:0]
	done := false
	for _, g := range BenefitGroups {
		if g == b.Group {
			done = true
			if b.People != 0 || b.ValueVND != 0 {
				out = append(out, b)
			}
			continue
		}
		for _, x := range c.Beneficiaries {
			if x.Group == g {
				out = append(out, x)
			}
		}
	}
	if !done {
		return // unknown group: Validate refuses it
	}
	if len(out) == 0 {
		out = nil
	}
	c.Beneficiaries = out
}

// Benefit returns a group's benefit (zero when none).
func (c *Contribution) Benefit(g BenefitGroup) Benefit {
	for _, b := range c.Beneficiaries {
		if b.Group == g {
			return b
		}
	}
	return Benefit{Group: g}
}

// Validate checks the contribution: head counts in range, amounts from 0
// to MaxValueVND, beneficiaries of known groups, each once.
func (c *Contribution) Validate() error {
	if err := c.Heads.Validate(); err != nil {
		return err
	}
	if c.PersonDayTenths < 0 || c.PersonDayTenths > 10*MaxPersonDays {
		return Errorf(EINVALID, "err.person_days")
	}
	if c.SupportVND < 0 || c.SupportVND > MaxValueVND {
		return Errorf(EINVALID, "err.value_vnd")
	}
	seen := map[BenefitGroup]bool{}
	for _, b := range c.Beneficiaries {
		if !b.Group.Valid() || seen[b.Group] {
			return Errorf(EINVALID, "err.benefit_group", string(b.Group))
		}
		seen[b.Group] = true
		if b.People < 0 || b.People > MaxPeople || b.ValueVND < 0 || b.ValueVND > MaxValueVND {
			return Errorf(EINVALID, "err.benefit_value")
		}
	}
	return nil
}
