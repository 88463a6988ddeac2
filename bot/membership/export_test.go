package membership

// The registration dialog's name and steps, for the tests.
const (
	DlgRegister = dlgRegister
	StepConsent = stepConsent
	StepName    = stepName
	StepBirth   = stepBirth
	StepPhone   = stepPhone
)
