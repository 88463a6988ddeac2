package main

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"youthbot/bot/telegramtest"
)

// print shows every bot message (or edit) not shown yet.
func (c *console) print() {
	c.mu.Lock()
	defer c.mu.Unlock()
	type chat struct {
		label string
		msgs  []*telegramtest.Message
		mine  bool // the current user's view: buttons numbered
	}
	var chats []chat
	for _, name := range c.names {
		u := c.users[name]
		chats = append(chats, chat{"→ " + u.FirstName, u.Messages(), u == c.current && !c.inGroup})
	}
	if c.group != nil {
		chats = append(chats, chat{"→ group " + consoleGroupTitle, c.group.Messages(), c.inGroup})
	}
	for _, ch := range chats {
		for _, m := range ch.msgs {
			if !m.FromBot {
				continue
			}
			s := m.Snapshot()
			edits, shown := c.seen[m]
			if shown && edits == s.Edited {
				continue
			}
			c.seen[m] = s.Edited
			label := ch.label
			if shown {
				label += " (edited)"
			}
			fmt.Fprintf(c.out, "\n── %s ──\n%s\n", label, s.Text)
			if !shown {
				c.writeFile(s)
			}
			n := 0
			for _, row := range s.Buttons {
				var parts []string
				for _, b := range row {
					if ch.mine {
						n++
						parts = append(parts, fmt.Sprintf("[%d] %s", n, b.Text))
					} else {
						parts = append(parts, "["+b.Text+"]")
					}
				}
				fmt.Fprintln(c.out, "  "+strings.Join(parts, "  "))
			}
			for _, row := range s.ReplyKeyboard {
				var parts []string
				for _, b := range row {
					hint := ""
					if b.RequestContact {
						hint = " (.contact)"
					}
					parts = append(parts, "⌨ "+b.Text+hint)
				}
				fmt.Fprintln(c.out, "  "+strings.Join(parts, "  "))
			}
		}
	}
	c.printAnswers()
	c.findButtons()
}

// printAnswers shows the toasts and alerts the bot answered button presses
// with.
func (c *console) printAnswers() {
	var waiting []*telegramtest.Callback
	for _, cb := range c.presses {
		text, alert, ok := cb.Answered()
		switch {
		case !ok:
			waiting = append(waiting, cb)
		case text == "":
		case alert:
			fmt.Fprintf(c.out, "  ⚠ alert: %s\n", text)
		default:
			fmt.Fprintf(c.out, "  💬 toast: %s\n", text)
		}
	}
	c.presses = waiting
}

// writeFile writes the photo (a chart) or document (a workbook) of a bot
// message to the console's directory and prints its path.
func (c *console) writeFile(s telegramtest.Message) {
	data, name := s.Document, s.DocumentName
	if data == nil {
		data = s.Photo
		name = ""
	}
	if data == nil {
		return
	}
	if c.outDir == "" {
		dir, err := os.MkdirTemp("", "youthbot-console-files-")
		if err != nil {
			fmt.Fprintf(c.out, "  (cannot keep the file: %v)\n", err)
			return
		}
		c.outDir = dir
	} else if err := os.MkdirAll(c.outDir, 0o755); err != nil {
		fmt.Fprintf(c.out, "  (cannot keep the file: %v)\n", err)
		return
	}
	c.files++
	if name == "" {
		ext := ".bin"
		switch http.DetectContentType(data) {
		case "image/png":
			ext = ".png"
		case "image/jpeg":
			ext = ".jpg"
		}
		name = fmt.Sprintf("chart-%d%s", c.files, ext)
	} else {
		name = fmt.Sprintf("%d-%s", c.files, filepath.Base(name))
	}
	path := filepath.Join(c.outDir, name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		fmt.Fprintf(c.out, "  (cannot write %s: %v)\n", path, err)
		return
	}
	fmt.Fprintf(c.out, "  📎 file written to %s\n", path)
}

// showButtons numbers the buttons the current user can press now (those of
// the last message with buttons), after a switch of user or chat.
func (c *console) showButtons() {
	if len(c.buttons) == 0 {
		return
	}
	var parts []string
	for i, b := range c.buttons {
		parts = append(parts, fmt.Sprintf("[%d] %s", i+1, b.Text))
	}
	fmt.Fprintf(c.out, "buttons of the last message with buttons: %s\n", strings.Join(parts, "  "))
}

// findButtons remembers the current user's last message with buttons.
func (c *console) findButtons() {
	msgs := c.current.Messages()
	if c.inGroup {
		msgs = c.group.Messages()
	}
	for i := len(msgs) - 1; i >= 0; i-- {
		s := msgs[i].Snapshot()
		if s.FromBot && len(s.Buttons) > 0 {
			c.last, c.buttons = msgs[i], nil
			for _, row := range s.Buttons {
				c.buttons = append(c.buttons, row...)
			}
			return
		}
	}
	c.last, c.buttons = nil, nil
}
