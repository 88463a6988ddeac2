package bot_test

// The names of the membership room that the core's tests drive directly.
const (
	dlgRegister = "reg"
	stepConsent = "consent"
	cbTree      = "tw"
	cbRegister  = "rg"
	cbApprove   = "ma"
	cbLang      = "lg"
)

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
