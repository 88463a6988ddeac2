package membership_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"youthbot"
	"youthbot/bot/internal/harness"
)

// pendingBranch is the branch of the registrations the /pending tests decide.
const pendingBranch = "VT-CDCD-CNTT" // Chi đoàn Khoa Công nghệ thông tin

// TestPendingRejectAsksForAReason: ❌ on a /pending item offers the reasons
// in place of the list's buttons; a reason rejects it once and the member
// is told the reason; back shows the list; a forged or repeated press is
// refused.
func TestPendingRejectAsksForAReason(t *testing.T) {
	h := harness.New(t)
	h.MakeSecretary(710, pendingBranch)
	m := h.Register(701, pendingBranch, "Lê Văn Lý")
	sec := harness.User(710, "vi")
	key := fmt.Sprintf("m701.%d", m.RegisteredAt.Unix())
	before := h.Snapshot()
	msgs := h.Apply(harness.CbUpdate(sec, "pd:r:"+key+":0"))
	if got := harness.Buttons(msgs); !slices.Contains(got, "pd:w:"+key+":0:info") || !slices.Contains(got, "pd:w:"+key+":0:back") {
		t.Errorf("❌ offers %v", got)
	}
	if h.Snapshot() != before {
		t.Fatal("❌ alone decided")
	}
	if msgs := h.Apply(harness.CbUpdate(sec, "pd:w:"+key+":0:back")); h.Snapshot() != before || !harness.Has(harness.Texts(msgs, 710), "Lê Văn Lý") {
		t.Errorf("back: %v", harness.Describe(msgs))
	}
	refusedUnchanged(h, t, 710, "pd:w:"+key+":0:forged")
	refusedUnchanged(h, t, 710, "pd:w:t1:0:info") // transfers take no reason
	msgs = h.Apply(harness.CbUpdate(sec, "pd:w:"+key+":0:info"))
	if got := h.Member(701).Status; got != youthbot.StatusRejected {
		t.Fatalf("status %s", got)
	}
	if got := harness.Texts(msgs, 701); len(got) != 1 || !strings.Contains(got[0], "Lý do: thông tin chưa đúng.") {
		t.Errorf("the member was told %q", got)
	}
	if got := harness.Texts(msgs, 710); len(got) != 1 || !strings.HasPrefix(got[0], "❌ Đã từ chối: Lê Văn Lý") {
		t.Errorf("the list says %q", got)
	}
	refusedUnchanged(h, t, 710, "pd:w:"+key+":0:unit")
	refusedUnchanged(h, t, 710, "pd:r:"+key+":0")
}
