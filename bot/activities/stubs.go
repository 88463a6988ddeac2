package activities

import (
	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
	"youthbot/bot"
)

func (r *Room) cmdActivities(c *bot.Ctx, args string) error   { return nil }
func (r *Room) cmdAchieved(c *bot.Ctx, args string) error     { return nil }
func (r *Room) cmdBreakthrough(c *bot.Ctx, args string) error { return nil }
func (r *Room) cmdModel(c *bot.Ctx, args string) error        { return nil }
func (r *Room) cbList(c *bot.Ctx, args []string) error        { return nil }
func (r *Room) cbEdit(c *bot.Ctx, args []string) error        { return nil }
func (r *Room) cbDelete(c *bot.Ctx, args []string) error      { return nil }
func (r *Room) cbDeleteOK(c *bot.Ctx, args []string) error    { return nil }
func (r *Room) cbUnit(c *bot.Ctx, args []string) error        { return nil }
func (r *Room) cbBreak(c *bot.Ctx, args []string) error       { return nil }
func (r *Room) dlgPick(c *bot.Ctx, d *youthbot.Dialog, m *tgbotapi.Message) error {
	return nil
}
func (r *Room) confirm(c *bot.Ctx, d *youthbot.Dialog) error { return nil }
