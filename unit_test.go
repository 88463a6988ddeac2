package youthbot

import "testing"

func TestUnitKindRankOrdersTheTreeTopDown(t *testing.T) {
	order := []UnitKind{KindProvince, KindDistrict, KindGrassroots, KindBranch}
	for i, k := range order {
		if got := k.Rank(); got != i {
			t.Errorf("%s.Rank() = %d, want %d", k, got, i)
		}
	}
	if got := UnitKind("ward").Rank(); got != KindBranch.Rank() {
		t.Errorf("an unknown kind ranks %d, want the bottom %d", got, KindBranch.Rank())
	}
}
