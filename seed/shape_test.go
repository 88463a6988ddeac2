package seed

import (
	"testing"

	"youthbot"
	"youthbot/storage"
)

// The seed follows today's shape on demand (communes under the province)
// and can add the merger of half its districts, with history.
func TestGenerateShapes(t *testing.T) {
	cases := []struct {
		name                string
		opts                Options
		districts, ceased   int // today's districts, districts ceased
		grassrootsUnderRoot bool
	}{
		{"districts", Options{}, 3, 0, false},
		{"flat", Options{Flat: true}, 0, 0, true},
		{"merger", Options{Merger: true}, 2, 1, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			o := tc.opts
			o.Units, o.Members, o.Activities, o.Now, o.Loc, o.Seed = 150, 300, 1000, now, hcm, 3
			db := generate(t, o)
			db.View(func(tx *storage.Tx) error {
				units, err := tx.CurrentUnits()
				if err != nil {
					t.Fatal(err)
				}
				kinds := map[youthbot.UnitKind]int{}
				for _, u := range units {
					kinds[u.Kind]++
					if u.Kind == youthbot.KindGrassroots && (u.Parent == RootCode) != tc.grassrootsUnderRoot {
						t.Errorf("%s under %s", u.Code, u.Parent)
					}
				}
				if kinds[youthbot.KindDistrict] != tc.districts {
					t.Errorf("%d districts today, want %d", kinds[youthbot.KindDistrict], tc.districts)
				}
				all, _ := tx.Units()
				ceased := 0
				for _, u := range all {
					if _, gone := tx.UnitGone(u.Code); gone && u.Kind == youthbot.KindDistrict {
						ceased++
					}
				}
				if ceased != tc.ceased {
					t.Errorf("%d districts ceased, want %d", ceased, tc.ceased)
				}
				return nil
			})
		})
	}
}
