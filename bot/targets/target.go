package targets

import (
	"strconv"
	"strings"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
	"youthbot/bot"
	"youthbot/report"
)

// Targets (chỉ tiêu, F4 and F7): /target sets a unit's yearly target of a
// kind (target_form.go): a metric of the subtree, a value each unit of a
// kind below must reach (per_unit), or a statement whose achieved value
// is entered with /achieved (manual). /targets (target_view.go) shows
// each target's progress year to date, as union reports state it.

// metricLetters name every metric in callback data, one letter each (64
// bytes are few); "-" is a manual target without one.
var metricLetters = map[youthbot.Metric]string{
	youthbot.MetricParticipations: "p", youthbot.MetricHours: "h", youthbot.MetricWorks: "w",
	youthbot.MetricTasks: "t", youthbot.MetricValueVND: "v", youthbot.MetricNewMembers: "n",
	youthbot.MetricActivities: "a", youthbot.MetricPersonDays: "d", youthbot.MetricSupportVND: "s",
	youthbot.MetricBeneficiaries:                         "b",
	youthbot.BeneficiariesOf(youthbot.BenefitChildren):   "c",
	youthbot.BeneficiariesOf(youthbot.BenefitElderly):    "e",
	youthbot.BeneficiariesOf(youthbot.BenefitHouseholds): "f",
	youthbot.BeneficiariesOf(youthbot.BenefitOthers):     "o",
	"": "-",
}

// kindLetters name a per_unit target's unit kind in callback data.
var kindLetters = map[youthbot.UnitKind]string{
	youthbot.KindProvince: "p", youthbot.KindDistrict: "d", youthbot.KindGrassroots: "g", youthbot.KindBranch: "b",
}

func metricOfLetter(s string) (youthbot.Metric, bool) {
	for m, l := range metricLetters {
		if l == s {
			return m, true
		}
	}
	return "", false
}

// dlgTarget is a /target with a plan's text waiting for its unit to be
// picked (the text does not fit in a button).
const dlgTarget = "tgt"

// Fields of the /target dialog.
const (
	tfYear, tfMetric, tfValue, tfKind, tfUnitKind, tfCode, tfText = "year", "metric", "value", "kind", "unit_kind", "code", "text"
)

// targetButton is the callback data that sets tg for unit:
// kt:<year>:<metric letter>:<value>:<unit>[:<kind>[:<code>]], kind "m"
// (manual) or "u" and the unit kind's letter (per_unit); for a target
// with a text, kt:d:<nonce>:<unit> (the rest waits in the dialog).
func targetButton(tg youthbot.Target, unit, nonce string) string {
	if tg.Text != "" {
		return bot.Data(cbSetTarget, "d", nonce, unit)
	}
	args := []string{strconv.Itoa(tg.Year), metricLetters[tg.Metric], strconv.FormatInt(tg.Value, 10), unit}
	switch tg.KindOf() {
	case youthbot.TargetManual:
		args = append(args, "m")
	case youthbot.TargetPerUnit:
		args = append(args, "u"+kindLetters[tg.UnitKind])
	default:
		if tg.Code != "" {
			args = append(args, "")
		}
	}
	if tg.Code != "" {
		args = append(args, tg.Code)
	}
	return bot.Data(cbSetTarget, args...)
}

// targetOfButton reads targetButton's data (not a dialog's).
func targetOfButton(args []string) (tg youthbot.Target, unit string, ok bool) {
	year, err1 := strconv.Atoi(bot.Arg(args, 0))
	metric, ok := metricOfLetter(bot.Arg(args, 1))
	value, err2 := strconv.ParseInt(bot.Arg(args, 2), 10, 64)
	if err1 != nil || err2 != nil || !ok || len(args) < 4 || len(args) > 6 {
		return tg, "", false
	}
	tg = youthbot.Target{Year: year, Metric: metric, Value: value, Code: bot.Arg(args, 5)}
	switch k := bot.Arg(args, 4); {
	case k == "m":
		tg.Kind = youthbot.TargetManual
	case strings.HasPrefix(k, "u"):
		tg.Kind = youthbot.TargetPerUnit
		for uk, l := range kindLetters {
			if "u"+l == k {
				tg.UnitKind = uk
			}
		}
	case k != "":
		return tg, "", false
	}
	if tg.Code != "" && !targetCodeRe.MatchString(tg.Code) || metric == "" && tg.Kind != youthbot.TargetManual ||
		tg.Kind == youthbot.TargetPerUnit && tg.UnitKind == "" {
		return tg, "", false
	}
	return tg, youthbot.NormalizeUnitCode(bot.Arg(args, 3)), true
}

