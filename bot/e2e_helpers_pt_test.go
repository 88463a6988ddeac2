package bot_test

// The names the core's end-to-end tests share with bot/participation's
// (participation_e2e_test.go there); the checks are bottest's.

const (
	ptBranch  = "VT-CDCD-CNTT" // Chi đoàn Khoa Công nghệ thông tin
	ptBranchN = "Chi đoàn Khoa Công nghệ thông tin"
)
