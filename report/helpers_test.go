package report

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"youthbot"
	"youthbot/demo"
	"youthbot/storage"
	"youthbot/unitcsv"
)

var hcm = mustLoc("Asia/Ho_Chi_Minh")

func mustLoc(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

var march = youthbot.MonthPeriod(2024, time.March)

// openDB returns a database in a temp dir with the demo units.
func openDB(t testing.TB) *storage.DB {
	t.Helper()
	db, err := storage.Open(filepath.Join(t.TempDir(), "report.db"), storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	rows, err := unitcsv.Parse(strings.NewReader(demo.UnitsCSV))
	if err != nil {
		t.Fatal(err)
	}
	update(t, db, func(tx *storage.Tx) error { _, _, err := tx.ImportUnits(rows); return err })
	return db
}

func update(t testing.TB, db *storage.DB, fn func(tx *storage.Tx) error) {
	t.Helper()
	if err := db.Update(fn); err != nil {
		t.Fatal(err)
	}
}

func view(t testing.TB, db *storage.DB, fn func(tx *storage.Tx) error) {
	t.Helper()
	if err := db.View(fn); err != nil {
		t.Fatal(err)
	}
}

// at is noon of a day of 2024 in Ho Chi Minh City.
func at(month time.Month, day int) time.Time { return time.Date(2024, month, day, 12, 0, 0, 0, hcm) }

// addMember makes an approved member of branch, approved on since.
func addMember(tx *storage.Tx, id int64, branch, name string, since time.Time) error {
	m := youthbot.Member{UserID: id, Unit: branch, FullName: name, Status: youthbot.StatusApproved, RegisteredAt: since, DecidedAt: since}
	if err := tx.PutMember(m); err != nil {
		return err
	}
	return tx.OpenStint(id, branch, since, true)
}

// addActivity logs a participation of member in branch on a day of 2024.
func addActivity(tx *storage.Tx, member int64, branch string, month time.Month, day, tenths int, status youthbot.ActivityStatus) error {
	return tx.AddActivity(&youthbot.Activity{Member: member, Unit: branch, Date: youthbot.Date{Year: 2024, Month: month, Day: day},
		Tenths: tenths, Description: "Dọn vệ sinh kênh xáng", Status: status, Source: youthbot.SourceLog, CreatedAt: at(month, day)})
}

// addDone records a completed project of unit on a day of 2024.
func addDone(tx *storage.Tx, unit string, kind youthbot.ProjectKind, month time.Month, day int, value int64) error {
	p := youthbot.Project{Kind: kind, Title: "Tuyến đường thanh niên", Unit: unit, Start: youthbot.Date{Year: 2024, Month: month, Day: 1},
		End: youthbot.Date{Year: 2024, Month: month, Day: day}}
	if err := tx.NewProject(&p); err != nil {
		return err
	}
	p.Status, p.DoneAt, p.DoneDate, p.ValueVND = youthbot.ProjectDone, at(month, day), youthbot.Date{Year: 2024, Month: month, Day: day}, value
	return tx.PutProject(&p)
}

const cntt = "VT-CDCD-CNTT"

// fixture fills db with a small province in February and March 2024:
//
//	VT-CDCD-CNTT: An (2 participations in March, 5.5 h; 1 in February),
//	  Bình (1 in March, 4 h, 1 pending; blocked the bot), Đức (none),
//	  Ánh (admitted 5 March, none), "Ân <Hai> & Ba" (HTML in a name, none)
//	VT-P5-KV1: three members, 4 participations in March
//	PH-TB-TLA: two members, 1 participation in March, 1 in February
//	a work of VT done in March worth 26,000,000 đ, a task of PH-TB in March
//	targets of HG for 2024: participations 4 (met), hours 100, works 1 (met)
func fixture(t testing.TB, db *storage.DB) {
	t.Helper()
	c := youthbot.ActivityConfirmed
	update(t, db, func(tx *storage.Tx) error {
		steps := []error{
			addMember(tx, 101, cntt, "Nguyễn Văn An", at(1, 15)),
			addMember(tx, 102, cntt, "Trần Thị Bình", at(1, 15)),
			addMember(tx, 103, cntt, "Lê Văn Đức", at(1, 15)),
			addMember(tx, 104, cntt, "Phạm Thị Ánh", at(3, 5)),
			addMember(tx, 105, cntt, "Ân <Hai> & Ba", at(1, 15)),
			addMember(tx, 201, "VT-P5-KV1", "Võ Thị Cúc", at(1, 10)),
			addMember(tx, 202, "VT-P5-KV1", "Đặng Văn Dũng", at(1, 10)),
			addMember(tx, 203, "VT-P5-KV1", "Bùi Thị Em", at(1, 10)),
			addMember(tx, 301, "PH-TB-TLA", "Huỳnh Văn Giàu", at(1, 10)),
			addMember(tx, 302, "PH-TB-TLA", "Dương Thị Hạnh", at(1, 10)),
			addActivity(tx, 101, cntt, 3, 3, 30, c),
			addActivity(tx, 101, cntt, 3, 10, 25, c),
			addActivity(tx, 101, cntt, 2, 20, 20, c),
			addActivity(tx, 102, cntt, 3, 20, 40, c),
			addActivity(tx, 102, cntt, 3, 25, 10, youthbot.ActivityPending),
			addActivity(tx, 103, cntt, 3, 12, 10, youthbot.ActivityRejected),
			addActivity(tx, 201, "VT-P5-KV1", 3, 1, 20, c),
			addActivity(tx, 201, "VT-P5-KV1", 3, 2, 20, c),
			addActivity(tx, 202, "VT-P5-KV1", 3, 8, 20, c),
			addActivity(tx, 203, "VT-P5-KV1", 3, 31, 20, c),
			addActivity(tx, 301, "PH-TB-TLA", 3, 15, 0, c),
			addActivity(tx, 302, "PH-TB-TLA", 2, 15, 30, c),
			addDone(tx, "VT", youthbot.ProjectWork, 3, 26, 26_000_000),
			addDone(tx, "PH-TB", youthbot.ProjectTask, 3, 26, 0),
			tx.SetTarget(youthbot.Target{Unit: "HG", Year: 2024, Metric: youthbot.MetricParticipations, Value: 4}),
			tx.SetTarget(youthbot.Target{Unit: "HG", Year: 2024, Metric: youthbot.MetricHours, Value: 100}),
			tx.SetTarget(youthbot.Target{Unit: "HG", Year: 2024, Metric: youthbot.MetricWorks, Value: 1}),
			tx.SetTarget(youthbot.Target{Unit: "VT", Year: 2024, Metric: youthbot.MetricValueVND, Value: 20_000_000}),
			tx.PutUser(youthbot.User{ID: 102, Unreachable: true}),
			tx.PutUser(youthbot.User{ID: 201, Lang: "vi"}),
		}
		for _, err := range steps {
			if err != nil {
				return err
			}
		}
		return nil
	})
}

// load reads a tally of the fixture.
func load(t testing.TB, db *storage.DB, unit string, p youthbot.Period, parts Parts) *Tally {
	t.Helper()
	var tl *Tally
	view(t, db, func(tx *storage.Tx) (err error) {
		tl, err = Load(tx, unit, p, hcm, parts)
		return err
	})
	return tl
}
