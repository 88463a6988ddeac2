package report

import (
	"bytes"
	"fmt"
	"image/png"
	"testing"

	"codeberg.org/go-fonts/liberation/liberationsansregular"
	"golang.org/x/image/font/sfnt"
	"gonum.org/v1/plot/font"

	"youthbot"
	"youthbot/storage"
)

func TestChartIsAPNGOfTheExpectedSize(t *testing.T) {
	db := openDB(t)
	fixture(t, db)
	update(t, db, func(tx *storage.Tx) error {
		// 25 children under one unit: the chart keeps MaxBars bars.
		if err := tx.PutUnit(youthbot.Unit{Code: "WIDE", Name: "Huyện đoàn Rộng", Parent: "HG", Kind: youthbot.KindDistrict}); err != nil {
			return err
		}
		for i := range 25 {
			code := fmt.Sprintf("W%02d", i)
			if err := tx.PutUnit(youthbot.Unit{Code: code, Name: "Chi đoàn ấp Mỹ Hiệp số " + code, Parent: "WIDE", Kind: youthbot.KindBranch}); err != nil {
				return err
			}
		}
		return nil
	})
	tests := []struct {
		name, unit string
		p          youthbot.Period
		bars       int
	}{
		{"ProvinceByChild", "HG", march, 3},
		{"BranchByWeek", cntt, march, 4},
		{"BranchByMonthOfYear", cntt, youthbot.YearPeriod(2024), 12},
		{"ManyChildrenCapped", "WIDE", march, MaxBars},
		{"EmptyBranch", "VT-CDCD-KT", march, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tl := load(t, db, tt.unit, tt.p, PartChart)
			labels, _ := tl.chartBars("vi")
			if len(labels) != tt.bars {
				t.Errorf("got %d bars, want %d", len(labels), tt.bars)
			}
			data, err := tl.Chart("vi")
			if err != nil {
				t.Fatal(err)
			}
			img, err := png.Decode(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("not a PNG: %v", err)
			}
			if got := img.Bounds().Size(); got.X != ChartWidth || got.Y != ChartHeight {
				t.Errorf("got %v, want %dx%d", got, ChartWidth, ChartHeight)
			}
		})
	}
}

func TestChartBarsCountConfirmedParticipations(t *testing.T) {
	db := openDB(t)
	fixture(t, db)
	tests := []struct {
		unit   string
		labels []string
		values []int
	}{
		// An on 3 and 10 March, Bình on 20 March (her pending one on the 25th does not count).
		{cntt, []string{"Ngày 01–07/03", "Ngày 08–14/03", "Ngày 15–21/03", "Ngày 22–31/03"}, []int{1, 1, 1, 0}},
		{"VT-P5-KV1", []string{"Ngày 01–07/03", "Ngày 08–14/03", "Ngày 15–21/03", "Ngày 22–31/03"}, []int{2, 1, 0, 1}},
		{"HG", []string{"Thành đoàn Vị Thanh", "Huyện đoàn Phụng Hiệp"}, []int{7, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.unit, func(t *testing.T) {
			labels, values := load(t, db, tt.unit, march, PartChart).chartBars("vi")
			if fmt.Sprint(labels) != fmt.Sprint(tt.labels) || fmt.Sprint(values) != fmt.Sprint(tt.values) {
				t.Errorf("got %q %v, want %q %v", labels, values, tt.labels, tt.values)
			}
		})
	}
}

// TestChartFontHasVietnameseGlyphs checks that the chart's font is the
// one drawn (gonum silently falls back to its default font for an unknown
// one) and that it has a glyph for every letter of Vietnamese.
func TestChartFontHasVietnameseGlyphs(t *testing.T) {
	if !font.DefaultCache.Has(chartFont) {
		t.Fatalf("font %v is not in gonum's cache: the chart would use another", chartFont)
	}
	f, err := sfnt.Parse(liberationsansregular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	var buf sfnt.Buffer
	text := nfc("Chi đoàn Khoa Công nghệ thông tin · Tỉnh đoàn Hậu Giang · Lượt đoàn viên tham gia tháng 03/2024 · Ngày 01–07/03 · Các đơn vị khác · " +
		"aàảãáạ ăằẳẵắặ âầẩẫấậ đ eèẻẽéẹ êềểễếệ iìỉĩíị oòỏõóọ ôồổỗốộ ơờởỡớợ uùủũúụ ưừửữứự yỳỷỹýỵ " +
		"AÀẢÃÁẠ ĂẰẲẴẮẶ ÂẦẨẪẤẬ Đ EÈẺẼÉẸ ÊỀỂỄẾỆ IÌỈĨÍỊ OÒỎÕÓỌ ÔỒỔỖỐỘ ƠỜỞỠỚỢ UÙỦŨÚỤ ƯỪỬỮỨỰ YỲỶỸÝỴ")
	for _, r := range text {
		if i, err := f.GlyphIndex(&buf, r); err != nil || i == 0 {
			t.Errorf("no glyph for %q (U+%04X)", r, r)
		}
	}
}
