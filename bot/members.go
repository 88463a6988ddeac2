package bot

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
	"youthbot/storage"
)

// membersPage is how many members a /members page lists.
const membersPage = 10

// maxSearch bounds a folded search in bytes, so that it fits in callback
// data.
const maxSearch = 40

// cmdMembers lists the approved members of the secretary's subtree, sorted
// the Vietnamese way, optionally those whose name matches a search typed
// with or without diacritics.
func (b *Bot) cmdMembers(c *Ctx, args string) error {
	return firstPage(c, b.membersSearch(foldSearch(args)))
}

// cbMembersPage turns the pages of /members.
func (b *Bot) cbMembersPage(c *Ctx, args []string) error {
	return turnPage(c, arg(args, 0), b.membersSearch(foldSearch(arg(args, 1))))
}

// membersSearch is the paged /members list of a folded search.
func (b *Bot) membersSearch(q string) pageView {
	return func(c *Ctx, page int) (string, *tgbotapi.InlineKeyboardMarkup, error) {
		return b.membersView(c, q, page)
	}
}

// foldSearch folds a search for matching and for callback data: no ':',
// at most maxSearch bytes.
func foldSearch(s string) string {
	q := strings.TrimSpace(strings.ReplaceAll(youthbot.FoldName(s), ":", " "))
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
func (b *Bot) subtreeMembers(c *Ctx, q string, page int) ([]youthbot.Member, error) {
	if p, ok := c.pre.(membersPrep); ok && p.q == q {
		from, to, _, _ := pageOf(len(p.list), membersPage, page)
		current, err := b.stillListed(c, p.list[from:to])
		if err != nil || current {
			return p.list, err
		}
	}
	return b.membersOf(c.Tx, c.From.ID, q)
}

// stillListed reports whether members, as read before the transaction, are
// still approved members the sender manages, with the same name, branch and
// phone.
func (b *Bot) stillListed(c *Ctx, members []youthbot.Member) (bool, error) {
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
func (b *Bot) prepareMembers(u *tgbotapi.Update, in input) func(ctx context.Context) any {
	var from *tgbotapi.User
	var q string
	if u.Message != nil {
		from, q = u.Message.From, foldSearch(in.args)
	} else {
		from, q = u.CallbackQuery.From, foldSearch(arg(in.data, 1))
	}
	return func(ctx context.Context) any {
		var list []youthbot.Member
		err := b.db.View(func(tx *storage.Tx) error {
			if !b.IsAdmin(from.ID) && len(tx.SecretaryUnits(from.ID)) == 0 {
				return nil
			}
			var err error
			list, err = b.membersOf(tx, from.ID, q)
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
func (b *Bot) membersOf(tx *storage.Tx, user int64, q string) ([]youthbot.Member, error) {
	var list []youthbot.Member
	for _, unit := range b.managedUnitsOf(tx, user) {
		ms, err := tx.MembersOf(unit, youthbot.StatusApproved)
		if err != nil {
			return nil, err
		}
		for _, m := range ms {
			if q == "" || strings.Contains(youthbot.FoldName(m.FullName), q) {
				list = append(list, m)
			}
		}
	}
	youthbot.SortByName(list)
	return list, nil
}

func (b *Bot) membersView(c *Ctx, q string, page int) (string, *tgbotapi.InlineKeyboardMarkup, error) {
	list, err := b.subtreeMembers(c, q, page)
	if err != nil {
		return "", nil, err
	}
	if len(list) == 0 {
		if q != "" {
			return c.T("members.none_match", q), nil, nil
		}
		return c.T("members.none"), nil, nil
	}
	from, to, page, pages := pageOf(len(list), membersPage, page)
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
	kb := keyboard(pageButtons(page, pages, func(p int) string { return data(cbMembersPage, strconv.Itoa(p), q) }))
	if len(kb.InlineKeyboard) == 0 {
		kb = nil
	}
	return sb.String(), kb, nil
}
