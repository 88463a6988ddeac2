package bot

import (
	"errors"
	"slices"
	"testing"

	"youthbot"
)

// TestChainRunsTheFirstMiddlewareOutermost: chain(h, a, b) is a(b(h)).
func TestChainRunsTheFirstMiddlewareOutermost(t *testing.T) {
	var got []string
	mark := func(name string) Middleware {
		return func(next Handler) Handler {
			return func(c *Ctx) error {
				got = append(got, name)
				return next(c)
			}
		}
	}
	h := chain(func(*Ctx) error { got = append(got, "handler"); return nil }, mark("a"), mark("b"))
	if err := h(&Ctx{}); err != nil {
		t.Fatal(err)
	}
	if want := []string{"a", "b", "handler"}; !slices.Equal(got, want) {
		t.Errorf("ran %v, want %v", got, want)
	}
}

// TestRequireRoleRefusesBeforeTheHandler: a route's need is checked before
// its handler runs, and a refusal never reaches it.
func TestRequireRoleRefusesBeforeTheHandler(t *testing.T) {
	c := &Ctx{secLoaded: true} // nobody's secretary, no admin
	ran := false
	h := chain(func(*Ctx) error { ran = true; return nil }, requireRole(RoleSecretary))
	err := h(c)
	if ran {
		t.Error("the handler ran for a sender without the right")
	}
	var e *youthbot.Error
	if !errors.As(err, &e) || e.Code != youthbot.EUNAUTHORIZED || e.Key != "err.secretaries_only" {
		t.Errorf("err = %v, want EUNAUTHORIZED err.secretaries_only", err)
	}
	c.secUnits = []string{"HG"}
	if err := h(c); err != nil || !ran {
		t.Errorf("a secretary: err = %v, ran = %v; want the handler run", err, ran)
	}
}
