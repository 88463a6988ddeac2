package participation_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestRejectAsksForAReason: Reject on a registration or an activity offers
// the reasons and decides nothing; pressing a reason rejects once and the
// member is told the reason in their language; a second, stale or forged
// reason press is refused and changes nothing.
func TestRejectAsksForAReason(t *testing.T) {
	type item struct {
		reject  string   // the Reject button
		reasons []string // the reason buttons it must offer
		status  func() string
	}
	for _, tc := range []struct {
		name   string
		lang   string
		why    string
		told   string // what the member reads
		notTld string // what they must not read
		setup  func(h *harness) item
	}{
		{name: "RegistrationVi", lang: "vi", why: "unit", told: "Lý do: bạn không thuộc chi đoàn này.",
			setup: func(h *harness) item {
				m := h.register(701, ptBranch, "Lê Văn Lý")
				reg := m.RegisteredAt.Unix()
				return item{reject: fmt.Sprintf("mr:701:%d", reg),
					reasons: []string{fmt.Sprintf("mw:701:%d:info", reg), fmt.Sprintf("mw:701:%d:unit", reg), fmt.Sprintf("mw:701:%d:proof", reg), fmt.Sprintf("mw:701:%d:none", reg), fmt.Sprintf("mw:701:%d:back", reg)},
					status:  func() string { return string(h.member(701).Status) }}
			}},
		{name: "RegistrationNoReason", lang: "vi", why: "none", told: "chưa được duyệt", notTld: "Lý do",
			setup: func(h *harness) item {
				m := h.register(701, ptBranch, "Lê Văn Lý")
				reg := m.RegisteredAt.Unix()
				return item{reject: fmt.Sprintf("mr:701:%d", reg), reasons: []string{fmt.Sprintf("mw:701:%d:none", reg)},
					status: func() string { return string(h.member(701).Status) }}
			}},
		{name: "ActivityEn", lang: "en", why: "proof", told: "Reason: evidence is missing.",
			setup: func(h *harness) item {
				an := h.ptMember(701, ptBranch, "An")
				an.LanguageCode = "en"
				h.say(an, "/log 3h Dọn kênh")
				a := h.ptActivities(701)[0]
				return item{reject: fmt.Sprintf("ar:%d", a.ID),
					reasons: []string{fmt.Sprintf("aw:%d:info", a.ID), fmt.Sprintf("aw:%d:unit", a.ID), fmt.Sprintf("aw:%d:proof", a.ID), fmt.Sprintf("aw:%d:none", a.ID), fmt.Sprintf("aw:%d:back", a.ID)},
					status:  func() string { return string(h.ptActivities(701)[0].Status) }}
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t)
			h.makeSecretary(710, ptBranch)
			h.makeSecretary(711, "VT-CDCD-KT") // another branch: no rights
			it := tc.setup(h)
			sec := user(710, tc.lang)
			before, status := h.snapshot(), it.status()

			msgs := h.apply(cbUpdate(sec, it.reject))
			got := buttons(msgs)
			for _, want := range it.reasons {
				if !slices.Contains(got, want) {
					t.Errorf("Reject offers %v, want %s among them", got, want)
				}
			}
			if h.snapshot() != before || len(texts(msgs, 701)) != 0 {
				t.Fatalf("Reject alone decided: %v", describe(msgs))
			}
			base := it.reasons[0][:strings.LastIndex(it.reasons[0], ":")] // the button's data without its reason
			press, back := base+":"+tc.why, base+":back"
			h.apply(cbUpdate(sec, back))
			if h.snapshot() != before {
				t.Fatalf("back decided")
			}
			h.refusedUnchanged(t, 711, press)                                      // no rights over the branch
			h.refusedUnchanged(t, 710, strings.TrimSuffix(press, tc.why)+"forged") // not a reason
			h.refusedUnchanged(t, 710, strings.TrimSuffix(press, ":"+tc.why))      // no reason at all

			msgs = h.apply(cbUpdate(sec, press))
			told := strings.Join(texts(msgs, 701), "\n")
			if it.status() == status || !strings.Contains(it.status(), "reject") {
				t.Fatalf("after the reason: status %s", it.status())
			}
			if !strings.Contains(told, tc.told) || tc.notTld != "" && strings.Contains(told, tc.notTld) {
				t.Errorf("the member was told %q, want %q", told, tc.told)
			}
			if n := len(texts(msgs, 701)); n != 1 {
				t.Errorf("the member was told %d times", n)
			}
			after := h.snapshot()
			for _, again := range []string{press, base + ":info", it.reject} {
				msgs := h.apply(cbUpdate(sec, again))
				if !refused(msgs, 710) || h.snapshot() != after || len(texts(msgs, 701)) != 0 {
					t.Errorf("%s after the rejection: %v", again, describe(msgs))
				}
			}
		})
	}
}
