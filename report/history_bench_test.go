package report

import (
	"testing"

	"youthbot"
	"youthbot/seed"
	"youthbot/storage"
)

// BenchmarkTallyHistory measures the province's tally as delivered (Load
// with PartAll, then Render: BenchmarkProvinceTally's Build cases) of
// February 2026 and of the year 2025 on a copy of the benchmark seed,
// first as generated ("Plain"), then after half of its districts merged
// into the others on 01/01/2026 (seed.MergeDistricts, "Merged"): February
// reads the tree after the merger, 2025 the tree before it, through the
// dated children index.
//
//	go test ./report -run '^$' -bench TallyHistory -benchtime 10x
func BenchmarkTallyHistory(b *testing.B) {
	path, err := seed.SharedCopy(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	db, err := storage.Open(path, storage.Options{NoSync: true})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	run := func(name string) {
		for _, p := range []youthbot.Period{benchMonth, youthbot.YearPeriod(2025)} {
			label := "Build" + p.String()
			if p.IsYear() {
				label = "BuildYear" + p.String()
			}
			b.Run(name+"/"+label, func(b *testing.B) {
				cpu := cpuTime()
				for b.Loop() {
					err := db.View(func(tx *storage.Tx) error {
						t, err := Load(tx, seed.RootCode, p, hcm, PartAll)
						if err != nil {
							return err
						}
						_, err = t.Render("vi")
						return err
					})
					if err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N)/1e6, "cpu-ms/op")
			})
		}
	}
	run("Plain")
	err = db.Update(func(tx *storage.Tx) error {
		n, err := seed.MergeDistricts(tx, youthbot.Date{Year: 2026, Month: 1, Day: 1}, youthbot.Date{Year: 2026, Month: 3, Day: 10}, hcm)
		b.Logf("merged %d districts", n)
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	run("Merged")
}
