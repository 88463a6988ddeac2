package telegramtest

import (
	"reflect"
	"slices"
	"testing"

	"youthbot/bot/telegramtest/internal/botapi"
)

// TestEveryMethodHasAHandler: the double serves exactly the methods of the
// generated table.
func TestEveryMethodHasAHandler(t *testing.T) {
	served := make([]string, 0, len(handlers))
	var table []string
	for name := range handlers {
		served = append(served, name)
	}
	for _, m := range botapi.Methods() {
		table = append(table, m.Name)
	}
	slices.Sort(served)
	slices.Sort(table)
	if !reflect.DeepEqual(served, table) {
		t.Errorf("handlers serve %v, the table has %v", served, table)
	}
}
