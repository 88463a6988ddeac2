package scheduler

import (
	"context"
	"fmt"
	"time"

	"github.com/robfig/cron/v3"

	"youthbot"
	"youthbot/i18n"
	"youthbot/storage"
)

// ReminderGrace is how late a campaign reminder may still be sent: a firing
// missed while the bot was down is made up at start if it is at most this
// old; older ones are skipped (a stale reminder helps nobody, and a week of
// downtime must not end in seven reminders at once).
const ReminderGrace = 6 * time.Hour

// reminderChunk is how many recipients one transaction queues.
const reminderChunk = 1000

// CampaignKey is the idempotency key of a campaign's reminder of one
// firing to one chat.
func CampaignKey(campaign string, firing time.Time, chat int64) string {
	return fmt.Sprintf("camp/%s/%d/%d", campaign, firing.Unix(), chat)
}

func campaignJob(id string) string { return "campaign/" + id }

// RunCampaigns queues the reminders of every campaign whose cron fired
// since its last handled firing (ReminderGrace at most before now; the
// latest such firing only), if the campaign is active on the firing's day
// (Campaign.ActiveOn: within its dates and not ended): to the approved
// members of the campaign unit's subtree who can be reached and the groups
// linked to units of the subtree. Each handled firing is recorded in the
// jobs bucket ("campaign/<ID>") with the last of its messages, so that a
// restart neither repeats it nor sends it to members who joined since.
func (s *Scheduler) RunCampaigns(ctx context.Context, now time.Time) (int, error) {
	var camps []youthbot.Campaign
	if err := s.db.View(func(tx *storage.Tx) (err error) { camps, err = tx.Campaigns(); return err }); err != nil {
		return 0, err
	}
	queued := 0
	for i := range camps {
		if err := ctx.Err(); err != nil {
			return queued, err
		}
		n, err := s.remind(ctx, &camps[i], now)
		queued += n
		if err != nil {
			return queued, fmt.Errorf("campaign %s: %w", camps[i].ID, err)
		}
	}
	return queued, nil
}

// remind handles one campaign.
func (s *Scheduler) remind(ctx context.Context, c *youthbot.Campaign, now time.Time) (int, error) {
	if !c.EndedAt.IsZero() {
		return 0, nil
	}
	sched, err := cron.ParseStandard(c.Cron)
	if err != nil {
		s.log.Warn("campaign schedule does not parse", "campaign", c.ID, "cron", c.Cron, "err", err)
		return 0, nil
	}
	var st storage.JobState
	if err := s.db.View(func(tx *storage.Tx) (err error) { st, _, err = tx.Job(campaignJob(c.ID)); return err }); err != nil {
		return 0, err
	}
	from := now.Add(-ReminderGrace)
	for _, t := range []time.Time{st.Done, c.CreatedAt} {
		if t.After(from) {
			from = t
		}
	}
	firing, ok := firingIn(sched, from.In(s.loc), now.In(s.loc))
	if !ok {
		return 0, nil
	}
	var to []recipient
	if c.ActiveOn(youthbot.DateOf(firing, s.loc)) {
		if err := s.db.View(func(tx *storage.Tx) (err error) { to, err = s.campaignRecipients(tx, c.Unit); return err }); err != nil {
			return 0, err
		}
	}
	queued := 0
	for start := 0; ; start += reminderChunk {
		end := min(start+reminderChunk, len(to))
		last := end == len(to)
		var added []*youthbot.Outgoing
		err := s.db.Update(func(tx *storage.Tx) error {
			cur, err := tx.Campaign(c.ID)
			if err != nil {
				return err
			}
			batch := to[start:end]
			if !cur.ActiveOn(youthbot.DateOf(firing, s.loc)) {
				batch, last = nil, true // ended meanwhile (/endcampaign)
			}
			var msgs []*youthbot.Outgoing
			for _, r := range batch {
				text := i18n.T(r.lang, "sched.campaign", cur.Name, cur.Reminder)
				msgs = append(msgs, message(r, CampaignKey(c.ID, firing, r.chat), "campaign", text, now))
			}
			if added, err = enqueue(tx, msgs); err != nil {
				return err
			}
			if !last {
				return nil
			}
			return putJob(tx, campaignJob(c.ID), now, func(st *storage.JobState) {
				st.Done, st.Period, st.Queued = firing, firing.In(s.loc).Format(time.RFC3339), queued+len(added)
			})
		})
		if err != nil {
			return queued, err
		}
		queued += len(added)
		if len(added) > 0 && s.cfg.Outbox != nil {
			s.cfg.Outbox.Push(added)
		}
		if last {
			return queued, nil
		}
		if err := ctx.Err(); err != nil {
			return queued, err
		}
	}
}

// campaignRecipients are the approved members of unit's subtree who can be
// reached, and the groups linked to units of the subtree.
func (s *Scheduler) campaignRecipients(tx *storage.Tx, unit string) ([]recipient, error) {
	units := tx.Subtree(unit)
	var out []recipient
	for _, u := range units {
		ms, err := tx.MembersOf(u, youthbot.StatusApproved)
		if err != nil {
			return nil, err
		}
		for _, m := range ms {
			r, ok, err := s.userRecipient(tx, m.UserID)
			if err != nil {
				return nil, err
			}
			if ok {
				out = append(out, r)
			}
		}
	}
	groups, err := s.groupRecipients(tx, units...)
	return append(out, groups...), err
}
