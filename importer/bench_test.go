package importer

import (
	"bytes"
	"path/filepath"
	"testing"

	"youthbot/storage"
	"youthbot/workbook/workbooktest"
)

// BenchmarkProvinceImport imports the province workbook (451 units, 1,800
// members, 6,278 HoatDong rows, 902 HuongLoi rows, …) into a fresh
// database: read, check against the database, write in one transaction
// and commit (target: under 5 s; peak RSS under 200 MB, measured on
// `youthbot import` with /usr/bin/time -v).
func BenchmarkProvinceImport(b *testing.B) {
	data, _, err := workbooktest.Province(1)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for i := 0; b.Loop(); i++ {
		db, err := storage.Open(filepath.Join(b.TempDir(), "y.db"), storage.Options{})
		if err != nil {
			b.Fatal(err)
		}
		book, err := Read(bytes.NewReader(data), int64(len(data)), today)
		if err != nil {
			b.Fatal(err)
		}
		err = db.Update(func(tx *storage.Tx) error {
			plan, err := Build(tx, book, now, loc)
			if err != nil {
				return err
			}
			return plan.Apply(tx)
		})
		if err != nil {
			b.Fatal(err)
		}
		db.Close()
	}
}
