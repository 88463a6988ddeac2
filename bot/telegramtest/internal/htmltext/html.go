package htmltext

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Entity is a formatting entity of a message text. Offset and Length count
// UTF-16 code units, as Telegram's MessageEntity does.
type Entity struct {
	Type     string // "bold", "italic", "text_link", "pre", "bot_command", ...
	Offset   int
	Length   int
	URL      string // text_link
	Language string // pre
	EmojiID  string // custom_emoji
	UnixTime int64  // date_time
}

// htmlTags maps the tags Telegram supports to the entity they make.
var htmlTags = map[string]string{
	"b": "bold", "strong": "bold",
	"i": "italic", "em": "italic",
	"u": "underline", "ins": "underline",
	"s": "strikethrough", "strike": "strikethrough", "del": "strikethrough",
	"span": "spoiler", "tg-spoiler": "spoiler",
	"a":          "text_link",
	"code":       "code",
	"pre":        "pre",
	"blockquote": "blockquote",
	"tg-emoji":   "custom_emoji",
	"tg-time":    "date_time",
}

// htmlAttrs are the attributes each tag may carry.
var htmlAttrs = map[string][]string{
	"a":          {"href"},
	"span":       {"class"},
	"code":       {"class"},
	"blockquote": {"expandable"},
	"tg-emoji":   {"emoji-id"},
	"tg-time":    {"unix", "format"},
}

// HTMLError is a text that does not follow Telegram's HTML rules.
type HTMLError struct {
	Offset int // byte offset of the problem in the source
	Msg    string
}

// Error implements error.
func (e *HTMLError) Error() string { return fmt.Sprintf("%s at byte offset %d", e.Msg, e.Offset) }

// ParseHTML parses text the way Telegram parses parse_mode=HTML
// (core.telegram.org/bots/api#html-style) and returns the text without tags,
// entities decoded, and its formatting entities.
//
// It is stricter than Telegram where Telegram guesses: every '<', '>' and '&'
// outside a tag must be escaped as the documentation demands (Telegram
// itself lets a '>' or a lone '&' through), named entities other than &lt;
// &gt; &amp; &quot; are errors, and unknown attributes are errors. Raw '&'
// inside attribute values is accepted.
func ParseHTML(src string) (text string, entities []Entity, err error) {
	p := htmlParser{src: src}
	if err := p.run(); err != nil {
		return "", nil, err
	}
	kept := p.entities[:0]
	for _, e := range p.entities {
		if e.Length > 0 {
			kept = append(kept, e)
		}
	}
	return p.out.String(), kept, nil
}

type openTag struct {
	name   string
	entity int // index in entities, or -1 for <code> inside <pre>
	at     int // byte offset of the tag
}

type htmlParser struct {
	src      string
	pos      int
	out      strings.Builder
	units    int // UTF-16 length of out
	stack    []openTag
	entities []Entity
}

func (p *htmlParser) fail(at int, format string, args ...any) error {
	return &HTMLError{Offset: at, Msg: fmt.Sprintf(format, args...)}
}

func (p *htmlParser) run() error {
	if !utf8.ValidString(p.src) {
		return p.fail(0, "strings must be encoded in UTF-8")
	}
	for p.pos < len(p.src) {
		switch c := p.src[p.pos]; c {
		case '<':
			if err := p.tag(); err != nil {
				return err
			}
		case '>':
			return p.fail(p.pos, "character '>' is reserved and must be escaped as &gt;")
		case '&':
			r, n, err := decodeEntity(p.src, p.pos)
			if err != nil {
				return err
			}
			p.emit(r)
			p.pos += n
		default:
			r, n := utf8.DecodeRuneInString(p.src[p.pos:])
			p.emit(r)
			p.pos += n
		}
	}
	if len(p.stack) > 0 {
		top := p.stack[len(p.stack)-1]
		return p.fail(top.at, "can't find end tag corresponding to start tag %q", top.name)
	}
	return nil
}

func (p *htmlParser) emit(r rune) {
	p.out.WriteRune(r)
	p.units += utf16Len(r)
}

