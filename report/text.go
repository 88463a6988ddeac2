package report

import (
	"cmp"
	"html"
	"slices"
	"strings"
	"unicode/utf8"

	"youthbot"
	"youthbot/i18n"
)

// MaxMessage is Telegram's limit on a message's text, in characters after
// HTML parsing.
const MaxMessage = 4096

// Messages renders the tally as Telegram HTML messages in lang, each at most
// MaxMessage characters once parsed: the figures, the targets, then one
// line per child unit (a higher unit) or the members who did not take part
// (a branch), and the members who blocked the bot. A long list continues in
// the next message under its heading marked "(tiếp)"; messages break only
// between sections, lines or names, so each is valid HTML on its own.
func (t *Tally) Messages(lang string) []string {
	return pack(t.sections(lang), MaxMessage, i18n.T(lang, "report.continued"))
}

// Text renders the tally as plain text in lang, in one piece: what
// `youthbot report` prints.
func (t *Tally) Text(lang string) string {
	var parts []string
	for _, s := range t.sections(lang) {
		parts = append(parts, s.render())
	}
	return Plain(strings.Join(parts, "\n\n")) + "\n"
}

// section is a block of the text: a heading and items (lines, or names
// separated by sep) that may be split across messages.
type section struct {
	head  string
	items []string
	sep   string
}

func (s section) render() string {
	if len(s.items) == 0 {
		return s.head
	}
	return s.head + "\n" + strings.Join(s.items, s.sep)
}

func (t *Tally) sections(lang string) []section {
	f, p := t.Figures, t.Figures.Period
	T := func(key string, args ...any) string { return i18n.T(lang, key, args...) }
	count := func(x float64) string { return Number(lang, int64(x)) }
	hours := func(x float64) string { return Hours(lang, int(x)) }
	vnd := func(x float64) string { return VND(lang, int64(x)) }
	shown := false // a change is shown: say against what
	change := func(cur, prev float64, abs func(float64) string) string {
		if t.Prev == nil {
			return ""
		}
		if c := Change(lang, cur, prev, abs); c != "" {
			shown = true
			return " " + c
		}
		return ""
	}
	var prev youthbot.Figures
	if t.Prev != nil {
		prev = *t.Prev
	}
	var lines []string
	if p.IsMonth() {
		lines = append(lines, T("report.title_month", MonthYear(p)))
	} else {
		lines = append(lines, T("report.title_year", p.Year))
	}
	lines = append(lines,
		T("report.unit", f.Name, f.Code()),
		"",
		T("report.members", Number(lang, int64(f.MembersTotal)), Number(lang, int64(f.MembersNew))),
		T("report.active", Number(lang, int64(f.MembersActive)), Number(lang, int64(f.MembersTotal)),
			Percent(lang, ratio(f.MembersActive, f.MembersTotal)), change(float64(f.MembersActive), float64(prev.MembersActive), count)),
		T("report.participations", Number(lang, int64(f.Participations)), change(float64(f.Participations), float64(prev.Participations), count)),
	)
	if by := f.ParticipationsBy; by.Youth+by.Students+by.Residents > 0 {
		lines = append(lines, T("report.participations_by", Number(lang, by.Members), Number(lang, by.Youth),
			Number(lang, by.Students), Number(lang, by.Residents)))
	}
	if f.ParticipationsPending > 0 {
		lines = append(lines, T("report.pending", Number(lang, int64(f.ParticipationsPending))))
	}
	lines = append(lines, T("report.hours", Hours(lang, f.Tenths), change(float64(f.Tenths), float64(prev.Tenths), hours)))
	if f.ActivitiesHeld > 0 || f.PersonDayTenths > 0 {
		lines = append(lines, T("report.activities", Number(lang, int64(f.ActivitiesHeld)), Decimal(lang, f.PersonDays())))
	}
	lines = append(lines, T("report.value", VND(lang, f.ValueVND), change(float64(f.ValueVND), float64(prev.ValueVND), vnd)))
	if f.SupportVND > 0 {
		lines = append(lines, T("report.support", VND(lang, f.SupportVND)))
	}
	lines = append(lines, f7Lines(lang, f)...)
	if shown {
		if p.IsMonth() {
			lines = append(lines, T("report.compare_month", MonthYear(t.Prev.Period)))
		} else {
			lines = append(lines, T("report.compare_year", t.Prev.Period.Year))
		}
	}
	out := []section{{head: strings.Join(lines, "\n")}}

	if len(f.Targets) > 0 {
		s := section{sep: "\n"}
		if p.IsMonth() {
			s.head = T("report.targets_month", p.Year, MonthYear(p), f.TargetsMet(), len(f.Targets))
		} else {
			s.head = T("report.targets_year", p.Year, f.TargetsMet(), len(f.Targets))
		}
		for _, tg := range f.Targets {
			met := ""
			if tg.Percent >= 100 {
				met = " ✅"
			}
			s.items = append(s.items, T("report.target_line", TargetLabel(lang, tg),
				targetValue(lang, tg, tg.Achieved), targetValue(lang, tg, float64(tg.Target)), Percent(lang, tg.Percent), met))
		}
		out = append(out, s)
	}

	if len(f.Children) > 0 {
		s := section{head: T("report.children"), sep: "\n"}
		for i, c := range ranked(f.Children) {
			var line string
			if p.IsMonth() {
				line = T("report.child_month", i+1, c.Name, Number(lang, int64(c.Participations)),
					Number(lang, int64(c.MembersActive)), Number(lang, int64(c.MembersTotal)), Hours(lang, c.Tenths))
			} else {
				line = T("report.child_year", i+1, c.Name, Number(lang, int64(c.Participations)), Hours(lang, c.Tenths),
					Number(lang, int64(c.WorksCompleted)), Number(lang, int64(c.TasksCompleted)), VND(lang, c.ValueVND))
			}
			if len(c.Targets) > 0 {
				line += T("report.child_targets", c.TargetsMet(), len(c.Targets))
			}
			s.items = append(s.items, line)
		}
		out = append(out, s)
	}

	if t.IsBranch() && t.parts&(PartText|PartWorkbook) != 0 {
		out = append(out, t.memberSections(lang)...)
	} else if t.Unreachable > 0 {
		out = append(out, section{head: T("report.unreachable_count", Number(lang, int64(t.Unreachable)))})
	}
	if line := TargetsLine(lang, f); line != "" {
		out = append(out, section{head: line})
	}
	return out
}

