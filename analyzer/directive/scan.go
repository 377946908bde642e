package directive

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// scanner walks the arguments of one directive. Arguments are separated
// by white space (unicode.IsSpace; in practice spaces and tabs).
type scanner struct {
	text string
	pos  int
	verb Verb
}

// errorf returns an *Error at off whose message names the directive.
func (s *scanner) errorf(off int, format string, args ...any) error {
	return &Error{off, prefix[2:] + string(s.verb) + ": " + fmt.Sprintf(format, args...)}
}

// missing reports that what is missing should have been at the end.
func (s *scanner) missing(what string) error {
	return s.errorf(len(s.text), "missing %s", what)
}

// more skips white space and reports whether an argument follows.
func (s *scanner) more() bool {
	s.pos += len(s.text[s.pos:]) - len(strings.TrimLeftFunc(s.text[s.pos:], unicode.IsSpace))
	return s.pos < len(s.text)
}

// wordEnd returns the offset of the first white space at or after i.
func (s *scanner) wordEnd(i int) int {
	if n := strings.IndexFunc(s.text[i:], unicode.IsSpace); n >= 0 {
		return i + n
	}
	return len(s.text)
}

// word returns the text up to the next white space, as it is.
func (s *scanner) word() string {
	start := s.pos
	s.pos = s.wordEnd(start)
	return s.text[start:s.pos]
}

// rest returns the rest of the line without surrounding white space, and
// its offset, for the verbs whose argument is free text.
func (s *scanner) rest() (string, int) {
	s.more()
	off := s.pos
	s.pos = len(s.text)
	return strings.TrimRightFunc(s.text[off:], unicode.IsSpace), off
}

// value scans a value at s.pos: a Go string literal (double- or
// back-quoted) or a bare word, which may not contain quotes (a value with
// a quote in the middle is almost certainly a mistake, such as
// title=My"API").
func (s *scanner) value() (string, error) {
	off := s.pos
	if off == len(s.text) {
		return "", nil
	}
	if q := s.text[off]; q == '"' || q == '`' {
		end := closingQuote(s.text, off)
		if end < 0 {
			return "", s.errorf(off, "unterminated quoted string")
		}
		lit := s.text[off:end]
		v, err := strconv.Unquote(lit)
		if err != nil {
			return "", s.errorf(off, "invalid quoted string %s", lit)
		}
		if !utf8.ValidString(v) {
			return "", s.errorf(off, "quoted string %s is not valid UTF-8", lit)
		}
		s.pos = end
		if s.pos < len(s.text) {
			if r, _ := utf8.DecodeRuneInString(s.text[s.pos:]); !unicode.IsSpace(r) {
				return "", s.errorf(s.pos, "missing space after quoted string %s", lit)
			}
		}
		return v, nil
	}
	w := s.word()
	if i := strings.IndexAny(w, "\"`"); i >= 0 {
		return "", s.errorf(off+i, "unquoted value %s contains %c; quote the whole value", w, w[i])
	}
	return w, nil
}

// closingQuote returns the offset just after the Go string literal that
// starts at text[off], or -1 if it is not terminated.
func closingQuote(text string, off int) int {
	q := text[off]
	for i := off + 1; i < len(text); i++ {
		switch text[i] {
		case '\\':
			if q == '"' {
				i++ // skip the escaped byte; Unquote checks the escape
			}
		case q:
			return i + 1
		}
	}
	return -1
}

// field scans key=value and returns the key, its offset and the value.
func (s *scanner) field() (key string, keyOff int, value string, err error) {
	keyOff = s.pos
	n := strings.IndexFunc(s.text[keyOff:], func(r rune) bool { return r == '=' || unicode.IsSpace(r) })
	if n < 0 || s.text[keyOff+n] != '=' {
		return "", keyOff, "", s.errorf(keyOff, "expected key=value, found %q (quote values that contain spaces)", s.text[keyOff:s.wordEnd(keyOff)])
	}
	if n == 0 {
		return "", keyOff, "", s.errorf(keyOff, "missing key before '='")
	}
	key = s.text[keyOff : keyOff+n]
	s.pos = keyOff + n + 1
	valOff := s.pos
	if value, err = s.value(); err != nil {
		return "", keyOff, "", err
	}
	if value == "" {
		return "", keyOff, "", s.errorf(valOff, "empty value for %s", key)
	}
	return key, keyOff, value, nil
}

// fields scans key=value pairs to the end of the line. allowed checks a
// key; it returns an error message, or "" when the key is fine.
func (s *scanner) fields(allowed func(key, value string) string) ([]Field, error) {
	var fs []Field
	seen := make(map[string]bool)
	for s.more() {
		key, off, value, err := s.field()
		if err != nil {
			return nil, err
		}
		if msg := allowed(key, value); msg != "" {
			return nil, s.errorf(off, "%s", msg)
		}
		if seen[key] {
			return nil, s.errorf(off, "duplicate key %s", key)
		}
		seen[key] = true
		fs = append(fs, Field{key, value})
	}
	return fs, nil
}

// quote returns v as a bare word when it reads back as itself, else as a
// Go string literal.
func quote(v string) string {
	if v == "" {
		return `""`
	}
	for _, r := range v {
		// unicode.IsPrint is false for every white space but ' ', and for
		// control characters: those are escaped by strconv.Quote.
		if r == ' ' || r == '"' || r == '`' || !unicode.IsPrint(r) {
			return strconv.Quote(v)
		}
	}
	return v
}

// isID reports whether s matches ^[\w.\-]+$ (ASCII \w, as in regexp).
func isID(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '.' || c == '-') {
			return false
		}
	}
	return true
}
