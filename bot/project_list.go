package bot

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
	"youthbot/service"
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
func (b *Bot) listProjects(c *Ctx) ([]*listedProject, error) {
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
	if m, err := memberForProjects(c); err == nil {
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

// cmdProjects lists the projects the sender sees, with Join / Leave.
func (b *Bot) cmdProjects(c *Ctx, _ string) error {
	return firstPage(c, b.projectsView)
}

// cbProjects pages through /projects.
func (b *Bot) cbProjects(c *Ctx, args []string) error {
	return turnPage(c, arg(args, 0), b.projectsView)
}

// projectsView renders a page of /projects.
func (b *Bot) projectsView(c *Ctx, page int) (string, *tgbotapi.InlineKeyboardMarkup, error) {
	list, err := b.listProjects(c)
	if err != nil {
		return "", nil, err
	}
	if len(list) == 0 {
		return c.T("project.list_none"), nil, nil
	}
	from, to, page, pages := pageOf(len(list), projectsPage, page)
	var sb strings.Builder
	sb.WriteString(c.T("project.list_title", len(list), page+1, pages))
	var rows [][]tgbotapi.InlineKeyboardButton
	for _, lp := range list[from:to] {
		sb.WriteString("\n\n" + b.projectCard(c, &lp.Project, lp.seats))
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
			rows = append(rows, row(button(c.T("project.btn_leave", lp.Code), data(cbLeave, lp.Code, p))))
		case !mine && lp.CanJoin(c.Today) == nil && lp.SeatsLeft(lp.seats) == 0:
			rows = append(rows, row(button(c.T("project.btn_queue", lp.Code), data(cbJoin, lp.Code, p))))
		case !mine && lp.CanJoin(c.Today) == nil:
			rows = append(rows, row(button(c.T("project.btn_join", lp.Code), data(cbJoin, lp.Code, p))))
		}
	}
	rows = append(rows, pageButtons(page, pages, func(p int) string { return data(cbProjects, strconv.Itoa(p)) }))
	return sb.String(), optionalKeyboard(rows...), nil
}

// projectCard describes a project: code, kind, title, unit, days, seats.
func (b *Bot) projectCard(c *Ctx, p *youthbot.Project, seats []youthbot.Participant) string {
	text := c.T("project.card", p.Code, kindName(c, p.Kind), p.Title, nameOfUnit(c, p.Unit), p.Start.String(), p.End.String())
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
	code, ok := youthbot.NormalizeProjectCode(s)
	if !ok {
		return "", youthbot.Errorf(youthbot.EINVALID, usage)
	}
	return code, nil
}

// cmdJoin joins a project: /join P12.
func (b *Bot) cmdJoin(c *Ctx, args string) error {
	code, err := projectCodeArg(args, "err.project_join_usage")
	if err != nil {
		return err
	}
	msg, err := b.joinProject(c, code)
	if err != nil {
		return err
	}
	c.Reply(msg, nil)
	return nil
}

// cmdLeave leaves a project or its waiting list: /leave P12.
func (b *Bot) cmdLeave(c *Ctx, args string) error {
	code, err := projectCodeArg(args, "err.project_leave_usage")
	if err != nil {
		return err
	}
	msg, err := b.leaveProject(c, code)
	if err != nil {
		return err
	}
	c.Reply(msg, nil)
	return nil
}

// cbJoin and cbLeave are the buttons of /projects: the answer says what
// happened and the list is redrawn.
func (b *Bot) cbJoin(c *Ctx, args []string) error {
	return b.joinLeaveButton(c, args, b.joinProject)
}

func (b *Bot) cbLeave(c *Ctx, args []string) error {
	return b.joinLeaveButton(c, args, b.leaveProject)
}

func (b *Bot) joinLeaveButton(c *Ctx, args []string, act func(c *Ctx, code string) (string, error)) error {
	code, ok := youthbot.NormalizeProjectCode(arg(args, 0))
	page, err := strconv.Atoi(arg(args, 1))
	if !ok || err != nil || len(args) != 2 {
		return staleButton()
	}
	msg, err := act(c, code)
	if err != nil {
		return err
	}
	c.Answer(msg, false)
	text, kb, err := b.projectsView(c, page)
	if err != nil {
		return err
	}
	c.EditCallback(text, kb)
	return nil
}

// joinProject puts the sender, an approved member of a branch the project
// is visible to, in the project: a seat if one is free, else the end of the
// waiting list. Joining twice changes nothing. All of it happens in the
// update batch's single write transaction, so two members can never take
// the last seat both.
func (b *Bot) joinProject(c *Ctx, code string) (string, error) {
	m, err := memberForProjects(c)
	if err != nil {
		return "", err
	}
	j, err := service.Join(c.Tx, m, code, c.when())
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
func (b *Bot) leaveProject(c *Ctx, code string) (string, error) {
	p, seat, notices, err := service.Leave(c.Tx, c.actor(), code, c.when())
	if err != nil {
		return "", err
	}
	if err := c.deliver(notices); err != nil {
		return "", err
	}
	if seat.State == youthbot.SeatWaiting {
		return c.T("project.leave_waiting", p.Code), nil
	}
	return c.T("project.leave_done", p.Code, p.Title), nil
}
