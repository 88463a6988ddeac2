package projects_test

import th "youthbot/bot/internal/harness"

// The helpers the projects tests share with the other rooms' tests are the
// harness's (the end-to-end checks bottest's).

var has = th.Has
