package vnread

import (
	"strings"

	"youthbot"
	"youthbot/vn"
)

// inviteRoles are the words that name the kind of an invite, folded
// (FoldName): a secretary link for "bí thư" (or its deputy, same rights)
// as for "secretary", a member link for "đoàn viên".
var inviteRoles = map[string]youthbot.InviteKind{
	"secretary": youthbot.InviteSecretary, "deputy": youthbot.InviteSecretary, "deputy secretary": youthbot.InviteSecretary,
	"bi thu": youthbot.InviteSecretary, "bithu": youthbot.InviteSecretary, "pho bi thu": youthbot.InviteSecretary,
	"member": youthbot.InviteMember, "doan vien": youthbot.InviteMember,
}

// ParseInviteArgs reads /invite [UNIT_CODE] [role]: the role in words,
// with or without diacritics ("bí thư", "bi thu", "secretary", "đoàn
// viên"), before or after the code; a member invite by default. code is
// normalised, "" when not given. More than one code, or two roles, is an
// EINVALID err.invite_usage error.
func ParseInviteArgs(args string) (kind youthbot.InviteKind, code string, err error) {
	kind = youthbot.InviteMember
	words := strings.Fields(args)
	var haveRole bool
	for i := 0; i < len(words); {
		if k, n := vn.MatchPhrase(vn.FoldWords(words[i:], 3), inviteRoles); n > 0 {
			if haveRole {
				return "", "", youthbot.Errorf(youthbot.EINVALID, "err.invite_usage")
			}
			kind, haveRole, i = k, true, i+n
			continue
		}
		if code != "" {
			return "", "", youthbot.Errorf(youthbot.EINVALID, "err.invite_usage")
		}
		code, i = youthbot.NormalizeUnitCode(words[i]), i+1
	}
	return kind, code, nil
}