// cmdTarget sets a target (the forms of target_form.go).
func (r *Room) cmdTarget(c *bot.Ctx, args string) error {
	form, err := parseTarget(args, c.Today, func(code string) bool { _, err := c.TypedUnit(code); return err == nil })
	if err != nil {
		return err
	}
	tg := form.target
	if err := tg.Validate(c.Today); err != nil {
		return err
	}
	unitCode := form.unit
	if id, err := c.Tx.ResolveUnit(unitCode); unitCode != "" && err == nil {
		unitCode = id // a renamed unit's new code: its facts stay under its identity
	}
	if unitCode == "" {
		units := actingUnits(c)
		if len(units) == 0 {
			return youthbot.Errorf(youthbot.ENOTFOUND, "tree.empty")
		}
		if len(units) > 1 {
			nonce := youthbot.NewCode(6)
			if tg.Text != "" {
				d := youthbot.Dialog{Name: dlgTarget, Updated: c.Now, Data: map[string]string{pfNonce: nonce,
					tfYear: strconv.Itoa(tg.Year), tfMetric: string(tg.Metric), tfValue: strconv.FormatInt(tg.Value, 10),
					tfKind: string(tg.Kind), tfUnitKind: string(tg.UnitKind), tfCode: tg.Code, tfText: tg.Text}}
				if err := c.Tx.PutDialog(c.From.ID, d); err != nil {
					return err
				}
			}
			var rows [][]tgbotapi.InlineKeyboardButton
			for _, u := range units {
				rows = append(rows, bot.Row(bot.Button(bot.NameOfUnit(c, u), targetButton(tg, u, nonce))))
			}
			c.Reply(c.T("target.pick_unit", r.targetLabel(c, tg), tg.Year), bot.Keyboard(rows...))
			return nil
		}
		unitCode = units[0]
	}
	text, err := r.setTarget(c, unitCode, tg)
	if err != nil {
		return err
	}
	c.Reply(text, nil)
	return nil
}

// cbSetTarget sets the target for the unit picked.
func (r *Room) cbSetTarget(c *bot.Ctx, args []string) error {
	var tg youthbot.Target
	var unit string
	if bot.Arg(args, 0) == "d" {
		d, found, err := c.Tx.Dialog(c.From.ID)
		if err != nil {
			return err
		}
		if !found || d.Name != dlgTarget || len(args) != 3 || bot.Arg(args, 1) != d.Data[pfNonce] {
			return bot.StaleButton()
		}
		year, err1 := strconv.Atoi(d.Data[tfYear])
		value, err2 := strconv.ParseInt(d.Data[tfValue], 10, 64)
		if err1 != nil || err2 != nil {
			return bot.StaleButton()
		}
		tg = youthbot.Target{Year: year, Metric: youthbot.Metric(d.Data[tfMetric]), Value: value,
			Kind: youthbot.TargetKind(d.Data[tfKind]), UnitKind: youthbot.UnitKind(d.Data[tfUnitKind]),
			Code: d.Data[tfCode], Text: d.Data[tfText]}
		unit = youthbot.NormalizeUnitCode(bot.Arg(args, 2))
		if err := c.Tx.DeleteDialog(c.From.ID); err != nil {
			return err
		}
	} else {
		var ok bool
		if tg, unit, ok = targetOfButton(args); !ok {
			return bot.StaleButton()
		}
	}
	if err := tg.Validate(c.Today); err != nil {
		return err
	}
	text, err := r.setTarget(c, unit, tg)
	if err != nil {
		return err
	}
	c.EditCallback(text, nil)
	return nil
}

// dlgTargetText answers text typed while a /target waits for its unit.
func (r *Room) dlgTargetText(c *bot.Ctx, _ *youthbot.Dialog, _ *tgbotapi.Message) error {
	c.Reply(c.T("target.press_button"), nil)
	return nil
}

