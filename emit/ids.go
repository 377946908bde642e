package emit

import (
	"strconv"
	"strings"
	"unicode"
)

// AsyncAPI requires component keys to match ^[\w\d\.\-_]+$; the same
// pattern is used for channel, operation and message ids so that no $ref
// needs escaping.

// maxIDLen bounds the length of an id. An address can be as long as the
// code makes it, but an id is a key and is repeated in every $ref to it;
// yaml.v3 writes a key of over 128 characters as an explicit "? key",
// and YAML cannot read a JSON key of over 1024. Ids cut to the same
// prefix are told apart by uniqueIDs like any others.
const maxIDLen = 120

// sanitizeID maps s to a valid id: runs of other characters become one
// "_", and leading and trailing "_" are dropped; it is cut after about
// maxIDLen characters.
func sanitizeID(s string) string {
	var b strings.Builder
	pendingUnderscore := false
	for _, r := range s {
		if b.Len() >= maxIDLen {
			break
		}
		if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '-' || r == '_') {
			if pendingUnderscore && b.Len() > 0 {
				b.WriteByte('_')
			}
			pendingUnderscore = false
			b.WriteRune(r)
			continue
		}
		pendingUnderscore = true
	}
	if b.Len() == 0 {
		return "_"
	}
	return b.String()
}

// camelID joins the words of s into one lowerCamelCase id after prefix:
// camelID("send", "shop.orders.v1") is "sendShopOrdersV1".
func camelID(prefix, s string) string {
	var b strings.Builder
	b.WriteString(prefix)
	upper := prefix != ""
	for _, r := range s {
		if b.Len() >= maxIDLen {
			break
		}
		if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if upper {
				r = unicode.ToUpper(r)
			}
			b.WriteRune(r)
			upper = false
			continue
		}
		upper = true
	}
	return sanitizeID(b.String())
}

// uniqueIDs gives each of names (already valid ids, in a deterministic
// order) a distinct id: the first keeps its name, later equal ones get
// "-2", "-3", ...
type uniqueIDs map[string]bool

func (u uniqueIDs) take(id string) string {
	if !u[id] {
		u[id] = true
		return id
	}
	for i := 2; ; i++ {
		cand := id + "-" + strconv.Itoa(i)
		if !u[cand] {
			u[cand] = true
			return cand
		}
	}
}
