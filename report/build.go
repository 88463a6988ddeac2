package report

import (
	"strconv"
	"strings"
	"sync"
	"time"

	"youthbot"
	"youthbot/i18n"
	"youthbot/storage"
)

// Report is a tally rendered in one language, as it is delivered: the text
// messages, then the chart (sendPhoto) and the workbook (sendDocument).
type Report struct {
	Figures         *youthbot.Figures
	Messages        []string // Telegram HTML, each within MaxMessage characters once parsed
	Chart           []byte   // PNG, ChartWidth×ChartHeight
	ChartCaption    string   // HTML
	Workbook        []byte   // .xlsx
	FileName        string   // tally-<UNIT>-<YYYY-MM>.xlsx or tally-<UNIT>-<YYYY>.xlsx
	WorkbookCaption string   // HTML
}

// Build reads unit's tally for p and renders all of it in lang: what the
// monthly tally job and /tally send. It is a pure function of the database
// state and its arguments. To render only part of it, or one tally in
// several languages, use Load and the Tally's methods.
func Build(tx *storage.Tx, unit string, p youthbot.Period, loc *time.Location, lang string) (*Report, error) {
	t, err := Load(tx, unit, p, loc, PartAll)
	if err != nil {
		return nil, err
	}
	return t.Render(lang)
}

// Render renders a tally loaded with PartAll in lang; the chart and the
// workbook are drawn at the same time as the text.
func (t *Tally) Render(lang string) (*Report, error) {
	r := &Report{Figures: t.Figures, FileName: t.FileName()}
	var wg sync.WaitGroup
	var chartErr, bookErr error
	wg.Add(2)
	go func() { defer wg.Done(); r.Chart, chartErr = t.Chart(lang) }()
	go func() { defer wg.Done(); r.Workbook, bookErr = t.Workbook(lang) }()
	r.Messages = t.Messages(lang)
	label := i18n.Raw(i18n.Esc(PeriodLabel(lang, t.Figures.Period)))
	r.ChartCaption = i18n.T(lang, "report.caption_chart", label, t.Figures.Name)
	r.WorkbookCaption = i18n.T(lang, "report.caption_workbook", label, t.Figures.Name)
	wg.Wait()
	if chartErr != nil {
		return nil, chartErr
	}
	if bookErr != nil {
		return nil, bookErr
	}
	return r, nil
}

// Outgoing returns the Bot API calls that deliver the report to chat, in
// order: sendMessage for each message, sendPhoto with the chart,
// sendDocument with the workbook. The caller sets what only it knows
// (Key for exactly-once delivery, Queued) and queues them.
func (r *Report) Outgoing(chat int64, lane youthbot.Lane, notice string) []*youthbot.Outgoing {
	id := strconv.FormatInt(chat, 10)
	item := func(method string, params map[string]string, file *youthbot.OutFile) *youthbot.Outgoing {
		params["chat_id"] = id
		params["parse_mode"] = "HTML"
		return &youthbot.Outgoing{Chat: chat, Lane: lane, Method: method, Params: params, File: file, Group: chat < 0, Notice: notice}
	}
	var out []*youthbot.Outgoing
	for _, m := range r.Messages {
		out = append(out, item("sendMessage", map[string]string{"text": m, "link_preview_options": `{"is_disabled":true}`}, nil))
	}
	if r.Chart != nil {
		out = append(out, item("sendPhoto", map[string]string{"caption": r.ChartCaption},
			&youthbot.OutFile{Field: "photo", Name: strings.TrimSuffix(r.FileName, ".xlsx") + ".png", Data: r.Chart}))
	}
	if r.Workbook != nil {
		out = append(out, item("sendDocument", map[string]string{"caption": r.WorkbookCaption},
			&youthbot.OutFile{Field: "document", Name: r.FileName, Data: r.Workbook}))
	}
	return out
}
