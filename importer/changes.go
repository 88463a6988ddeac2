package importer

import (
	"errors"

	"youthbot"
	"youthbot/storage"
	"youthbot/workbook"
)

var changeKinds = map[workbook.ChangeKind]youthbot.ChangeKind{
	workbook.ChangeFound:    youthbot.ChangeFound,
	workbook.ChangeRename:   youthbot.ChangeRename,
	workbook.ChangeMove:     youthbot.ChangeMove,
	workbook.ChangeMerge:    youthbot.ChangeMerge,
	workbook.ChangeDissolve: youthbot.ChangeDissolve,
}

// UnitChanges returns the ThayDoiDonVi rows as changes of the unit tree.
func UnitChanges(rows []workbook.ChangeRow) []youthbot.UnitChange {
	out := make([]youthbot.UnitChange, 0, len(rows))
	for _, r := range rows {
		out = append(out, youthbot.UnitChange{Row: r.Row, Date: r.Date, Kind: changeKinds[r.Kind],
			Unit: r.Unit, Target: r.Target, NewName: r.NewName, UnitKind: r.UnitKind, Decision: r.Decision})
	}
	return out
}

// planChanges applies the ThayDoiDonVi rows last, after every other
// sheet (so a change may name a unit DonVi creates): checked in the order
// of their dates against the tree's history, all or nothing, each refusal
// at its row. A change recorded already counts as unchanged.
func (p *planner) planChanges() {
	if len(p.book.Changes) == 0 {
		return
	}
	changes := UnitChanges(p.book.Changes)
	p.write(sheetChanges, 0, "", func(tx *storage.Tx) error {
		n, err := tx.ApplyUnitChanges(changes, p.today, p.loc)
		var ce *storage.ChangeError
		if errors.As(err, &ce) {
			for _, pr := range ce.Problems {
				p.ps.at(sheetChanges, pr.Row, "", pr.Err.Key, pr.Err.Args...)
			}
			return nil
		}
		if err != nil {
			return err
		}
		c := p.count(sheetChanges)
		c.Created += n.Applied + n.Waiting
		c.Unchanged += n.Unchanged
		return nil
	})
}

const sheetChanges = "ThayDoiDonVi"

// historic reads, for a stored unit the tree's changes have changed, the
// unit as it stood before its first change: what DonVi describes.
func (p *planner) historic() {
	p.changed = map[string]bool{}
	for code := range p.stored {
		if first, later := p.tx.FirstVersion(code); later {
			p.stored[code], p.units[code] = first, first
			p.changed[code] = true
		}
	}
}

func (p *planner) planChangesStep() error { p.planChanges(); return nil }

// resolveCodes replaces, in every sheet but ThayDoiDonVi (which storage
// resolves in the order of its changes), a code a unit took by a rename
// (F8) with the unit's identity, the code its facts are stored under.
func (p *planner) resolveCodes() {
	resolve := func(code *string) {
		if *code == "" {
			return
		}
		if _, ok := p.stored[*code]; ok {
			return
		}
		if id, err := p.tx.ResolveUnit(*code); err == nil {
			*code = id
		}
	}
	b := p.book
	for i := range b.Units {
		resolve(&b.Units[i].Code)
		resolve(&b.Units[i].Parent)
	}
	for i := range b.Members {
		resolve(&b.Members[i].Branch)
	}
	for i := range b.Activities {
		resolve(&b.Activities[i].Unit)
	}
	for i := range b.Targets {
		resolve(&b.Targets[i].Unit)
	}
	for i := range b.Breakthroughs {
		resolve(&b.Breakthroughs[i].Unit)
	}
	for i := range b.Models {
		resolve(&b.Models[i].Unit)
	}
}
