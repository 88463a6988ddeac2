// Package rooms holds the texts of the feature rooms, in Vietnamese and
// English, and of the scheduler's messages for them: participation (/log,
// /my, /members, /transfer), projects, campaigns and targets, /done's
// figures, a unit's own activities, groups and broadcasts, tallies and
// reports. Package i18n merges them with the other areas' and formats them.
package rooms

// Vietnamese and English are the package's catalogs, one map of key to
// template per area.
var (
	Vietnamese = []map[string]string{viParticipation, viProject, viDone, viTarget, viActivities, viGroup, viReport}
	English    = []map[string]string{enParticipation, enProject, enDone, enTarget, enActivities, enGroup, enReport}
)
