package scheduler

import (
	"context"
	"time"

	"youthbot"
	"youthbot/report"
	"youthbot/storage"
)

// ReportTally is the TallyBuilder of the report package: a tally's
// messages, its chart and its workbook (report.Build), with their
// captions. It is the scheduler's default.
func ReportTally(loc *time.Location) TallyBuilder {
	return func(ctx context.Context, db *storage.DB, unit string, p youthbot.Period, lang string) (*TallyContent, error) {
		var r *report.Report
		err := db.View(func(tx *storage.Tx) error {
			var err error
			r, err = report.Build(tx, unit, p, loc, lang)
			return err
		})
		if err != nil {
			return nil, err
		}
		return &TallyContent{Texts: r.Messages, Chart: r.Chart, Workbook: r.Workbook,
			ChartCaption: r.ChartCaption, WorkbookCaption: r.WorkbookCaption}, nil
	}
}
