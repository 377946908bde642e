package directive

import (
	"fmt"
	"net/mail"
	"net/url"
	"slices"
	"strings"
	"unicode"
)

// parsers parse the arguments of each verb into d; s.pos is just after the
// verb.
var parsers = map[Verb]func(s *scanner, d *Directive) error{
	Channel:     parseChannel,
	Message:     parseID("name"),
	Operation:   parseID("id"),
	Payload:     parsePayload,
	Summary:     parseText,
	Description: parseText,
	Tags:        parseTags,
	Ignore:      parseIgnore,
	Info:        parseInfo,
	Server:      parseServer,
}

// end reports an unexpected argument, if there is one.
func (s *scanner) end() error {
	if !s.more() {
		return nil
	}
	off := s.pos
	return s.errorf(off, "unexpected argument %q", s.word())
}

func parseChannel(s *scanner, d *Directive) error {
	if !s.more() {
		return s.missing("address")
	}
	off := s.pos
	addr, err := s.value()
	if err != nil {
		return err
	}
	if addr == "" {
		return s.errorf(off, "empty address")
	}
	if i, msg := checkAddress(addr); msg != "" {
		// Inside a quoted address, escapes make offsets in the value and
		// in the text differ: point at the literal.
		if s.text[off] != '"' && s.text[off] != '`' {
			off += i
		}
		return s.errorf(off, "address %q: %s", addr, msg)
	}
	d.Arg = addr
	params := AddressParams(addr)
	for s.more() {
		name, keyOff, desc, err := s.field()
		if err != nil {
			return err
		}
		if !slices.Contains(params, name) {
			return s.errorf(keyOff, "%s is not a parameter of the address %q", name, addr)
		}
		if _, dup := d.Lookup(name); dup {
			return s.errorf(keyOff, "duplicate description for parameter %s", name)
		}
		d.Fields = append(d.Fields, Field{name, desc})
	}
	return nil
}

// checkAddress checks a channel address and returns the byte offset of
// the first problem in it and a message, or "" when it is fine.
func checkAddress(addr string) (int, string) {
	open := -1 // offset of the unclosed '{', or -1
	for i, r := range addr {
		switch {
		case r == '?' || r == '#':
			// AsyncAPI 3.0: "MUST NOT contain ? or #" (query and fragment).
			return i, fmt.Sprintf("%q is not allowed in an address", r)
		case unicode.IsControl(r):
			return i, fmt.Sprintf("control character %U", r)
		case r == '{':
			if open >= 0 {
				return i, "nested '{'"
			}
			open = i
		case r == '}':
			if open < 0 {
				return i, "'}' without '{'"
			}
			if name := addr[open+1 : i]; !isParamName(name) {
				return open + 1, fmt.Sprintf("invalid parameter name %q; want [A-Za-z_][A-Za-z0-9_.-]*", name)
			}
			open = -1
		}
	}
	if open >= 0 {
		return open, "unclosed '{'"
	}
	return 0, ""
}

// isParamName reports whether s matches [A-Za-z_][A-Za-z0-9_.-]*.
func isParamName(s string) bool {
	if s == "" || '0' <= s[0] && s[0] <= '9' || s[0] == '.' || s[0] == '-' {
		return false
	}
	return isID(s)
}

// AddressParams returns the names of the {parameters} of a channel
// address that Parse accepted, in order of first appearance.
func AddressParams(addr string) []string {
	var names []string
	for {
		i := strings.IndexByte(addr, '{')
		if i < 0 {
			return names
		}
		n := strings.IndexByte(addr[i:], '}')
		if n < 0 {
			return names
		}
		if name := addr[i+1 : i+n]; !slices.Contains(names, name) {
			names = append(names, name)
		}
		addr = addr[i+n+1:]
	}
}

