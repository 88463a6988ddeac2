package bot_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"youthbot"
	"youthbot/bot/internal/harness"
	"youthbot/storage"
)

// Seats after a transfer (issue 8, item 19): an accepted transfer takes
// the member out of the open projects their new branch does not see, the
// waiting list moving up as when a member leaves; /done credits only those
// the project is for.
func TestTransferGivesUpSeatsTheNewBranchDoesNotSee(t *testing.T) {
	day := func(d int) youthbot.Date { return youthbot.Date{Year: 2026, Month: 3, Day: d} }
	joined := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		name, to       string
		keepsSchoolOne bool
	}{
		{"ToSiblingBranch", "VT-CDCD-KT", true},
		{"ToAnotherDistrict", "PH-TB-TLA", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			h := harness.New(t)
			an := h.ApprovedMember(601, "VT-CDCD-CNTT", "Nguyễn Văn An")
			h.ApprovedMember(602, "VT-CDCD-CNTT", "Trần Chờ")
			h.MakeSecretary(660, "VT-CDCD-CNTT")
			h.MakeSecretary(650, tt.to)
			var branchP, schoolP, doneP youthbot.Project
			if err := h.DB.Update(func(tx *storage.Tx) error {
				branchP = youthbot.Project{Kind: youthbot.ProjectWork, Title: "Của chi đoàn", Unit: "VT-CDCD-CNTT", Start: day(9), End: day(31), Capacity: 1}
				schoolP = youthbot.Project{Kind: youthbot.ProjectTask, Title: "Của trường", Unit: "VT-CDCD", Start: day(9), End: day(31)}
				doneP = youthbot.Project{Kind: youthbot.ProjectTask, Title: "Đã xong", Unit: "VT-CDCD-CNTT", Start: day(1), End: day(5),
					Status: youthbot.ProjectDone, DoneDate: day(5), DoneAt: joined}
				for _, p := range []*youthbot.Project{&branchP, &schoolP, &doneP} {
					if err := tx.NewProject(p); err != nil {
						return err
					}
				}
				for _, s := range []struct {
					p     string
					m     int64
					state string
				}{{branchP.Code, 601, youthbot.SeatJoined}, {branchP.Code, 602, youthbot.SeatWaiting},
					{schoolP.Code, 601, youthbot.SeatJoined}, {doneP.Code, 601, youthbot.SeatJoined}} {
					at := joined
					if s.m == 602 {
						at = joined.Add(time.Hour)
					}
					if err := tx.PutSeat(s.p, youthbot.Participant{Member: s.m, State: s.state, JoinedAt: at}); err != nil {
						return err
					}
				}
				return nil
			}); err != nil {
				t.Fatal(err)
			}
			h.Say(an, "/transfer "+tt.to)
			h.Press(an, "xs:"+tt.to)
			var id uint64
			h.DB.View(func(tx *storage.Tx) error { tr, _, err := tx.PendingTransferOf(601); id = tr.ID; return err })
			out := h.Apply(harness.CbUpdate(harness.User(650, "vi"), fmt.Sprintf("xa:%d", id)))
			if got := h.Member(601).Unit; got != tt.to {
				t.Fatalf("setup: the transfer was not accepted (in %s)", got)
			}
			seat := func(p string, m int64) (youthbot.Participant, bool) {
				var s youthbot.Participant
				var found bool
				h.DB.View(func(tx *storage.Tx) (err error) { s, found, err = tx.Seat(p, m); return err })
				return s, found
			}
			if _, found := seat(branchP.Code, 601); found {
				t.Error("the member kept the seat in the old branch's project")
			}
			if s, _ := seat(branchP.Code, 602); s.State != youthbot.SeatJoined {
				t.Errorf("the first in line was not moved up: %+v", s)
			}
			if !seatsHas(harness.Texts(out, 602), "bạn được chuyển từ danh sách chờ") {
				t.Errorf("the member moved up was not told: %q", harness.Texts(out, 602))
			}
			if _, found := seat(schoolP.Code, 601); found != tt.keepsSchoolOne {
				t.Errorf("seat in the school's project kept = %v, want %v", found, tt.keepsSchoolOne)
			}
			wantLeft := "Không còn tham gia công trình, phần việc của chi đoàn cũ: " + branchP.Code
			if !tt.keepsSchoolOne {
				wantLeft += ", " + schoolP.Code
			}
			if !seatsHas(harness.Texts(out, 601), wantLeft) {
				t.Errorf("the member was told %q, want %q", harness.Texts(out, 601), wantLeft)
			}
			if !seatsHas(harness.Texts(out, 660), wantLeft) {
				t.Errorf("the old branch's secretary was told %q, want %q", harness.Texts(out, 660), wantLeft)
			}
			if _, found := seat(doneP.Code, 601); !found {
				t.Error("the seat of a completed project (its history) was dropped")
			}

			// A seat left from before this rule: /done does not credit it.
			if err := h.DB.Update(func(tx *storage.Tx) error {
				return tx.PutSeat(branchP.Code, youthbot.Participant{Member: 601, State: youthbot.SeatJoined, JoinedAt: joined})
			}); err != nil {
				t.Fatal(err)
			}
			for _, data := range harness.Buttons(h.Apply(harness.MsgUpdate(harness.User(660, "vi"), "/done "+branchP.Code+" 0"))) {
				if strings.HasPrefix(data, "jd:ok:") {
					h.Press(harness.User(660, "vi"), data) // the summary's ✅
				}
			}
			for _, a := range seatsActivities(h, 601) {
				if a.Project == branchP.Code {
					t.Errorf("/done of the old branch's project credited the member who left: %+v", a)
				}
			}
			credited := false
			for _, a := range seatsActivities(h, 602) {
				credited = credited || a.Project == branchP.Code
			}
			if !credited {
				t.Error("/done did not credit the member who took the seat")
			}
		})
	}
}

// seatsActivities are the member's stored participations.
func seatsActivities(h *harness.H, id int64) []youthbot.Activity {
	h.T.Helper()
	var out []youthbot.Activity
	h.DB.View(func(tx *storage.Tx) error {
		return tx.MemberActivities(id, func(a youthbot.Activity) bool { out = append(out, a); return true })
	})
	return out
}

// seatsHas reports whether one of texts contains sub.
func seatsHas(texts []string, sub string) bool {
	for _, t := range texts {
		if strings.Contains(t, sub) {
			return true
		}
	}
	return false
}
