package scheduler

import (
	"context"
	"fmt"
	"sync"
	"time"

	"youthbot"
	"youthbot/report"
	"youthbot/storage"
)

// TallyContent is a unit's tally of one month in one language, as it is
// sent: text messages, then the chart by sendPhoto and the workbook by
// sendDocument.
type TallyContent struct {
	Texts    []string // HTML messages, each within Telegram's 4096 characters
	Chart    []byte   // PNG; nil: none
	Workbook []byte   // .xlsx; nil: none
	// Captions of the chart and the workbook (HTML); empty: the
	// scheduler's own, naming the unit and the month.
	ChartCaption, WorkbookCaption string
}

// TallyBuilder builds a unit's tally for a month in a language from the
// database: ReportTally (the report package's) in production; tests give
// their own.
type TallyBuilder func(ctx context.Context, db *storage.DB, unit string, p youthbot.Period, lang string) (*TallyContent, error)

// tallyCacheSize is how many built tallies Tallies keeps: the sender asks
// for a unit's chart and workbook once per recipient, moments apart.
const tallyCacheSize = 16

// tallyCacheTTL bounds how old a cached tally may be when a file is built
// from it.
const tallyCacheTTL = 10 * time.Minute

// Tallies builds tallies and keeps the last few, so that one unit's
// several recipients (and its chart and workbook) cost one build. It also
// builds the files the outbox names instead of storing them
// (youthbot.Render).
type Tallies struct {
	db    *storage.DB
	build TallyBuilder

	mu    sync.Mutex
	cache map[string]*tallyEntry
}

// tallyEntry is a cached tally. Its fields are written under Tallies.mu,
// content and err before done is closed.
type tallyEntry struct {
	done     chan struct{}
	finished bool
	content  *TallyContent
	err      error
	built    time.Time
	used     time.Time
}

// NewTallies returns a Tallies building with build.
func NewTallies(db *storage.DB, build TallyBuilder) *Tallies {
	return &Tallies{db: db, build: build, cache: map[string]*tallyEntry{}}
}

// Content returns a unit's tally, built at most once for concurrent
// callers and reused for tallyCacheTTL.
func (t *Tallies) Content(ctx context.Context, unit string, p youthbot.Period, lang string) (*TallyContent, error) {
	// A tally built before an erasure may name the erased member: the
	// count of erasures is part of the key.
	var erasures uint64
	if err := t.db.View(func(tx *storage.Tx) error { erasures = tx.Erasures(); return nil }); err != nil {
		return nil, err
	}
	key := fmt.Sprintf("%s|%s|%s|%d", unit, p, lang, erasures)
	now := time.Now()
	t.mu.Lock()
	e, ok := t.cache[key]
	if ok && (!e.finished || e.err == nil && now.Sub(e.built) < tallyCacheTTL) {
		e.used = now
		t.mu.Unlock()
		select {
		case <-e.done:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		return e.content, e.err // written before done was closed
	}
	e = &tallyEntry{done: make(chan struct{}), used: now}
	t.cache[key] = e
	t.evictLocked()
	t.mu.Unlock()

	content, err := t.build(ctx, t.db, unit, p, lang)
	if err == nil && content == nil {
		err = fmt.Errorf("tally %s %s: nothing built", unit, p)
	}
	t.mu.Lock()
	e.content, e.err, e.built, e.finished = content, err, time.Now(), true
	if err != nil && t.cache[key] == e {
		delete(t.cache, key)
	}
	t.mu.Unlock()
	close(e.done)
	return content, err
}

// evictLocked drops the least recently used finished entries beyond the
// cache size.
func (t *Tallies) evictLocked() {
	for len(t.cache) > tallyCacheSize {
		var oldest string
		var at time.Time
		for k, e := range t.cache {
			if !e.finished {
				continue // being built
			}
			if oldest == "" || e.used.Before(at) {
				oldest, at = k, e.used
			}
		}
		if oldest == "" {
			return
		}
		delete(t.cache, oldest)
	}
}

// Render builds the file an outgoing message names; it is the Sender's
// SenderConfig.Render.
func (t *Tallies) Render(ctx context.Context, r *youthbot.Render) (*youthbot.OutFile, error) {
	p, err := youthbot.ParsePeriod(r.Period)
	if err != nil || !p.IsMonth() && !p.IsYear() { // a year: /tally YYYY
		return nil, fmt.Errorf("render %s: bad period %q", r.Kind, r.Period)
	}
	c, err := t.Content(ctx, r.Unit, p, r.Lang)
	if err != nil {
		return nil, err
	}
	switch r.Kind {
	case youthbot.RenderTallyChart:
		if c.Chart == nil {
			return nil, fmt.Errorf("tally %s %s has no chart", r.Unit, r.Period)
		}
		return &youthbot.OutFile{Field: "photo", Name: TallyFileName(r.Unit, p, "png"), Data: c.Chart}, nil
	case youthbot.RenderTallyWorkbook:
		if c.Workbook == nil {
			return nil, fmt.Errorf("tally %s %s has no workbook", r.Unit, r.Period)
		}
		return &youthbot.OutFile{Field: "document", Name: TallyFileName(r.Unit, p, "xlsx"), Data: c.Workbook}, nil
	}
	return nil, fmt.Errorf("render: unknown kind %q", r.Kind)
}

// TallyFileName is the name of a tally's file: tally-<UNIT>-<YYYY-MM>.<ext>.
func TallyFileName(unit string, p youthbot.Period, ext string) string {
	return fmt.Sprintf("tally-%s-%s.%s", unit, p, ext)
}

// MonthLabel writes a month as Vietnamese (and English) readers expect in a
// tally: MM/YYYY (report.MonthYear).
func MonthLabel(p youthbot.Period) string { return report.MonthYear(p) }
