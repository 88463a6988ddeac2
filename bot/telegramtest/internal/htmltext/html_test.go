package htmltext

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseHTML(t *testing.T) {
	tests := []struct {
		name     string
		src      string
		text     string
		entities []Entity
	}{
		{"PlainText", "hello", "hello", nil},
		{"Bold", "a <b>bold</b> word", "a bold word", []Entity{{Type: "bold", Offset: 2, Length: 4}}},
		{"UppercaseTagNames", "<B>x</B>", "x", []Entity{{Type: "bold", Offset: 0, Length: 1}}},
		{"AllAliases", "<strong>1</strong><em>2</em><ins>3</ins><strike>4</strike><del>5</del><tg-spoiler>6</tg-spoiler>", "123456", []Entity{
			{Type: "bold", Offset: 0, Length: 1}, {Type: "italic", Offset: 1, Length: 1}, {Type: "underline", Offset: 2, Length: 1},
			{Type: "strikethrough", Offset: 3, Length: 1}, {Type: "strikethrough", Offset: 4, Length: 1}, {Type: "spoiler", Offset: 5, Length: 1},
		}},
		{"NamedEntities", "&lt;a&gt; &amp; &quot;q&quot;", `<a> & "q"`, nil},
		{"NumericEntities", "&#128512;&#x1F600;&#39;", "😀😀'", nil},
		{"EntityOffsetsCountUTF16", "😀<b>x</b>", "😀x", []Entity{{Type: "bold", Offset: 2, Length: 1}}},
		{"Link", `<a href="https://example.com/?a=1&amp;b=2">site</a>`, "site", []Entity{{Type: "text_link", Offset: 0, Length: 4, URL: "https://example.com/?a=1&b=2"}}},
		{"LinkWithRawAmpersandInAttribute", `<a href='https://x.y/?a=1&b=2'>x</a>`, "x", []Entity{{Type: "text_link", Offset: 0, Length: 1, URL: "https://x.y/?a=1&b=2"}}},
		{"SpoilerSpan", `<span class="tg-spoiler">s</span>`, "s", []Entity{{Type: "spoiler", Offset: 0, Length: 1}}},
		{"PreWithLanguage", `<pre><code class="language-go">x := 1</code></pre>`, "x := 1", []Entity{{Type: "pre", Offset: 0, Length: 6, Language: "go"}}},
		{"ExpandableBlockquote", "<blockquote expandable>q</blockquote>", "q", []Entity{{Type: "expandable_blockquote", Offset: 0, Length: 1}}},
		{"NestedFormatting", "<b>a<i>b</i></b>", "ab", []Entity{{Type: "bold", Offset: 0, Length: 2}, {Type: "italic", Offset: 1, Length: 1}}},
		{"BoldInsideLink", `<a href="tg://user?id=1"><b>x</b></a>`, "x", []Entity{{Type: "text_link", Offset: 0, Length: 1, URL: "tg://user?id=1"}, {Type: "bold", Offset: 0, Length: 1}}},
		{"EmptyEntityDropped", "<b></b>x", "x", nil},
		{"CustomEmoji", `<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>`, "👍", []Entity{{Type: "custom_emoji", Offset: 0, Length: 2, EmojiID: "5368324170671202286"}}},
		{"NewlinesKept", "a\nb", "a\nb", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, entities, err := ParseHTML(tt.src)
			if err != nil {
				t.Fatalf("ParseHTML(%q): %v", tt.src, err)
			}
			if text != tt.text {
				t.Errorf("text = %q, want %q", text, tt.text)
			}
			if len(entities) == 0 {
				entities = nil
			}
			if !reflect.DeepEqual(entities, tt.entities) {
				t.Errorf("entities = %+v, want %+v", entities, tt.entities)
			}
		})
	}
}

func TestParseHTMLRejects(t *testing.T) {
	tests := []struct {
		name, src, wantErr string
	}{
		{"UnsupportedTag", "a<br>b", `unsupported start tag "br"`},
		{"Paragraph", "<p>x</p>", `unsupported start tag "p"`},
		{"BareLessThan", "1 < 2", "character '<' is reserved"},
		{"BareGreaterThan", "2 > 1", "character '>' is reserved"},
		{"BareAmpersand", "Tom & Jerry", "character '&' is reserved"},
		{"AmpersandWithoutSemicolon", "&amp x", "character '&' is reserved"},
		{"UnsupportedNamedEntity", "a&nbsp;b", `unsupported HTML entity "&nbsp;"`},
		{"ApostropheEntity", "&apos;", `unsupported HTML entity "&apos;"`},
		{"InvalidNumericEntity", "&#xD800;", "invalid numeric entity"},
		{"UnclosedTag", "<b>x", `can't find end tag corresponding to start tag "b"`},
		{"CrossedTags", "<b><i>x</b></i>", `unmatched end tag, expected "</i>", found "</b>"`},
		{"StrayEndTag", "x</b>", "unexpected end tag"},
		{"TagInsideCode", "<code><b>x</b></code>", `tag "b" can't be nested inside <code>`},
		{"TagInsidePre", "<pre><i>x</i></pre>", `tag "i" can't be nested inside <pre>`},
		{"LinkInsideLink", `<a href="https://a"><a href="https://b">x</a></a>`, `tag "a" can't be nested inside another <a>`},
		{"BlockquoteInsideBlockquote", "<blockquote><blockquote>x</blockquote></blockquote>", "can't be nested inside another <blockquote>"},
		{"SpanWithoutSpoilerClass", `<span class="red">x</span>`, `must have class="tg-spoiler"`},
		{"AttributeNotAllowed", `<b class="x">y</b>`, `unsupported attribute "class" in tag "b"`},
		{"LinkWithoutHref", "<a>x</a>", "needs a non-empty href"},
		{"CodeClassNotLanguage", `<pre><code class="go">x</code></pre>`, "must be language-<name>"},
		{"SelfClosing", "<b/>", "self-closing tags are not supported"},
		{"UnclosedStartTag", "<b", `unclosed start tag "b"`},
		{"InvalidUTF8", "\xff", "UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, _, err := ParseHTML(tt.src)
			if err == nil {
				t.Fatalf("ParseHTML(%q) = %q, want error containing %q", tt.src, text, tt.wantErr)
			}
			if !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("error = %q, want it to contain %q", err, tt.wantErr)
			}
		})
	}
}

func TestParsedLengthCountsCodePoints(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		runes int
	}{
		{"EntitiesCountOne", "&amp;&lt;&#128512;", 3},
		{"TagsDoNotCount", "<b>ab</b><i>c</i>", 3},
		{"AstralIsOneCodePoint", "😀😀", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, _, err := ParseHTML(tt.src)
			if err != nil {
				t.Fatalf("ParseHTML: %v", err)
			}
			if got := utf8.RuneCountInString(text); got != tt.runes {
				t.Errorf("length of %q = %d, want %d", text, got, tt.runes)
			}
		})
	}
}
