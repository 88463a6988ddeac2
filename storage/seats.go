package storage

import (
	"slices"

	"youthbot"
)

func sortSeats(s []youthbot.Participant) {
	slices.SortStableFunc(s, func(a, b youthbot.Participant) int {
		if c := a.JoinedAt.Compare(b.JoinedAt); c != 0 {
			return c
		}
		switch {
		case a.Member < b.Member:
			return -1
		case a.Member > b.Member:
			return 1
		}
		return 0
	})
}
