package service_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"youthbot"
	"youthbot/service"
)

// campaigns is a CampaignStore over a list, on a tree where HG holds every
// unit and B1 is a unit of A.
type campaigns []youthbot.Campaign

func (cs campaigns) Campaigns() ([]youthbot.Campaign, error) { return cs, nil }
func (campaigns) InSubtree(unit, top string) (bool, error) {
	return unit == top || top == "HG" || unit == "B1" && top == "A", nil
}

func TestCampaignOptions(t *testing.T) {
	today := youthbot.Date{Year: 2026, Month: 3, Day: 10}
	camp := func(id, unit string, end youthbot.Date, ended bool) youthbot.Campaign {
		c := youthbot.Campaign{ID: id, Unit: unit, End: end}
		if ended {
			c.EndedAt = time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
		}
		return c
	}
	later := youthbot.Date{Year: 2026, Month: 4, Day: 1}
	var many campaigns
	for i := range 10 {
		many = append(many, camp(fmt.Sprintf("C%d", i+1), "HG", later, false))
	}
	for _, tc := range []struct {
		name string
		st   campaigns
		unit string
		want []string
	}{
		{"RunningAndCovering", campaigns{camp("C1", "A", later, false), camp("C2", "B", later, false), camp("C3", "HG", today, false)}, "B1", []string{"C1", "C3"}},
		{"EndedEarlyOrPast", campaigns{camp("C1", "HG", later, true), camp("C2", "HG", youthbot.Date{Year: 2026, Month: 3, Day: 9}, false)}, "B1", nil},
		{"TheNewestEight", many, "B1", []string{"C3", "C4", "C5", "C6", "C7", "C8", "C9", "C10"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := service.CampaignOptions(tc.st, tc.unit, today)
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, c := range got {
				ids = append(ids, c.ID)
			}
			if !slices.Equal(ids, tc.want) {
				t.Errorf("got %v, want %v", ids, tc.want)
			}
		})
	}
}
