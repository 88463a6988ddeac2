// Package report builds a unit's tally for a month or a year (F6) and the
// year's report (F7) from the database, in the user's language and in
// every format a tally is delivered or exported in: Telegram HTML
// messages, a PNG bar chart, an .xlsx workbook, plain text, JSON (its keys
// are listed at figuresJSON, json.go) and CSV.
//
// Every figure union reports state is in each format: participations by
// group, activities and person-days, value and support, beneficiaries by
// group, works and tasks by recognition level, targets of every kind,
// breakthrough tasks and models (figureRows lists them for the CSV and
// the workbook); the text ends with "đạt N/M chỉ tiêu (từ X% đến Y%)".
// JSON and CSV show the whole subtree (PartTree: storage's FiguresTree,
// each unit's data read once); a year's workbook is what an office files
// upward: an appendix of figures per child unit with the total, the
// targets, one sheet per level of units (yearbook.go).
//
// Load reads what the asked parts need in one read transaction into a
// Tally, which holds no transaction and no language; its methods render
// it. Build does both for the whole delivery, the monthly tally job's and
// /tally's entry point; Report.Outgoing turns it into Bot API calls.
//
// The chart is drawn with Liberation Sans (SIL Open Font License 1.1),
// which gonum.org/v1/plot embeds through codeberg.org/go-fonts/liberation:
// it covers Vietnamese, so no font file is shipped beside the binary and
// the licence text travels with that module.
package report
