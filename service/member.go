package service

import (
	"time"

	"youthbot"
)

// MemberStore is what DecideMember reads and writes.
type MemberStore interface {
	Member(id int64) (youthbot.Member, error)
	PutMember(m youthbot.Member) error
	Unit(code string) (youthbot.Unit, error)
	OpenStint(member int64, unit string, from time.Time, isNew bool) error
}

// DecideMember approves (approve) or rejects the pending registration of
// user id: the member's first stint in the branch begins with an approval
// (or on the day they joined the Union, when they said it: memberSince),
// and the member is told; a rejection keeps its reason on the record. It returns the member as decided. Errors:
// ENOTFOUND (no such member), ECONFLICT "approval.already" (decided
// before), EINVALID (a reason that is not one of RejectReasons).
func DecideMember(st MemberStore, actor Actor, id int64, approve bool, why string, at When) (youthbot.Member, []Notice, error) {
	if err := checkReason(approve, why); err != nil {
		return youthbot.Member{}, nil, err
	}
	m, err := st.Member(id)
	if err != nil {
		return m, nil, err
	}
	if m.Status != youthbot.StatusPending {
		return m, nil, youthbot.Errorf(youthbot.ECONFLICT, "approval.already")
	}
	unit, err := st.Unit(m.Unit)
	if err != nil {
		return m, nil, err
	}
	m.Status = youthbot.StatusRejected
	if approve {
		m.Status = youthbot.StatusApproved
	}
	m.DecidedAt, m.DecidedBy, m.Reason = at.Now, actor.ID, ""
	if !approve {
		m.Reason = why
	}
	if err := st.PutMember(m); err != nil {
		return m, nil, err
	}
	if approve {
		if err := st.OpenStint(m.UserID, m.Unit, memberSince(m, at), true); err != nil {
			return m, nil, err
		}
	}
	key := "member.rejected"
	if approve {
		key = "member.approved"
	}
	return m, []Notice{withReason(notice(m.UserID, "decision", key, unit.Name), why)}, nil
}

// memberSince is when an approved member's first stint begins: the day
// they joined the Union (Member.Joined, asked at registration), at the
// time of day of the approval, when they said it, so that members_new
// counts them where they were admitted, as an imported member; else the
// approval.
func memberSince(m youthbot.Member, at When) time.Time {
	if m.Joined.IsZero() || !m.Joined.Before(at.Today) {
		return at.Now
	}
	days := int(at.Today.Time(time.UTC).Sub(m.Joined.Time(time.UTC)).Hours() / 24)
	return at.Now.AddDate(0, 0, -days)
}
