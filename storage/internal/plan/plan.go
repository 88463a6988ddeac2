package plan

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"youthbot"
	"youthbot/storage/internal/kv"
)

// Targets of a plan (with a code: imported, or any kind), breakthrough
// tasks and models of a unit and year. Targets set on a metric alone stay
// in the targets bucket (targets.go), one per metric.

func targetSpecKey(unit string, year int, code string) []byte {
	return kv.Join([]byte(unit), []byte(strconv.Itoa(year)), []byte(code))
}

// Target returns a unit's target of a year by key: its code, or for a
// target set on a metric alone the metric's name.
func (t *Plan) Target(unit string, year int, key string) (youthbot.Target, bool, error) {
	var tg youthbot.Target
	ok, err := kv.GetJSON(t.tx, kv.TargetSpecs, targetSpecKey(unit, year, key), &tg)
	if ok || err != nil {
		return tg, ok, err
	}
	if m := youthbot.Metric(key); m.Valid() {
		if v := t.tx.Bucket(kv.Targets).Get(targetKey(unit, year, m)); v != nil {
			return youthbot.Target{Unit: unit, Year: year, Metric: m, Value: int64(binary.BigEndian.Uint64(v))}, true, nil
		}
	}
	return tg, false, nil
}

// codedTargets returns a unit's targets with a code of a year, by code.
func (t *Plan) codedTargets(unit string, year int) ([]youthbot.Target, error) {
	var out []youthbot.Target
	err := kv.PrefixScan(t.tx, kv.TargetSpecs, kv.YearPrefix(unit, year), func(k, v []byte) error {
		var tg youthbot.Target
		if err := json.Unmarshal(v, &tg); err != nil {
			return fmt.Errorf("decode target %q: %w", k, err)
		}
		out = append(out, tg)
		return nil
	})
	return out, err
}

// UpsertTarget creates or updates a target keyed by unit, year and code
// (required): unchanged when every field is the same as stored.
func (t *Plan) UpsertTarget(tg youthbot.Target) (kv.Change, error) {
	if tg.Code == "" {
		return kv.Unchanged, fmt.Errorf("upsert target: no code")
	}
	old, found, err := t.Target(tg.Unit, tg.Year, tg.Code)
	if err != nil {
		return kv.Unchanged, err
	}
	if found && old == tg {
		return kv.Unchanged, nil
	}
	if err := t.SetTarget(tg); err != nil {
		return kv.Unchanged, err
	}
	if found {
		return kv.Updated, nil
	}
	return kv.Created, nil
}

// SetAchieved enters the achieved value of a manual target: ENOTFOUND
// when the unit has no target of that code in that year, EINVALID when it
// is not manual or the value is negative.
func (t *Plan) SetAchieved(unit string, year int, code string, achieved int64) error {
	tg, ok, err := t.Target(unit, year, code)
	if err != nil {
		return err
	}
	if !ok || tg.Code == "" {
		return youthbot.Errorf(youthbot.ENOTFOUND, "err.target_unknown", code)
	}
	if tg.KindOf() != youthbot.TargetManual {
		return youthbot.Errorf(youthbot.EINVALID, "err.target_not_manual", code)
	}
	if achieved < 0 || achieved > youthbot.MaxValueVND {
		return youthbot.Errorf(youthbot.EINVALID, "err.target_value", strconv.FormatInt(achieved, 10))
	}
	tg.Achieved = achieved
	return t.SetTarget(tg)
}

// Breakthrough tasks: breakthroughs holds them by id, unit_breakthroughs
// (unit, year, id) → completed (1 byte) for figures, breakthrough_keys
// (unit, year, text) → id for the import's key.

func breakthroughIndexKey(b *youthbot.Breakthrough) []byte {
	return kv.Join([]byte(b.Unit), []byte(strconv.Itoa(b.Year)), kv.U64Key(b.ID))
}

func breakthroughKey(b *youthbot.Breakthrough) []byte {
	return kv.Join([]byte(b.Unit), []byte(strconv.Itoa(b.Year)), []byte(b.Text))
}

// AddBreakthrough stores a new breakthrough task, giving it an id:
// ECONFLICT when the unit already has one of the same text that year.
func (t *Plan) AddBreakthrough(b *youthbot.Breakthrough) error {
	if b.Unit == "" || b.Text == "" || b.Year == 0 {
		return fmt.Errorf("breakthrough: unit, year and text required")
	}
	if t.tx.Bucket(kv.BreakthroughKeys).Get(breakthroughKey(b)) != nil {
		return youthbot.Errorf(youthbot.ECONFLICT, "err.breakthrough_exists")
	}
	id, err := t.tx.Bucket(kv.Breakthroughs).NextSequence()
	if err != nil {
		return fmt.Errorf("breakthrough sequence: %w", err)
	}
	b.ID = id
	return t.putBreakthrough(b, nil)
}

