// Package seed writes realistic synthetic data into a youthbot database,
// for demos (`youthbot seed`) and benchmarks: a province's unit tree with
// Vietnamese names (province → districts → grassroots unions → branches),
// members with Vietnamese names spread over the branches with their
// membership stints (a few transferred between branches), a year of
// volunteer activities (about 80% confirmed), youth projects, most of them
// completed with a value, head counts and beneficiaries, activities of
// units with head counts (one per hundred member activities), yearly
// targets of the three kinds, breakthrough tasks and models.
package seed

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"

	"youthbot"
	"youthbot/storage"
)

// Options say how much to generate.
type Options struct {
	Units      int            // units in the tree, at least 4 (province, district, grassroots union, branch)
	Members    int            // members, spread over the branches
	Activities int            // activities, spread over the 12 months ending today
	Now        time.Time      // the generation's "now"; time.Now() when zero
	Loc        *time.Location // the bot's time zone, for dates; UTC when nil
	Seed       uint64         // the same seed and options give the same data
	// Flat lays the tree out as today's (after the 2025 reform): the
	// grassroots unions directly under the province, no district level.
	Flat bool
	// Merger adds, once everything is written, the merger of half of the
	// districts into the others on 1 January of today's year (MergeDistricts),
	// so the seed has a history; ignored with Flat.
	Merger bool
}

// RootCode is the code of the seeded province; a database that has it was
// seeded already.
const RootCode = "SH"

// MemberIDBase is the first seeded member's id. Seeded members have ids
// from it up: past the 52 bits a Telegram user id fits in, so none is a
// real user.
const MemberIDBase = int64(1) << 52

// Batch sizes: records per write transaction.
const (
	memberBatch   = 25_000
	activityBatch = 100_000
)

// Generate writes the data opts describe into db: units, members with
// their stints, activities, projects and targets. It refuses a database
// that already has units (the seeded province or any other). Writes go in large transactions;
// open db with storage.Options{NoSync: true} for speed when losing the
// data in a crash does not matter.
func Generate(db *storage.DB, opts Options) error {
	if opts.Units < 4 {
		return fmt.Errorf("seed: %d units: need at least 4 (province, district, grassroots union, branch)", opts.Units)
	}
	if opts.Members < 0 || opts.Activities < 0 {
		return fmt.Errorf("seed: negative counts")
	}
	if opts.Activities > 0 && opts.Members == 0 {
		return fmt.Errorf("seed: activities need members")
	}
	if opts.Loc == nil {
		opts.Loc = time.UTC
	}
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	g := &gen{o: opts, r: rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x9e3779b97f4a7c15)), today: youthbot.DateOf(opts.Now, opts.Loc)}
	g.tree()
	if err := db.Update(g.writeTree); err != nil {
		return err
	}
	g.people()
	for from := 0; from < len(g.members); from += memberBatch {
		to := min(from+memberBatch, len(g.members))
		if err := db.Update(func(tx *storage.Tx) error { return g.writeMembers(tx, g.members[from:to]) }); err != nil {
			return err
		}
	}
	acts := g.activities()
	for from := 0; from < len(acts); from += activityBatch {
		to := min(from+activityBatch, len(acts))
		if err := db.Update(func(tx *storage.Tx) error { return g.writeActivities(tx, acts[from:to]) }); err != nil {
			return err
		}
	}
	err := db.Update(func(tx *storage.Tx) error {
		if err := g.writeProjects(tx); err != nil {
			return err
		}
		if err := g.writeUnitActivities(tx); err != nil {
			return err
		}
		return g.writePlan(tx)
	})
	if err != nil || !opts.Merger || opts.Flat {
		return err
	}
	return db.Update(func(tx *storage.Tx) error {
		_, err := MergeDistricts(tx, youthbot.Date{Year: g.today.Year, Month: time.January, Day: 1}, g.today, opts.Loc)
		return err
	})
}

// MergeDistricts merges every other district of the seeded province into
// the next one on day (the changes recorded as in `youthbot units
// change`, applied today when day has come): what storage's and report's
// history benchmarks compare with the plain seed. It returns how many
// districts were merged.
func MergeDistricts(tx *storage.Tx, day, today youthbot.Date, loc *time.Location) (int, error) {
	districts := tx.ChildCodes(RootCode)
	var cs []youthbot.UnitChange
	for i := 0; i+1 < len(districts); i += 2 {
		cs = append(cs, youthbot.UnitChange{Row: i + 2, Date: day, Kind: youthbot.ChangeMerge, Unit: districts[i], Target: districts[i+1],
			Decision: fmt.Sprintf("%d-QĐ/TĐTN", i/2+1)})
	}
	n, err := tx.ApplyUnitChanges(cs, today, loc)
	if err != nil {
		return 0, fmt.Errorf("seed: merge districts: %w", err)
	}
	return n.Applied + n.Waiting, nil
}

