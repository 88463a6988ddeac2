package report

import (
	"bytes"
	"fmt"
	"image/color"
	"image/png"
	"math"
	"slices"

	"golang.org/x/text/unicode/norm"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"youthbot/i18n"
)

// Chart size in pixels: a 3:2 picture Telegram shows without rescaling
// much (it keeps photos up to 1280 px on the long side).
const (
	ChartWidth  = 1200
	ChartHeight = 800
)

// MaxBars is how many bars the chart shows; beyond, the units with the
// fewest participations are summed in one last bar.
const MaxBars = 20

// chartFont is Liberation Sans, embedded in the binary by
// gonum.org/v1/plot/font/liberation (codeberg.org/go-fonts/liberation,
// SIL Open Font License 1.1). It has every precomposed Vietnamese letter
// (ă â đ ê ô ơ ư with their five tones); labels are put in NFC so that
// those glyphs are used rather than combining marks.
var chartFont = font.Font{Typeface: "Liberation", Variant: "Sans"}

var barColor = color.RGBA{R: 0x1f, G: 0x5f, B: 0xbf, A: 0xff} // union blue

// Chart renders the tally's bar chart as a ChartWidth×ChartHeight PNG:
// confirmed participations per child unit (a higher unit) or per week of
// the month (a branch; per month of a year), labels in lang. It needs
// PartChart.
func (t *Tally) Chart(lang string) ([]byte, error) {
	T := func(key string, args ...any) string { return Plain(i18n.T(lang, key, args...)) }
	labels, values := t.chartBars(lang)

	p := plot.New()
	p.BackgroundColor = color.White
	style := func(s *plot.Axis, size float64) {
		s.Label.TextStyle.Font = font.From(chartFont, vg.Length(size))
		s.Tick.Label.Font = font.From(chartFont, vg.Length(size))
	}
	p.Title.Text = nfc(T("report.chart_title", PeriodLabel(lang, t.Figures.Period)) + " · " + t.Figures.Name)
	p.Title.TextStyle.Font = font.From(chartFont, 20)
	p.Title.Padding = 12
	style(&p.X, 14)
	style(&p.Y, 14)
	p.X.Label.Text = T("report.chart_axis")
	p.X.Min = 0
	top := slices.Max(append(values, 0))
	p.X.Max = math.Max(float64(top)*1.15, 1)
	p.X.Tick.Marker = integerTicks{lang}
	p.Add(plotter.NewGrid())

	// Bars from the top down: gonum counts Y upwards, so reverse.
	n := len(values)
	vs := make(plotter.Values, n)
	names := make([]string, n)
	for i := range values {
		vs[n-1-i] = float64(values[i])
		names[n-1-i] = labels[i]
	}
	// Bars take about 60% of their row, at most 56 px thick.
	bars, err := plotter.NewBarChart(vs, vg.Length(math.Min(56, 0.6*620/float64(max(n, 1)))))
	if err != nil {
		return nil, fmt.Errorf("chart: %w", err)
	}
	bars.Horizontal = true
	bars.Color = barColor
	bars.LineStyle.Width = 0
	p.Add(bars)
	p.NominalY(names...)
	p.Y.Min, p.Y.Max = -0.6, float64(n)-0.4

	xys := make(plotter.XYs, n)
	texts := make([]string, n)
	for i, v := range vs {
		xys[i] = plotter.XY{X: v, Y: float64(i)}
		texts[i] = Number(lang, int64(v))
	}
	counts, err := plotter.NewLabels(plotter.XYLabels{XYs: xys, Labels: texts})
	if err != nil {
		return nil, fmt.Errorf("chart: %w", err)
	}
	for i := range counts.TextStyle {
		counts.TextStyle[i].Font = font.From(chartFont, 13)
		counts.TextStyle[i].YAlign = draw.YCenter
	}
	counts.Offset = vg.Point{X: 6}
	p.Add(counts)

	c := vgimg.NewWith(vgimg.UseWH(ChartWidth, ChartHeight), vgimg.UseDPI(72), vgimg.UseBackgroundColor(color.White))
	p.Draw(draw.Crop(draw.New(c), 16, -24, 12, -16)) // margins: left, right, bottom, top
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, c.Image()); err != nil {
		return nil, fmt.Errorf("chart: %w", err)
	}
	return buf.Bytes(), nil
}

// chartBars returns the labels and values of the bars, top to bottom:
// children by participations (beyond MaxBars the rest summed), or weeks
// and months in order.
func (t *Tally) chartBars(lang string) ([]string, []int) {
	var labels []string
	var values []int
	if len(t.Bars) > 0 && t.Bars[0].Unit != "" {
		ranked := slices.Clone(t.Bars)
		slices.SortStableFunc(ranked, func(a, b Bar) int {
			if a.Value != b.Value {
				return b.Value - a.Value
			}
			if a.Unit < b.Unit {
				return -1
			}
			return 1
		})
		for i, b := range ranked {
			if i == MaxBars-1 && len(ranked) > MaxBars {
				rest := 0
				for _, r := range ranked[i:] {
					rest += r.Value
				}
				labels = append(labels, Plain(i18n.T(lang, "report.chart_other", len(ranked)-i)))
				values = append(values, rest)
				break
			}
			labels = append(labels, shorten(nfc(b.Name), 42))
			values = append(values, b.Value)
		}
		return labels, values
	}
	for _, b := range t.Bars {
		if b.From.Day == 1 && b.To.Day >= 28 { // a month of a year
			labels = append(labels, Plain(i18n.T(lang, "report.chart_month", int(b.From.Month))))
		} else {
			labels = append(labels, Plain(i18n.T(lang, "report.chart_week",
				twoDigits(b.From.Day)+"–"+twoDigits(b.To.Day)+"/"+twoDigits(int(b.To.Month)))))
		}
		values = append(values, b.Value)
	}
	if len(values) == 0 { // no bars at all: an empty chart still renders
		labels, values = []string{""}, []int{0}
	}
	return labels, values
}

// integerTicks are the default ticks of gonum with whole numbers only,
// written the language's way.
type integerTicks struct{ lang string }

func (it integerTicks) Ticks(lo, hi float64) []plot.Tick {
	var out []plot.Tick
	for _, t := range (plot.DefaultTicks{}).Ticks(lo, hi) {
		if t.Value != math.Trunc(t.Value) {
			continue
		}
		if t.Label != "" {
			t.Label = Number(it.lang, int64(t.Value))
		}
		out = append(out, t)
	}
	return out
}

func nfc(s string) string { return norm.NFC.String(s) }

// shorten cuts s to n characters with an ellipsis.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
