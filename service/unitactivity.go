package service

import (
	"time"
	"unicode/utf8"

	"youthbot"
)

// UnitActivityStore is what the decisions on a unit's activities read and
// write.
type UnitActivityStore interface {
	AddUnitActivity(a *youthbot.UnitActivity) error
	UnitActivity(id uint64) (youthbot.UnitActivity, error)
	PutUnitActivity(a *youthbot.UnitActivity) error
	DeleteUnitActivity(id uint64) error
}

// MaxActivityTitle bounds a unit activity's title, in characters.
const MaxActivityTitle = 200

// CheckUnitActivity refuses an activity that cannot be recorded on today:
// a day in the future or more than a year back (as /log), an empty or too
// long title, no participant, head counts negative or over
// youthbot.MaxHeadCount, amounts out of range. Errors are EINVALID with a
// catalog key.
func CheckUnitActivity(a youthbot.UnitActivity, today youthbot.Date) error {
	if err := youthbot.ValidateActivityDate(a.Date, today); err != nil {
		return err
	}
	if a.Title == "" {
		return youthbot.Errorf(youthbot.EINVALID, "activity.title_empty")
	}
	if utf8.RuneCountInString(a.Title) > MaxActivityTitle {
		return youthbot.Errorf(youthbot.EINVALID, "activity.title_long", MaxActivityTitle)
	}
	if err := a.Contribution.Validate(); err != nil {
		return err
	}
	if a.Heads.Total() == 0 {
		return youthbot.Errorf(youthbot.EINVALID, "activity.heads_none")
	}
	if a.ValueVND < 0 || a.ValueVND > youthbot.MaxValueVND {
		return youthbot.Errorf(youthbot.EINVALID, "err.value_vnd")
	}
	return nil
}

// RecordUnitActivity records activity a of its unit (the caller checked
// the actor's rights over a.Unit) as recorded now by the actor: the
// office code, id and edit stamps are the store's and this decision's.
// Errors: CheckUnitActivity's, the store's.
func RecordUnitActivity(st UnitActivityStore, actor Actor, a youthbot.UnitActivity, at When) (youthbot.UnitActivity, error) {
	if err := CheckUnitActivity(a, at.Today); err != nil {
		return a, err
	}
	a.ID, a.OfficeCode = 0, ""
	a.CreatedBy, a.CreatedAt, a.UpdatedBy, a.UpdatedAt = actor.ID, at.Now, 0, time.Time{}
	if err := st.AddUnitActivity(&a); err != nil {
		return a, err
	}
	return a, nil
}

// CheckEditable refuses (ECONFLICT "activity.edit_window") to change an
// activity that was imported (the office's workbook owns it: the next
// import would undo the change) or recorded more than
// youthbot.UnitActivityEditDays days ago.
func CheckEditable(a youthbot.UnitActivity, at When) error {
	if a.OfficeCode != "" || a.CreatedBy == 0 || at.Now.Sub(a.CreatedAt) > youthbot.UnitActivityEditDays*24*time.Hour {
		return youthbot.Errorf(youthbot.ECONFLICT, "activity.edit_window", youthbot.UnitActivityEditDays)
	}
	return nil
}

// EditUnitActivity replaces the fields of activity id with those of
// changed (the caller loaded the activity and checked the actor's rights
// over its unit): date, title, campaign, value and contribution; its unit,
// office code and who recorded it stay. Errors: ENOTFOUND, CheckEditable's,
// CheckUnitActivity's.
func EditUnitActivity(st UnitActivityStore, actor Actor, id uint64, changed youthbot.UnitActivity, at When) (youthbot.UnitActivity, error) {
	old, err := st.UnitActivity(id)
	if err != nil {
		return old, err
	}
	if err := CheckEditable(old, at); err != nil {
		return old, err
	}
	a := old
	a.Date, a.Title, a.Campaign, a.ValueVND, a.Contribution = changed.Date, changed.Title, changed.Campaign, changed.ValueVND, changed.Contribution
	if err := CheckUnitActivity(a, at.Today); err != nil {
		return old, err
	}
	a.UpdatedBy, a.UpdatedAt = actor.ID, at.Now
	if err := st.PutUnitActivity(&a); err != nil {
		return old, err
	}
	return a, nil
}

// DeleteUnitActivity deletes activity id (the caller checked the actor's
// rights over its unit) and returns it as it was. Errors: ENOTFOUND,
// CheckEditable's.
func DeleteUnitActivity(st UnitActivityStore, _ Actor, id uint64, at When) (youthbot.UnitActivity, error) {
	a, err := st.UnitActivity(id)
	if err != nil {
		return a, err
	}
	if err := CheckEditable(a, at); err != nil {
		return a, err
	}
	return a, st.DeleteUnitActivity(id)
}
