package storage

import (
	"encoding/json"
	"errors"
)

// errStop ends a scan early; scans swallow it.
var errStop = errors.New("stop")

func jsonUnmarshal(data []byte, v any) error { return json.Unmarshal(data, v) }
