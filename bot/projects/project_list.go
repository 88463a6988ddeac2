package projects

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
	"youthbot/bot"
	"youthbot/service"
	"youthbot/vnread"
)

// projectsPage is how many projects /projects shows at once.
const projectsPage = 5

// listedProject is a project as /projects shows it to the sender.
type listedProject struct {
	youthbot.Project
	seats   []youthbot.Participant
	visible bool // open to the sender as a member: Join / Leave buttons
	manages bool // the sender may run /checkin and /done on it
}

// listProjects returns the open projects the sender sees: as an approved
// member, those of their branch and the units above it that have not
// ended; as a secretary (or admin), every open project of their subtrees,
// ended ones included (they still wait for /done). Earliest start first.
func (pj *Projects) listProjects(c *bot.Ctx) ([]*listedProject, error) {
	byCode := map[string]*listedProject{}
	var out []*listedProject
	add := func(units []string, member bool) error {
		for _, u := range units {
			projects, err := c.Tx.ProjectsOf(u)
			if err != nil {
				return err
			}
			for _, p := range projects {
				if !p.Open() || member && c.Today.After(p.End) {
					continue
				}
				lp := byCode[p.Code]
				if lp == nil {
					lp = &listedProject{Project: p}
					byCode[p.Code] = lp
					out = append(out, lp)
				}
				if member {
					lp.visible = true
				} else {
					lp.manages = true
				}
			}
		}
		return nil
	}
	if m, err := bot.MemberForProjects(c); err == nil {
		path, err := c.Tx.Ancestors(m.Unit)
		if err != nil {
			return nil, err
		}
		if err := add(path, true); err != nil {
			return nil, err
		}
	}
	for _, top := range actingUnits(c) {
		if err := add(c.Tx.Subtree(top), false); err != nil {
			return nil, err
		}
	}
	for _, lp := range out {
		seats, err := c.Tx.Seats(lp.Code)
		if err != nil {
			return nil, err
		}
		lp.seats = seats
	}
	slices.SortFunc(out, func(a, b *listedProject) int {
		if c := a.Start.Compare(b.Start); c != 0 {
			return c
		}
		return cmp.Compare(projectNumber(a.Code), projectNumber(b.Code))
	})
	return out, nil
}

// projectNumber is the number of a project code, for ordering.
func projectNumber(code string) int {
	n, _ := strconv.Atoi(strings.TrimPrefix(code, "P"))
	return n
}

// projectsView renders a page of /projects: the projects the sender sees,
// with Join / Leave.
func (pj *Projects) projectsView(c *bot.Ctx, page int) (string, *tgbotapi.InlineKeyboardMarkup, error) {
	list, err := pj.listProjects(c)
	if err != nil {
		return "", nil, err
	}
	if len(list) == 0 {
		return c.T("project.list_none"), nil, nil
	}
	from, to, page, pages := bot.PageOf(len(list), projectsPage, page)
	var sb strings.Builder
	sb.WriteString(c.T("project.list_title", len(list), page+1, pages))
	var rows [][]tgbotapi.InlineKeyboardButton
	for _, lp := range list[from:to] {
		sb.WriteString("\n\n" + pj.projectCard(c, &lp.Project, lp.seats))
		seat, mine := service.SeatOf(lp.seats, c.From.ID)
		switch {
		case mine && seat.State == youthbot.SeatJoined:
			sb.WriteString("\n" + c.T("project.list_you_joined"))
		case mine:
			sb.WriteString("\n" + c.T("project.list_you_wait", service.WaitingPosition(lp.seats, c.From.ID)))
		}
		if lp.manages {
			sb.WriteString("\n" + c.T("project.list_manage", lp.Code))
		}
		if !lp.visible {
			continue
		}
		p := strconv.Itoa(page)
		switch {
		case mine && lp.CanLeave(c.Today, seat.State) == nil:
			rows = append(rows, bot.Row(bot.Button(c.T("project.btn_leave", lp.Code), bot.Data(cbLeave, lp.Code, p))))
		case !mine && lp.CanJoin(c.Today) == nil && lp.SeatsLeft(lp.seats) == 0:
			rows = append(rows, bot.Row(bot.Button(c.T("project.btn_queue", lp.Code), bot.Data(cbJoin, lp.Code, p))))
		case !mine && lp.CanJoin(c.Today) == nil:
			rows = append(rows, bot.Row(bot.Button(c.T("project.btn_join", lp.Code), bot.Data(cbJoin, lp.Code, p))))
		}
	}
	rows = append(rows, bot.PageButtons(page, pages, func(p int) string { return bot.Data(cbProjects, strconv.Itoa(p)) }))
	return sb.String(), optionalKeyboard(rows...), nil
}

