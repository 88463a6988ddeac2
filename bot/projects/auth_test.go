package projects_test

import (
	"strings"
	"testing"

	"youthbot"
	"youthbot/bot/internal/harness"
	"youthbot/storage"
)

// TestAuthorisationTable tries every privileged command and button of the
// projects room, and of the targets room split from it (bot/targets, in
// every harness), as people without the right: each is refused with a
// clear answer and the domain state does not change. The rightful
// secretary's targets and completion at the end show the same actions do
// work for them. (The other rooms' rows are in bot/auth_test.go.)
func TestAuthorisationTable(t *testing.T) {
	h := harness.New(t)
	const branch, sibling = "VT-CDCD-CNTT", "VT-CDCD-KT"
	putMember(t, h, 501, branch, "Trần Thị Chờ", youthbot.StatusPending)
	putMember(t, h, 502, branch, "Lê Văn Đoàn", youthbot.StatusApproved)
	h.MakeSecretary(504, branch)
	h.MakeSecretary(503, sibling)
	pf := addProjectFixtures(h, branch, 502) // projects (F3) and a campaign (F4)

	actions := []harness.Action{
		// Youth projects (F3), campaigns and targets (F4, F7's kinds: bot/targets).
		{Name: "NewProject", Command: "/newproject " + branch + " | ct | Tên | 01/04/2026 | 30/04/2026 | 5"},
		{Name: "JoinOtherProvince", Command: "/join " + pf.other},
		{Name: "JoinOtherProvinceButton", Callback: "jj:" + pf.other + ":0"},
		{Name: "JoinCompleted", Command: "/join " + pf.done},
		{Name: "StaleJoinOnCompleted", Callback: "jj:" + pf.done + ":0"},
		{Name: "StaleLeaveOnCompleted", Callback: "jl:" + pf.done + ":0"},
		{Name: "CheckinQR", Command: "/checkin " + pf.open},
		{Name: "AttendanceView", Callback: "ja:v:" + pf.open + ":0"},
		{Name: "ConfirmAttendance", Callback: "ja:o:" + pf.open + ":502:0"},
		{Name: "ConfirmAttendanceAll", Callback: "ja:a:" + pf.open + ":0"},
		{Name: "Done", Command: "/done " + pf.open},
		{Name: "DoneWithValue", Command: "/done " + pf.open + " 5tr"},
		{Name: "DoneConfirmButton", Callback: "jd:ok:" + pf.open + ":5000000"},
		{Name: "DoneOneLine", Command: "/done " + pf.open + " | thanh niên 20 | cấp tỉnh"},
		{Name: "DoneStepButton", Callback: "jg:s:heads:abcdef"},
		{Name: "DoneLevelButton", Callback: "jg:l:province:abcdef"},
		{Name: "TargetNegative", Command: "/target 2024 hours -5"},
		{Name: "TargetOfBranch", Command: "/target 2026 hours 100 " + branch},
		{Name: "TargetForged", Callback: "kt:2026:h:100:" + branch},
		{Name: "TargetPerUnit", Command: "/target 2026 mỗi chi đoàn 1 phần việc VT-CDCD"},
		{Name: "TargetManual", Command: `/target 2026 thủ công "Kết nạp 7.000 đoàn viên mới" 7000 ` + branch},
		{Name: "TargetCodedMetric", Command: "/target 2026 CT01 thiếu nhi 100 " + branch},
		{Name: "TargetPerUnitForged", Callback: "kt:2026:t:1:VT-CDCD:ub"},
		{Name: "TargetManualForged", Callback: "kt:2026:-:7000:" + branch + ":m:CT09"},
		{Name: "TargetCodedForged", Callback: "kt:2026:c:100:" + branch + "::CT01"},
		{Name: "TargetDialogForged", Callback: "kt:d:abcdef:" + branch},
		{Name: "CampaignEndBeforeStart", Command: "/newcampaign X | 10/04/2026 | 01/04/2026 | 0 8 * * 1 | nhắc"},
		{Name: "CampaignInvalidCron", Command: "/newcampaign X | 01/04/2026 | 30/04/2026 | 61 8 * * * | nhắc"},
		{Name: "CampaignForgedConfirm", Callback: "kc:ok:abcdef:HG"},
		{Name: "EndCampaign", Command: "/endcampaign " + pf.campaign},
		{Name: "EndCampaignButton", Callback: "ke:ok:" + pf.campaign},
		{Name: "ForgedJoin", Callback: "jj:abc:def"},
		{Name: "ForgedAttendance", Callback: "ja:o:" + pf.open + ":xyz:0"},
		{Name: "ForgedProjectDialog", Callback: "jn:u:HG:abcdef"},
		// Routes whose table entry needs a secretary (checked before the
		// handler), with arguments the handler itself would refuse.
		{Name: "CheckinNoCode", Command: "/checkin"},
		{Name: "DoneNoCode", Command: "/done"},
		{Name: "EndCampaignNoID", Command: "/endcampaign"},
		{Name: "TargetNoArgs", Command: "/target"},
		{Name: "SetTargetForgedButton", Callback: "kt:x"},
	}
	h.RequireRefused(t, harness.Outsiders, actions)
	t.Run("RightfulSecretaryCanSetTargets", func(t *testing.T) {
		sec := harness.User(504, "vi")
		h.Press(sec, "kt:2026:-:7000:"+branch+":m:CT09")
		h.Press(sec, "kt:2026:c:100:"+branch+"::CT01")
		if err := h.DB.View(func(tx *storage.Tx) error {
			got := tx.Targets(branch, 2026)
			if len(got) != 2 || got[0].Code != "CT01" || got[0].Metric != youthbot.BeneficiariesOf(youthbot.BenefitChildren) ||
				got[1].Code != "CT09" || got[1].KindOf() != youthbot.TargetManual || got[1].Value != 7000 {
				t.Errorf("targets of %s: %+v", branch, got)
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("RightfulSecretaryCanCompleteProject", func(t *testing.T) {
		sec := harness.User(504, "vi")
		var confirm string
		for _, data := range harness.Buttons(h.Apply(harness.MsgUpdate(sec, "/done "+pf.open+" 0"))) {
			if strings.HasPrefix(data, "jd:ok:") {
				confirm = data
			}
		}
		h.Press(sec, confirm)
		if err := h.DB.View(func(tx *storage.Tx) error {
			p, err := tx.Project(pf.open)
			if err == nil && p.Status != youthbot.ProjectDone {
				t.Errorf("project status = %s, want done", p.Status)
			}
			return err
		}); err != nil {
			t.Fatal(err)
		}
	})
}

// putMember stores a member of branch with status, registered (and, when
// approved, decided) now.
func putMember(t *testing.T, h *harness.H, id int64, branch, name string, status youthbot.MemberStatus) {
	t.Helper()
	m := youthbot.Member{UserID: id, Unit: branch, FullName: name, Status: status, RegisteredAt: h.Now}
	if status == youthbot.StatusApproved {
		m.DecidedAt = h.Now
	}
	if err := h.DB.Update(func(tx *storage.Tx) error { return tx.PutMember(m) }); err != nil {
		t.Fatal(err)
	}
}
