// Package core holds the texts of the bot's core and of membership, in
// Vietnamese and English: command menus, the shared buttons and errors,
// /start, registration, profiles, invites, /pending, secretary rights,
// rejections (their reasons, in one's own words), imported members taking
// over their record and the secretaries' live summaries of requests.
// Package i18n merges them with the other areas' and formats them.
package core

// Vietnamese and English are the package's catalogs, one map of key to
// template per area.
var (
	Vietnamese = []map[string]string{vi, viRights, viReasons, viDecisions, viRequests}
	English    = []map[string]string{en, enRights, enReasons, enDecisions, enRequests}
)
