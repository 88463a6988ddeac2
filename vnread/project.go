package vnread

import (
	"strings"

	"youthbot"
)

// ParseProjectKind reads ct|pv (or work|task).
func ParseProjectKind(s string) (youthbot.ProjectKind, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "ct", "work":
		return youthbot.ProjectWork, true
	case "pv", "task":
		return youthbot.ProjectTask, true
	}
	return "", false
}

// NormalizeProjectCode reads "p12", "#P12", " P12 " as "P12"; ok is false
// for anything that is not P and digits.
func NormalizeProjectCode(s string) (string, bool) {
	s = strings.ToUpper(strings.TrimPrefix(strings.TrimSpace(s), "#"))
	if len(s) < 2 || len(s) > 12 || s[0] != 'P' {
		return "", false
	}
	for _, r := range s[1:] {
		if r < '0' || r > '9' {
			return "", false
		}
	}
	return s, true
}
