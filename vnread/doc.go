// Package vnread reads what members and secretaries type, in Vietnamese
// (or English) and with or without diacritics, into the domain's values,
// refusing with the domain's catalog errors (EINVALID and a key of i18n):
// numbers and amounts of đồng as offices write them, dates (dd/mm/yyyy)
// and days in words ("hôm qua", "thứ hai tuần trước"), hours ("2 tiếng
// rưỡi"), the one-line /log, the period of a tally ("tháng trước"), a
// target's metric and value, a project's kind (ct, pv) and code, and the
// arguments of /invite. It builds on
// the domain and on vn; the domain does not import it.
package vnread
