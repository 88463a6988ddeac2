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

	actors := []struct {
		name string
		id   int64
	}{
		{"Stranger", 500},
		{"PendingMember", 501},
		{"Member", 502},
		{"SiblingSecretary", 503},
	}
	actions := []struct {
		name     string
		command  string // a message, or
		callback string // a button press
	}{
		// Youth projects (F3), campaigns and targets (F4, F7's kinds: bot/targets).
		{name: "NewProject", command: "/newproject " + branch + " | ct | Tên | 01/04/2026 | 30/04/2026 | 5"},
		{name: "JoinOtherProvince", command: "/join " + pf.other},
		{name: "JoinOtherProvinceButton", callback: "jj:" + pf.other + ":0"},
		{name: "JoinCompleted", command: "/join " + pf.done},
		{name: "StaleJoinOnCompleted", callback: "jj:" + pf.done + ":0"},
		{name: "StaleLeaveOnCompleted", callback: "jl:" + pf.done + ":0"},
		{name: "CheckinQR", command: "/checkin " + pf.open},
		{name: "AttendanceView", callback: "ja:v:" + pf.open + ":0"},
		{name: "ConfirmAttendance", callback: "ja:o:" + pf.open + ":502:0"},
		{name: "ConfirmAttendanceAll", callback: "ja:a:" + pf.open + ":0"},
		{name: "Done", command: "/done " + pf.open},
		{name: "DoneWithValue", command: "/done " + pf.open + " 5tr"},
		{name: "DoneConfirmButton", callback: "jd:ok:" + pf.open + ":5000000"},
		{name: "DoneOneLine", command: "/done " + pf.open + " | thanh niên 20 | cấp tỉnh"},
		{name: "DoneStepButton", callback: "jg:s:heads:abcdef"},
		{name: "DoneLevelButton", callback: "jg:l:province:abcdef"},
		{name: "TargetNegative", command: "/target 2024 hours -5"},
		{name: "TargetOfBranch", command: "/target 2026 hours 100 " + branch},
		{name: "TargetForged", callback: "kt:2026:h:100:" + branch},
		{name: "TargetPerUnit", command: "/target 2026 mỗi chi đoàn 1 phần việc VT-CDCD"},
		{name: "TargetManual", command: `/target 2026 thủ công "Kết nạp 7.000 đoàn viên mới" 7000 ` + branch},
		{name: "TargetCodedMetric", command: "/target 2026 CT01 thiếu nhi 100 " + branch},
		{name: "TargetPerUnitForged", callback: "kt:2026:t:1:VT-CDCD:ub"},
		{name: "TargetManualForged", callback: "kt:2026:-:7000:" + branch + ":m:CT09"},
		{name: "TargetCodedForged", callback: "kt:2026:c:100:" + branch + "::CT01"},
		{name: "TargetDialogForged", callback: "kt:d:abcdef:" + branch},
		{name: "CampaignEndBeforeStart", command: "/newcampaign X | 10/04/2026 | 01/04/2026 | 0 8 * * 1 | nhắc"},
		{name: "CampaignInvalidCron", command: "/newcampaign X | 01/04/2026 | 30/04/2026 | 61 8 * * * | nhắc"},
		{name: "CampaignForgedConfirm", callback: "kc:ok:abcdef:HG"},
		{name: "EndCampaign", command: "/endcampaign " + pf.campaign},
		{name: "EndCampaignButton", callback: "ke:ok:" + pf.campaign},
		{name: "ForgedJoin", callback: "jj:abc:def"},
		{name: "ForgedAttendance", callback: "ja:o:" + pf.open + ":xyz:0"},
		{name: "ForgedProjectDialog", callback: "jn:u:HG:abcdef"},
		// Routes whose table entry needs a secretary (checked before the
		// handler), with arguments the handler itself would refuse.
		{name: "CheckinNoCode", command: "/checkin"},
		{name: "DoneNoCode", command: "/done"},
		{name: "EndCampaignNoID", command: "/endcampaign"},
		{name: "TargetNoArgs", command: "/target"},
		{name: "SetTargetForgedButton", callback: "kt:x"},
	}
	for _, a := range actors {
		for _, act := range actions {
			t.Run(a.name+"/"+act.name, func(t *testing.T) {
				before := h.Snapshot()
				u := harness.User(a.id, "vi")
				var msgs []*youthbot.Outgoing
				if act.command != "" {
					msgs = h.Apply(harness.MsgUpdate(u, act.command))
				} else {
					msgs = h.Apply(harness.CbUpdate(u, act.callback))
				}
				if after := h.Snapshot(); after != before {
					t.Errorf("state changed:\nbefore:\n%s\nafter:\n%s", before, after)
				}
				if !harness.Refused(msgs, a.id) {
					t.Errorf("no clear refusal; got %v", describe(msgs))
				}
				for _, m := range msgs {
					if m.Chat != a.id {
						t.Errorf("a message went to chat %d: %q", m.Chat, m.Params["text"])
					}
				}
			})
		}
	}
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