// setTarget checks the sender's rights over the unit (and for per_unit
// that the kind counted is below it), stores the target (a code of the
// plan given to a per_unit or manual one without: the code of the same
// target set before, or the next CTnn) and says where the unit stands.
func (r *Room) setTarget(c *bot.Ctx, code string, tg youthbot.Target) (string, error) {
	unit, err := c.ManagedUnit(code)
	if err != nil {
		return "", err
	}
	if tg.KindOf() == youthbot.TargetPerUnit && tg.UnitKind.Rank() <= unit.Kind.Rank() {
		return "", youthbot.Errorf(youthbot.EINVALID, "err.target_kind_not_below", unitKindName(c, tg.UnitKind), bot.NameOfUnit(c, unit.Code))
	}
	tg.Unit = unit.Code
	existing := c.Tx.Targets(unit.Code, tg.Year)
	if tg.Code == "" && tg.KindOf() != youthbot.TargetMetric {
		tg.Code = sameTargetCode(existing, tg)
	}
	var old *youthbot.Target
	for i, t := range existing {
		if t.Key() == tg.Key() {
			old = &existing[i]
		}
	}
	if old != nil && old.KindOf() == youthbot.TargetManual && tg.KindOf() == youthbot.TargetManual {
		tg.Achieved = old.Achieved
	}
	if err := c.Tx.SetTarget(tg); err != nil {
		return "", err
	}
	period, _ := targetPeriod(c.Today, tg.Year)
	f, err := c.Tx.Figures(unit.Code, period, r.b.Location())
	if err != nil {
		return "", err
	}
	label := r.targetLabel(c, tg)
	if tg.Code != "" {
		label = tg.Code + " · " + label
	}
	text := c.T("target.set", tg.Year, bot.NameOfUnit(c, unit.Code), label, r.targetValue(c, tg))
	if old != nil && old.Value != tg.Value {
		text += "\n" + c.T("target.was", metricValue(c, old.Metric, float64(old.Value)))
	}
	for _, p := range f.Targets {
		if p.Code != tg.Code || p.Code == "" && p.Metric != tg.Metric {
			continue
		}
		switch p.Kind {
		case youthbot.TargetPerUnit:
			text += "\n" + c.T("target.now_per_unit", int64(p.Achieved), p.Target, unitKindName(c, p.UnitKind), report.Percent(c.Lang, p.Percent))
		case youthbot.TargetManual:
			text += "\n" + c.T("target.now_manual", tg.Code)
			if p.Achieved > 0 {
				text += "\n" + c.T("target.now", metricValue(c, p.Metric, p.Achieved), report.Percent(c.Lang, p.Percent))
			}
		default:
			text += "\n" + c.T("target.now", metricValue(c, p.Metric, p.Achieved), report.Percent(c.Lang, p.Percent))
		}
	}
	return text + "\n\n" + c.T("target.see_all", tg.Year), nil
}

// sameTargetCode is the code of a target of existing that tg sets again
// (a per_unit one on the same metric and unit kind, a manual one of the
// same text), or else the first CTnn free.
func sameTargetCode(existing []youthbot.Target, tg youthbot.Target) string {
	used := map[string]bool{}
	for _, t := range existing {
		used[t.Code] = true
		if t.Code == "" || t.KindOf() != tg.KindOf() {
			continue
		}
		switch {
		case tg.KindOf() == youthbot.TargetPerUnit && t.Metric == tg.Metric && t.UnitKind == tg.UnitKind,
			tg.KindOf() == youthbot.TargetManual && youthbot.FoldName(t.Text) == youthbot.FoldName(tg.Text):
			return t.Code
		}
	}
	for n := 1; ; n++ {
		code := "CT" + strconv.Itoa(n)
		if n < 10 {
			code = "CT0" + strconv.Itoa(n)
		}
		if !used[code] {
			return code
		}
	}
}

// targetLabel names a target in plain text (a catalog argument, escaped
// there): its text, or what it measures.
func (r *Room) targetLabel(c *bot.Ctx, tg youthbot.Target) string {
	if tg.Text != "" {
		return tg.Text
	}
	if tg.KindOf() == youthbot.TargetPerUnit {
		return c.T("target.per_unit_label", metricName(c, tg.Metric), unitKindName(c, tg.UnitKind))
	}
	return metricName(c, tg.Metric)
}

// targetValue writes what a target asks: its value, for per_unit what
// each unit must reach.
func (r *Room) targetValue(c *bot.Ctx, tg youthbot.Target) string {
	v := metricValue(c, tg.Metric, float64(tg.Value))
	if tg.KindOf() == youthbot.TargetPerUnit {
		return c.T("target.at_least", v)
	}
	return v
}
