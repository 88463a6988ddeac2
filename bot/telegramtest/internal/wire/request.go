package wire

import (
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"strings"
)

// MaxRequestBytes bounds a Request body: Telegram's Upload limit is 50 MB.
const MaxRequestBytes = 50 << 20

// Upload is a file sent in a multipart request.
type Upload struct {
	Name string // the part's file name
	Data []byte
}

// Request is the parameters of a call, from wherever Telegram reads them:
// the query string, a url-encoded or multipart form, or a JSON object.
type Request struct {
	Params map[string]string
	Files  map[string]Upload
}

// ReadRequest collects the parameters of r. The first value of a repeated
// parameter wins.
func ReadRequest(w http.ResponseWriter, r *http.Request) (*Request, error) {
	req := &Request{Params: map[string]string{}, Files: map[string]Upload{}}
	for k, vs := range r.URL.Query() {
		req.Params[k] = vs[0]
	}
	if r.Body == nil || r.Method == http.MethodGet {
		return req, nil
	}
	r.Body = http.MaxBytesReader(w, r.Body, MaxRequestBytes)
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
			req.Params[k] = vs[0]
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

func (req *Request) readMultipart(mr *multipart.Reader) error {
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
			if _, dup := req.Files[name]; !dup {
				req.Files[name] = Upload{Name: part.FileName(), Data: data}
			}
			continue
		}
		if _, dup := req.Params[name]; !dup {
			req.Params[name] = string(data)
		}
	}
}

// readJSON reads a JSON object body: strings are taken as they are, other
// values as their JSON text (so nested objects stay JSON, as in a form).
func (req *Request) readJSON(body io.Reader) error {
	var obj map[string]json.RawMessage
	if err := json.NewDecoder(body).Decode(&obj); err != nil {
		return fmt.Errorf("decode JSON body: %w", err)
	}
	for k, raw := range obj {
		var s string
		if err := json.Unmarshal(raw, &s); err == nil {
			req.Params[k] = s
			continue
		}
		req.Params[k] = strings.TrimSpace(string(raw))
	}
	return nil
}
