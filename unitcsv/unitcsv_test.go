package unitcsv

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

	"youthbot"
)

const header = "code,name,parent,kind\n"

// problem is an expected youthbot.ImportProblem: its line and a part of its message.
type problem struct {
	line int
	msg  string
}

func TestParse(t *testing.T) {
	hg := youthbot.Unit{Code: "HG", Name: "Tỉnh đoàn Hậu Giang", Kind: youthbot.KindProvince}
	vt := youthbot.Unit{Code: "VT", Name: "Thành đoàn Vị Thanh", Parent: "HG", Kind: youthbot.KindDistrict}
	longName := string([]rune(strings.Repeat("Chi đoàn Khoa Công nghệ thông tin ", 4))[:youthbot.MaxUnitNameLen])
	if utf8.RuneCountInString(longName) != youthbot.MaxUnitNameLen || strings.HasSuffix(longName, " ") {
		t.Fatalf("bad test name %q", longName)
	}

	tests := []struct {
		name string
		in   string
		want []youthbot.UnitRow
		errs []problem
	}{
		{
			name: "ParsesValidFile",
			in:   header + "HG,Tỉnh đoàn Hậu Giang,,province\nVT,Thành đoàn Vị Thanh,HG,district\n",
			want: []youthbot.UnitRow{{Unit: hg, Line: 2}, {Unit: vt, Line: 3}},
		},
		{
			name: "AcceptsColumnsInAnyOrder",
			in:   "kind,parent,name,code\nprovince,,Tỉnh đoàn Hậu Giang,HG\n",
			want: []youthbot.UnitRow{{Unit: hg, Line: 2}},
		},
		{
			name: "AcceptsHeaderInAnyCaseWithSpaces",
			in:   " Code , NAME,Parent ,Kind\nHG,Tỉnh đoàn Hậu Giang,,province\n",
			want: []youthbot.UnitRow{{Unit: hg, Line: 2}},
		},
		{
			name: "AcceptsUTF8BOM",
			in:   "\ufeff" + header + "HG,Tỉnh đoàn Hậu Giang,,province\n",
			want: []youthbot.UnitRow{{Unit: hg, Line: 2}},
		},
		{
			name: "AcceptsBOMBeforeQuotedHeader",
			in:   "\ufeff\"code\",\"name\",\"parent\",\"kind\"\nHG,Tỉnh đoàn Hậu Giang,,province\n",
			want: []youthbot.UnitRow{{Unit: hg, Line: 2}},
		},
		{
			name: "AcceptsWindowsLineEndings",
			in:   "code,name,parent,kind\r\nHG,Tỉnh đoàn Hậu Giang,,province\r\nVT,Thành đoàn Vị Thanh,HG,district\r\n",
			want: []youthbot.UnitRow{{Unit: hg, Line: 2}, {Unit: vt, Line: 3}},
		},
		{
			name: "AcceptsMissingFinalNewline",
			in:   header + "HG,Tỉnh đoàn Hậu Giang,,province",
			want: []youthbot.UnitRow{{Unit: hg, Line: 2}},
		},
		{
			name: "SkipsBlankLines",
			in:   "\n" + header + "\nHG,Tỉnh đoàn Hậu Giang,,province\n,,,\n  \n\r\nVT,Thành đoàn Vị Thanh,HG,district\n\n",
			want: []youthbot.UnitRow{{Unit: hg, Line: 4}, {Unit: vt, Line: 8}},
		},
		{
			name: "NormalizesCodesAndKinds",
			in:   header + " hg ,Tỉnh đoàn Hậu Giang,, Province \nvt,Thành đoàn Vị Thanh, hg ,DISTRICT\n",
			want: []youthbot.UnitRow{{Unit: hg, Line: 2}, {Unit: vt, Line: 3}},
		},
		{
			name: "KeepsVietnameseNamesExactly",
			in:   header + "HG,Tỉnh đoàn Hậu Giang,,province\nCNTT,Chi đoàn Khoa Công nghệ thông tin,HG,branch\n",
			want: []youthbot.UnitRow{{Unit: hg, Line: 2}, {Unit: youthbot.Unit{Code: "CNTT", Name: "Chi đoàn Khoa Công nghệ thông tin", Parent: "HG", Kind: youthbot.KindBranch}, Line: 3}},
		},
		{
			name: "NormalizesDecomposedNamesToNFC",
			in:   header + "HG," + norm.NFD.String("Tỉnh đoàn Hậu Giang") + ",,province\n",
			want: []youthbot.UnitRow{{Unit: hg, Line: 2}},
		},
		{
			name: "CollapsesSpacesInNames",
			in:   header + "HG,\"  Tỉnh   đoàn\tHậu Giang \",,province\n",
			want: []youthbot.UnitRow{{Unit: hg, Line: 2}},
		},
		{
			name: "AcceptsQuotedFieldsWithCommasAndQuotes",
			in:   header + "HG,\"Đoàn xã Tân Bình, huyện \"\"Phụng Hiệp\"\"\",,province\n",
			want: []youthbot.UnitRow{{Unit: youthbot.Unit{Code: "HG", Name: "Đoàn xã Tân Bình, huyện \"Phụng Hiệp\"", Kind: youthbot.KindProvince}, Line: 2}},
		},
		{
			name: "CountsLinesAfterMultilineField",
			in:   header + "HG,\"Tỉnh đoàn\nHậu Giang\",,province\nVT,Thành đoàn Vị Thanh,HG,district\nX1,,HG,branch\n",
			errs: []problem{{5, "name is empty"}},
		},
		{
			name: "AcceptsNameOfMaxLength",
			in:   header + "HG," + longName + ",,province\n",
			want: []youthbot.UnitRow{{Unit: youthbot.Unit{Code: "HG", Name: longName, Kind: youthbot.KindProvince}, Line: 2}},
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
			in:   header + strings.Repeat("A", youthbot.MaxUnitCodeLen+1) + ",Tỉnh đoàn Hậu Giang,,province\n",
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
			got, err := Parse(strings.NewReader(tt.in))
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

// checkProblems checks that err is a *youthbot.ImportError with exactly the problems
// want, in order.
func checkProblems(tb testing.TB, err error, want []problem) {
	tb.Helper()
	var ce *youthbot.ImportError
	if !errors.As(err, &ce) {
		tb.Fatalf("got error %v (%T), want a *youthbot.ImportError", err, err)
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

func TestParseErrorIsInvalidInput(t *testing.T) {
	_, err := Parse(strings.NewReader("x"))
	if got, want := youthbot.ErrorCode(err), youthbot.EINVALID; got != want {
		t.Errorf("got code %q, want %q", got, want)
	}
	var e *youthbot.Error
	if !errors.As(err, &e) || e.Key != "err.units_csv" {
		t.Errorf("got %v, want key err.units_csv", e)
	}
}

func TestParseDemoFile(t *testing.T) {
	f, err := os.Open("../demo/units.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := Parse(f)
	if err != nil {
		t.Fatalf("parse demo file: %v", err)
	}
	plan, created, updated, err := youthbot.PlanUnitImport(nil, rows, nil)
	if err != nil {
		t.Fatalf("plan demo file: %v", err)
	}
	if created != len(rows) || updated != 0 || len(plan) != len(rows) {
		t.Errorf("got %d created, %d updated of %d, want all created", created, updated, len(rows))
	}
	kinds := make(map[youthbot.UnitKind]int)
	byCode := make(map[string]youthbot.Unit)
	for _, u := range plan {
		kinds[u.Kind]++
		byCode[u.Code] = u
	}
	want := map[youthbot.UnitKind]int{youthbot.KindProvince: 1, youthbot.KindDistrict: 2, youthbot.KindGrassroots: 3, youthbot.KindBranch: 6}
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

// FuzzParse checks that no file makes Parse panic, that the
// units it returns are valid and unique, and that planning them either fails
// cleanly or orders parents first.
func FuzzParse(f *testing.F) {
	f.Add([]byte(header + "HG,Tỉnh đoàn Hậu Giang,,province\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rows, err := Parse(bytes.NewReader(data))
		if err != nil {
			var ce *youthbot.ImportError
			if !errors.As(err, &ce) || len(ce.Problems) == 0 {
				t.Fatalf("got error %v (%T), want a *youthbot.ImportError with problems", err, err)
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
		plan, created, updated, err := youthbot.PlanUnitImport(nil, rows, nil)
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