// Breakthrough returns the breakthrough task with id, or ENOTFOUND.
func (t *Plan) Breakthrough(id uint64) (youthbot.Breakthrough, error) {
	var b youthbot.Breakthrough
	ok, err := kv.GetJSON(t.tx, kv.Breakthroughs, kv.U64Key(id), &b)
	if err == nil && !ok {
		err = youthbot.Errorf(youthbot.ENOTFOUND, "err.breakthrough_unknown")
	}
	return b, err
}

// PutBreakthrough rewrites an existing breakthrough task (completed, its
// text): ECONFLICT when the new text is another task's.
func (t *Plan) PutBreakthrough(b *youthbot.Breakthrough) error {
	old, err := t.Breakthrough(b.ID)
	if err != nil {
		return err
	}
	if id := t.tx.Bucket(kv.BreakthroughKeys).Get(breakthroughKey(b)); id != nil && binary.BigEndian.Uint64(id) != b.ID {
		return youthbot.Errorf(youthbot.ECONFLICT, "err.breakthrough_exists")
	}
	return t.putBreakthrough(b, &old)
}

func (t *Plan) putBreakthrough(b, old *youthbot.Breakthrough) error {
	t.changed()
	if old != nil {
		if err := t.tx.Bucket(kv.UnitBreakthroughs).Delete(breakthroughIndexKey(old)); err != nil {
			return fmt.Errorf("unindex breakthrough: %w", err)
		}
		if err := t.tx.Bucket(kv.BreakthroughKeys).Delete(breakthroughKey(old)); err != nil {
			return fmt.Errorf("unindex breakthrough: %w", err)
		}
	}
	if err := kv.PutJSON(t.tx, kv.Breakthroughs, kv.U64Key(b.ID), b); err != nil {
		return err
	}
	done := []byte{0}
	if b.Completed {
		done[0] = 1
	}
	if err := t.tx.Bucket(kv.UnitBreakthroughs).Put(breakthroughIndexKey(b), done); err != nil {
		return fmt.Errorf("index breakthrough: %w", err)
	}
	if err := t.tx.Bucket(kv.BreakthroughKeys).Put(breakthroughKey(b), kv.U64Key(b.ID)); err != nil {
		return fmt.Errorf("index breakthrough: %w", err)
	}
	return nil
}

// DeleteBreakthrough removes a breakthrough task.
func (t *Plan) DeleteBreakthrough(id uint64) error {
	b, err := t.Breakthrough(id)
	if err != nil {
		return err
	}
	if err := t.tx.Bucket(kv.UnitBreakthroughs).Delete(breakthroughIndexKey(&b)); err != nil {
		return fmt.Errorf("unindex breakthrough: %w", err)
	}
	if err := t.tx.Bucket(kv.BreakthroughKeys).Delete(breakthroughKey(&b)); err != nil {
		return fmt.Errorf("unindex breakthrough: %w", err)
	}
	return t.tx.Bucket(kv.Breakthroughs).Delete(kv.U64Key(id))
}

// Breakthroughs returns the breakthrough tasks of unit itself (not its
// subtree) for a year, in the order they were added.
func (t *Plan) Breakthroughs(unit string, year int) ([]youthbot.Breakthrough, error) {
	var out []youthbot.Breakthrough
	err := kv.PrefixScan(t.tx, kv.UnitBreakthroughs, kv.YearPrefix(unit, year), func(k, _ []byte) error {
		b, err := t.Breakthrough(binary.BigEndian.Uint64(k[len(k)-8:]))
		if err != nil {
			return err
		}
		out = append(out, b)
		return nil
	})
	return out, err
}

// UpsertBreakthrough creates or updates the breakthrough task keyed by
// year, unit and text as of now: only whether it is completed can change.
// The id and creation of an existing one are kept (and set in b).
func (t *Plan) UpsertBreakthrough(b *youthbot.Breakthrough, now time.Time) (kv.Change, error) {
	id := t.tx.Bucket(kv.BreakthroughKeys).Get(breakthroughKey(b))
	if id == nil {
		b.CreatedAt = now
		if b.Completed && b.CompletedAt.IsZero() {
			b.CompletedAt = now
		}
		return kv.Created, t.AddBreakthrough(b)
	}
	old, err := t.Breakthrough(binary.BigEndian.Uint64(id))
	if err != nil {
		return kv.Unchanged, err
	}
	if old.Completed == b.Completed {
		*b = old
		return kv.Unchanged, nil
	}
	old.Completed = b.Completed
	old.CompletedAt, old.CompletedBy = time.Time{}, 0
	if old.Completed {
		old.CompletedAt = now
	}
	*b = old
	return kv.Updated, t.putBreakthrough(b, &old)
}

// Models: models by id, unit_models (unit, year, id) → field (1 byte:
// 'a' doan, 'i' doi) for figures, model_keys (unit, year, name) → id.

func modelIndexKey(m *youthbot.Model) []byte {
	return kv.Join([]byte(m.Unit), []byte(strconv.Itoa(m.Year)), kv.U64Key(m.ID))
}

func modelKey(m *youthbot.Model) []byte {
	return kv.Join([]byte(m.Unit), []byte(strconv.Itoa(m.Year)), []byte(m.Name))
}

