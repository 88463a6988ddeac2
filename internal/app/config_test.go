package app

import (
	"strings"
	"testing"
	"time"
)

func TestConfigValidate(t *testing.T) {
	good := Config{Token: "1:a", DB: "y.db", APIEndpoint: "http://127.0.0.1/bot%s/%s", TZ: time.UTC, Lang: "vi", SendRate: 25}
	tests := []struct {
		name   string
		change func(*Config)
		want   string // in the error; "" for none
	}{
		{"Good", func(*Config) {}, ""},
		{"DefaultTallyCron", func(c *Config) { c.TallyCron = "" }, ""},
		{"NoToken", func(c *Config) { c.Token = "" }, "no token"},
		{"NoDB", func(c *Config) { c.DB = "" }, "no database"},
		{"NoEndpoint", func(c *Config) { c.APIEndpoint = "" }, "endpoint"},
		{"NoZone", func(c *Config) { c.TZ = nil }, "time zone"},
		{"Language", func(c *Config) { c.Lang = "fr" }, `"fr"`},
		{"NoRate", func(c *Config) { c.SendRate = 0 }, "send rate"},
		{"RateTooHigh", func(c *Config) { c.SendRate = MaxSendRate + 1 }, "send rate"},
		{"TallyCron", func(c *Config) { c.TallyCron = "every day" }, "tally cron"},
		{"WebhookWithoutHTTP", func(c *Config) { c.WebhookURL, c.WebhookSecret = "https://x/h", "s" }, "webhook"},
		{"WebhookWithoutSecret", func(c *Config) { c.WebhookURL, c.HTTP = "https://x/h", ":8080" }, "webhook"},
		{"Webhook", func(c *Config) { c.WebhookURL, c.HTTP, c.WebhookSecret = "https://x/h", ":8080", "s" }, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := good
			tt.change(&c)
			err := c.Validate()
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("got %v, want none", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("got %v, want an error with %q", err, tt.want)
			}
		})
	}
}

// TestNewChecksTheConfigBeforeOpeningAnything: a Config that does not
// validate opens no database file.
func TestNewChecksTheConfigBeforeOpeningAnything(t *testing.T) {
	dir := t.TempDir()
	_, err := New(Config{DB: dir + "/y.db", APIEndpoint: "http://127.0.0.1/bot%s/%s", TZ: time.UTC, Lang: "vi", SendRate: 25})
	if err == nil || !strings.Contains(err.Error(), "no token") {
		t.Fatalf("got %v, want the missing token", err)
	}
	if _, err := OpenDB(dir+"/y.db", true); err == nil {
		t.Errorf("New created the database although its Config is wrong")
	}
}
