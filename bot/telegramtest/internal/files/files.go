// Package files is the test double's store of files: the photos, documents
// and stickers it has seen get a file_id by which the bot may send them
// again, and an InputFile parameter is read from an upload, a file_id or a
// URL.
package files

import (
	"fmt"
	"path"
	"strings"

	"youthbot/bot/telegramtest/internal/wire"
)

// File is a file's content and name.
type File struct {
	Data []byte
	Name string
}

// Store holds the files by file_id. Its zero value is empty and ready; it
// has no lock of its own: the double's lock guards it.
type Store struct {
	issued int
	byID   map[string]File
}

// Issued is the number of file ids given so far.
func (s *Store) Issued() int { return s.issued }

// Put registers data under a new file_id, which begins with prefix (the
// kind of file, as Telegram's ids do), and returns it with a new
// file_unique_id.
func (s *Store) Put(prefix string, data []byte, name string) (fileID, uniqueID string) {
	s.issued++
	fileID = fmt.Sprintf("%s%08d", prefix, s.issued)
	uniqueID = fmt.Sprintf("AQAD%08d", s.issued)
	if s.byID == nil {
		s.byID = map[string]File{}
	}
	s.byID[fileID] = File{Data: data, Name: name}
	return fileID, uniqueID
}

// Input reads the file parameter param of a request: an uploaded part
// (directly or by attach://name), a file_id the store issued, or an HTTP URL
// (no bytes).
func (s *Store) Input(param string, params map[string]string, uploads map[string]wire.Upload) (File, *wire.Error) {
	if up, ok := uploads[param]; ok {
		return File{Data: up.Data, Name: up.Name}, nil
	}
	raw := params[param]
	if name, ok := strings.CutPrefix(raw, "attach://"); ok {
		up := uploads[name]
		return File{Data: up.Data, Name: up.Name}, nil
	}
	if strings.HasPrefix(raw, "http://") || strings.HasPrefix(raw, "https://") {
		return File{Name: path.Base(raw)}, nil
	}
	if f, ok := s.byID[raw]; ok {
		return f, nil
	}
	return File{}, wire.Invalid("wrong file identifier/HTTP URL specified").WithDetail("%s=%q", param, raw)
}
