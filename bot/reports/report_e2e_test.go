package reports_test

import (
	"bytes"
	"image/png"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"youthbot"
	"youthbot/bot/bottest"
	"youthbot/storage"
)

// TestTallyEndToEnd runs /tally through the Telegram double: the text, the
// chart as a photo and the workbook as a document with its name.
func TestTallyEndToEnd(t *testing.T) {
	b := bottest.Start(t, bottest.Options{})
	hoa := b.Secretary("Hoa", "VT-CDCD-CNTT")
	an := b.Member("Nguyễn Văn An", "VT-CDCD-CNTT")
	b.Member("Trần Thị Bình", "VT-CDCD-CNTT")
	b.Update(func(tx *storage.Tx) error {
		return tx.AddActivity(&youthbot.Activity{Member: an.ID, Unit: "VT-CDCD-CNTT", Date: youthbot.Date{Year: 2026, Month: 3, Day: 10},
			Tenths: 25, Description: "Dọn vệ sinh kênh xáng", Status: youthbot.ActivityConfirmed, Source: youthbot.SourceLog, CreatedAt: b.Now()})
	})
	hoa.Send("/tally 2026-03")
	text := hoa.Expect(t, "BÁO CÁO KẾT QUẢ THÁNG 03/2026")
	for _, want := range []string{"Chi đoàn Khoa Công nghệ thông tin", "Đoàn viên tham gia: 1/2 (50%)", "Số giờ tình nguyện: 2,5",
		"Đoàn viên chưa tham gia (1/2):\nTrần Thị Bình"} {
		if !strings.Contains(text.Text, want) {
			t.Errorf("text lacks %q:\n%s", want, text.Text)
		}
	}
	photo := hoa.Next(t).Snapshot()
	if photo.Photo == nil {
		t.Fatalf("second message is not a photo: %+v", photo)
	}
	img, err := png.Decode(bytes.NewReader(photo.Photo))
	if err != nil || img.Bounds().Dx() != 1200 || img.Bounds().Dy() != 800 {
		t.Errorf("photo: %v %v", err, img.Bounds())
	}
	doc := hoa.Next(t).Snapshot()
	if doc.DocumentName != "tally-VT-CDCD-CNTT-2026-03.xlsx" {
		t.Fatalf("document name: got %q", doc.DocumentName)
	}
	f, err := excelize.OpenReader(bytes.NewReader(doc.Document))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if v, _ := f.GetCellValue("Tổng hợp", "F4"); v != "1" {
		t.Errorf("participations cell: %q", v)
	}
	b.Settle()
	hoa.NoMore(t)
}
