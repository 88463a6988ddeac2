package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"youthbot"
	"youthbot/demo"
	"youthbot/storage"
	"youthbot/unitcsv"
)

// reportDB writes a database with the demo units, two members of a
// branch and their participations of March 2024, and closes it.
func reportDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "report.db")
	db, err := storage.Open(path, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := unitcsv.Parse(strings.NewReader(demo.UnitsCSV))
	if err != nil {
		t.Fatal(err)
	}
	loc, _ := time.LoadLocation(DefaultTZ)
	since := time.Date(2024, 1, 10, 9, 0, 0, 0, loc)
	err = db.Update(func(tx *storage.Tx) error {
		if _, _, err := tx.ImportUnits(rows); err != nil {
			return err
		}
		for id, name := range map[int64]string{1: "Nguyễn Văn An", 2: "Trần Thị Bình"} {
			m := youthbot.Member{UserID: id, Unit: "VT-CDCD-CNTT", FullName: name, Status: youthbot.StatusApproved, RegisteredAt: since, DecidedAt: since}
			if err := tx.PutMember(m); err != nil {
				return err
			}
			if err := tx.OpenStint(id, m.Unit, since, true); err != nil {
				return err
			}
		}
		for _, day := range []int{3, 17} {
			if err := tx.AddActivity(&youthbot.Activity{Member: 1, Unit: "VT-CDCD-CNTT", Date: youthbot.Date{Year: 2024, Month: 3, Day: day},
				Tenths: 25, Description: "Hiến máu", Status: youthbot.ActivityConfirmed, Source: youthbot.SourceLog, CreatedAt: since}); err != nil {
				return err
			}
		}
		return tx.SetTarget(youthbot.Target{Unit: "HG", Year: 2024, Metric: youthbot.MetricParticipations, Value: 2})
	})
	if err != nil {
		t.Fatal(err)
	}
	return path
}

func fileHash(t *testing.T, path string) [32]byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(data)
}

