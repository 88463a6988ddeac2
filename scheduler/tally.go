package scheduler

import (
	"context"
	"fmt"
	"time"

	"youthbot"
	"youthbot/i18n"
	"youthbot/storage"
)

// TallyKey is the idempotency key of a unit's monthly tally to one chat: it
// is queued once per (unit, month, recipient), whatever the firings,
// overlapping runs and restarts.
func TallyKey(unit string, p youthbot.Period, chat int64) string {
	return fmt.Sprintf("tally/%s/%s/%d", unit, p, chat)
}

// TallyPeriod is the month whose tally is due at now: the calendar month
// before the latest firing of the tally schedule at or before now (in the
// bot's zone). ok is false when the schedule has not fired within a year.
func (s *Scheduler) TallyPeriod(now time.Time) (youthbot.Period, bool) {
	fired, ok := lastFiring(s.tally, now.In(s.loc))
	if !ok {
		return youthbot.Period{}, false
	}
	return youthbot.MonthPeriod(fired.Year(), fired.Month()).Prev(), true
}

// RunTally queues last month's tally for every current recipient who has
// not had it: each secretary of each unit by direct message and each group
// linked to the unit, in the recipient's language (groups: the default).
// The texts are stored in the outbox; the chart and workbook are named
// (youthbot.Render) and built when they are sent. It returns how many
// messages it queued.
func (s *Scheduler) RunTally(ctx context.Context, now time.Time) (int, error) {
	p, ok := s.TallyPeriod(now)
	if !ok {
		return 0, nil
	}
	if err := s.applyDueTreeChanges(now); err != nil {
		return 0, err
	}
	type work struct {
		unit string
		to   []recipient
	}
	var todo []work
	err := s.db.View(func(tx *storage.Tx) error {
		units, err := tx.Units()
		if err != nil {
			return err
		}
		for _, u := range units {
			if !tx.ExistedDuring(u.Code, p) {
				continue // founded later, or ceased before the month (F8): its last month is still tallied
			}
			to, err := s.tallyRecipients(tx, u.Code)
			if err != nil {
				return err
			}
			var missing []recipient
			for _, r := range to {
				if !tx.OutboxKeySeen(TallyKey(u.Code, p, r.chat)) {
					missing = append(missing, r)
				}
			}
			if len(missing) > 0 {
				todo = append(todo, work{u.Code, missing})
			}
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	queued := 0
	for _, w := range todo {
		if err := ctx.Err(); err != nil {
			return queued, err
		}
		n, err := s.queueTally(ctx, w.unit, p, w.to, now)
		queued += n
		if err != nil {
			return queued, fmt.Errorf("tally of %s for %s: %w", w.unit, p, err)
		}
	}
	err = s.db.Update(func(tx *storage.Tx) error {
		return putJob(tx, JobTally, now, func(st *storage.JobState) { st.Period, st.Queued = p.String(), queued })
	})
	return queued, err
}

// tallyRecipients are a unit's secretaries who can be reached and the
// groups linked to it.
func (s *Scheduler) tallyRecipients(tx *storage.Tx, unit string) ([]recipient, error) {
	var out []recipient
	for _, id := range tx.Secretaries(unit) {
		r, ok, err := s.userRecipient(tx, id)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, r)
		}
	}
	groups, err := s.groupRecipients(tx, unit)
	return append(out, groups...), err
}

// queueTally builds a unit's tally in each language needed and queues it
// for the recipients that still have not had it, in one transaction.
func (s *Scheduler) queueTally(ctx context.Context, unit string, p youthbot.Period, to []recipient, now time.Time) (int, error) {
	contents := map[string]*TallyContent{}
	for _, r := range to {
		if contents[r.lang] != nil {
			continue
		}
		c, err := s.tallies.Content(ctx, unit, p, r.lang)
		if err != nil {
			return 0, err
		}
		contents[r.lang] = c
	}
	var added []*youthbot.Outgoing
	err := s.db.Update(func(tx *storage.Tx) error {
		added = added[:0]
		u, err := tx.Unit(unit)
		if err != nil {
			return err
		}
		for _, r := range to {
			key := TallyKey(unit, p, r.chat)
			if tx.OutboxKeySeen(key) {
				continue // an overlapping run was first
			}
			msgs := tallyMessages(u, p, r, key, contents[r.lang], now)
			a, err := enqueue(tx, msgs)
			if err != nil {
				return err
			}
			added = append(added, a...)
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	if len(added) > 0 && s.cfg.Outbox != nil {
		s.cfg.Outbox.Push(added)
	}
	return len(added), nil
}

// tallyMessages are the messages of one tally to one recipient: its texts,
// then its chart and workbook named for building at delivery. The first
// carries key, the others key and a suffix.
func tallyMessages(u youthbot.Unit, p youthbot.Period, r recipient, key string, c *TallyContent, now time.Time) []*youthbot.Outgoing {
	var out []*youthbot.Outgoing
	for i, text := range c.Texts {
		k := key
		if i > 0 {
			k = fmt.Sprintf("%s/text%d", key, i+1)
		}
		out = append(out, message(r, k, "tally", text, now))
	}
	file := func(method, kind, suffix, caption string) *youthbot.Outgoing {
		return &youthbot.Outgoing{
			Chat: r.chat, Lane: youthbot.LaneNotify, Method: method, Key: key + "/" + suffix, Queued: now,
			Group: r.group, Notice: "tally",
			Params: map[string]string{"chat_id": fmt.Sprint(r.chat), "caption": caption, "parse_mode": "HTML"},
			Render: &youthbot.Render{Kind: kind, Unit: u.Code, Period: p.String(), Lang: r.lang},
		}
	}
	if c.Chart != nil {
		caption := c.ChartCaption
		if caption == "" {
			caption = i18n.T(r.lang, "sched.tally_chart", u.Name, MonthLabel(p))
		}
		out = append(out, file("sendPhoto", youthbot.RenderTallyChart, "chart", caption))
	}
	if c.Workbook != nil {
		caption := c.WorkbookCaption
		if caption == "" {
			caption = i18n.T(r.lang, "sched.tally_workbook", u.Name, MonthLabel(p))
		}
		out = append(out, file("sendDocument", youthbot.RenderTallyWorkbook, "xlsx", caption))
	}
	if len(out) > 0 {
		out[0].Key = key
	}
	return out
}
