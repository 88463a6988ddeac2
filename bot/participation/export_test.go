package participation

import "youthbot"

// What the room's tests (package participation_test) read of its inside.

const (
	CbLogOffer  = cbLogOffer
	CbMyPage    = cbMyPage
	DlgLog      = dlgLog
	LogDate     = logDate
	MaxCaption  = maxCaption
	MyPage      = myPage
	MembersPage = membersPage
)

var (
	CaptionLen = captionLen
	FitCaption = fitCaption
)

// MembersPrepList is the list a /members pre-phase built, if p is one.
func MembersPrepList(p any) ([]youthbot.Member, bool) {
	m, ok := p.(membersPrep)
	return m.list, ok
}
