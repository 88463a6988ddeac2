// Package workbook reads the workbook of `youthbot import` (F7): the sheets
// DonVi, DoanVien, HoatDong, HuongLoi, ChiTieu, NhiemVuDotPha, MoHinh and
// ThayDoiDonVi of docs/IMPORT.md, each optional, into typed rows that keep
// their sheet row number. It knows excelize and the workbook's format, not
// the database: it is an adapter beside storage, and writes nothing.
//
// Read checks the whole workbook before returning anything: a file that is
// empty, not an .xlsx workbook, larger than MaxSize (refused before it is
// read) or that unpacks to more than MaxUnzippedSize (a zip bomb) is
// refused; so is every row with a problem. All problems come back together
// in one *Error, each as "Sheet!Row: column: what is wrong", in Vietnamese
// or English from the i18n catalogs (keys "wb.*").
//
// Checked here, within the workbook: required columns present and cells
// non-empty; types (text, unit codes [A-Z0-9_]{1,16} upper-cased, dates
// as Excel date cells or dd/mm/yyyy text, numbers as 26.000.000, 15,5 or
// plain, the value words in Vietnamese or English); no date after today
// (but a ThayDoiDonVi change, or the dates of an unfinished project, may
// lie ahead); no negative or absurd figure (over MaxHeadCount people at
// one activity); no key twice within a sheet; no cycle of parents in DonVi
// and no child of a branch there; a DoanVien row's unit, when DonVi lists
// it, is a branch; a per_unit ChiTieu has cap_don_vi, of a kind below its
// unit when DonVi lists it; a metric target names its metric.
//
// Left to the caller, which knows the database:
//   - unit codes (ma_don_vi, ma_chi_doan, ma_cap_tren, ma_dich) that are
//     not in DonVi must exist in the database, or be founded by a
//     ThayDoiDonVi row; an old code of a renamed unit resolves to it;
//   - the tree after the import (a single root, no cycle through units of
//     the database, kinds of units with members) and the ThayDoiDonVi
//     rows applied in order (youthbot.PlanUnitImport and F8's rules);
//   - a HuongLoi row's ma_hoat_dong not in the workbook: Options.KnownActivity
//     may accept it as an activity already imported; without it the row is
//     refused;
//   - keys that match existing records (a row updates its record, an equal
//     row changes nothing) and HoatDong's ma unique in the database too;
//   - defaults that depend on the database: ActivityRow.Level empty means
//     the unit's own kind, MemberRow.JoinedSet false means the import's date.
package workbook
