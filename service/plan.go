package service

import (
	"unicode/utf8"

	"youthbot"
	"youthbot/vn"
)

// The decisions on a unit's yearly plan besides its measured targets: the
// achieved value of a manual target, breakthrough tasks, effective models.
// The caller checks the actor's rights over the unit first.

// TargetStore is what Achieve reads and writes.
type TargetStore interface {
	Target(unit string, year int, key string) (youthbot.Target, bool, error)
	SetAchieved(unit string, year int, code string, achieved int64) error
}

// Achieve enters the achieved value of the manual target code of unit and
// year, and returns the target as stored. Errors: ENOTFOUND
// "err.target_unknown", EINVALID "achieved.not_manual" (a target the
// figures measure), the store's.
func Achieve(st TargetStore, _ Actor, unit string, year int, code string, achieved int64) (youthbot.Target, error) {
	tg, ok, err := st.Target(unit, year, code)
	if err != nil {
		return tg, err
	}
	if !ok || tg.Code == "" {
		return tg, youthbot.Errorf(youthbot.ENOTFOUND, "err.target_unknown", code)
	}
	if tg.KindOf() != youthbot.TargetManual {
		return tg, youthbot.Errorf(youthbot.EINVALID, "achieved.not_manual", code)
	}
	if err := st.SetAchieved(unit, year, code, achieved); err != nil {
		return tg, err
	}
	tg.Achieved = achieved
	return tg, nil
}

// MaxPlanText bounds a breakthrough task's text and a model's name, in
// characters.
const MaxPlanText = 300

// BreakthroughStore is what the breakthrough decisions read and write.
type BreakthroughStore interface {
	Breakthroughs(unit string, year int) ([]youthbot.Breakthrough, error)
	AddBreakthrough(b *youthbot.Breakthrough) error
	PutBreakthrough(b *youthbot.Breakthrough) error
}

// RegisterBreakthrough registers a breakthrough task of unit for year.
// Errors: EINVALID "breakthrough.usage" (no text), "breakthrough.text_long";
// ECONFLICT "err.breakthrough_exists" (the same task registered before,
// written alike but for case, diacritics and spaces).
func RegisterBreakthrough(st BreakthroughStore, actor Actor, unit string, year int, text string, at When) (youthbot.Breakthrough, error) {
	b := youthbot.Breakthrough{Year: year, Unit: unit, Text: youthbot.NormalizeDescription(text), CreatedBy: actor.ID, CreatedAt: at.Now}
	if b.Text == "" {
		return b, youthbot.Errorf(youthbot.EINVALID, "breakthrough.usage")
	}
	if utf8.RuneCountInString(b.Text) > MaxPlanText {
		return b, youthbot.Errorf(youthbot.EINVALID, "breakthrough.text_long", MaxPlanText)
	}
	list, err := st.Breakthroughs(unit, year)
	if err != nil {
		return b, err
	}
	for _, x := range list {
		if vn.FoldName(x.Text) == vn.FoldName(b.Text) {
			return b, youthbot.Errorf(youthbot.ECONFLICT, "err.breakthrough_exists")
		}
	}
	return b, st.AddBreakthrough(&b)
}

// CompleteBreakthrough marks task b (loaded by the caller) completed now.
// Errors: ECONFLICT "breakthrough.already" (completed before).
func CompleteBreakthrough(st BreakthroughStore, actor Actor, b youthbot.Breakthrough, at When) (youthbot.Breakthrough, error) {
	if b.Completed {
		return b, youthbot.Errorf(youthbot.ECONFLICT, "breakthrough.already")
	}
	b.Completed, b.CompletedBy, b.CompletedAt = true, actor.ID, at.Now
	return b, st.PutBreakthrough(&b)
}

// ModelStore is what RegisterModel writes.
type ModelStore interface {
	Models(unit string, year int) ([]youthbot.Model, error)
	AddModel(m *youthbot.Model) error
}

// RegisterModel records an effective model of unit for year in field.
// Errors: EINVALID "model.usage" (no name), "model.name_long",
// "err.model_field"; ECONFLICT "err.model_exists" (the unit's model of
// that name, written alike but for case, diacritics and spaces).
func RegisterModel(st ModelStore, actor Actor, unit string, year int, field youthbot.ModelField, name string, at When) (youthbot.Model, error) {
	m := youthbot.Model{Year: year, Unit: unit, Name: youthbot.NormalizeDescription(name), Field: field, CreatedBy: actor.ID, CreatedAt: at.Now}
	switch {
	case m.Name == "":
		return m, youthbot.Errorf(youthbot.EINVALID, "model.usage")
	case utf8.RuneCountInString(m.Name) > MaxPlanText:
		return m, youthbot.Errorf(youthbot.EINVALID, "model.name_long", MaxPlanText)
	case !field.Valid():
		return m, youthbot.Errorf(youthbot.EINVALID, "err.model_field", string(field))
	}
	list, err := st.Models(unit, year)
	if err != nil {
		return m, err
	}
	for _, x := range list {
		if vn.FoldName(x.Name) == vn.FoldName(m.Name) {
			return m, youthbot.Errorf(youthbot.ECONFLICT, "err.model_exists")
		}
	}
	return m, st.AddModel(&m)
}
