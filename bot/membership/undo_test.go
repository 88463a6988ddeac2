package membership_test

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"youthbot"
	"youthbot/bot/internal/harness"
	"youthbot/storage"
)

// branchFigures are the figures of pendingBranch this month.
func branchFigures(h *harness.H) youthbot.Figures {
	h.T.Helper()
	var f *youthbot.Figures
	loc, _ := time.LoadLocation("Asia/Ho_Chi_Minh")
	if err := h.DB.View(func(tx *storage.Tx) (err error) {
		f, err = tx.Figures(pendingBranch, youthbot.MonthPeriod(2026, 3), loc)
		return err
	}); err != nil {
		h.T.Fatal(err)
	}
	f.Targets = nil
	return *f
}

// TestRejectInOwnWordsAndUndo: "Lý do khác" asks a line of text and
// rejects with it (kept on the record, the member told it, escaped); the
// secretary who rejected may undo within 24 h (not someone else, not
// later): the registration waits again with its buttons, the member is
// told, the record and figures are as before the rejection.
func TestRejectInOwnWordsAndUndo(t *testing.T) {
	h := harness.New(t)
	h.MakeSecretary(710, pendingBranch)
	h.MakeSecretary(711, pendingBranch)
	m := h.Register(701, pendingBranch, "Lê Văn Lý")
	sec := harness.User(710, "vi")
	figures, pending := branchFigures(h), h.Member(701)
	reg := fmt.Sprint(m.RegisteredAt.Unix())
	key := "m701." + reg

	msgs := h.Apply(harness.CbUpdate(sec, "mr:701:"+reg))
	if got := harness.Buttons(msgs); !slices.Contains(got, "rx:t:"+key) {
		t.Fatalf("Từ chối offers %v", got)
	}
	if got := h.Press(sec, "rx:t:"+key); !harness.Has(got, "Nhập lý do từ chối") || h.Member(701).Status != youthbot.StatusPending {
		t.Fatalf("«Lý do khác» answers %q", got)
	}
	if got := h.Say(sec, strings.Repeat("dài ", 100)); !harness.Has(got, "Nhập lý do từ chối") || h.Member(701).Status != youthbot.StatusPending {
		t.Fatalf("a too long reason: %q", got)
	}
	msgs = h.Apply(harness.MsgUpdate(sec, "Ảnh  <b>mờ</b>, chụp lại"))
	got := h.Member(701)
	if got.Status != youthbot.StatusRejected || got.Reason != ":Ảnh <b>mờ</b>, chụp lại" {
		t.Fatalf("after the reason: %+v", got)
	}
	if told := harness.Texts(msgs, 701); len(told) != 1 || !strings.Contains(told[0], "Lý do: Ảnh &lt;b&gt;mờ&lt;/b&gt;, chụp lại") {
		t.Errorf("the member was told %q", told)
	}
	if !slices.Contains(harness.Buttons(harness.To(msgs, 710)), "rx:u:"+key) {
		t.Errorf("no undo for the secretary: %v", harness.Describe(msgs))
	}
	if _, open := h.Dialog(710); open {
		t.Error("the reason's dialog stays open")
	}

	refusedUnchanged(h, t, 711, "rx:u:"+key) // another secretary of the branch
	refusedUnchanged(h, t, 999, "rx:u:"+key) // no rights
	refusedUnchanged(h, t, 710, "rx:u:m701.1")
	refusedUnchanged(h, t, 710, "rx:u:x1")

	msgs = h.Apply(harness.CbUpdate(sec, "rx:u:"+key))
	if got := h.Member(701); !reflect.DeepEqual(got, pending) {
		t.Errorf("after the undo %+v, before the rejection %+v", got, pending)
	}
	if got := branchFigures(h); !reflect.DeepEqual(got, figures) {
		t.Errorf("figures after the undo %+v, before %+v", got, figures)
	}
	if told := harness.Texts(msgs, 701); len(told) != 1 || !strings.Contains(told[0], "hoàn tác việc từ chối") {
		t.Errorf("the member was told %q", told)
	}
	if got := harness.Buttons(harness.To(msgs, 710)); !slices.Contains(got, "ma:701:"+reg) || !slices.Contains(got, "mr:701:"+reg) {
		t.Errorf("the request after the undo has %v", got)
	}
	refusedUnchanged(h, t, 710, "rx:u:"+key) // nothing to undo any more

	// Rejected again with a reason's button; 24 h later no undo.
	msgs = h.Apply(harness.CbUpdate(sec, "mw:701:"+reg+":info"))
	if h.Member(701).Status != youthbot.StatusRejected || h.Member(701).Reason != "info" || !slices.Contains(harness.Buttons(msgs), "rx:u:"+key) {
		t.Fatalf("rejecting with a reason: %+v, %v", h.Member(701), harness.Describe(msgs))
	}
	if !harness.Has(harness.Texts(msgs, 710), "Lý do: thông tin chưa đúng.") {
		t.Errorf("the request does not show the reason: %q", harness.Texts(msgs, 710))
	}
	h.Now = h.Now.Add(24*time.Hour + time.Minute)
	refusedUnchanged(h, t, 710, "rx:u:"+key)
}

