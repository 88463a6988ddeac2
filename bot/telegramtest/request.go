package telegramtest

import (
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"strings"
)

// maxRequestBytes bounds a request body: Telegram's upload limit is 50 MB.
const maxRequestBytes = 50 << 20

// upload is a file sent in a multipart request.
type upload struct {
	Name string // the part's file name
	Data []byte
}

// request is the parameters of a call, from wherever Telegram reads them:
// the query string, a url-encoded or multipart form, or a JSON object.
type request struct {
	params map[string]string
	files  map[string]upload
}

// readRequest collects the parameters of r. The first value of a repeated
// parameter wins.
func readRequest(w http.ResponseWriter, r *http.Request) (*request, error) {
	req := &request{params: map[string]string{}, files: map[string]upload{}}
	for k, vs := range r.URL.Query() {
		req.params[k] = vs[0]
	}
	if r.Body == nil || r.Method == http.MethodGet {
		return req, nil
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxRequestBytes)
	ct := r.Header.Get("Content-Type")
	if ct == "" {
		return req, nil
	}
	mediaType, mparams, err := mime.ParseMediaType(ct)
	if err != nil {
		return nil, fmt.Errorf("content type %q: %w", ct, err)
	}
	switch mediaType {
	case "application/x-www-form-urlencoded":
		if err := r.ParseForm(); err != nil {
			return nil, fmt.Errorf("parse form: %w", err)
		}
		for k, vs := range r.PostForm {
			req.params[k] = vs[0]
		}
	case "multipart/form-data":
		if err := req.readMultipart(multipart.NewReader(r.Body, mparams["boundary"])); err != nil {
			return nil, err
		}
	case "application/json":
		if err := req.readJSON(r.Body); err != nil {
			return nil, err
		}
	default:
		return nil, fmt.Errorf("unsupported content type %q", mediaType)
	}
	return req, nil
}

func (req *request) readMultipart(mr *multipart.Reader) error {
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("read multipart: %w", err)
		}
		data, err := io.ReadAll(part)
		if err != nil {
			return fmt.Errorf("read part %q: %w", part.FormName(), err)
		}
		name := part.FormName()
		if part.FileName() != "" {
			if _, dup := req.files[name]; !dup {
				req.files[name] = upload{Name: part.FileName(), Data: data}
			}
			continue
		}
		if _, dup := req.params[name]; !dup {
			req.params[name] = string(data)
		}
	}
}

// readJSON reads a JSON object body: strings are taken as they are, other
// values as their JSON text (so nested objects stay JSON, as in a form).
func (req *request) readJSON(body io.Reader) error {
	var obj map[string]json.RawMessage
	if err := json.NewDecoder(body).Decode(&obj); err != nil {
		return fmt.Errorf("decode JSON body: %w", err)
	}
	for k, raw := range obj {
		var s string
		if err := json.Unmarshal(raw, &s); err == nil {
			req.params[k] = s
			continue
		}
		req.params[k] = strings.TrimSpace(string(raw))
	}
	return nil
}