// gen is one generation's state.
type gen struct {
	o     Options
	r     *rand.Rand
	today youthbot.Date

	units    []youthbot.Unit
	kinds    []placeKind // of each grassroots union, by unit index
	branches []int       // unit indexes of the branches
	weights  []float64   // cumulative size weights of the branches
	members  []person
	works    int
	tasks    int
	children int64 // children supported, for the province's target
}

type placeKind uint8

const (
	commune placeKind = iota
	school
	agency
)

// person is a member before it is written.
type person struct {
	m       youthbot.Member
	branch  int   // unit index of the current branch
	old     int   // unit index of the branch before a transfer, or -1
	movedAt int64 // unix time of the transfer, or 0
}

// tree lays out the units: about one district per 50 units, one grassroots
// union per 8, the rest branches.
func (g *gen) tree() {
	n := g.o.Units
	nd := max(1, n/50)
	if g.o.Flat {
		nd = 0
	}
	ng := max(1, (n-1-nd)/8)
	nb := n - 1 - nd - ng
	g.units = append(g.units, youthbot.Unit{Code: RootCode, Name: "Tỉnh đoàn Sông Hậu", Kind: youthbot.KindProvince})
	g.kinds = append(g.kinds, 0)
	for i := range nd {
		prefix := "Huyện đoàn "
		switch i {
		case 0:
			prefix = "Thành đoàn "
		case 1:
			prefix = "Thị đoàn "
		}
		g.add(youthbot.Unit{Code: fmt.Sprintf("%s-H%02d", RootCode, i+1), Name: prefix + nth(districtPlaces, i),
			Parent: RootCode, Kind: youthbot.KindDistrict}, 0)
	}
	firstGrassroots := len(g.units)
	for j := range ng {
		parent := RootCode
		code := fmt.Sprintf("%s-X%03d", parent, j+1)
		if nd > 0 {
			parent = g.units[1+j%nd].Code
			code = fmt.Sprintf("%s-X%02d", parent, j/nd+1)
		}
		switch j % 5 {
		case 3:
			g.add(youthbot.Unit{Code: code, Name: "Đoàn trường " + nth(schools, j/5), Parent: parent, Kind: youthbot.KindGrassroots}, school)
		case 4:
			g.add(youthbot.Unit{Code: code, Name: "Đoàn cơ sở " + nth(agencies, j/5), Parent: parent, Kind: youthbot.KindGrassroots}, agency)
		default:
			name := "Đoàn xã "
			if j%7 == 2 {
				name = "Đoàn phường "
			}
			g.add(youthbot.Unit{Code: code, Name: name + nth(communePlaces, j), Parent: parent, Kind: youthbot.KindGrassroots}, commune)
		}
	}
	for k := range nb {
		gi := firstGrassroots + k%ng
		parent := g.units[gi]
		i := k / ng
		var name string
		switch g.kinds[gi] {
		case school:
			name = "Chi đoàn lớp " + nth(classes, i)
		case agency:
			name = "Chi đoàn " + nth(divisions, i)
		default:
			name = "Chi đoàn ấp " + nth(communePlaces, k+i) + " " + nth(hamlets, i)
		}
		g.branches = append(g.branches, len(g.units))
		g.add(youthbot.Unit{Code: fmt.Sprintf("%s-C%02d", parent.Code, i+1), Name: name, Parent: parent.Code, Kind: youthbot.KindBranch}, 0)
	}
	// Branches differ in size: a weight between 0.3 and 1.7 each.
	total := 0.0
	for range g.branches {
		total += 0.3 + 1.4*g.r.Float64()
		g.weights = append(g.weights, total)
	}
}

func (g *gen) add(u youthbot.Unit, k placeKind) {
	g.units = append(g.units, u)
	g.kinds = append(g.kinds, k)
}

// nth is list[i], numbered after the first round: "Tân Bình", ..., "Tân
// Bình 2".
func nth(list []string, i int) string {
	s := list[i%len(list)]
	if round := i / len(list); round > 0 {
		s += " " + strconv.Itoa(round+1)
	}
	return s
}

func (g *gen) writeTree(tx *storage.Tx) error {
	if _, err := tx.Unit(RootCode); err == nil {
		return fmt.Errorf("seed: unit %s already exists: this database was seeded already", RootCode)
	}
	// Units of its own (imported, the console's demo): a second root would
	// break report, which needs one tree.
	existing, err := tx.Units()
	if err != nil {
		return fmt.Errorf("seed: %w", err)
	}
	if len(existing) > 0 {
		var roots []string
		for _, u := range existing {
			if u.Parent == "" {
				roots = append(roots, u.Code)
			}
		}
		return fmt.Errorf("seed: the database already has %d units (root %s): seed only an empty database; use a new --db",
			len(existing), strings.Join(roots, ", "))
	}
	for _, u := range g.units {
		if err := u.Validate(); err != nil {
			return fmt.Errorf("seed: unit %s: %w", u.Code, err)
		}
		if err := tx.PutUnit(u); err != nil {
			return err
		}
	}
	return nil
}