// projectCard describes a project: code, kind, title, unit, days, seats.
func (pj *Projects) projectCard(c *bot.Ctx, p *youthbot.Project, seats []youthbot.Participant) string {
	text := c.T("project.card", p.Code, kindName(c, p.Kind), p.Title, bot.NameOfUnit(c, p.Unit), p.Start.String(), p.End.String())
	waiting := len(seats) - youthbot.Joined(seats)
	switch left := p.SeatsLeft(seats); {
	case left < 0:
		text += "\n" + c.T("project.seats_unlimited", youthbot.Joined(seats))
	case left == 0:
		text += "\n" + c.T("project.seats_full", p.Capacity, waiting)
	default:
		text += "\n" + c.T("project.seats_left", left, p.Capacity)
	}
	if p.Campaign != "" {
		if camp, err := c.Tx.Campaign(p.Campaign); err == nil {
			text += "\n" + c.T("project.campaign", camp.Name)
		}
	}
	return text
}

// projectCodeArg reads the project code of /join, /leave, /checkin, /done.
func projectCodeArg(s, usage string) (string, error) {
	code, ok := vnread.NormalizeProjectCode(s)
	if !ok {
		return "", youthbot.Errorf(youthbot.EINVALID, usage)
	}
	return code, nil
}

// cmdJoin joins a project: /join P12.
func (pj *Projects) cmdJoin(c *bot.Ctx, args string) error {
	code, err := projectCodeArg(args, "err.project_join_usage")
	if err != nil {
		return err
	}
	msg, err := pj.joinProject(c, code)
	if err != nil {
		return err
	}
	c.Reply(msg, nil)
	return nil
}

// cmdLeave leaves a project or its waiting list: /leave P12.
func (pj *Projects) cmdLeave(c *bot.Ctx, args string) error {
	code, err := projectCodeArg(args, "err.project_leave_usage")
	if err != nil {
		return err
	}
	msg, err := pj.leaveProject(c, code)
	if err != nil {
		return err
	}
	c.Reply(msg, nil)
	return nil
}

// cbJoin and cbLeave are the buttons of /projects: the answer says what
// happened and the list is redrawn.
func (pj *Projects) cbJoin(c *bot.Ctx, args []string) error {
	return pj.joinLeaveButton(c, args, pj.joinProject)
}

func (pj *Projects) cbLeave(c *bot.Ctx, args []string) error {
	return pj.joinLeaveButton(c, args, pj.leaveProject)
}

func (pj *Projects) joinLeaveButton(c *bot.Ctx, args []string, act func(c *bot.Ctx, code string) (string, error)) error {
	code, ok := vnread.NormalizeProjectCode(bot.Arg(args, 0))
	page, err := strconv.Atoi(bot.Arg(args, 1))
	if !ok || err != nil || len(args) != 2 {
		return bot.StaleButton()
	}
	msg, err := act(c, code)
	if err != nil {
		return err
	}
	c.Answer(msg, false)
	return c.Edited(pj.projectsView(c, page))
}

// joinProject puts the sender, an approved member of a branch the project
// is visible to, in the project: a seat if one is free, else the end of the
// waiting list. Joining twice changes nothing. All of it happens in the
// update batch's single write transaction, so two members can never take
// the last seat both.
func (pj *Projects) joinProject(c *bot.Ctx, code string) (string, error) {
	m, err := bot.MemberForProjects(c)
	if err != nil {
		return "", err
	}
	j, err := service.Join(c.Tx, m, code, c.When())
	if err != nil {
		return "", err
	}
	p := j.Project
	switch {
	case j.Already && j.Seat.State == youthbot.SeatJoined:
		return c.T("project.join_already", p.Code, p.Title), nil
	case j.Already:
		return c.T("project.join_already_waiting", p.Code, j.Position), nil
	case j.Seat.State == youthbot.SeatWaiting:
		return c.T("project.join_waiting", p.Code, p.Title, j.Position), nil
	}
	return c.T("project.join_joined", p.Code, p.Title, p.Start.String(), p.End.String()), nil
}

// leaveProject takes the sender out of a project (before it starts) or
// its waiting list; a freed seat goes to the first in line.
func (pj *Projects) leaveProject(c *bot.Ctx, code string) (string, error) {
	p, seat, notices, err := service.Leave(c.Tx, c.Actor(), code, c.When())
	if err != nil {
		return "", err
	}
	if err := c.Deliver(notices); err != nil {
		return "", err
	}
	if seat.State == youthbot.SeatWaiting {
		return c.T("project.leave_waiting", p.Code), nil
	}
	return c.T("project.leave_done", p.Code, p.Title), nil
}