func TestReportFormats(t *testing.T) {
	path := reportDB(t)
	before := fileHash(t, path)
	out := filepath.Join(t.TempDir(), "out")
	tests := []struct {
		name  string
		env   map[string]string
		args  []string
		check func(t *testing.T, stdout []byte)
	}{
		{"TextByDefault", nil, []string{"--month", "2024-03"}, func(t *testing.T, b []byte) {
			for _, want := range []string{"BÁO CÁO KẾT QUẢ THÁNG 03/2024", "Tỉnh đoàn Hậu Giang (HG)", "Lượt tham gia: 2",
				"Số giờ tình nguyện: 5", "đạt 1/1 chỉ tiêu", "1. Thành đoàn Vị Thanh: 2 lượt"} {
				if !strings.Contains(string(b), want) {
					t.Errorf("text lacks %q:\n%s", want, b)
				}
			}
			if strings.Contains(string(b), "<b>") {
				t.Errorf("text has HTML tags:\n%s", b)
			}
		}},
		{"TextInEnglish", map[string]string{"YOUTHBOT_LANG": "en"}, []string{"--month", "2024-03", "--format", "text"}, func(t *testing.T, b []byte) {
			if !strings.Contains(string(b), "REPORT FOR 03/2024") {
				t.Errorf("text:\n%s", b)
			}
		}},
		{"JSON", nil, []string{"--month=2024-03", "--format", "json"}, func(t *testing.T, b []byte) {
			var m map[string]any
			if err := json.Unmarshal(b, &m); err != nil {
				t.Fatal(err)
			}
			if m["unit"] != "HG" || m["month"] != "2024-03" || m["participations"] != 2.0 || m["targets_met"] != 1.0 {
				t.Errorf("json: %v", m)
			}
		}},
		{"JSONOfAUnit", nil, []string{"--format", "json", "--unit", "vt-cdcd-cntt", "--month", "2024-03"}, func(t *testing.T, b []byte) {
			var m map[string]any
			if err := json.Unmarshal(b, &m); err != nil {
				t.Fatal(err)
			}
			if m["unit"] != "VT-CDCD-CNTT" || m["members_total"] != 2.0 || m["members_active"] != 1.0 {
				t.Errorf("json: %v", m)
			}
		}},
		{"JSONOfAYear", nil, []string{"--year", "2024", "--format", "json"}, func(t *testing.T, b []byte) {
			var m map[string]any
			if err := json.Unmarshal(b, &m); err != nil {
				t.Fatal(err)
			}
			if _, month := m["month"]; m["year"] != 2024.0 || month {
				t.Errorf("json: %v", m)
			}
			// Children nested down to the branches: HG > PH > PH-TB > two branches.
			ph := m["children"].([]any)[0].(map[string]any)
			tb := ph["children"].([]any)[0].(map[string]any)
			if ph["unit"] != "PH" || tb["unit"] != "PH-TB" || len(tb["children"].([]any)) != 2 {
				t.Errorf("json children not nested to the branches: %v", ph)
			}
			if m["targets_percent_min"] != 100.0 || m["targets_percent_max"] != 100.0 {
				t.Errorf("json targets percent: %v to %v", m["targets_percent_min"], m["targets_percent_max"])
			}
		}},
		{"CSV", nil, []string{"--month", "2024-03", "--format", "csv"}, func(t *testing.T, b []byte) {
			lines := strings.Split(strings.TrimRight(string(b), "\r\n"), "\r\n")
			// The header, then every unit of the demo tree (12), depth first.
			if !strings.HasPrefix(lines[0], "\uFEFFunit,name,parent,month,members_total") || len(lines) != 13 ||
				!strings.HasPrefix(lines[1], "HG,Tỉnh đoàn Hậu Giang,,2024-03,2,1,0,2,2,0,0,0,0,5,") ||
				!strings.HasPrefix(lines[8], "VT-CDCD-CNTT,Chi đoàn Khoa Công nghệ thông tin,VT-CDCD,2024-03,2,1,0,2,2,0,0,0,0,5,") {
				t.Errorf("csv:\n%s", b)
			}
		}},
		{"TextOfAYearEndsWithTheTargetsLine", nil, []string{"--year", "2024"}, func(t *testing.T, b []byte) {
			text := strings.TrimRight(string(b), "\n")
			if !strings.Contains(text, "BÁO CÁO TỔNG KẾT NĂM 2024") || !strings.HasSuffix(text, "\nđạt 1/1 chỉ tiêu (từ 100% đến 100%)") {
				t.Errorf("text:\n%s", b)
			}
		}},
		{"XLSXOfAYear", nil, []string{"--year", "2024", "--format", "xlsx", "-o", out + "-year.xlsx"}, func(t *testing.T, b []byte) {
			f, err := excelize.OpenFile(out + "-year.xlsx")
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if got, want := strings.Join(f.GetSheetList(), "|"), "Phụ lục số liệu|Chỉ tiêu|Cấp huyện|Cơ sở|Chi đoàn|Đoàn viên"; got != want {
				t.Errorf("sheets: %s, want %s", got, want)
			}
			if v, _ := f.GetCellValue("Chi đoàn", "A2"); v != "PH-TB-MH" {
				t.Errorf("first branch: %q", v)
			}
		}},
		{"XLSXToAPipe", nil, []string{"--month", "2024-03", "--format", "xlsx"}, func(t *testing.T, b []byte) {
			f, err := excelize.OpenReader(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if v, _ := f.GetCellValue("Đoàn viên", "D2"); v != "Nguyễn Văn An" {
				t.Errorf("first member: %q", v)
			}
		}},
		{"XLSXToAFile", nil, []string{"--month", "2024-03", "--format", "xlsx", "-o", out + ".xlsx"}, func(t *testing.T, b []byte) {
			if len(b) != 0 {
				t.Errorf("stdout has %d bytes, want none", len(b))
			}
			f, err := excelize.OpenFile(out + ".xlsx")
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if v, _ := f.GetCellValue("Tổng hợp", "A1"); v != "BÁO CÁO KẾT QUẢ THÁNG 03/2024" {
				t.Errorf("title: %q", v)
			}
		}},
		{"JSONToAFile", nil, []string{"--month", "2024-03", "--format", "json", "-o", out + ".json"}, func(t *testing.T, b []byte) {
			data, err := os.ReadFile(out + ".json")
			if err != nil || !json.Valid(data) {
				t.Errorf("file: %v %q", err, data)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := map[string]string{"YOUTHBOT_DB": path}
			for k, v := range tt.env {
				env[k] = v
			}
			code, stdout, stderr := runMain(t, env, append([]string{"report"}, tt.args...)...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			tt.check(t, []byte(stdout))
		})
	}
	if fileHash(t, path) != before {
		t.Error("report changed the database file")
	}
}

func TestReportRefusesBadArguments(t *testing.T) {
	path := reportDB(t)
	tests := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"BadMonth", []string{"--month", "2024-13"}, 2, `--month "2024-13" is not a month`},
		{"MonthAsYear", []string{"--month", "2024"}, 2, "is not a month"},
		{"BadYear", []string{"--year", "24"}, 2, `--year "24" is not a year`},
		{"NoPeriod", nil, 2, "give --month YYYY-MM or --year YYYY"},
		{"BothPeriods", []string{"--month", "2024-03", "--year", "2024"}, 2, "not both"},
		{"UnknownFormat", []string{"--month", "2024-03", "--format", "pdf"}, 2, `--format "pdf"`},
		{"UnknownUnit", []string{"--month", "2024-03", "--unit", "XYZ"}, 2, "--unit XYZ: no such unit"},
		{"UnknownFlag", []string{"--month", "2024-03", "--frobnicate"}, 2, "frobnicate"},
		{"Positional", []string{"--month", "2024-03", "extra"}, 2, "takes 0 argument"},
		{"NoDatabase", []string{"--month", "2024-03", "--db", filepath.Join(t.TempDir(), "none.db")}, 1, "does not exist"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runMain(t, map[string]string{"YOUTHBOT_DB": path}, append([]string{"report"}, tt.args...)...)
			if code != tt.code || !strings.Contains(stderr, tt.msg) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, stderr, tt.code, tt.msg)
			}
			if stdout != "" {
				t.Errorf("stdout: %q", stdout)
			}
		})
	}
}

