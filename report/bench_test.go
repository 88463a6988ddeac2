package report

import (
	"math"
	"os"
	"syscall"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"youthbot"
	"youthbot/seed"
	"youthbot/storage"
)

// The benchmark's data is the seed package's at the size of the README
// performance table: 500 units, 100,000 members, 1,000,000 activities over
// the 12 months ending 10 March 2026, generated once per test process
// (seed.SharedFile; set YOUTHBOT_BENCH_DB to keep it in, or reuse it from,
// a file of your choice).
var benchMonth = youthbot.MonthPeriod(2026, time.February) // the last whole month: what the tally job builds

func TestMain(m *testing.M) {
	code := m.Run()
	seed.RemoveShared()
	if province.dir != "" {
		os.RemoveAll(province.dir)
	}
	os.Exit(code)
}

// provinceTempDir is the directory of the imported province's database,
// removed by TestMain.
func provinceTempDir() (string, error) { return os.MkdirTemp("", "youthbot-province-") }

// benchDB returns the path of the seeded database, generating it once.
func benchDB(b *testing.B) string {
	b.Helper()
	path, err := seed.SharedFile()
	if err != nil {
		b.Fatal(err)
	}
	return path
}

// rawScan iterates every key and value of the named buckets (all when none
// is named) and returns how many there were: the baseline the tally is
// compared with.
func rawScan(db *storage.DB, buckets ...string) (int, error) {
	n := 0
	err := db.Bolt().View(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
			if len(buckets) > 0 && !contains(buckets, string(name)) {
				return nil
			}
			c := b.Cursor()
			for k, v := c.First(); k != nil; k, v = c.Next() {
				n++
				if len(v) > 0 {
					scanSink += v[len(v)-1] // read the value, overflow pages included
				}
			}
			return nil
		})
	})
	return n, err
}

