// Package demo holds the demo data of the console and the tests: a small
// province of the Youth Union as a units CSV, and for the console today's
// shape of it (F8): the province merged into Thành Đoàn Cần Thơ in 2025.
package demo

import (
	_ "embed"

	"youthbot"
)

// UnitsCSV is a province (HG) with two districts, three grassroots unions
// and six branches, in the format of `youthbot units import`. The tests'
// harness uses it.
//
//go:embed units.csv
var UnitsCSV string

// ConsoleUnitsCSV is the console's demo before the 2025 merger: under
// the one root a tree has (TW, the central union), Thành Đoàn Cần Thơ
// (CT) with two ward unions, and beside it UnitsCSV's Hậu Giang tree.
// ConsoleChanges turn it into today's shape: CT alone under TW, its
// commune and ward unions directly under it.
//
//go:embed console_units.csv
var ConsoleUnitsCSV string

// ConsoleMerger is the day Hậu Giang's tree went into Cần Thơ.
var ConsoleMerger = youthbot.Date{Year: 2025, Month: 7, Day: 1}

// ConsoleChanges are the 2025 merger, as rows of the ThayDoiDonVi sheet
// would give them: the district level goes (its grassroots unions come
// directly under CT), then the emptied province merges into CT, and a
// ward union takes its new name.
var ConsoleChanges = []youthbot.UnitChange{
	{Row: 2, Date: ConsoleMerger, Kind: youthbot.ChangeMerge, Unit: "VT", Target: "CT", Decision: "1234-QĐ/TWĐTN-TCKT"},
	{Row: 3, Date: ConsoleMerger, Kind: youthbot.ChangeMerge, Unit: "PH", Target: "CT", Decision: "1234-QĐ/TWĐTN-TCKT"},
	{Row: 4, Date: ConsoleMerger, Kind: youthbot.ChangeMerge, Unit: "HG", Target: "CT", Decision: "1234-QĐ/TWĐTN-TCKT"},
	{Row: 5, Date: ConsoleMerger, Kind: youthbot.ChangeRename, Unit: "VT-P5", NewName: "Đoàn phường Vị Thanh", Decision: "1234-QĐ/TWĐTN-TCKT"},
}
