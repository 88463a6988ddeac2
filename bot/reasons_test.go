package bot

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"youthbot"
)

// TestPendingRejectAsksForAReason: ❌ on a /pending item offers the reasons
// in place of the list's buttons; a reason rejects it once and the member
// is told the reason; back shows the list; a forged or repeated press is
// refused.
func TestPendingRejectAsksForAReason(t *testing.T) {
	h := newHarness(t)
	h.makeSecretary(710, ptBranch)
	m := h.register(701, ptBranch, "Lê Văn Lý")
	sec := user(710, "vi")
	key := fmt.Sprintf("m701.%d", m.RegisteredAt.Unix())
	before := h.snapshot()
	msgs := h.apply(cbUpdate(sec, "pd:r:"+key+":0"))
	if got := buttons(msgs); !slices.Contains(got, "pd:w:"+key+":0:info") || !slices.Contains(got, "pd:w:"+key+":0:back") {
		t.Errorf("❌ offers %v", got)
	}
	if h.snapshot() != before {
		t.Fatal("❌ alone decided")
	}
	if msgs := h.apply(cbUpdate(sec, "pd:w:"+key+":0:back")); h.snapshot() != before || !has(texts(msgs, 710), "Lê Văn Lý") {
		t.Errorf("back: %v", describe(msgs))
	}
	h.refusedUnchanged(t, 710, "pd:w:"+key+":0:forged")
	h.refusedUnchanged(t, 710, "pd:w:t1:0:info") // transfers take no reason
	msgs = h.apply(cbUpdate(sec, "pd:w:"+key+":0:info"))
	if got := h.member(701).Status; got != youthbot.StatusRejected {
		t.Fatalf("status %s", got)
	}
	if got := texts(msgs, 701); len(got) != 1 || !strings.Contains(got[0], "Lý do: thông tin chưa đúng.") {
		t.Errorf("the member was told %q", got)
	}
	if got := texts(msgs, 710); len(got) != 1 || !strings.HasPrefix(got[0], "❌ Đã từ chối: Lê Văn Lý") {
		t.Errorf("the list says %q", got)
	}
	h.refusedUnchanged(t, 710, "pd:w:"+key+":0:unit")
	h.refusedUnchanged(t, 710, "pd:r:"+key+":0")
}
