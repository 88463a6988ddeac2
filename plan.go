package youthbot

import "time"

// Breakthrough is a breakthrough task (nhiệm vụ đột phá) a unit registered
// for a year, and whether it was completed. Its key is year, unit and
// text.
type Breakthrough struct {
	ID          uint64    `json:"id"`
	Year        int       `json:"year"`
	Unit        string    `json:"unit"`
	Text        string    `json:"text"`
	Completed   bool      `json:"completed,omitempty"`
	CreatedBy   int64     `json:"created_by,omitempty"` // 0 when imported
	CreatedAt   time.Time `json:"created_at"`
	CompletedBy int64     `json:"completed_by,omitempty"`
	CompletedAt time.Time `json:"completed_at,omitzero"`
}

// ModelField is the field of an effective model.
type ModelField string

// Fields of models.
const (
	ModelDoan ModelField = "doan" // the Union
	ModelDoi  ModelField = "doi"  // the Young Pioneers (Đội)
)

// Valid reports whether f is a known field.
func (f ModelField) Valid() bool { return f == ModelDoan || f == ModelDoi }

// Model is an effective model (mô hình hiệu quả) of a unit in a year. Its
// key is year, unit and name.
type Model struct {
	ID        uint64     `json:"id"`
	Year      int        `json:"year"`
	Unit      string     `json:"unit"`
	Name      string     `json:"name"`
	Field     ModelField `json:"field"`
	CreatedBy int64      `json:"created_by,omitempty"` // 0 when imported
	CreatedAt time.Time  `json:"created_at"`
}
