package workbook

import (
	"strconv"
	"strings"

	"youthbot"
)

// check runs the checks of rows against each other within the workbook:
// duplicate keys, cycles and branches with children in DonVi, members of
// a unit that is not a branch, HuongLoi rows naming no HoatDong, per-unit
// targets on a kind not below their unit. found maps canonical sheet names
// to the file's.
func (rd *reader) check(b *Book, found map[string]string) {
	at := func(sheet string, row int, col, key string, args ...any) {
		s := sheetByFold[fold(sheet)]
		rd.ps.add(Problem{Sheet: found[sheet], Row: row, Column: col, Key: key, Args: args, order: s.order})
	}
	dups := func(sheet, cols string, n int, key func(i int) (string, int)) {
		seen := make(map[string]int, n)
		for i := range n {
			k, row := key(i)
			if k == "" {
				continue // a part of the key is bad or missing: reported already
			}
			if first, dup := seen[k]; dup {
				at(sheet, row, cols, "wb.duplicate", first)
				continue
			}
			seen[k] = row
		}
	}
	join := func(parts ...string) string {
		for _, p := range parts {
			if p == "" {
				return ""
			}
		}
		return strings.Join(parts, "\x00")
	}
	year := func(y int) string {
		if y == 0 {
			return "" // missing or bad
		}
		return strconv.Itoa(y)
	}

	units := make(map[string]UnitRow, len(b.Units))
	dups("DonVi", "ma_don_vi", len(b.Units), func(i int) (string, int) { return b.Units[i].Code, b.Units[i].Row })
	for _, u := range b.Units {
		if _, dup := units[u.Code]; !dup && u.Code != "" {
			units[u.Code] = u
		}
	}
	for _, u := range b.Units {
		if p, ok := units[u.Parent]; ok && p.Kind == youthbot.KindBranch && u.Parent != u.Code {
			at("DonVi", u.Row, "ma_cap_tren", "wb.parent_branch", u.Parent)
		}
	}
	rd.cycles(b.Units, units, at)

	dups("DoanVien", "ma_chi_doan+ho_ten+ngay_sinh", len(b.Members), func(i int) (string, int) {
		m := b.Members[i]
		birth := ""
		if !m.Birth.IsZero() {
			birth = m.Birth.ISO()
		}
		return join(m.Branch, youthbot.FoldName(m.FullName), birth), m.Row
	})
	for _, m := range b.Members {
		if u, ok := units[m.Branch]; ok && u.Kind != youthbot.KindBranch && u.Kind != "" {
			at("DoanVien", m.Row, "ma_chi_doan", "wb.not_branch", m.Branch)
		}
	}

	activities := make(map[string]bool, len(b.Activities))
	dups("HoatDong", "ma", len(b.Activities), func(i int) (string, int) { return b.Activities[i].Code, b.Activities[i].Row })
	for _, a := range b.Activities {
		activities[a.Code] = true
	}

	dups("HuongLoi", "ma_hoat_dong+doi_tuong", len(b.Beneficiaries), func(i int) (string, int) {
		return join(b.Beneficiaries[i].Activity, string(b.Beneficiaries[i].Group)), b.Beneficiaries[i].Row
	})
	for i := range b.Beneficiaries {
		r := &b.Beneficiaries[i]
		switch {
		case r.Activity == "":
		case activities[r.Activity]:
			r.InBook = true
		case rd.known != nil && rd.known(r.Activity):
		default:
			at("HuongLoi", r.Row, "ma_hoat_dong", "wb.no_activity", r.Activity)
		}
	}

	dups("ChiTieu", "nam+ma_don_vi+ma", len(b.Targets), func(i int) (string, int) {
		t := b.Targets[i]
		return join(year(t.Year), t.Unit, t.Code), t.Row
	})
	for _, t := range b.Targets {
		if u, ok := units[t.Unit]; ok && t.Kind == TargetPerUnit && t.UnitKind != "" && u.Kind != "" && t.UnitKind.Rank() <= u.Kind.Rank() {
			at("ChiTieu", t.Row, "cap_don_vi", "wb.cap_not_below", string(t.UnitKind), t.Unit)
		}
	}

	dups("NhiemVuDotPha", "nam+ma_don_vi+noi_dung", len(b.Breakthroughs), func(i int) (string, int) {
		t := b.Breakthroughs[i]
		return join(year(t.Year), t.Unit, youthbot.FoldName(t.Text)), t.Row
	})
	dups("MoHinh", "nam+ma_don_vi+ten", len(b.Models), func(i int) (string, int) {
		m := b.Models[i]
		return join(year(m.Year), m.Unit, youthbot.FoldName(m.Name)), m.Row
	})
	dups("ThayDoiDonVi", "ngay_hieu_luc+loai+ma_don_vi", len(b.Changes), func(i int) (string, int) {
		c := b.Changes[i]
		date := ""
		if !c.Date.IsZero() {
			date = c.Date.ISO()
		}
		return join(date, string(c.Kind), c.Unit), c.Row
	})
}

// cycles reports each cycle of parents among the DonVi rows, once, at the
// first row that is part of it. Parents outside the workbook end a path:
// they are the database's, which has no cycle.
func (rd *reader) cycles(rows []UnitRow, units map[string]UnitRow, at func(sheet string, row int, col, key string, args ...any)) {
	const (
		onPath = 1
		done   = 2
	)
	state := make(map[string]int, len(units))
	for _, r := range rows {
		var path []string
		for code := r.Code; code != "" && state[code] != done; {
			if state[code] == onPath {
				var cycle []string
				line := 0
				for i := len(path) - 1; i >= 0; i-- {
					cycle = append([]string{path[i]}, cycle...)
					if l := units[path[i]].Row; line == 0 || l < line {
						line = l
					}
					if path[i] == code {
						break
					}
				}
				if len(cycle) > 1 { // a unit its own parent is reported on its row
					at("DonVi", line, "ma_cap_tren", "wb.cycle", strings.Join(clipList(cycle), " → ")+" → "+code)
				}
				break
			}
			state[code] = onPath
			path = append(path, code)
			u, ok := units[code]
			if !ok {
				break
			}
			code = u.Parent
		}
		for _, c := range path {
			state[c] = done
		}
	}
}

// clipList shortens a long list of codes for a message.
func clipList(codes []string) []string {
	const max = 10
	if len(codes) <= max {
		return codes
	}
	return append(codes[:max:max], "…")
}