// pickBranch draws a branch (unit index) by size weight.
func (g *gen) pickBranch() int {
	x := g.r.Float64() * g.weights[len(g.weights)-1]
	i, _ := slices.BinarySearch(g.weights, x)
	return g.branches[min(i, len(g.branches)-1)]
}

// people makes the members: 94% approved, 4% waiting, 2% rejected; about
// one in seven approved within the last year; 1.5% transferred once.
func (g *gen) people() {
	now := g.o.Now
	familyTotal := 0
	for _, f := range familyNames {
		familyTotal += f.weight
	}
	for range g.o.Members {
		var name string
		x := g.r.IntN(familyTotal)
		for _, f := range familyNames {
			if x < f.weight {
				name = f.name
				break
			}
			x -= f.weight
		}
		if g.r.IntN(2) == 0 {
			name += " " + middleFemale[g.r.IntN(len(middleFemale))] + " " + givenFemale[g.r.IntN(len(givenFemale))]
		} else {
			name += " " + middleMale[g.r.IntN(len(middleMale))] + " " + givenMale[g.r.IntN(len(givenMale))]
		}
		age := 16 + g.r.IntN(15)
		if g.r.IntN(25) == 0 {
			age = 31 + g.r.IntN(5)
		}
		p := person{branch: g.pickBranch(), old: -1}
		p.m = youthbot.Member{FullName: name,
			Birth: g.today.AddDays(-(age*365 + g.r.IntN(365)))}
		if g.r.IntN(4) > 0 {
			p.m.Phone = fmt.Sprintf("+849%08d", g.r.IntN(100_000_000))
		}
		daysBack := 365 + g.r.IntN(2*365)
		if g.r.IntN(7) == 0 {
			daysBack = g.r.IntN(365)
		}
		reg := now.Add(-time.Duration(daysBack)*24*time.Hour - time.Duration(g.r.IntN(86400))*time.Second)
		decided := reg.Add(time.Duration(g.r.IntN(5*86400)) * time.Second)
		if decided.After(now) {
			decided = now
		}
		switch s := g.r.IntN(100); {
		case s < 94:
			p.m.Status, p.m.RegisteredAt, p.m.DecidedAt = youthbot.StatusApproved, reg, decided
			if g.r.IntN(200) < 3 && now.Sub(decided) > 30*24*time.Hour && len(g.branches) > 1 {
				p.old = p.branch
				for p.old == p.branch {
					p.old = g.pickBranch()
				}
				p.movedAt = decided.Unix() + g.r.Int64N(now.Unix()-decided.Unix())
				p.m.Past = []string{g.units[p.old].Code}
			}
		case s < 98:
			p.m.Status, p.m.RegisteredAt = youthbot.StatusPending, now.Add(-time.Duration(g.r.IntN(30*86400))*time.Second)
		default:
			p.m.Status, p.m.RegisteredAt, p.m.DecidedAt = youthbot.StatusRejected, reg, decided
		}
		p.m.Unit = g.units[p.branch].Code
		g.members = append(g.members, p)
	}
	// Ids in branch order, so that the member, unit and stint indexes are
	// written in key order.
	slices.SortStableFunc(g.members, func(a, b person) int { return cmp.Compare(a.m.Unit, b.m.Unit) })
	for i := range g.members {
		g.members[i].m.UserID = MemberIDBase + int64(i)
	}
}

func (g *gen) writeMembers(tx *storage.Tx, ps []person) error {
	for _, p := range ps {
		if err := tx.PutMember(p.m); err != nil {
			return err
		}
		if p.m.Status != youthbot.StatusApproved {
			continue
		}
		if p.movedAt == 0 {
			if err := tx.OpenStint(p.m.UserID, p.m.Unit, p.m.DecidedAt, true); err != nil {
				return err
			}
			continue
		}
		moved := time.Unix(p.movedAt, 0)
		old := g.units[p.old].Code
		if err := tx.OpenStint(p.m.UserID, old, p.m.DecidedAt, true); err != nil {
			return err
		}
		if err := tx.CloseStint(p.m.UserID, old, moved); err != nil {
			return err
		}
		if err := tx.OpenStint(p.m.UserID, p.m.Unit, moved, false); err != nil {
			return err
		}
	}
	return nil
}
