// Package records holds the texts about the records the domain checks and
// the command line imports, in Vietnamese and English: the refusals of the
// province's figures, the import workbook's cells, `youthbot import`, and
// the unit tree's changes and history. Package i18n merges them with the
// other areas' and formats them.
package records

// Vietnamese and English are the package's catalogs, one map of key to
// template per area.
var (
	Vietnamese = []map[string]string{viFigures, viWorkbook, viImport, viTree}
	English    = []map[string]string{enFigures, enWorkbook, enImport, enTree}
)
