package seed

// Word lists for realistic Vietnamese data. Family names carry their
// approximate share of the population (percent × 10), so that about four
// in ten members are Nguyễn, as in a real union list.

var familyNames = []struct {
	name   string
	weight int
}{
	{"Nguyễn", 380}, {"Trần", 110}, {"Lê", 95}, {"Phạm", 70}, {"Hoàng", 30}, {"Huỳnh", 40},
	{"Phan", 45}, {"Vũ", 20}, {"Võ", 39}, {"Đặng", 21}, {"Bùi", 20}, {"Đỗ", 14},
	{"Hồ", 13}, {"Ngô", 13}, {"Dương", 10}, {"Lý", 5},
}

var (
	middleMale   = []string{"Văn", "Minh", "Quốc", "Hoàng", "Đức", "Thanh", "Hữu", "Công", "Tấn", "Gia", "Trung", "Nhật"}
	middleFemale = []string{"Thị", "Ngọc", "Thu", "Thanh", "Kim", "Mỹ", "Bảo", "Phương", "Thùy", "Hồng", "Khánh", "Cẩm"}
	givenMale    = []string{"An", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hiếu", "Hùng", "Huy", "Khang", "Khoa", "Long",
		"Minh", "Nam", "Nghĩa", "Phát", "Phong", "Phúc", "Quân", "Sơn", "Tài", "Thắng", "Thành", "Thịnh",
		"Toàn", "Trí", "Trung", "Tuấn", "Việt", "Vinh", "Duy", "Khải", "Lộc", "Nhân", "Tín", "Vũ"}
	givenFemale = []string{"Anh", "Ánh", "Chi", "Diễm", "Dung", "Duyên", "Giang", "Hà", "Hạnh", "Hằng", "Hoa", "Hương",
		"Huyền", "Lan", "Linh", "Loan", "Mai", "My", "Ngân", "Ngọc", "Nhi", "Nhung", "Oanh", "Phương",
		"Quyên", "Thảo", "Thư", "Trang", "Trinh", "Tuyết", "Vy", "Yến", "Uyên", "Xuân", "Hân", "Tiên"}
)

// Places of the made-up province's districts and communes, in the style of
// the Mekong delta.
var (
	districtPlaces = []string{"Châu Thành", "Phụng Hiệp", "Long Mỹ", "Vị Thủy", "Châu Thành A", "Ngã Bảy", "Cái Răng",
		"Phong Điền", "Thới Lai", "Cờ Đỏ", "Vĩnh Thạnh", "Thốt Nốt", "Ô Môn", "Bình Thủy", "Kế Sách", "Mỹ Tú",
		"Long Phú", "Trần Đề", "Cù Lao Dung", "Mỹ Xuyên"}
	communePlaces = []string{"Tân Bình", "Hiệp Hưng", "Long Thạnh", "Phương Bình", "Hòa An", "Thạnh Hòa", "Tân Long",
		"Vĩnh Viễn", "Lương Tâm", "Xà Phiên", "Tân Phú Thạnh", "Đông Phước", "Phú Hữu", "Nhơn Nghĩa",
		"Trường Long", "Vị Đông", "Vị Bình", "Hỏa Lựu", "Tân Tiến", "Long Bình", "Thuận Hưng", "Mái Dầm"}
	schools = []string{"THPT Nguyễn Du", "THPT Lê Quý Đôn", "THPT Châu Văn Liêm", "THPT Lương Thế Vinh",
		"THPT Trần Đại Nghĩa", "Trường Cao đẳng Cộng đồng", "Trường Cao đẳng Nghề", "THPT Phan Văn Trị"}
	agencies = []string{"Khối Cơ quan huyện", "Công an huyện", "Bệnh viện Đa khoa", "Ngân hàng Chính sách xã hội",
		"Điện lực", "Bưu điện huyện", "Trung tâm Y tế", "Công ty Cấp nước"}
	hamlets   = []string{"A", "B", "1", "2", "3", "4", "5", "Mới", "Thạnh", "Long"}
	classes   = []string{"10A1", "10A2", "10A3", "11A1", "11A2", "11A3", "12A1", "12A2", "12A3", "12A4"}
	divisions = []string{"Văn phòng", "Kế toán", "Kỹ thuật", "Kinh doanh", "Hành chính", "Điều dưỡng", "Dân quân", "Khối Nghiệp vụ"}
)

// activityNames are descriptions of volunteer work members log.
var activityNames = []string{
	"Dọn vệ sinh kênh xáng", "Hiến máu tình nguyện", "Trồng cây xanh ven đường", "Tiếp sức mùa thi",
	"Dạy học miễn phí cho trẻ em khó khăn", "Thu gom rác thải nhựa", "Sửa chữa nhà tình thương",
	"Phát quang bụi rậm tuyến đường ấp", "Tuyên truyền phòng chống đuối nước", "Hỗ trợ tiêm chủng tại trạm y tế",
	"Thăm và tặng quà gia đình chính sách", "Ra quân Ngày Chủ nhật xanh", "Làm đường hoa nông thôn mới",
	"Hướng dẫn người dân cài đặt dịch vụ công trực tuyến", "Trực chốt an toàn giao thông", "Nấu cơm từ thiện tại bệnh viện",
	"Vớt lục bình khơi thông dòng chảy", "Thắp sáng đường quê", "Sinh hoạt hè cho thiếu nhi", "Dọn dẹp nghĩa trang liệt sĩ",
	"Tuyên truyền chuyển đổi số", "Hỗ trợ nông dân thu hoạch lúa", "Xây cầu giao thông nông thôn", "Vẽ tranh bích họa tuyên truyền",
	"Chạy tiếp sức vì môi trường", "Tổ chức trung thu cho thiếu nhi", "Hỗ trợ người dân làm căn cước", "Quét dọn chợ xã",
	"Tập huấn sơ cấp cứu", "Trao học bổng cho học sinh nghèo",
}

// projectNames are titles of youth works (công trình) and tasks (phần việc).
var (
	workNames = []string{"Tuyến đường hoa thanh niên", "Cầu giao thông nông thôn", "Tuyến đường điện thắp sáng",
		"Sân chơi thiếu nhi", "Nhà nhân ái", "Tủ sách thanh niên", "Hệ thống nước sạch", "Tuyến đường cờ Tổ quốc"}
	taskNames = []string{"Phần việc vệ sinh môi trường", "Phần việc hỗ trợ chuyển đổi số", "Phần việc an sinh xã hội",
		"Phần việc giữ gìn trật tự an toàn giao thông", "Phần việc chăm sóc di tích", "Phần việc tiếp sức mùa thi"}
)
