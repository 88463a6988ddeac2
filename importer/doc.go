// Package importer imports the workbook of `youthbot import` (F7,
// docs/IMPORT.md) into the database, all or nothing.
//
// Read reads and checks the workbook on its own (package workbook). Build
// checks the rows against the database in a storage transaction — unit
// codes that exist neither in DonVi nor in the database, a tree that would
// get a second root, a cycle through stored units, a branch with child
// units or that loses its kind while it has members, a DoanVien unit that
// is no branch, a per_unit target on a kind not below its unit, a HuongLoi
// row naming no activity, an office code (ma) that changes between an
// activity and a project, an hd row in progress, the domain's bounds of a
// target — and returns a Plan, or a *workbook.Error listing every problem
// as "Sheet!Row: column: what" in Vietnamese or English. Plan.Apply writes
// the rows in the order of workbook.SheetNames through storage's keyed
// upserts, so that importing the same workbook again changes nothing and
// a changed row updates its record; Plan.Counts tells what each sheet
// created, updated and left unchanged. A dry run applies and rolls back.
//
// ThayDoiDonVi (F8) is applied last, through storage.ApplyUnitChanges: in
// the order of the changes' dates, all or nothing, each refusal at its
// row; DonVi describes the tree before the changes (a unit they changed
// is compared with its first version).
package importer
