package service

import (
	"slices"

	"youthbot"
)

// RejectReasons are the reasons a secretary can give for rejecting a
// registration or an activity, as short codes (callback data carries
// them); the member is told the reason in their own language (catalog key
// "reject.why_<code>"). No reason is the empty code.
var RejectReasons = []string{"info", "unit", "proof"}

// checkReason refuses a reason that is not one of RejectReasons, and any
// reason given with an approval.
func checkReason(approve bool, why string) error {
	if why == "" || !approve && slices.Contains(RejectReasons, why) {
		return nil
	}
	return youthbot.Errorf(youthbot.EINVALID, "stale_button")
}

// withReason adds the reason's line to a rejection's notice.
func withReason(n Notice, why string) Notice {
	if why != "" {
		n.Lines = append(n.Lines, Text{Key: "reject.why_" + why})
	}
	return n
}