func (p *htmlParser) tag() error {
	if strings.HasPrefix(p.src[p.pos:], "</") {
		return p.endTag()
	}
	at := p.pos
	p.pos++
	name := strings.ToLower(p.word())
	if name == "" {
		return p.fail(at, "character '<' is reserved and must be escaped as &lt;")
	}
	entityType, ok := htmlTags[name]
	if !ok {
		return p.fail(at, "unsupported start tag %q", name)
	}
	attrs, err := p.attributes(name, at)
	if err != nil {
		return err
	}
	if err := p.checkNesting(name, at); err != nil {
		return err
	}
	e := Entity{Type: entityType, Offset: p.units}
	if err := p.applyAttrs(&e, name, attrs, at); err != nil {
		return err
	}
	if name == "code" && len(p.stack) > 0 && p.stack[len(p.stack)-1].name == "pre" {
		// <pre><code class="language-x">: one pre entity with a language.
		if lang, ok := attrs["class"]; ok {
			p.entities[p.stack[len(p.stack)-1].entity].Language = strings.TrimPrefix(lang, "language-")
		}
		p.stack = append(p.stack, openTag{name: name, entity: -1, at: at})
		return nil
	}
	p.entities = append(p.entities, e)
	p.stack = append(p.stack, openTag{name: name, entity: len(p.entities) - 1, at: at})
	return nil
}

// checkNesting applies the documented rules: nothing inside code, only
// <code> directly inside pre, no link inside a link, no blockquote inside a
// blockquote.
func (p *htmlParser) checkNesting(name string, at int) error {
	if len(p.stack) == 0 {
		return nil
	}
	top := p.stack[len(p.stack)-1].name
	switch {
	case top == "code":
		return p.fail(at, "tag %q can't be nested inside <code>", name)
	case top == "pre" && name != "code":
		return p.fail(at, "tag %q can't be nested inside <pre>", name)
	}
	for _, t := range p.stack {
		if (name == "a" || name == "blockquote") && t.name == name {
			return p.fail(at, "tag %q can't be nested inside another <%s>", name, name)
		}
	}
	return nil
}

func (p *htmlParser) applyAttrs(e *Entity, name string, attrs map[string]string, at int) error {
	switch name {
	case "a":
		e.URL = attrs["href"]
		if e.URL == "" {
			return p.fail(at, "tag \"a\" needs a non-empty href attribute")
		}
	case "span":
		if attrs["class"] != "tg-spoiler" {
			return p.fail(at, "tag \"span\" must have class=\"tg-spoiler\"")
		}
	case "code":
		if c, ok := attrs["class"]; ok && !strings.HasPrefix(c, "language-") {
			return p.fail(at, "the class of <code> must be language-<name>, got %q", c)
		}
	case "blockquote":
		if _, ok := attrs["expandable"]; ok {
			e.Type = "expandable_blockquote"
		}
	case "tg-emoji":
		e.EmojiID = attrs["emoji-id"]
		if _, err := strconv.ParseInt(e.EmojiID, 10, 64); err != nil {
			return p.fail(at, "tag \"tg-emoji\" needs a numeric emoji-id attribute")
		}
	case "tg-time":
		n, err := strconv.ParseInt(attrs["unix"], 10, 64)
		if err != nil {
			return p.fail(at, "tag \"tg-time\" needs a numeric unix attribute")
		}
		e.UnixTime = n
	}
	return nil
}

// attributes reads the attributes of a start tag up to and including '>'.
func (p *htmlParser) attributes(tag string, at int) (map[string]string, error) {
	attrs := map[string]string{}
	for {
		p.skipSpace()
		if p.pos >= len(p.src) {
			return nil, p.fail(at, "unclosed start tag %q", tag)
		}
		switch p.src[p.pos] {
		case '>':
			p.pos++
			return attrs, nil
		case '/':
			return nil, p.fail(p.pos, "self-closing tags are not supported")
		}
		attrAt := p.pos
		name := strings.ToLower(p.word())
		if name == "" {
			return nil, p.fail(attrAt, "bad attribute in tag %q", tag)
		}
		if !slices.Contains(htmlAttrs[tag], name) {
			return nil, p.fail(attrAt, "unsupported attribute %q in tag %q", name, tag)
		}
		p.skipSpace()
		value := ""
		if p.pos < len(p.src) && p.src[p.pos] == '=' {
			p.pos++
			p.skipSpace()
			v, err := p.attrValue(attrAt)
			if err != nil {
				return nil, err
			}
			value = v
		}
		if _, dup := attrs[name]; !dup {
			attrs[name] = value
		}
	}
}