// parseID parses the one-word argument of message and operation.
func parseID(what string) func(s *scanner, d *Directive) error {
	return func(s *scanner, d *Directive) error {
		if !s.more() {
			return s.missing(what)
		}
		off := s.pos
		id := s.word()
		if !isID(id) {
			return s.errorf(off, `invalid %s %q; want letters, digits, "_", "." and "-"`, what, id)
		}
		d.Arg = id
		return s.end()
	}
}

func parsePayload(s *scanner, d *Directive) error {
	src, off := s.rest()
	if src == "" {
		return s.missing("type")
	}
	t, i, msg := parseType(src)
	if msg != "" {
		return s.errorf(off+i, "%s", msg)
	}
	d.Arg = t.String()
	d.Type = t
	return nil
}

// parseText parses the free text of summary and description: the rest of
// the line, taken literally (quotes are part of the text).
func parseText(s *scanner, d *Directive) error {
	text, _ := s.rest()
	if text == "" {
		return s.missing("text")
	}
	d.Arg = text
	return nil
}

func parseTags(s *scanner, d *Directive) error {
	list, off := s.rest()
	if list == "" {
		return s.missing("tags")
	}
	for _, t := range strings.Split(list, ",") {
		tag := strings.TrimSpace(t)
		tagOff := off + len(t) - len(strings.TrimLeftFunc(t, unicode.IsSpace))
		off += len(t) + 1
		if tag == "" {
			return s.errorf(tagOff, "empty tag")
		}
		if slices.Contains(d.Tags, tag) {
			return s.errorf(tagOff, "duplicate tag %q", tag)
		}
		d.Tags = append(d.Tags, tag)
	}
	return nil
}

func parseIgnore(s *scanner, d *Directive) error { return s.end() }

// infoKeys are the keys of info, in the order of the AsyncAPI Info Object.
var infoKeys = []string{
	"title", "version", "description", "termsOfService",
	"contact.name", "contact.url", "contact.email",
	"license.name", "license.url",
}

func parseInfo(s *scanner, d *Directive) error {
	if !s.more() {
		return s.missing("key=value")
	}
	fs, err := s.fields(knownKey(infoKeys))
	d.Fields = fs
	return err
}

// serverKeys are the keys of server; the first two are required.
var serverKeys = []string{"host", "protocol", "protocolVersion", "pathname", "description"}

func parseServer(s *scanner, d *Directive) error {
	if !s.more() {
		return s.missing("server id")
	}
	off := s.pos
	id := s.word()
	if !isID(id) {
		return s.errorf(off, `invalid server id %q; want letters, digits, "_", "." and "-"`, id)
	}
	d.Arg = id
	fs, err := s.fields(knownKey(serverKeys))
	if err != nil {
		return err
	}
	d.Fields = fs
	for _, key := range serverKeys[:2] {
		if _, ok := d.Lookup(key); !ok {
			return s.missing(key + "=")
		}
	}
	return nil
}

func knownKey(keys []string) func(key, value string) string {
	return func(key, value string) string {
		if !slices.Contains(keys, key) {
			return fmt.Sprintf("unknown key %q; known keys are %s", key, strings.Join(keys, ", "))
		}
		if check, ok := valueFormats[key]; ok {
			return check(value)
		}
		return ""
	}
}

// valueFormats check the values whose format AsyncAPI prescribes (its
// parser rejects a document with a termsOfService that is no URL).
var valueFormats = map[string]func(string) string{
	"termsOfService": absoluteURL,
	"contact.url":    absoluteURL,
	"license.url":    absoluteURL,
	"contact.email":  emailAddress,
}

func absoluteURL(v string) string {
	if u, err := url.Parse(v); err != nil || u.Scheme == "" || (u.Host == "" && u.Opaque == "") {
		return fmt.Sprintf("%q is not an absolute URL (https://...)", v)
	}
	return ""
}

func emailAddress(v string) string {
	if a, err := mail.ParseAddress(v); err != nil || a.Address != v {
		return fmt.Sprintf("%q is not an email address", v)
	}
	return ""
}
