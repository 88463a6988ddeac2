package importer

import (
	"fmt"
	"time"

	"youthbot"
	"youthbot/storage"
	"youthbot/workbook"
)

// Count is what an import does to the rows of one sheet.
type Count struct {
	Sheet                       string // as workbook.SheetNames names it
	Name                        string // as the file names it
	Created, Updated, Unchanged int
}

// Plan is a workbook checked against the database: what each sheet
// creates, updates and leaves unchanged, and the writes that do it.
type Plan struct {
	// Counts lists the sheets of the workbook that have rows, in the order
	// of workbook.SheetNames (the order they are applied in).
	Counts []Count
	writes []func(*storage.Tx) error
}

// Changes is the number of rows the plan creates or updates.
func (p *Plan) Changes() int {
	n := 0
	for _, c := range p.Counts {
		n += c.Created + c.Updated
	}
	return n
}

// Apply writes the plan in tx, which must be the transaction (or a later
// one on an unchanged database) the plan was built in. On an error the
// caller rolls tx back: nothing is written.
func (p *Plan) Apply(tx *storage.Tx) error {
	for _, w := range p.writes {
		if err := w(tx); err != nil {
			return fmt.Errorf("import: %w", err)
		}
	}
	return nil
}

// planner builds a Plan.
type planner struct {
	tx     *storage.Tx
	book   *workbook.Book
	now    time.Time
	today  youthbot.Date
	loc    *time.Location
	ps     *problems
	stored map[string]youthbot.Unit // units of the database
	units  map[string]youthbot.Unit // the tree after the import
	plan   *Plan
	counts map[string]*Count
}

// Build checks book against the database in tx, as of now in loc (the
// import's date is now's day there), and returns what importing it would
// do. A workbook with any problem is refused whole: Build returns a
// *workbook.Error listing them (each "Sheet!Row: column: what") and no
// plan. Build writes nothing.
func Build(tx *storage.Tx, book *workbook.Book, now time.Time, loc *time.Location) (*Plan, error) {
	p := &planner{tx: tx, book: book, now: now, today: youthbot.DateOf(now, loc), loc: loc,
		ps: newProblems(book), stored: map[string]youthbot.Unit{}, units: map[string]youthbot.Unit{}, plan: &Plan{}, counts: map[string]*Count{}}
	all, err := tx.Units()
	if err != nil {
		return nil, fmt.Errorf("import: %w", err)
	}
	for _, u := range all {
		p.stored[u.Code], p.units[u.Code] = u, u
	}
	if len(book.Changes) > 0 {
		// F8's changes of the tree are not applied by this import yet.
		p.ps.at("ThayDoiDonVi", book.Changes[0].Row, "", "imp.changes_unsupported")
	}
	steps := []func() error{p.planUnits0, p.planMembers, p.planActivities, p.planTargets, p.planBreakthroughs, p.planModels}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, fmt.Errorf("import: %w", err)
		}
	}
	if err := p.ps.err(); err != nil {
		return nil, err
	}
	for _, sheet := range workbook.SheetNames {
		if c := p.counts[sheet]; c != nil && c.Created+c.Updated+c.Unchanged > 0 {
			p.plan.Counts = append(p.plan.Counts, *c)
		}
	}
	return p.plan, nil
}

func (p *planner) planUnits0() error { p.planUnits(); return nil }

// count returns the Count of sheet.
func (p *planner) count(sheet string) *Count {
	c := p.counts[sheet]
	if c == nil {
		name := p.ps.names[sheet]
		if name == "" {
			name = sheet
		}
		c = &Count{Sheet: sheet, Name: name}
		p.counts[sheet] = c
	}
	return c
}

// write adds a write to the plan, applied after those added before it.
func (p *planner) write(w func(*storage.Tx) error) { p.plan.writes = append(p.plan.writes, w) }
