package youthbot

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// problem is an expected ImportProblem: its line and a part of its message.
type problem struct {
	line int
	msg  string
}

// checkProblems checks that err is a *ImportError with exactly the problems
// want, in order.
func checkProblems(tb testing.TB, err error, want []problem) {
	tb.Helper()
	var ce *ImportError
	if !errors.As(err, &ce) {
		tb.Fatalf("got error %v (%T), want a *ImportError", err, err)
	}
	if len(ce.Problems) != len(want) {
		tb.Fatalf("got %d problems, want %d:\n%v", len(ce.Problems), len(want), err)
	}
	for i, p := range ce.Problems {
		if p.Line != want[i].line || !strings.Contains(p.Msg, want[i].msg) {
			tb.Errorf("problem %d: got %q, want line %d: ...%s...", i, p.String(), want[i].line, want[i].msg)
		}
	}
}

func TestImportError(t *testing.T) {
	t.Run("ListsProblemsWithLines", func(t *testing.T) {
		err := &ImportError{Problems: []ImportProblem{{2, "name is empty"}, {0, "reading the file: boom"}}}
		got, want := err.Error(), "line 2: name is empty\nreading the file: boom"
		if got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	})
	t.Run("SumsUpBeyondTwenty", func(t *testing.T) {
		var ce ImportError
		for i := range 25 {
			ce.Problems = append(ce.Problems, ImportProblem{Line: i + 2, Msg: "name is empty"})
		}
		lines := strings.Split(ce.Error(), "\n")
		if len(lines) != 21 {
			t.Fatalf("got %d lines, want 21", len(lines))
		}
		if got, want := lines[20], "and 5 more"; got != want {
			t.Errorf("got last line %q, want %q", got, want)
		}
		if got, want := lines[19], "line 21: name is empty"; got != want {
			t.Errorf("got line %q, want %q", got, want)
		}
	})
}

