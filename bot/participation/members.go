package participation

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
	"youthbot/bot"
	"youthbot/storage"
	"youthbot/vn"
)

// membersPage is how many members a /members page lists.
const membersPage = 10

// maxSearch bounds a folded search in bytes, so that it fits in callback
// data.
const maxSearch = 40

// cmdMembers lists the approved members of the secretary's subtree, sorted
// the Vietnamese way, optionally those whose name matches a search typed
// with or without diacritics.
func (r *Participation) cmdMembers(c *bot.Ctx, args string) error {
	return bot.FirstPage(c, r.membersSearch(foldSearch(args)))
}

// cbMembersPage turns the pages of /members.
func (r *Participation) cbMembersPage(c *bot.Ctx, args []string) error {
	return bot.TurnPage(c, bot.Arg(args, 0), r.membersSearch(foldSearch(bot.Arg(args, 1))))
}

// membersSearch is the paged /members list of a folded search.
func (r *Participation) membersSearch(q string) bot.PageView {
	return func(c *bot.Ctx, page int) (string, *tgbotapi.InlineKeyboardMarkup, error) {
		return r.membersView(c, q, page)
	}
}

// foldSearch folds a search for matching and for callback data: no ':',
// at most maxSearch bytes.
func foldSearch(s string) string {
	q := strings.TrimSpace(strings.ReplaceAll(vn.FoldName(s), ":", " "))
	for len(q) > maxSearch {
		_, size := utf8.DecodeLastRuneInString(q)
		q = q[:len(q)-size]
	}
	return strings.TrimSpace(q)
}

// subtreeMembers returns the approved members of every unit the sender
// manages whose folded name contains q, sorted by name: the list the
// pre-phase built (prepareMembers) when it is for the same search and the
// members it shows on page still read the same in this transaction, else
// built here. (An update applied before this one, in the batch or in a
// concurrent webhook transaction, may have erased, moved or edited one of
// them: a list built before must not show what /forgetme erased, or a
// phone number to the secretaries of a branch the member left.)
func (r *Participation) subtreeMembers(c *bot.Ctx, q string, page int) ([]youthbot.Member, error) {
	if p, ok := c.Prepared().(membersPrep); ok && p.q == q {
		from, to, _, _ := bot.PageOf(len(p.list), membersPage, page)
		current, err := r.stillListed(c, p.list[from:to])
		if err != nil || current {
			return p.list, err
		}
	}
	return r.membersOf(c.Tx, c.From.ID, q)
}

// stillListed reports whether members, as read before the transaction, are
// still approved members the sender manages, with the same name, branch and
// phone.
func (r *Participation) stillListed(c *bot.Ctx, members []youthbot.Member) (bool, error) {
	for _, m := range members {
		now, err := c.Tx.Member(m.UserID)
		if youthbot.ErrorCode(err) == youthbot.ENOTFOUND {
			return false, nil
		}
		if err != nil {
			return false, err
		}
		if now.Status != youthbot.StatusApproved || now.Unit != m.Unit || now.FullName != m.FullName || now.Phone != m.Phone {
			return false, nil
		}
		if ok, err := c.CanManage(now.Unit); err != nil || !ok {
			return false, err
		}
	}
	return true, nil
}

// membersPrep is a /members list built by the pre-phase.
type membersPrep struct {
	q    string
	list []youthbot.Member
}

// prepareMembers claims /members and its page buttons: sorting a
// province's ~100,000 members the Vietnamese way takes a second, so the list
// is built in a read transaction before Apply's write transaction, holding
// up no other update. Only for secretaries and admins (checked again by the
// handler, which reads the database's rights in its own transaction).
func (r *Participation) prepareMembers(u *tgbotapi.Update, in bot.Input) func(ctx context.Context) any {
	var from *tgbotapi.User
	var q string
	if u.Message != nil {
		from, q = u.Message.From, foldSearch(in.Args())
	} else {
		from, q = u.CallbackQuery.From, foldSearch(bot.Arg(in.Data(), 1))
	}
	return func(ctx context.Context) any {
		var list []youthbot.Member
		err := r.b.DB().View(func(tx *storage.Tx) error {
			if !r.b.IsAdmin(from.ID) && len(tx.CurrentSecretaryUnits(from.ID)) == 0 {
				return nil
			}
			var err error
			list, err = r.membersOf(tx, from.ID, q)
			return err
		})
		if err != nil || list == nil {
			return nil
		}
		return membersPrep{q: q, list: list}
	}
}

// membersOf returns the approved members of every unit user manages whose
// folded name contains q, sorted by name.
func (r *Participation) membersOf(tx *storage.Tx, user int64, q string) ([]youthbot.Member, error) {
	var list []youthbot.Member
	for _, unit := range r.b.ManagedUnitsOf(tx, user) {
		ms, err := tx.MembersOf(unit, youthbot.StatusApproved)
		if err != nil {
			return nil, err
		}
		for _, m := range ms {
			if q == "" || strings.Contains(vn.FoldName(m.FullName), q) {
				list = append(list, m)
			}
		}
	}
	youthbot.SortByName(list)
	return list, nil
}

func (r *Participation) membersView(c *bot.Ctx, q string, page int) (string, *tgbotapi.InlineKeyboardMarkup, error) {
	list, err := r.subtreeMembers(c, q, page)
	if err != nil {
		return "", nil, err
	}
	if len(list) == 0 {
		if q != "" {
			return c.T("members.none_match", q), nil, nil
		}
		return c.T("members.none"), nil, nil
	}
	from, to, page, pages := bot.PageOf(len(list), membersPage, page)
	year := youthbot.YearPeriod(c.Today.Year)
	var sb strings.Builder
	sb.WriteString(c.T("members.title", len(list), page+1, pages))
	if q != "" {
		sb.WriteString("\n" + c.T("members.search", q))
	}
	units := map[string]string{}
	for i, m := range list[from:to] {
		name, ok := units[m.Unit]
		if !ok {
			u, err := c.Tx.Unit(m.Unit)
			if err != nil {
				return "", nil, err
			}
			name, units[m.Unit] = u.Name, u.Name
		}
		mt, err := c.Tx.MemberTallyOf(m.UserID, year)
		if err != nil {
			return "", nil, err
		}
		sb.WriteString("\n\n" + c.T("members.item", from+i+1, m.FullName, name, mt.Participations, c.Today.Year))
		if m.Phone != "" && slices.Contains(c.Tx.Secretaries(m.Unit), c.From.ID) {
			sb.WriteString("\n" + c.T("members.phone", m.Phone))
		}
		if u, found, err := c.Tx.User(m.UserID); err != nil {
			return "", nil, err
		} else if found && u.Unreachable {
			sb.WriteString("\n" + c.T("members.unreachable"))
		}
	}
	kb := bot.Keyboard(bot.PageButtons(page, pages, func(p int) string { return bot.Data(cbMembersPage, strconv.Itoa(p), q) }))
	if len(kb.InlineKeyboard) == 0 {
		kb = nil
	}
	return sb.String(), kb, nil
}