func TestReportOnALockedDatabaseFailsFast(t *testing.T) {
	path := reportDB(t)
	db, err := storage.Open(path, storage.Options{}) // as a running bot holds it
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	start := time.Now()
	code, _, stderr := runMain(t, map[string]string{"YOUTHBOT_DB": path}, "report", "--month", "2024-03")
	if code != 1 || !strings.Contains(stderr, "in use by another process") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %v, want under 5 s", d)
	}
}

func TestReportReadsADatabaseAnotherReportReads(t *testing.T) {
	path := reportDB(t)
	db, err := storage.Open(path, storage.Options{ReadOnly: true}) // a backup or another report
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if code, _, stderr := runMain(t, map[string]string{"YOUTHBOT_DB": path}, "report", "--year", "2024"); code != 0 {
		t.Errorf("exit %d: %s", code, stderr)
	}
}

// TestReportRefusesXLSXToATerminal: a workbook written to a character
// device (a terminal; /dev/null stands in for one here) needs -o.
func TestReportRefusesXLSXToATerminal(t *testing.T) {
	path := reportDB(t)
	tty, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Skip(err)
	}
	defer tty.Close()
	var errb bytes.Buffer
	code := Main(t.Context(), []string{"report", "--month", "2024-03", "--format", "xlsx", "--db", path}, strings.NewReader(""), tty, &errb, func(string) string { return "" })
	if code != 2 || !strings.Contains(errb.String(), "give -o FILE") {
		t.Errorf("exit %d, stderr %q", code, errb.String())
	}
}