func TestPlanUnitImport(t *testing.T) {
	row := func(line int, code, name, parent string, kind UnitKind) UnitRow {
		return UnitRow{Unit{Code: code, Name: name, Parent: parent, Kind: kind}, line}
	}
	hg := Unit{Code: "HG", Name: "Tỉnh đoàn Hậu Giang", Kind: KindProvince}
	vt := Unit{Code: "VT", Name: "Thành đoàn Vị Thanh", Parent: "HG", Kind: KindDistrict}
	ph := Unit{Code: "PH", Name: "Huyện đoàn Phụng Hiệp", Parent: "HG", Kind: KindDistrict}
	tb := Unit{Code: "TB", Name: "Đoàn xã Tân Bình", Parent: "PH", Kind: KindGrassroots}
	mh := Unit{Code: "MH", Name: "Chi đoàn ấp Mỹ Hiệp", Parent: "TB", Kind: KindBranch}
	tree := map[string]Unit{"HG": hg, "VT": vt, "PH": ph, "TB": tb, "MH": mh}
	rowOf := func(line int, u Unit) UnitRow { return UnitRow{u, line} }
	with := func(u Unit, f func(*Unit)) Unit { f(&u); return u }

	tests := []struct {
		name       string
		existing   map[string]Unit
		incoming   []UnitRow
		hasMembers func(string) bool
		want       []Unit
		created    int
		updated    int
		errs       []problem
	}{
		{
			name:     "CreatesTreeParentsFirst",
			incoming: []UnitRow{rowOf(2, mh), rowOf(3, tb), rowOf(4, ph), rowOf(5, hg), rowOf(6, vt)},
			want:     []Unit{hg, ph, tb, mh, vt},
			created:  5,
		},
		{
			name:     "UpdatesChangedAndSkipsUnchanged",
			existing: map[string]Unit{"HG": hg, "VT": vt},
			incoming: []UnitRow{
				rowOf(2, hg),
				rowOf(3, with(vt, func(u *Unit) { u.Name = "Thành đoàn Vị Thanh (mới)" })),
				rowOf(4, ph),
			},
			want:    []Unit{with(vt, func(u *Unit) { u.Name = "Thành đoàn Vị Thanh (mới)" }), ph},
			created: 1,
			updated: 1,
		},
		{
			name:     "TakesParentsFromDatabase",
			existing: tree,
			incoming: []UnitRow{row(2, "TL", "Chi đoàn ấp Tân Long", "TB", KindBranch)},
			want:     []Unit{{Code: "TL", Name: "Chi đoàn ấp Tân Long", Parent: "TB", Kind: KindBranch}},
			created:  1,
		},
		{
			name:     "NormalizesCodesAndNames",
			existing: tree,
			incoming: []UnitRow{row(2, " tl ", "Chi  đoàn ấp Tân Long ", "tb", "Branch")},
			want:     []Unit{{Code: "TL", Name: "Chi đoàn ấp Tân Long", Parent: "TB", Kind: KindBranch}},
			created:  1,
		},
		{
			name:     "MovesSubtree",
			existing: tree,
			incoming: []UnitRow{rowOf(2, with(tb, func(u *Unit) { u.Parent = "VT" }))},
			want:     []Unit{with(tb, func(u *Unit) { u.Parent = "VT" })},
			updated:  1,
		},
		{
			name:     "ChangesKindOfBranchWithoutMembers",
			existing: tree,
			incoming: []UnitRow{rowOf(2, with(mh, func(u *Unit) { u.Kind = KindGrassroots }))},
			hasMembers: func(code string) bool {
				return code != "MH"
			},
			want:    []Unit{with(mh, func(u *Unit) { u.Kind = KindGrassroots })},
			updated: 1,
		},
		{
			name:     "ReplacesRoot",
			existing: tree,
			incoming: []UnitRow{
				row(2, "VN", "Trung ương Đoàn", "", KindProvince),
				rowOf(3, with(hg, func(u *Unit) { u.Parent = "VN" })),
			},
			want:    []Unit{{Code: "VN", Name: "Trung ương Đoàn", Kind: KindProvince}, with(hg, func(u *Unit) { u.Parent = "VN" })},
			created: 1,
			updated: 1,
		},
		{
			name:     "RejectsMissingParent",
			existing: tree,
			incoming: []UnitRow{row(2, "TL", "Chi đoàn ấp Tân Long", "XX", KindBranch)},
			errs:     []problem{{2, "parent XX of unit TL does not exist"}},
		},
		{
			name:     "RejectsCycleInFile",
			existing: tree,
			incoming: []UnitRow{
				row(2, "A", "Đoàn A", "B", KindGrassroots),
				row(3, "B", "Đoàn B", "C", KindGrassroots),
				row(4, "C", "Đoàn C", "A", KindGrassroots),
			},
			errs: []problem{{2, "units A → B → C → A form a cycle"}},
		},
		{
			name:     "RejectsCycleThroughDatabase",
			existing: tree,
			incoming: []UnitRow{rowOf(7, with(ph, func(u *Unit) { u.Parent = "TB" }))},
			errs:     []problem{{7, "units PH → TB → PH form a cycle"}},
		},
		{
			name:     "RejectsSelfParent",
			existing: tree,
			incoming: []UnitRow{rowOf(2, with(vt, func(u *Unit) { u.Parent = "VT" }))},
			errs:     []problem{{2, "its own parent"}},
		},
		{
			name:     "RejectsChildOfBranchInFile",
			incoming: []UnitRow{rowOf(2, hg), row(3, "B", "Chi đoàn B", "HG", KindBranch), row(4, "C", "Chi đoàn C", "B", KindBranch)},
			errs:     []problem{{4, "parent B of unit C is a branch"}},
		},
		{
			name:     "RejectsChildOfBranchInDatabase",
			existing: tree,
			incoming: []UnitRow{row(2, "C", "Tổ C", "MH", KindBranch)},
			errs:     []problem{{2, "parent MH of unit C is a branch"}},
		},
		{
			name:     "RejectsBranchWithChildUnits",
			existing: tree,
			incoming: []UnitRow{rowOf(3, with(tb, func(u *Unit) { u.Kind = KindBranch }))},
			errs:     []problem{{3, "unit TB cannot be a branch: it has child units (MH)"}},
		},
		{
			name:       "RejectsKindChangeOfBranchWithMembers",
			existing:   tree,
			incoming:   []UnitRow{rowOf(2, with(mh, func(u *Unit) { u.Kind = KindGrassroots }))},
			hasMembers: func(code string) bool { return code == "MH" },
			errs:       []problem{{2, "unit MH is a branch with members: it cannot become a grassroots"}},
		},
		{
			name:     "RejectsSecondRoot",
			existing: tree,
			incoming: []UnitRow{row(2, "CT", "Thành đoàn Cần Thơ", "", KindProvince)},
			errs:     []problem{{2, "unit CT has no parent, but HG is also a root"}},
		},
		{
			name:     "RejectsDuplicateCodes",
			incoming: []UnitRow{rowOf(2, hg), row(3, "hg", "Tỉnh đoàn khác", "", KindProvince)},
			errs:     []problem{{3, "code HG is used twice: also on line 2"}},
		},
		{
			name:     "RejectsInvalidUnitsWithoutFollowUpErrors",
			incoming: []UnitRow{rowOf(2, hg), row(3, "VT", "", "HG", KindDistrict), row(4, "X", "Chi đoàn X", "VT", KindBranch)},
			errs:     []problem{{3, "name is empty"}},
		},
		{
			name:     "ReportsEveryProblemWithItsLine",
			existing: tree,
			incoming: []UnitRow{
				row(2, "A", "Đoàn A", "NOPE", KindGrassroots),
				row(3, "B", "Đoàn B", "MH", KindGrassroots),
				row(4, "C", "Đoàn C", "", KindProvince),
				row(5, "D", "Đoàn D", "HG", "tổ"),
			},
			errs: []problem{{2, "does not exist"}, {3, "is a branch"}, {4, "also a root"}, {5, `kind "tổ" is unknown`}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plan, created, updated, err := PlanUnitImport(tt.existing, tt.incoming, tt.hasMembers)
			if tt.errs != nil {
				checkProblems(t, err, tt.errs)
				if plan != nil {
					t.Errorf("got a plan of %d units with an error, want none", len(plan))
				}
				return
			}
			if err != nil {
				t.Fatalf("got error %v, want none", err)
			}
			if !slices.Equal(plan, tt.want) {
				t.Errorf("got plan  %+v\nwant plan %+v", plan, tt.want)
			}
			if created != tt.created || updated != tt.updated {
				t.Errorf("got %d created, %d updated, want %d, %d", created, updated, tt.created, tt.updated)
			}
		})
	}
}
