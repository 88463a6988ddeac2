package scheduler

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"youthbot"
	"youthbot/i18n"
	"youthbot/report"
	"youthbot/storage"
)

// Hours of the daily jobs, bot time zone.
const (
	projectReminderHour = 18 // the evening before a project starts
	digestHour          = 9
)

// ProjectReminderKey is the idempotency key of a project's reminder to a
// member (per start date: a project moved to another day reminds again).
func ProjectReminderKey(project string, start youthbot.Date, member int64) string {
	return fmt.Sprintf("proj/%s/%s/%d", project, start.ISO(), member)
}

// DigestKey is the idempotency key of a secretary's digest of a day.
func DigestKey(day youthbot.Date, secretary int64) string {
	return fmt.Sprintf("digest/%s/%d", day.ISO(), secretary)
}

// RunProjectReminders reminds the members who joined an open project
// starting tomorrow, from 18:00 on the day before (a start after 18:00, or
// a member who joins later that evening, is reminded by the next run that
// evening: the catch-up at start).
func (s *Scheduler) RunProjectReminders(ctx context.Context, now time.Time) (int, error) {
	local := now.In(s.loc)
	if local.Hour() < projectReminderHour {
		return 0, nil
	}
	today := youthbot.DateOf(now, s.loc)
	tomorrow := today.AddDays(1)
	var added []*youthbot.Outgoing
	err := s.db.Update(func(tx *storage.Tx) error {
		added = added[:0]
		units, err := tx.CurrentUnits()
		if err != nil {
			return err
		}
		for _, u := range units {
			projects, err := tx.ProjectsOf(u.Code)
			if err != nil {
				return err
			}
			for _, p := range projects {
				if p.Status != youthbot.ProjectOpen || p.Start != tomorrow {
					continue
				}
				seats, err := tx.Seats(p.Code)
				if err != nil {
					return err
				}
				for _, seat := range seats {
					if seat.State != youthbot.SeatJoined {
						continue
					}
					r, ok, err := s.userRecipient(tx, seat.Member)
					if err != nil {
						return err
					}
					if !ok {
						continue
					}
					kind := i18n.T(r.lang, "sched.kind_"+string(p.Kind))
					text := i18n.T(r.lang, "sched.project", p.Start.String(), kind, p.Title, p.Code, u.Name)
					a, err := enqueue(tx, []*youthbot.Outgoing{message(r, ProjectReminderKey(p.Code, p.Start, seat.Member), "project_reminder", text, now)})
					if err != nil {
						return err
					}
					added = append(added, a...)
				}
			}
		}
		return putJob(tx, JobProjectReminders, now, func(st *storage.JobState) { st.Period, st.Queued = tomorrow.ISO(), len(added) })
	})
	if err != nil {
		return 0, err
	}
	if len(added) > 0 && s.cfg.Outbox != nil {
		s.cfg.Outbox.Push(added)
	}
	return len(added), nil
}

// digestLines bounds the units a digest lists; the message's length
// (report.MaxMessage) may stop it earlier.
const digestLines = 40

// textLen is the length of an HTML text as Telegram counts it: characters,
// once tags and entities are parsed.
func textLen(html string) int { return utf8.RuneCountInString(report.Plain(html)) }

// digestItems counts what waits in one unit.
type digestItems struct {
	unit          youthbot.Unit
	registrations int
	activities    int
}

// RunDigest sends each secretary, once a day from 09:00, the registrations
// and activities that have waited more than 24 hours for a decision and
// whose requests they received (storage.Deciders: the unit's own
// secretaries, or the nearest unit above with some, or the admins; a
// secretary's own items the unit above them), one line per unit.
func (s *Scheduler) RunDigest(ctx context.Context, now time.Time) (int, error) {
	local := now.In(s.loc)
	if local.Hour() < digestHour {
		return 0, nil
	}
	today := youthbot.DateOf(now, s.loc)
	cut := now.Add(-24 * time.Hour)
	var added []*youthbot.Outgoing
	err := s.db.Update(func(tx *storage.Tx) error {
		added = added[:0]
		units, err := tx.CurrentUnits()
		if err != nil {
			return err
		}
		per := map[int64][]digestItems{}
		for _, u := range units {
			// Each item counts for whoever its request went to: that
			// depends on whose it is (a secretary's own goes above).
			var order []int64
			of := map[int64]*digestItems{}
			count := func(subject int64, add func(*digestItems)) error {
				ids, _, err := tx.Deciders(u.Code, subject, s.cfg.Admins)
				if err != nil {
					return err
				}
				for _, id := range ids {
					if of[id] == nil {
						of[id] = &digestItems{unit: u}
						order = append(order, id)
					}
					add(of[id])
				}
				return nil
			}
			ms, err := tx.MembersOf(u.Code, youthbot.StatusPending)
			if err != nil {
				return err
			}
			for _, m := range ms {
				if m.RegisteredAt.Before(cut) {
					if err := count(m.UserID, func(it *digestItems) { it.registrations++ }); err != nil {
						return err
					}
				}
			}
			acts, err := tx.PendingActivities(u.Code)
			if err != nil {
				return err
			}
			for _, a := range acts {
				if a.CreatedAt.Before(cut) {
					if err := count(a.Member, func(it *digestItems) { it.activities++ }); err != nil {
						return err
					}
				}
			}
			for _, id := range order {
				per[id] = append(per[id], *of[id])
			}
		}
		ids := make([]int64, 0, len(per))
		for id := range per {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		for _, id := range ids {
			r, ok, err := s.userRecipient(tx, id)
			if err != nil {
				return err
			}
			if !ok {
				continue
			}
			var b strings.Builder
			b.WriteString(i18n.T(r.lang, "sched.digest_title"))
			hint := "\n\n" + i18n.T(r.lang, "sched.digest_hint")
			// Room for the title, the hint and a "… and N more" line.
			room := report.MaxMessage - textLen(b.String()) - textLen(hint) -
				textLen("\n"+i18n.T(r.lang, "sched.digest_more", len(per[id])))
			for i, it := range per[id] {
				line := "\n" + i18n.T(r.lang, "sched.digest_line", it.unit.Name, it.registrations, it.activities)
				if room -= textLen(line); i == digestLines || room < 0 {
					b.WriteString("\n" + i18n.T(r.lang, "sched.digest_more", len(per[id])-i))
					break
				}
				b.WriteString(line)
			}
			b.WriteString(hint)
			a, err := enqueue(tx, []*youthbot.Outgoing{message(r, DigestKey(today, id), "digest", b.String(), now)})
			if err != nil {
				return err
			}
			added = append(added, a...)
		}
		return putJob(tx, JobDigest, now, func(st *storage.JobState) { st.Period, st.Queued = today.ISO(), len(added) })
	})
	if err != nil {
		return 0, err
	}
	if len(added) > 0 && s.cfg.Outbox != nil {
		s.cfg.Outbox.Push(added)
	}
	return len(added), nil
}
