package service

import (
	"slices"
	"strings"
	"unicode/utf8"

	"youthbot"
)

// RejectReasons are the reasons a secretary can give for rejecting a
// registration or an activity, as short codes (callback data carries
// them); the member is told the reason in their own language (catalog key
// "reject.why_<code>"). No reason is the empty code.
var RejectReasons = []string{"info", "unit", "proof"}

// MaxReasonLen is the longest reason a secretary may write in their own
// words.
const MaxReasonLen = 200

// A reason in the secretary's own words is kept as textMark followed by
// the words, so that it never reads as one of RejectReasons.
const textMark = ":"

// TextReason makes the reason of a rejection from a secretary's own words
// (trimmed, spaces collapsed); "" when there are none. DecideMember and
// DecideActivity take it as their why and store it on the record.
func TextReason(words string) string {
	words = strings.Join(strings.Fields(words), " ")
	if words == "" {
		return ""
	}
	return textMark + words
}

// ReasonText returns the secretary's own words of a reason made by
// TextReason, and false for a reason's code or none.
func ReasonText(why string) (string, bool) {
	return strings.CutPrefix(why, textMark)
}

// checkReason refuses a reason that is neither one of RejectReasons nor
// words of TextReason (1 to MaxReasonLen characters), and any reason given
// with an approval.
func checkReason(approve bool, why string) error {
	if why == "" {
		return nil
	}
	if words, ok := ReasonText(why); ok && !approve {
		if n := utf8.RuneCountInString(words); n == 0 || n > MaxReasonLen || !utf8.ValidString(words) {
			return youthbot.Errorf(youthbot.EINVALID, "err.reason_len", MaxReasonLen)
		}
		return nil
	}
	if !approve && slices.Contains(RejectReasons, why) {
		return nil
	}
	return youthbot.Errorf(youthbot.EINVALID, "stale_button")
}

// ReasonLine is the line that says a rejection's reason why (a code of
// RejectReasons or words of TextReason); false for no reason.
func ReasonLine(why string) (Text, bool) {
	if words, ok := ReasonText(why); ok {
		return Text{Key: "reject.why_text", Args: []any{words}}, true
	}
	if why == "" {
		return Text{}, false
	}
	return Text{Key: "reject.why_" + why}, true
}

// withReason adds the reason's line to a rejection's notice.
func withReason(n Notice, why string) Notice {
	if line, ok := ReasonLine(why); ok {
		n.Lines = append(n.Lines, line)
	}
	return n
}
