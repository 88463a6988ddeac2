package report

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"youthbot"
	"youthbot/storage"
)

// jsonWalk calls fn for obj and every object of its children, depth first,
// with its parent (nil for obj).
func jsonWalk(obj map[string]any, fn func(u, parent map[string]any)) {
	var walk func(u, parent map[string]any)
	walk = func(u, parent map[string]any) {
		fn(u, parent)
		for _, c := range u["children"].([]any) {
			walk(c.(map[string]any), u)
		}
	}
	walk(obj, nil)
}

// jsonPath reads a dotted key of a JSON object ("participations_by.members");
// "beneficiaries.<group>.people" reads the group's entry of the list, 0 when
// the group is not listed.
func jsonPath(obj map[string]any, key string) (any, bool) {
	parts := strings.Split(key, ".")
	if parts[0] == "beneficiaries" && len(parts) == 3 {
		list, ok := obj["beneficiaries"].([]any)
		if !ok {
			return nil, false
		}
		for _, b := range list {
			if m := b.(map[string]any); m["group"] == parts[1] {
				v, ok := m[parts[2]]
				return v, ok
			}
		}
		return json.Number("0"), true
	}
	var v any = obj
	for _, p := range parts {
		m, ok := v.(map[string]any)
		if !ok {
			return nil, false
		}
		if v, ok = m[p]; !ok {
			return nil, false
		}
	}
	return v, true
}

// scalars are the JSON report's keys whose value is a number.
func scalars(obj map[string]any) []string {
	var out []string
	for k, v := range obj {
		if _, ok := v.(json.Number); ok {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

// TestJSONChildrenAreTheWholeTree checks the JSON report's tree against the
// storage: every unit's children are its child units down to the branches
// (whose children are []), every node's figures are those storage computes
// for that unit on its own, and the figures that only branches hold add up
// from the children; those a unit also holds itself add up with its own.
func TestJSONChildrenAreTheWholeTree(t *testing.T) {
	db := openDB(t)
	fixture(t, db)
	fixtureF7(t, db)
	// What units above the branches hold themselves: in the fixture a work
	// of VT and a task of PH-TB in March, and fixtureF7's records.
	own := func(unit string, p youthbot.Period) map[string]float64 {
		m := ownF7(unit, p)
		if p.Contains(youthbot.Date{Year: 2024, Month: 3, Day: 26}) {
			switch unit {
			case "VT":
				m["works_completed"]++
				m["works_by_level.district"]++
				m["value_vnd"] += 26_000_000
			case "PH-TB":
				m["tasks_completed"]++
				m["tasks_by_level.grassroots"]++
			}
		}
		return m
	}
	// Every figure adds up the tree but distinct members and targets.
	var additive []string
	for _, r := range figureRows() {
		if r.key != "members_active" && !strings.HasPrefix(r.key, "targets_") {
			additive = append(additive, r.key)
		}
	}
	for _, tt := range []struct {
		unit string
		p    youthbot.Period
	}{
		{"HG", march}, {"HG", youthbot.YearPeriod(2024)}, {"VT", march}, {"VT-CDCD", youthbot.MonthPeriod(2024, time.February)}, {cntt, march},
	} {
		t.Run(tt.unit+"/"+tt.p.String(), func(t *testing.T) {
			obj := decodeJSON(t, load(t, db, tt.unit, tt.p, PartTree))
			seen := 0
			jsonWalk(obj, func(u, _ map[string]any) {
				seen++
				code := u["unit"].(string)
				var want *youthbot.Figures
				var kids []string
				view(t, db, func(tx *storage.Tx) (err error) {
					kids = tx.ChildCodes(code)
					want, err = tx.Figures(code, tt.p, hcm)
					return err
				})
				want.Children = nil
				alone := decodeJSON(t, &Tally{Figures: want, parts: PartTree})
				for _, k := range scalars(alone) {
					if fmt.Sprint(u[k]) != fmt.Sprint(alone[k]) {
						t.Errorf("%s %s: tree %v, figures of the unit %v", code, k, u[k], alone[k])
					}
				}
				if fmt.Sprint(u["targets"]) != fmt.Sprint(alone["targets"]) {
					t.Errorf("%s targets: tree %v, figures of the unit %v", code, u["targets"], alone["targets"])
				}
				children := u["children"].([]any)
				var got []string
				for _, c := range children {
					got = append(got, c.(map[string]any)["unit"].(string))
				}
				if !slices.Equal(got, kids) {
					t.Errorf("%s children: %v, want %v", code, got, kids)
				}
				if len(children) == 0 {
					return
				}
				mine := own(code, tt.p)
				for _, k := range additive {
					sum := mine[k]
					for _, c := range children {
						v, _ := jsonPath(c.(map[string]any), k)
						sum += num(v)
					}
					if v, _ := jsonPath(u, k); math.Abs(num(v)-sum) > 1e-9 {
						t.Errorf("%s %s: %v, want the children's sum (and its own) %v", code, k, v, sum)
					}
				}
			})
			var subtree int
			view(t, db, func(tx *storage.Tx) error { subtree = len(tx.Subtree(tt.unit)); return nil })
			if seen != subtree {
				t.Errorf("the JSON tree has %d units, the subtree %d", seen, subtree)
			}
		})
	}
}

func TestJSONAndCSVNeedTheTree(t *testing.T) {
	db := openDB(t)
	fixture(t, db)
	tl := load(t, db, "HG", march, PartText)
	if _, err := tl.JSON(); err == nil {
		t.Error("JSON of a tally without its tree: no error")
	}
	if err := tl.CSV(discard{}); err == nil {
		t.Error("CSV of a tally without its tree: no error")
	}
}