// TestRejectActivityInOwnWordsAndUndo: the same for a logged activity,
// from its request: the reason kept, the undo puts it back to waiting and
// the figures are as before.
func TestRejectActivityInOwnWordsAndUndo(t *testing.T) {
	h := harness.New(t)
	h.MakeSecretary(710, pendingBranch)
	an := h.ApprovedMember(701, pendingBranch, "An")
	sec := harness.User(710, "vi")
	h.Say(an, "/log 3h Dọn kênh")
	var a youthbot.Activity
	h.DB.View(func(tx *storage.Tx) error {
		acts, _ := tx.PendingActivities(pendingBranch)
		a = acts[0]
		return nil
	})
	figures := branchFigures(h)
	key := fmt.Sprintf("a%d", a.ID)
	if got := harness.Buttons(h.Apply(harness.CbUpdate(sec, fmt.Sprintf("ar:%d", a.ID)))); !slices.Contains(got, "rx:t:"+key) {
		t.Fatalf("Từ chối offers %v", got)
	}
	h.Press(sec, "rx:t:"+key)
	msgs := h.Apply(harness.MsgUpdate(sec, "Không có ảnh"))
	var got youthbot.Activity
	h.DB.View(func(tx *storage.Tx) (err error) { got, err = tx.Activity(a.ID); return err })
	if got.Status != youthbot.ActivityRejected || got.Reason != ":Không có ảnh" {
		t.Fatalf("after the reason: %+v", got)
	}
	if told := harness.Texts(msgs, 701); len(told) != 1 || !strings.Contains(told[0], "Lý do: Không có ảnh") {
		t.Errorf("the member was told %q", told)
	}
	msgs = h.Apply(harness.CbUpdate(sec, "rx:u:"+key))
	h.DB.View(func(tx *storage.Tx) (err error) { got, err = tx.Activity(a.ID); return err })
	if !reflect.DeepEqual(got, a) {
		t.Errorf("after the undo %+v, before %+v", got, a)
	}
	if f := branchFigures(h); !reflect.DeepEqual(f, figures) {
		t.Errorf("figures after the undo %+v, before %+v", f, figures)
	}
	if told := harness.Texts(msgs, 701); len(told) != 1 || !strings.Contains(told[0], "đang chờ duyệt lại") {
		t.Errorf("the member was told %q", told)
	}
	// The request's own buttons: a reason's button rejects, and offers the undo.
	msgs = h.Apply(harness.CbUpdate(sec, fmt.Sprintf("aw:%d:proof", a.ID)))
	if !slices.Contains(harness.Buttons(msgs), "rx:u:"+key) {
		t.Errorf("no undo on the request: %v", harness.Describe(msgs))
	}
}

// TestPendingRejectionOffersUndo: a rejection from /pending adds the
// button that undoes it to the list.
func TestPendingRejectionOffersUndo(t *testing.T) {
	h := harness.New(t)
	h.MakeSecretary(710, pendingBranch)
	m := h.Register(701, pendingBranch, "Lê Văn Lý")
	key := fmt.Sprintf("m701.%d", m.RegisteredAt.Unix())
	msgs := h.Apply(harness.CbUpdate(harness.User(710, "vi"), "pd:w:"+key+":0:proof"))
	if h.Member(701).Status != youthbot.StatusRejected || !slices.Contains(harness.Buttons(msgs), "rx:u:"+key) {
		t.Fatalf("after the rejection: %v", harness.Describe(msgs))
	}
	h.Press(harness.User(710, "vi"), "rx:u:"+key)
	if h.Member(701).Status != youthbot.StatusPending {
		t.Errorf("undo from /pending left %s", h.Member(701).Status)
	}
}

// TestReasonDialogEndsWhenDecidedOtherwise: a secretary who asked to type
// a reason and then pressed a reason's button instead is not asked again:
// their next message is no reason.
func TestReasonDialogEndsWhenDecidedOtherwise(t *testing.T) {
	h := harness.New(t)
	h.MakeSecretary(710, pendingBranch)
	m := h.Register(701, pendingBranch, "Lê Văn Lý")
	reg := fmt.Sprint(m.RegisteredAt.Unix())
	sec := harness.User(710, "vi")
	h.Press(sec, "rx:t:m701."+reg)
	h.Press(sec, "mw:701:"+reg+":unit")
	h.Say(sec, "xin chào")
	if got := h.Member(701); got.Status != youthbot.StatusRejected || got.Reason != "unit" {
		t.Errorf("the member %+v", got)
	}
	if _, open := h.Dialog(710); open {
		t.Error("the reason's dialog stays open")
	}
}