var scanSink byte

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// BenchmarkProvinceTally measures the whole province's monthly tally (and
// the year's), as it is delivered (Load with PartAll: figures, previous
// period, every member, for a year the whole tree; Render: text, chart,
// workbook; JSON and CSV, which need the tree, are BenchmarkYearReport's),
// against raw scans of the same file in the same run: every key/value of
// the file ("file") and of act_index alone. The Build sub-benchmarks report
// their time as a multiple of each scan.
//
//	go test ./report -run '^$' -bench ProvinceTally -benchtime 5x
func BenchmarkProvinceTally(b *testing.B) {
	path := benchDB(b)
	db, err := storage.Open(path, storage.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	scan := func(buckets ...string) time.Duration {
		best := time.Duration(1 << 62)
		for range 3 {
			start := time.Now()
			if _, err := rawScan(db, buckets...); err != nil {
				b.Fatal(err)
			}
			best = min(best, time.Since(start))
		}
		return best
	}
	b.Run("RawScanFile", func(b *testing.B) {
		for b.Loop() {
			if _, err := rawScan(db); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("RawScanActIndex", func(b *testing.B) {
		for b.Loop() {
			if _, err := rawScan(db, "act_index"); err != nil {
				b.Fatal(err)
			}
		}
	})
	cases := []struct {
		name  string
		p     youthbot.Period
		limit int
	}{
		{"Build" + benchMonth.String(), benchMonth, MaxListedMembers},
		{"BuildYear2025", youthbot.YearPeriod(2025), MaxListedMembers},
		// The same tally with the province's every member in the workbook.
		{"Build" + benchMonth.String() + "ListingAllMembers", benchMonth, math.MaxInt},
	}
	for _, c := range cases {
		p := c.p
		b.Run(c.name, func(b *testing.B) {
			defer func(n int) { listLimit = n }(listLimit)
			listLimit = c.limit
			file, index := scan(), scan("act_index")
			var r *Report
			for b.Loop() {
				err := db.View(func(tx *storage.Tx) error {
					t, err := Load(tx, seed.RootCode, p, hcm, PartAll)
					if err != nil {
						return err
					}
					r, err = t.Render("vi")
					return err
				})
				if err != nil {
					b.Fatal(err)
				}
			}
			per := b.Elapsed() / time.Duration(b.N)
			b.ReportMetric(float64(per)/float64(file), "x-scan-file")
			b.ReportMetric(float64(per)/float64(index), "x-scan-act_index")
			b.ReportMetric(float64(len(r.Workbook))/1e6, "MB-xlsx")
		})
	}
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

// BenchmarkProvinceBuild is BenchmarkProvinceTally's Build without the raw
// scans, whose reading of the whole file would count in the process's
// resident memory: run one case under /usr/bin/time -v to see the peak
// RSS of building the province's tally.
//
//	go test -c -o report.test ./report
//	/usr/bin/time -v ./report.test -test.run '^$' -test.bench 'ProvinceBuild/Capped' -test.benchtime 3x
func BenchmarkProvinceBuild(b *testing.B) {
	path := benchDB(b)
	db, err := storage.Open(path, storage.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	for _, c := range []struct {
		name  string
		limit int
	}{{"Capped", MaxListedMembers}, {"ListingAllMembers", math.MaxInt}} {
		b.Run(c.name, func(b *testing.B) {
			defer func(n int) { listLimit = n }(listLimit)
			listLimit = c.limit
			for b.Loop() {
				err := db.View(func(tx *storage.Tx) error {
					_, err := Build(tx, seed.RootCode, benchMonth, hcm, "vi")
					return err
				})
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkProvinceFigures measures the figures alone: the province's with
// one level of children (the tally's), and the whole tree (the JSON
// report's and the year's workbook's).
//
//	go test ./report -run '^$' -bench ProvinceFigures -benchtime 3x
func BenchmarkProvinceFigures(b *testing.B) {
	path := benchDB(b)
	db, err := storage.Open(path, storage.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	year := youthbot.YearPeriod(2025)
	for _, c := range []struct {
		name string
		fn   func(tx *storage.Tx) (*youthbot.Figures, error)
	}{
		{"OneLevel", func(tx *storage.Tx) (*youthbot.Figures, error) { return tx.Figures(seed.RootCode, year, hcm) }},
		{"Tree", func(tx *storage.Tx) (*youthbot.Figures, error) { return tx.FiguresTree(seed.RootCode, year, hcm) }},
	} {
		b.Run(c.name, func(b *testing.B) {
			units := 0
			for b.Loop() {
				err := db.View(func(tx *storage.Tx) error {
					f, err := c.fn(tx)
					units = 0
					walkTree(f, func(*youthbot.Figures, *youthbot.Figures, int) { units++ })
					return err
				})
				if err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(units), "units")
		})
	}
}

// BenchmarkYearReport measures `youthbot report --year 2025` of the
// province in each format, as the command builds it: one read
// transaction loading what the format needs, then the rendering.
//
//	go test ./report -run '^$' -bench YearReport -benchtime 3x
func BenchmarkYearReport(b *testing.B) {
	benchYearReport(b, benchDB(b), seed.RootCode, youthbot.YearPeriod(2025))
}

// benchYearReport measures unit's report for year in each format.
func benchYearReport(b *testing.B, path, unit string, year youthbot.Period) {
	db, err := storage.Open(path, storage.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	for _, c := range []struct {
		name   string
		parts  Parts
		render func(t *Tally) (int, error)
	}{
		{"Text", PartText, func(t *Tally) (int, error) { return len(t.Text("vi")), nil }},
		{"JSON", PartTree, func(t *Tally) (int, error) { b, err := t.JSON(); return len(b), err }},
		{"CSV", PartTree, func(t *Tally) (int, error) {
			var n counter
			err := t.CSV(&n)
			return int(n), err
		}},
		{"XLSX", PartTree | PartWorkbook, func(t *Tally) (int, error) { b, err := t.Workbook("vi"); return len(b), err }},
	} {
		b.Run(c.name, func(b *testing.B) {
			size := 0
			cpu := cpuTime()
			for b.Loop() {
				err := db.View(func(tx *storage.Tx) error {
					t, err := Load(tx, unit, year, hcm, c.parts)
					if err != nil {
						return err
					}
					size, err = c.render(t)
					return err
				})
				if err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(size)/1e3, "kB")
			// The process's CPU time per report: what the report costs on a
			// machine busy with other work, where ns/op counts the waiting.
			b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N)/1e6, "cpu-ms/op")
		})
	}
}

// cpuTime is the CPU time (user and system) the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

type counter int

func (c *counter) Write(p []byte) (int, error) { *c += counter(len(p)); return len(p), nil }
