package importer

import (
	"errors"
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

// Plan is a workbook checked against the database and the writes that
// import it, row by row in the order of workbook.SheetNames. Apply runs
// them and counts what each row did.
type Plan struct {
	p       *planner
	writes  []write
	applied bool
}

// write is the write of one row (or of one record several rows make).
type write struct {
	sheet string
	row   int
	col   string // the column a refusal of the write is about; "" for the row
	do    func(*storage.Tx) error
}

// Counts lists the sheets of the workbook that have rows, in the order
// they are applied, with what Apply did to their rows (all unchanged
// before Apply).
func (p *Plan) Counts() []Count {
	var out []Count
	for _, sheet := range workbook.SheetNames {
		if c := p.p.counts[sheet]; c != nil && c.Created+c.Updated+c.Unchanged > 0 {
			out = append(out, *c)
		}
	}
	return out
}

// Changes is the number of rows Apply created or updated.
func (p *Plan) Changes() int {
	n := 0
	for _, c := range p.Counts() {
		n += c.Created + c.Updated
	}
	return n
}

// Apply writes the plan in tx, the transaction it was built in, once. A
// write the domain refuses (a figure out of its bounds, an office code
// taken by a record of another kind) is reported at its row, like Build's
// problems, as a *workbook.Error; on any error the caller rolls tx back
// and nothing is written. A dry run applies the plan and rolls it back:
// the counts are exact.
func (p *Plan) Apply(tx *storage.Tx) error {
	if p.applied {
		return errors.New("import: the plan was applied already")
	}
	p.applied = true
	p.p.tx = tx
	for _, w := range p.writes {
		err := w.do(tx)
		var de *youthbot.Error
		switch {
		case err == nil:
		case errors.As(err, &de) && (de.Code == youthbot.EINVALID || de.Code == youthbot.ECONFLICT):
			p.p.ps.at(w.sheet, w.row, w.col, de.Key, de.Args...)
		default:
			return fmt.Errorf("import %s row %d: %w", w.sheet, w.row, err)
		}
	}
	return p.p.ps.err()
}

// planner checks a workbook and builds its Plan.
type planner struct {
	tx      *storage.Tx
	book    *workbook.Book
	now     time.Time
	today   youthbot.Date
	loc     *time.Location
	ps      *problems
	stored  map[string]youthbot.Unit // units of the database (as DonVi describes them: before the tree's changes)
	changed map[string]bool          // stored units the tree's changes have changed
	units   map[string]youthbot.Unit // the tree after the import
	counts  map[string]*Count
	plan    *Plan
	camps   *campaigns
}

// Build checks book against the database in tx, as of now in loc (the
// import's date is now's day there), and returns the plan that imports
// it. A workbook with any problem is refused whole: Build returns a
// *workbook.Error listing them (each "Sheet!Row: column: what") and no
// plan. Build writes nothing.
func Build(tx *storage.Tx, book *workbook.Book, now time.Time, loc *time.Location) (*Plan, error) {
	p := &planner{tx: tx, book: book, now: now, today: youthbot.DateOf(now, loc), loc: loc,
		ps: newProblems(book), stored: map[string]youthbot.Unit{}, units: map[string]youthbot.Unit{},
		counts: map[string]*Count{}}
	p.plan = &Plan{p: p}
	all, err := tx.Units()
	if err != nil {
		return nil, fmt.Errorf("import: %w", err)
	}
	for _, u := range all {
		p.stored[u.Code], p.units[u.Code] = u, u
	}
	for _, c := range book.Changes {
		if _, ok := p.units[c.Unit]; c.Kind == workbook.ChangeFound && !ok {
			// Founded by the workbook's changes (applied last): other
			// sheets may name it.
			p.units[c.Unit] = youthbot.Unit{Code: c.Unit, Name: c.NewName, Parent: c.Target, Kind: c.UnitKind}
		}
	}
	if p.camps, err = loadCampaigns(tx); err != nil {
		return nil, fmt.Errorf("import: %w", err)
	}
	p.resolveCodes()
	p.historic()
	p.planUnits()
	steps := []func() error{p.planMembers, p.planActivities, p.planTargets, p.planBreakthroughs, p.planModels, p.planChangesStep}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, fmt.Errorf("import: %w", err)
		}
	}
	if err := p.ps.err(); err != nil {
		return nil, err
	}
	return p.plan, nil
}

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

// add counts a row's change on its sheet.
func (p *planner) add(sheet string, ch storage.Change) {
	c := p.count(sheet)
	switch ch {
	case storage.Created:
		c.Created++
	case storage.Updated:
		c.Updated++
	default:
		c.Unchanged++
	}
}

// write adds the write of a row to the plan, applied after those added
// before it.
func (p *planner) write(sheet string, row int, col string, do func(*storage.Tx) error) {
	p.plan.writes = append(p.plan.writes, write{sheet: sheet, row: row, col: col, do: do})
}

// refuse reports a domain error of a row's values at its column.
func (p *planner) refuse(sheet string, row int, col string, err error) {
	var de *youthbot.Error
	if errors.As(err, &de) {
		p.ps.at(sheet, row, col, de.Key, de.Args...)
		return
	}
	p.ps.at(sheet, row, col, "imp.invalid")
}
