// Package demo holds the demo data of the console and the tests: a small
// province of the Youth Union as a units CSV.
package demo

import _ "embed"

// UnitsCSV is a province (HG) with two districts, three grassroots unions
// and six branches, in the format of `youthbot units import`.
//
//go:embed units.csv
var UnitsCSV string
