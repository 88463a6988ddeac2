package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// runConsole runs `youthbot console` with script as its standard input (not
// a terminal: scripted mode) and returns what it printed.
func runConsole(t *testing.T, script string, args ...string) string {
	t.Helper()
	var out, errb bytes.Buffer
	args = append([]string{"console", "--db", filepath.Join(t.TempDir(), "console.db")}, args...)
	code := Main(context.Background(), args, strings.NewReader(script), &out, &errb, func(string) string { return "" })
	if code != 0 {
		t.Fatalf("console: exit %d, stderr %q\n%s", code, errb.String(), out.String())
	}
	return out.String()
}

// mustContain fails for each want missing from out, in order.
func mustContain(t *testing.T, out string, wants ...string) {
	t.Helper()
	rest := out
	for _, w := range wants {
		i := strings.Index(rest, w)
		if i < 0 {
			t.Fatalf("console output lacks %q (after the earlier wants):\n%s", w, out)
		}
		rest = rest[i+len(w):]
	}
}

// demoDay is a date n days from today in the bot's zone, as a user types it.
func demoDay(t *testing.T, n int) string {
	loc, err := time.LoadLocation(DefaultTZ)
	if err != nil {
		t.Fatal(err)
	}
	return time.Now().In(loc).AddDate(0, 0, n).Format("02/01/2006")
}

// The whole guided /newproject dialog, scripted: the capacity is a bare
// number, which the console would take for a button; .say and quotes send
// it as text.
func TestConsoleScriptedNewProject(t *testing.T) {
	start, end := demoDay(t, 3), demoDay(t, 10)
	for _, tc := range []struct {
		capacity string
		created  bool
	}{
		{".say 20", true},
		{`"20"`, true},
		{"20", false}, // a button number: there is no button 20
	} {
		t.Run(tc.capacity, func(t *testing.T) {
			out := runConsole(t, strings.Join([]string{".as hoa", "/newproject", "1", "Trồng cây xanh", start, end, tc.capacity, "/projects", ""}, "\n"))
			// Each input line is echoed after the prompt.
			mustContain(t, out, "Hoa> /newproject\n", "công trình hay phần việc", "[1] 🏗 Công trình thanh niên",
				"Hoa> 1\n", "Nhập tên công trình", "Hoa> Trồng cây xanh\n", "Ngày bắt đầu", "Hoa> "+start+"\n",
				"Ngày kết thúc", "Hoa> "+end+"\n", "Cần bao nhiêu đoàn viên", "Hoa> "+tc.capacity+"\n")
			if tc.created {
				mustContain(t, out, "Hoa> "+tc.capacity+"\n", "✅ Đã tạo Công trình thanh niên P1: Trồng cây xanh", "👥 20 chỗ", "Hoa> /projects", "Trồng cây xanh")
			} else {
				mustContain(t, out, "Hoa> 20\nno button 20\n")
				if strings.Contains(out, "Đã tạo") {
					t.Errorf("a bare 20 created the project:\n%s", out)
				}
			}
		})
	}
}

// A group link, scripted: .group puts Hoa in the demo group as its admin,
// /linkgroup there links it, .tally pushes last month's tally to Hoa and
// the group, its chart and workbook land in files whose paths are printed.
func TestConsoleScriptedGroupLink(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "files")
	out := runConsole(t, ".as hoa\n.group\n/linkgroup\n.tally\n.private\n.codes\n", "--out", dir)
	mustContain(t, out, "Hoa> .group\n", `new group "Chi đoàn CNTT (demo)"`, "Hoa> /linkgroup\n",
		"── → group Chi đoàn CNTT (demo) ──\n✅ Nhóm này đã được liên kết với Chi đoàn Khoa Công nghệ thông tin",
		"Hoa> .tally\n", "── → group Chi đoàn CNTT (demo) ──\n📊 BÁO CÁO KẾT QUẢ THÁNG")
	files, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil {
		t.Fatal(err)
	}
	var png, xlsx int
	for _, f := range files {
		if !strings.Contains(out, "file written to "+f+"\n") {
			t.Errorf("%s written but its path not printed", f)
		}
		if b, err := os.ReadFile(f); err != nil || len(b) == 0 {
			t.Errorf("%s: %d bytes, %v", f, len(b), err)
		}
		switch filepath.Ext(f) {
		case ".png":
			png++
		case ".xlsx":
			xlsx++
		}
	}
	if png != 2 || xlsx != 2 { // Hoa's and the group's
		t.Errorf("files %v: want 2 charts and 2 workbooks", files)
	}
	mustContain(t, out, "Hoa> .codes\n", "start=j_hgcntt")
}

// Scripts work across runs: the invite code is fixed; the toast of an
// approval is printed; no tally is pushed at start.
func TestConsoleScriptedRegistration(t *testing.T) {
	script := "/start j_hgcntt\n1\nNguyễn Văn An\n15/05/2003\nBỏ qua\n1\n.as hoa\n1\n"
	out := runConsole(t, script)
	mustContain(t, out, "An> /start j_hgcntt\n", "Bạn đang đăng ký vào Chi đoàn Khoa Công nghệ thông tin",
		"An> Bỏ qua\n", "📝 Đăng ký đoàn viên mới", "[1] ✅ Duyệt", "Hoa> 1\n", "💬 toast: ", "🎉 Chúc mừng")
	if strings.Contains(out, "BÁO CÁO KẾT QUẢ") {
		t.Errorf("a tally was pushed at start:\n%s", out)
	}
}

func TestConsoleLangEn(t *testing.T) {
	out := runConsole(t, "/start j_hgcntt\n1\n", "--lang", "en")
	mustContain(t, out, "An> /start j_hgcntt\n", "personal data", "An> 1\n", "Enter your full name")
	if strings.Contains(out, "Bạn đang đăng ký") {
		t.Errorf("--lang en answered in Vietnamese:\n%s", out)
	}
}

// console --help lists only the settings the console uses.
func TestConsoleHelp(t *testing.T) {
	code, out, _ := runMain(t, nil, "console", "--help")
	if code != 0 {
		t.Fatalf("console --help: exit %d", code)
	}
	for _, want := range []string{"--out", "--db", "--lang", "--tz"} {
		if !strings.Contains(out, want) {
			t.Errorf("console --help lacks %s:\n%s", want, out)
		}
	}
	for _, not := range []string{"--token", "--api-endpoint", "--admins", "--http", "--webhook-url", "--webhook-secret"} {
		if strings.Contains(out, not) {
			t.Errorf("console --help lists %s, which the console sets itself:\n%s", not, out)
		}
	}
}

// The demo has no activity: no empty tally of last month at start, while
// an operator's own --tally-cron is still honoured (its catch-up pushes).
func TestConsoleNoTallyAtStart(t *testing.T) {
	if out := runConsole(t, ""); strings.Contains(out, "BÁO CÁO KẾT QUẢ") {
		t.Errorf("a tally was pushed at start:\n%s", out)
	}
	if out := runConsole(t, "", "--tally-cron", "0 8 1 * *"); !strings.Contains(out, "BÁO CÁO KẾT QUẢ") {
		t.Errorf("--tally-cron set: no catch-up tally:\n%s", out)
	}
}
