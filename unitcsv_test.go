package youthbot

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

const header = "code,name,parent,kind\n"

// problem is an expected CSVProblem: its line and a part of its message.
type problem struct {
	line int
	msg  string
}

func TestParseUnitsCSV(t *testing.T) {
	hg := Unit{Code: "HG", Name: "Tỉnh đoàn Hậu Giang", Kind: KindProvince}
	vt := Unit{Code: "VT", Name: "Thành đoàn Vị Thanh", Parent: "HG", Kind: KindDistrict}
	longName := string([]rune(strings.Repeat("Chi đoàn Khoa Công nghệ thông tin ", 4))[:MaxUnitNameLen])
	if utf8.RuneCountInString(longName) != MaxUnitNameLen || strings.HasSuffix(longName, " ") {
		t.Fatalf("bad test name %q", longName)
	}

	tests := []struct {
		name string
		in   string
		want []UnitRow
		errs []problem
	}{
		{
			name: "ParsesValidFile",
			in:   header + "HG,Tỉnh đoàn Hậu Giang,,province\nVT,Thành đoàn Vị Thanh,HG,district\n",
			want: []UnitRow{{hg, 2}, {vt, 3}},
		},
		{
			name: "AcceptsColumnsInAnyOrder",
			in:   "kind,parent,name,code\nprovince,,Tỉnh đoàn Hậu Giang,HG\n",
			want: []UnitRow{{hg, 2}},
		},
		{
			name: "AcceptsHeaderInAnyCaseWithSpaces",
			in:   " Code , NAME,Parent ,Kind\nHG,Tỉnh đoàn Hậu Giang,,province\n",
			want: []UnitRow{{hg, 2}},
		},
		{
			name: "AcceptsUTF8BOM",
			in:   "\ufeff" + header + "HG,Tỉnh đoàn Hậu Giang,,province\n",
			want: []UnitRow{{hg, 2}},
		},
		{
			name: "AcceptsBOMBeforeQuotedHeader",
			in:   "\ufeff\"code\",\"name\",\"parent\",\"kind\"\nHG,Tỉnh đoàn Hậu Giang,,province\n",
			want: []UnitRow{{hg, 2}},
		},
		{
			name: "AcceptsWindowsLineEndings",
			in:   "code,name,parent,kind\r\nHG,Tỉnh đoàn Hậu Giang,,province\r\nVT,Thành đoàn Vị Thanh,HG,district\r\n",
			want: []UnitRow{{hg, 2}, {vt, 3}},
		},
		{
			name: "AcceptsMissingFinalNewline",
			in:   header + "HG,Tỉnh đoàn Hậu Giang,,province",
			want: []UnitRow{{hg, 2}},
		},
		{
			name: "SkipsBlankLines",
			in:   "\n" + header + "\nHG,Tỉnh đoàn Hậu Giang,,province\n,,,\n  \n\r\nVT,Thành đoàn Vị Thanh,HG,district\n\n",
			want: []UnitRow{{hg, 4}, {vt, 8}},
		},
		{
			name: "NormalizesCodesAndKinds",
			in:   header + " hg ,Tỉnh đoàn Hậu Giang,, Province \nvt,Thành đoàn Vị Thanh, hg ,DISTRICT\n",
			want: []UnitRow{{hg, 2}, {vt, 3}},
		},
		{
			name: "KeepsVietnameseNamesExactly",
			in:   header + "HG,Tỉnh đoàn Hậu Giang,,province\nCNTT,Chi đoàn Khoa Công nghệ thông tin,HG,branch\n",
			want: []UnitRow{{hg, 2}, {Unit{Code: "CNTT", Name: "Chi đoàn Khoa Công nghệ thông tin", Parent: "HG", Kind: KindBranch}, 3}},
		},
		{
			name: "NormalizesDecomposedNamesToNFC",
			in:   header + "HG," + norm.NFD.String("Tỉnh đoàn Hậu Giang") + ",,province\n",
			want: []UnitRow{{hg, 2}},
		},
		{
			name: "CollapsesSpacesInNames",
			in:   header + "HG,\"  Tỉnh   đoàn\tHậu Giang \",,province\n",
			want: []UnitRow{{hg, 2}},
		},
		{
			name: "AcceptsQuotedFieldsWithCommasAndQuotes",
			in:   header + "HG,\"Đoàn xã Tân Bình, huyện \"\"Phụng Hiệp\"\"\",,province\n",
			want: []UnitRow{{Unit{Code: "HG", Name: "Đoàn xã Tân Bình, huyện \"Phụng Hiệp\"", Kind: KindProvince}, 2}},
		},
		{
			name: "CountsLinesAfterMultilineField",
			in:   header + "HG,\"Tỉnh đoàn\nHậu Giang\",,province\nVT,Thành đoàn Vị Thanh,HG,district\nX1,,HG,branch\n",
			errs: []problem{{5, "name is empty"}},
		},
		{
			name: "AcceptsNameOfMaxLength",
			in:   header + "HG," + longName + ",,province\n",
			want: []UnitRow{{Unit{Code: "HG", Name: longName, Kind: KindProvince}, 2}},
		},
		{
			name: "RejectsNameOverMaxLength",
			in:   header + "HG," + longName + "Đ,,province\n",
			errs: []problem{{2, "name is 121 characters long, at most 120"}},
		},
		{
			name: "RejectsEmptyFile",
			in:   "",
			errs: []problem{{1, "the file is empty"}},
		},
		{
			name: "RejectsBlankFile",
			in:   "\r\n\n",
			errs: []problem{{1, "the file is empty"}},
		},
		{
			name: "RejectsHeaderWithoutRows",
			in:   header,
			errs: []problem{{2, "no units"}},
		},
		{
			name: "RejectsHeaderAfterBlankLinesWithoutRows",
			in:   "\n\n" + header + "\n",
			errs: []problem{{4, "no units"}},
		},
		{
			name: "RejectsMissingHeader",
			in:   "HG,Tỉnh đoàn Hậu Giang,,province\n",
			errs: []problem{{1, "missing header"}},
		},
		{
			name: "RejectsUnknownColumn",
			in:   "code,name,parent,kind,phone\nHG,Tỉnh đoàn Hậu Giang,,province,\n",
			errs: []problem{{1, `unknown column "phone"`}},
		},
		{
			name: "RejectsMissingColumn",
			in:   "code,name,parent\nHG,Tỉnh đoàn Hậu Giang,\n",
			errs: []problem{{1, `column "kind" is missing`}},
		},
		{
			name: "RejectsMisspelledColumn",
			in:   "code,name,parnet,kind\nHG,Tỉnh đoàn Hậu Giang,,province\n",
			errs: []problem{{1, `unknown column "parnet"`}, {1, `column "parent" is missing`}},
		},
		{
			name: "RejectsDuplicateColumn",
			in:   "code,name,parent,kind,code\nHG,Tỉnh đoàn Hậu Giang,,province,HG\n",
			errs: []problem{{1, `column "code" appears twice`}},
		},
		{
			name: "RejectsTooFewFields",
			in:   header + "HG,Tỉnh đoàn Hậu Giang,province\n",
			errs: []problem{{2, "3 fields, want 4"}},
		},
		{
			name: "RejectsTooManyFields",
			in:   header + "HG,Tỉnh đoàn, Hậu Giang,,province\n",
			errs: []problem{{2, "5 fields, want 4"}},
		},
		{
			name: "RejectsEmptyCode",
			in:   header + " ,Tỉnh đoàn Hậu Giang,,province\n",
			errs: []problem{{2, "code is empty"}},
		},
		{
			name: "RejectsCodeWithSpace",
			in:   header + "H G,Tỉnh đoàn Hậu Giang,,province\n",
			errs: []problem{{2, `code "H G" is invalid`}},
		},
		{
			name: "RejectsCodeWithDiacritics",
			in:   header + "HGĐ,Tỉnh đoàn Hậu Giang,,province\n",
			errs: []problem{{2, `code "HGĐ" is invalid`}},
		},
		{
			name: "RejectsCodeWithSlash",
			in:   header + "H/G,Tỉnh đoàn Hậu Giang,,province\n",
			errs: []problem{{2, `code "H/G" is invalid`}},
		},
		{
			name: "RejectsTooLongCode",
			in:   header + strings.Repeat("A", MaxUnitCodeLen+1) + ",Tỉnh đoàn Hậu Giang,,province\n",
			errs: []problem{{2, "longer than 24 characters"}},
		},
		{
			name: "RejectsInvalidParentCode",
			in:   header + "VT,Thành đoàn Vị Thanh,H G,district\n",
			errs: []problem{{2, `parent "H G" is invalid`}},
		},
		{
			name: "RejectsEmptyName",
			in:   header + "HG,  ,,province\n",
			errs: []problem{{2, "name is empty"}},
		},
		{
			name: "RejectsControlCharactersInName",
			in:   header + "HG,Tỉnh đoàn\x00Hậu Giang,,province\n",
			errs: []problem{{2, "control characters"}},
		},
		{
			name: "RejectsUnknownKind",
			in:   header + "HG,Tỉnh đoàn Hậu Giang,,tỉnh\n",
			errs: []problem{{2, `kind "tỉnh" is unknown`}},
		},
		{
			name: "RejectsEmptyKind",
			in:   header + "HG,Tỉnh đoàn Hậu Giang,,\n",
			errs: []problem{{2, "kind is empty"}},
		},
		{
			name: "RejectsDuplicateCode",
			in:   header + "HG,Tỉnh đoàn Hậu Giang,,province\nVT,Thành đoàn Vị Thanh,HG,district\nhg,Tỉnh đoàn khác,,province\n",
			errs: []problem{{4, "code HG is used twice: also on line 2"}},
		},
		{
			name: "RejectsSelfParent",
			in:   header + "HG,Tỉnh đoàn Hậu Giang,hg,province\n",
			errs: []problem{{2, "unit HG is its own parent"}},
		},
		{
			name: "RejectsInvalidUTF8",
			in:   header + "HG,T\xe1nh \xf0o\xe0n,,province\n",
			errs: []problem{{2, "not valid UTF-8"}},
		},
		{
			name: "RejectsLatin1File",
			in:   header + "HG,Tr\xe2n,,province\n",
			errs: []problem{{2, "not valid UTF-8"}},
		},
		{
			name: "RejectsBareQuote",
			in:   header + "HG,Tỉnh đoàn \"Hậu Giang,,province\nVT,Thành đoàn Vị Thanh,HG,district\n",
			errs: []problem{{2, "broken quotes"}},
		},
		{
			name: "RejectsTextAfterClosingQuote",
			in:   header + "HG,\"Tỉnh đoàn\" Hậu Giang,,province\n",
			errs: []problem{{2, "broken quotes"}},
		},
		{
			name: "RejectsUnterminatedQuote",
			in:   header + "HG,Tỉnh đoàn Hậu Giang,,province\nVT,\"Thành đoàn Vị Thanh,HG,district\nPH,Huyện đoàn Phụng Hiệp,HG,district\n",
			errs: []problem{{3, "broken quotes"}},
		},
		{
			name: "ReportsEveryProblemWithItsLine",
			in: header +
				"HG,Tỉnh đoàn Hậu Giang,,province\n" +
				"V T,Thành đoàn Vị Thanh,HG,district\n" +
				"PH,,HG,district\n" +
				"X,Chi đoàn X,HG\n" +
				"HG,Tỉnh đoàn khác,,province\n" +
				"Y,\"Chi đoàn \"Y\",HG,branch\n" +
				"Z,Chi đoàn Z,HG,chi_doan\n" +
				"W,\"Chi đoàn W,HG,branch\n" +
				"V,Chi đoàn V,HG,branch\n",
			errs: []problem{
				{3, `code "V T" is invalid`},
				{4, "name is empty"},
				{5, "3 fields"},
				{6, "used twice"},
				{7, "broken quotes"},
				{8, `kind "chi_doan" is unknown`},
				{9, "runs on to line 10"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseUnitsCSV(strings.NewReader(tt.in))
			if tt.errs != nil {
				checkProblems(t, err, tt.errs)
				if got != nil {
					t.Errorf("got %d rows with an error, want none", len(got))
				}
				return
			}
			if err != nil {
				t.Fatalf("got error %v, want none", err)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

// checkProblems checks that err is a *CSVError with exactly the problems
// want, in order.
func checkProblems(tb testing.TB, err error, want []problem) {
	tb.Helper()
	var ce *CSVError
	if !errors.As(err, &ce) {
		tb.Fatalf("got error %v (%T), want a *CSVError", err, err)
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

func TestCSVError(t *testing.T) {
	t.Run("ListsProblemsWithLines", func(t *testing.T) {
		err := &CSVError{Problems: []CSVProblem{{2, "name is empty"}, {0, "reading the file: boom"}}}
		got, want := err.Error(), "line 2: name is empty\nreading the file: boom"
		if got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	})
	t.Run("SumsUpBeyondTwenty", func(t *testing.T) {
		var ce CSVError
		for i := range 25 {
			ce.Problems = append(ce.Problems, CSVProblem{Line: i + 2, Msg: "name is empty"})
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
	t.Run("IsInvalidInput", func(t *testing.T) {
		_, err := ParseUnitsCSV(strings.NewReader("x"))
		if got, want := ErrorCode(err), EINVALID; got != want {
			t.Errorf("got code %q, want %q", got, want)
		}
		var e *Error
		if !errors.As(err, &e) || e.Key != "err.units_csv" {
			t.Errorf("got %v, want key err.units_csv", e)
		}
	})
}

func TestParseUnitsCSVDemoFile(t *testing.T) {
	f, err := os.Open("demo/units.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := ParseUnitsCSV(f)
	if err != nil {
		t.Fatalf("parse demo file: %v", err)
	}
	plan, created, updated, err := PlanUnitImport(nil, rows, nil)
	if err != nil {
		t.Fatalf("plan demo file: %v", err)
	}
	if created != len(rows) || updated != 0 || len(plan) != len(rows) {
		t.Errorf("got %d created, %d updated of %d, want all created", created, updated, len(rows))
	}
	kinds := make(map[UnitKind]int)
	byCode := make(map[string]Unit)
	for _, u := range plan {
		kinds[u.Kind]++
		byCode[u.Code] = u
	}
	want := map[UnitKind]int{KindProvince: 1, KindDistrict: 2, KindGrassroots: 3, KindBranch: 6}
	if fmt.Sprint(kinds) != fmt.Sprint(want) {
		t.Errorf("got kinds %v, want %v", kinds, want)
	}
	if got, want := byCode["HG"].Name, "Tỉnh đoàn Hậu Giang"; got != want {
		t.Errorf("got root name %q, want %q", got, want)
	}
	if got, want := byCode["VT-CDCD-CNTT"].Name, "Chi đoàn Khoa Công nghệ thông tin"; got != want {
		t.Errorf("got branch name %q, want %q", got, want)
	}
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

// FuzzParseUnitsCSV checks that no file makes ParseUnitsCSV panic, that the
// units it returns are valid and unique, and that planning them either fails
// cleanly or orders parents first.
func FuzzParseUnitsCSV(f *testing.F) {
	f.Add([]byte(header + "HG,Tỉnh đoàn Hậu Giang,,province\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rows, err := ParseUnitsCSV(bytes.NewReader(data))
		if err != nil {
			var ce *CSVError
			if !errors.As(err, &ce) || len(ce.Problems) == 0 {
				t.Fatalf("got error %v (%T), want a *CSVError with problems", err, err)
			}
			if rows != nil {
				t.Fatalf("got %d rows with an error", len(rows))
			}
			_ = err.Error()
			return
		}
		seen := make(map[string]bool)
		for _, r := range rows {
			if err := r.Validate(); err != nil {
				t.Fatalf("line %d: got invalid unit %+v: %v", r.Line, r.Unit, err)
			}
			if seen[r.Code] {
				t.Fatalf("line %d: got code %s twice", r.Line, r.Code)
			}
			seen[r.Code] = true
			if !utf8.ValidString(r.Name) || !norm.NFC.IsNormalString(r.Name) {
				t.Fatalf("line %d: got name %q, want valid NFC", r.Line, r.Name)
			}
		}
		plan, created, updated, err := PlanUnitImport(nil, rows, nil)
		if err != nil {
			return
		}
		if created != len(rows) || updated != 0 || len(plan) != len(rows) {
			t.Fatalf("got %d created, %d updated, plan of %d, want all %d created", created, updated, len(plan), len(rows))
		}
		written := make(map[string]bool)
		for _, u := range plan {
			if u.Parent != "" && !written[u.Parent] {
				t.Fatalf("got %s before its parent %s", u.Code, u.Parent)
			}
			written[u.Code] = true
		}
	})
}
