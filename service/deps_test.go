package service_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestImportsNeitherBboltNorTelegram: the decisions reach the database
// only through the store interfaces declared here, and know no channel.
func TestImportsNeitherBboltNorTelegram(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	forbidden := []string{"go.etcd.io/bbolt", "github.com/go-telegram-bot-api/", "youthbot/storage", "youthbot/bot", "youthbot/scheduler"}
	for _, dep := range strings.Fields(string(out)) {
		for _, f := range forbidden {
			if strings.HasPrefix(dep, f) {
				t.Errorf("youthbot/service imports %s", dep)
			}
		}
	}
}