// TargetsLine is the line an inspection report quotes, which ends the
// tally's text: "đạt 12/12 chỉ tiêu (từ 100% đến 200%)", the targets met
// out of all, from the lowest percent to the highest; "" without targets.
func TargetsLine(lang string, f *youthbot.Figures) string {
	if len(f.Targets) == 0 {
		return ""
	}
	lo, hi := f.TargetsPercentRange()
	return i18n.T(lang, "report.targets_summary", f.TargetsMet(), len(f.Targets), Percent(lang, lo), Percent(lang, hi))
}

// memberSections lists a branch's members who did not take part and those
// who blocked the bot.
func (t *Tally) memberSections(lang string) []section {
	T := func(key string, args ...any) string { return i18n.T(lang, key, args...) }
	var members, inactive, unreachable []string
	for _, m := range t.Members {
		if !m.Member || m.Unit != t.Figures.Unit {
			continue
		}
		name := html.EscapeString(m.Name)
		if m.Name == "" {
			name = T("report.erased")
		}
		members = append(members, name)
		if m.Participations == 0 {
			inactive = append(inactive, name)
		}
		if m.Unreachable {
			unreachable = append(unreachable, name)
		}
	}
	var out []section
	switch {
	case len(members) == 0:
		out = append(out, section{head: T("report.no_members")})
	case len(inactive) == 0:
		out = append(out, section{head: T("report.all_active")})
	default:
		out = append(out, section{head: T("report.inactive", Number(lang, int64(len(inactive))), Number(lang, int64(len(members)))),
			items: inactive, sep: ", "})
	}
	if len(unreachable) > 0 {
		out = append(out, section{head: T("report.unreachable_names", Number(lang, int64(len(unreachable)))), items: unreachable, sep: ", "})
	}
	return out
}

// ranked orders child units by participations, most first; ties by code.
func ranked(children []*youthbot.Figures) []*youthbot.Figures {
	out := slices.Clone(children)
	slices.SortStableFunc(out, func(a, b *youthbot.Figures) int {
		if c := cmp.Compare(b.Participations, a.Participations); c != 0 {
			return c
		}
		return strings.Compare(a.Unit, b.Unit)
	})
	return out
}

// pack fills messages of at most limit characters (after HTML parsing)
// with the sections, separated by a blank line. A section that does not fit
// in the current message starts the next one; a section too long for any
// message is split between its items, its heading repeated with cont.
func pack(sections []section, limit int, cont string) []string {
	var msgs []string
	var cur strings.Builder
	n := 0
	flush := func() {
		if cur.Len() > 0 {
			msgs = append(msgs, cur.String())
			cur.Reset()
			n = 0
		}
	}
	add := func(s string) {
		cur.WriteString(s)
		n += visible(s)
	}
	for _, s := range sections {
		whole := s.render()
		size := visible(whole)
		if cur.Len() > 0 && n+2+size <= limit {
			add("\n\n" + whole)
			continue
		}
		if size <= limit {
			flush()
			add(whole)
			continue
		}
		// Too long for any message: split between items, starting in
		// the current message when its heading and first item fit.
		head := fit(s.head, limit/2)
		first := ""
		if len(s.items) > 0 {
			first = fit(s.items[0], limit-visible(continued(head, cont))-1)
		}
		if cur.Len() > 0 && n+2+visible(head+"\n"+first) <= limit {
			add("\n\n" + head)
		} else {
			flush()
			add(head)
		}
		sep := "\n"
		for _, it := range s.items {
			it = fit(it, limit-visible(continued(head, cont))-1)
			if n+visible(sep+it) > limit {
				flush()
				add(continued(head, cont))
				sep = "\n"
			}
			add(sep + it)
			sep = s.sep
		}
	}
	flush()
	return msgs
}

// continued marks a repeated heading: "Heading (tiếp):".
func continued(head, cont string) string {
	if h, ok := strings.CutSuffix(head, ":"); ok {
		return h + cont + ":"
	}
	return head + cont
}

// fit returns s, or when it is longer than limit characters once parsed,
// its plain text cut to limit (an item can never be that long: names and
// unit names are bounded; this keeps a message valid whatever happens).
func fit(s string, limit int) string {
	if visible(s) <= limit {
		return s
	}
	r := []rune(Plain(s))
	return html.EscapeString(string(r[:max(limit-1, 0)]) + "…")
}

// visible is the length of HTML s as Telegram counts it: characters
// after parsing.
func visible(s string) int { return utf8.RuneCountInString(Plain(s)) }

// Plain turns the bot's HTML into plain text: tags dropped, entities
// decoded. Every '<' in the bot's HTML opens a tag (user text is escaped),
// which is what makes this simple reading right.
func Plain(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return s
	}
	var b strings.Builder
	in := false
	for _, r := range s {
		switch {
		case r == '<':
			in = true
		case r == '>' && in:
			in = false
		case !in:
			b.WriteRune(r)
		}
	}
	return html.UnescapeString(b.String())
}