func (p *htmlParser) attrValue(at int) (string, error) {
	if p.pos >= len(p.src) {
		return "", p.fail(at, "attribute value expected")
	}
	var raw string
	if q := p.src[p.pos]; q == '"' || q == '\'' {
		end := strings.IndexByte(p.src[p.pos+1:], q)
		if end < 0 {
			return "", p.fail(at, "unclosed attribute value")
		}
		raw = p.src[p.pos+1 : p.pos+1+end]
		p.pos += end + 2
	} else {
		start := p.pos
		for p.pos < len(p.src) && !isSpace(p.src[p.pos]) && p.src[p.pos] != '>' {
			p.pos++
		}
		raw = p.src[start:p.pos]
	}
	return decodeAttr(raw), nil
}

func (p *htmlParser) endTag() error {
	at := p.pos
	p.pos += 2
	name := strings.ToLower(p.word())
	p.skipSpace()
	if p.pos >= len(p.src) || p.src[p.pos] != '>' {
		return p.fail(at, "unclosed end tag")
	}
	p.pos++
	if len(p.stack) == 0 {
		return p.fail(at, "unexpected end tag \"</%s>\"", name)
	}
	top := p.stack[len(p.stack)-1]
	if top.name != name {
		return p.fail(at, "unmatched end tag, expected \"</%s>\", found \"</%s>\"", top.name, name)
	}
	p.stack = p.stack[:len(p.stack)-1]
	if top.entity >= 0 {
		p.entities[top.entity].Length = p.units - p.entities[top.entity].Offset
	}
	return nil
}

// word reads a tag or attribute name.
func (p *htmlParser) word() string {
	start := p.pos
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			break
		}
		p.pos++
	}
	return p.src[start:p.pos]
}

func (p *htmlParser) skipSpace() {
	for p.pos < len(p.src) && isSpace(p.src[p.pos]) {
		p.pos++
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// namedEntities are the only named HTML entities Telegram supports.
var namedEntities = map[string]rune{"lt": '<', "gt": '>', "amp": '&', "quot": '"'}

// decodeEntity decodes the entity at s[i] == '&' and returns its rune and
// length in bytes.
func decodeEntity(s string, i int) (rune, int, error) {
	end := i + 1
	for end < len(s) && end-i <= 32 && isEntityChar(s[end]) {
		end++
	}
	if end >= len(s) || s[end] != ';' || end == i+1 {
		return 0, 0, &HTMLError{Offset: i, Msg: "character '&' is reserved and must be escaped as &amp;"}
	}
	name := s[i+1 : end]
	n := end + 1 - i
	if num, ok := strings.CutPrefix(name, "#"); ok {
		base := 10
		if hex, ok := strings.CutPrefix(strings.ToLower(num), "x"); ok {
			num, base = hex, 16
		}
		v, err := strconv.ParseUint(num, base, 32)
		r := rune(v)
		if err != nil || v == 0 || !utf8.ValidRune(r) {
			return 0, 0, &HTMLError{Offset: i, Msg: fmt.Sprintf("invalid numeric entity %q", s[i:end+1])}
		}
		return r, n, nil
	}
	r, ok := namedEntities[name]
	if !ok {
		return 0, 0, &HTMLError{Offset: i, Msg: fmt.Sprintf("unsupported HTML entity %q (only &lt; &gt; &amp; &quot; and numeric entities)", s[i:end+1])}
	}
	return r, n, nil
}

func isEntityChar(c byte) bool {
	return c == '#' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// decodeAttr decodes the entities of an attribute value, leaving anything
// that is not a valid entity as it is.
func decodeAttr(raw string) string {
	if !strings.Contains(raw, "&") {
		return raw
	}
	var b strings.Builder
	for i := 0; i < len(raw); {
		if raw[i] == '&' {
			if r, n, err := decodeEntity(raw, i); err == nil {
				b.WriteRune(r)
				i += n
				continue
			}
		}
		b.WriteByte(raw[i])
		i++
	}
	return b.String()
}

func utf16Len(r rune) int {
	if r >= 0x10000 {
		return 2
	}
	return 1
}

// UTF16Count is the length of s in UTF-16 code units.
func UTF16Count(s string) int {
	n := 0
	for _, r := range s {
		n += utf16Len(r)
	}
	return n
}