func modelFieldCode(f youthbot.ModelField) byte {
	if f == youthbot.ModelDoi {
		return 'i'
	}
	return 'a'
}

// AddModel stores a new model, giving it an id: ECONFLICT when the unit
// already has one of the same name that year. An empty field is doan.
func (t *Plan) AddModel(m *youthbot.Model) error {
	if m.Unit == "" || m.Name == "" || m.Year == 0 {
		return fmt.Errorf("model: unit, year and name required")
	}
	if m.Field == "" {
		m.Field = youthbot.ModelDoan
	}
	if !m.Field.Valid() {
		return youthbot.Errorf(youthbot.EINVALID, "err.model_field", string(m.Field))
	}
	if t.tx.Bucket(kv.ModelKeys).Get(modelKey(m)) != nil {
		return youthbot.Errorf(youthbot.ECONFLICT, "err.model_exists")
	}
	id, err := t.tx.Bucket(kv.Models).NextSequence()
	if err != nil {
		return fmt.Errorf("model sequence: %w", err)
	}
	m.ID = id
	return t.putModel(m, nil)
}

// Model returns the model with id, or ENOTFOUND.
func (t *Plan) Model(id uint64) (youthbot.Model, error) {
	var m youthbot.Model
	ok, err := kv.GetJSON(t.tx, kv.Models, kv.U64Key(id), &m)
	if err == nil && !ok {
		err = youthbot.Errorf(youthbot.ENOTFOUND, "err.model_unknown")
	}
	return m, err
}

// PutModel rewrites an existing model (its name, field): ECONFLICT when the
// new name is another model's.
func (t *Plan) PutModel(m *youthbot.Model) error {
	old, err := t.Model(m.ID)
	if err != nil {
		return err
	}
	if !m.Field.Valid() {
		return youthbot.Errorf(youthbot.EINVALID, "err.model_field", string(m.Field))
	}
	if id := t.tx.Bucket(kv.ModelKeys).Get(modelKey(m)); id != nil && binary.BigEndian.Uint64(id) != m.ID {
		return youthbot.Errorf(youthbot.ECONFLICT, "err.model_exists")
	}
	return t.putModel(m, &old)
}

func (t *Plan) putModel(m, old *youthbot.Model) error {
	t.changed()
	if old != nil {
		if err := t.tx.Bucket(kv.UnitModels).Delete(modelIndexKey(old)); err != nil {
			return fmt.Errorf("unindex model: %w", err)
		}
		if err := t.tx.Bucket(kv.ModelKeys).Delete(modelKey(old)); err != nil {
			return fmt.Errorf("unindex model: %w", err)
		}
	}
	if err := kv.PutJSON(t.tx, kv.Models, kv.U64Key(m.ID), m); err != nil {
		return err
	}
	if err := t.tx.Bucket(kv.UnitModels).Put(modelIndexKey(m), []byte{modelFieldCode(m.Field)}); err != nil {
		return fmt.Errorf("index model: %w", err)
	}
	if err := t.tx.Bucket(kv.ModelKeys).Put(modelKey(m), kv.U64Key(m.ID)); err != nil {
		return fmt.Errorf("index model: %w", err)
	}
	return nil
}

// DeleteModel removes a model.
func (t *Plan) DeleteModel(id uint64) error {
	m, err := t.Model(id)
	if err != nil {
		return err
	}
	if err := t.tx.Bucket(kv.UnitModels).Delete(modelIndexKey(&m)); err != nil {
		return fmt.Errorf("unindex model: %w", err)
	}
	if err := t.tx.Bucket(kv.ModelKeys).Delete(modelKey(&m)); err != nil {
		return fmt.Errorf("unindex model: %w", err)
	}
	return t.tx.Bucket(kv.Models).Delete(kv.U64Key(id))
}

// Models returns the models of unit itself (not its subtree) for a year,
// in the order they were added.
func (t *Plan) Models(unit string, year int) ([]youthbot.Model, error) {
	var out []youthbot.Model
	err := kv.PrefixScan(t.tx, kv.UnitModels, kv.YearPrefix(unit, year), func(k, _ []byte) error {
		m, err := t.Model(binary.BigEndian.Uint64(k[len(k)-8:]))
		if err != nil {
			return err
		}
		out = append(out, m)
		return nil
	})
	return out, err
}

// UpsertModel creates or updates the model keyed by year, unit and name as
// of now: only its field can change. The id and creation of an existing
// one are kept (and set in m).
func (t *Plan) UpsertModel(m *youthbot.Model, now time.Time) (kv.Change, error) {
	if m.Field == "" {
		m.Field = youthbot.ModelDoan
	}
	id := t.tx.Bucket(kv.ModelKeys).Get(modelKey(m))
	if id == nil {
		m.CreatedAt = now
		return kv.Created, t.AddModel(m)
	}
	old, err := t.Model(binary.BigEndian.Uint64(id))
	if err != nil {
		return kv.Unchanged, err
	}
	if old.Field == m.Field {
		*m = old
		return kv.Unchanged, nil
	}
	field := m.Field
	*m = old
	m.Field = field
	return kv.Updated, t.PutModel(m)
}
