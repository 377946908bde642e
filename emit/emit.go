// Package emit builds the AsyncAPI 3.0.0 document of the operations the
// analyzer found. [Build] is a pure function of its input: the same
// operations give the same bytes, whatever order they come in.
//
// The document's keys are written in a fixed order: asyncapi, info,
// servers, channels, operations, components at the top; servers,
// channels, operations, messages and component schemas sorted by id; the
// fields of each object in the order the AsyncAPI specification lists
// them.
package emit

import (
	"cmp"
	"fmt"
	"go/token"
	"go/types"
	"maps"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/swaggest/jsonschema-go"
	"gopkg.in/yaml.v3"

	"github.com/asyncapi-extract/asyncapi-extract/analyzer"
	"github.com/asyncapi-extract/asyncapi-extract/protocols"
	"github.com/asyncapi-extract/asyncapi-extract/schema"
)

// Options are the document-level settings.
type Options struct {
	// Title and Version are info.title and info.version; when empty
	// they are derived from ModulePath.
	Title   string
	Version string
	// ModulePath is the main module's path.
	ModulePath string
	// Positions adds x-go-source, the call sites of each operation.
	Positions bool
	// BaseDir is the directory x-go-source paths are relative to.
	BaseDir string
}

// Input is what the analysis produced.
type Input struct {
	Fset       *token.FileSet
	Operations []*analyzer.Operation
	// Docs are the doc comments of the Go types, fields and constants
	// the payloads are made of, which become descriptions.
	Docs schema.Docs
	// Directives are the packages' info and server directives.
	Directives []analyzer.PackageDirective
	// Declarations are the broker entities the code declares.
	Declarations []analyzer.Declaration
}

// Document is a built AsyncAPI document.
type Document struct {
	root  *yaml.Node
	notes []schema.Note
}

// Notes are remarks on payload types whose schema could not be derived
// exactly (a custom MarshalJSON, say), for the user to act on.
func (d *Document) Notes() []schema.Note { return d.notes }

// YAML returns the document as YAML.
func (d *Document) YAML() ([]byte, error) { return marshalYAML(d.root) }

// JSON returns the document as JSON.
func (d *Document) JSON() ([]byte, error) { return marshalJSON(d.root) }

// Node returns the document's tree.
func (d *Document) Node() *yaml.Node { return d.root }

// Build makes the document of the operations in in.
func Build(in Input, opts Options) (*Document, error) {
	b := &builder{in: in, opts: opts, gen: schema.NewGenerator()}
	if in.Docs != nil {
		b.gen.SetDocs(in.Docs)
	}
	b.collect()
	b.collectServers()
	b.schemas = b.gen.Build()
	b.assignIDs()
	root := newMapping().
		set("asyncapi", str("3.0.0")).
		set("info", b.info()).
		set("servers", b.serversNode()).
		set("channels", b.channels()).
		set("operations", b.operations()).
		set("components", b.components())
	doc := &Document{root: &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{root.node()}}}
	doc.notes = b.schemas.Notes()
	return doc, nil
}

type builder struct {
	in      Input
	opts    Options
	gen     *schema.Generator
	schemas *schema.Set

	protos map[string]*protoUse
	// servers are the document's servers, by id; serverIDs the ids of
	// each protocol's servers.
	servers   map[string]*yaml.Node
	serverIDs map[string][]string
	// hostServers, for a protocol of routes, are the ids of the server
	// of each host ("" for the service's own routes).
	hostServers map[string]map[string]string
	chans       map[chanKey]*channel
	ops         map[opKey]*operation
	chanList    []*channel
	opList      []*operation
}

// protoUse is a protocol in use and the brokers the code names for it.
type protoUse struct {
	proto   *protocols.Protocol
	brokers map[string]bool
	// For a protocol of routes (HTTP, WebSocket), every channel is on one
	// host: hosts are those the code names (the URLs it calls), served
	// says some channels are the service's own routes, whose host the
	// code does not name.
	hosts  map[string]bool
	served bool
}

// chanKey identifies a channel: a protocol and a known address, or the
// origin of an address known only at run time.
type chanKey struct {
	protocol string // the protocol's server
	kind     string
	known    bool
	address  string // the address, or its origin when not known
	params   string // the template parameters' origins, when a template
	// host, for a protocol of routes, is the host of the URL a client
	// calls; empty for the routes the service serves.
	host string
}

type channel struct {
	key    chanKey
	params []analyzer.AddressParam
	proto  *protocols.Protocol
	kind   string // the calls' ChannelKind
	filter string // the topic filter with wildcards, as written
	// settings are the operations' settings that the channel binding
	// is made of, by name, value set.
	settings map[protocols.Setting]map[string]bool
	id       string
	messages map[string]*message
	msgList  []*message
}

// message is one payload type on a channel. The keys that senders set
// are collected: a receiver that never looks at the key, or a sender that
// sets none, describes the same message.
type message struct {
	ident   string // identity within the channel
	name    string // set by a directive
	id      string
	payload analyzer.Payload
	keys    map[string]analyzer.Payload
	// settings are the message settings, from the first sender that
	// sets them.
	settings map[protocols.Setting][]string
	// headers maps a header name to the payloads of its values.
	headers map[string]map[string]analyzer.Payload
}

type opKey struct {
	action   protocols.Action
	ch       chanKey
	settings string
	id       string // set by a directive
}

type operation struct {
	key   opKey
	ch    *channel
	proto *protocols.Protocol
	// summaries, descriptions and tags of the operations merged here.
	summaries    map[string]bool
	descriptions map[string]bool
	tags         map[string]bool
	id           string
	settings     map[protocols.Setting][]string
	extensions   map[string]bool // "x-name=value"
	messages     map[*message]bool
	replies      map[*message]bool
	sources      map[string]bool
}

func (b *builder) collect() {
	b.protos = make(map[string]*protoUse)
	b.chans = make(map[chanKey]*channel)
	b.ops = make(map[opKey]*operation)
	for _, op := range b.in.Operations {
		proto := op.Proto()
		pu := b.protos[proto.Server()]
		if pu == nil {
			pu = &protoUse{proto: proto, brokers: make(map[string]bool)}
			b.protos[proto.Server()] = pu
		}
		for _, br := range op.Settings[protocols.SettingBroker] {
			pu.brokers[br] = true
		}

		addr := op.Address
		filter := ""
		if proto.Wildcards != nil && addr.Known {
			addr, filter = wildcardTemplate(addr, proto.Wildcards)
		}
		settings := op.Settings
		var host string
		if proto.Routes && addr.Known {
			var method string
			addr, method, host = routeTemplate(addr)
			if method != "" {
				settings = withSetting(settings, "method", method)
			}
		}
		ck := chanKey{protocol: proto.Server(), kind: op.ChannelKind, known: addr.Known, address: addr.Value}
		if proto.Routes {
			ck.host = routeHost(host, op.Settings[protocols.SettingBroker])
			if ck.host == "" {
				pu.served = true
			} else {
				if pu.hosts == nil {
					pu.hosts = make(map[string]bool)
				}
				pu.hosts[ck.host] = true
			}
		}
		if !op.Address.Known {
			ck.address = op.Address.Origin
		}
		for _, p := range addr.Params {
			ck.params += p.Name + "=" + p.Origin + ";"
		}
		ch := b.chans[ck]
		if ch == nil {
			ch = &channel{key: ck, params: addr.Params, proto: proto, kind: op.ChannelKind, filter: filter,
				settings: make(map[protocols.Setting]map[string]bool), messages: make(map[string]*message)}
			b.chans[ck] = ch
		}
		for _, f := range proto.ChannelBinding[op.ChannelKind] {
			for _, v := range settings[f.Setting] {
				if ch.settings[f.Setting] == nil {
					ch.settings[f.Setting] = make(map[string]bool)
				}
				ch.settings[f.Setting][v] = true
			}
		}

		opSettings := bindingSettings(proto, settings)
		ok := opKey{action: op.Action, ch: ck, settings: settingsKey(opSettings) + extensionsKey(op.Extensions), id: op.ID}
		o := b.ops[ok]
		if o == nil {
			o = &operation{key: ok, ch: ch, proto: proto, settings: opSettings, extensions: make(map[string]bool),
				messages: make(map[*message]bool), replies: make(map[*message]bool), sources: make(map[string]bool),
				summaries: make(map[string]bool), descriptions: make(map[string]bool), tags: make(map[string]bool)}
			b.ops[ok] = o
		}
		if op.Summary != "" {
			o.summaries[op.Summary] = true
		}
		if op.Description != "" {
			o.descriptions[op.Description] = true
		}
		for _, t := range op.Tags {
			o.tags[t] = true
		}
		for k, v := range op.Extensions {
			o.extensions[k+"="+v] = true
		}
		if b.opts.Positions && b.in.Fset != nil {
			o.sources[b.position(b.in.Fset.Position(op.Pos))] = true
			for _, p := range op.Trail {
				o.sources[b.position(p)] = true
			}
		}
		for _, m := range op.Messages {
			o.messages[b.message(ch, m, op.MessageName)] = true
		}
		for _, rp := range op.Replies {
			// The reply travels on the same channel (an HTTP response
			// on the request's route).
			o.replies[b.message(ch, analyzer.Message{Payload: rp}, "")] = true
		}
	}
}

// message returns the channel's message for m, adding it if new. name,
// when a directive gives one, names the message.
func (b *builder) message(ch *channel, m analyzer.Message, name string) *message {
	ident := payloadIdent(m.Payload)
	if name != "" {
		ident += " name " + name
	}
	msg := ch.messages[ident]
	if msg == nil {
		msg = &message{ident: ident, name: name, payload: m.Payload, keys: make(map[string]analyzer.Payload),
			headers: make(map[string]map[string]analyzer.Payload)}
		ch.messages[ident] = msg
		b.addType(m.Payload)
	}
	if m.Key != nil {
		msg.keys[payloadIdent(*m.Key)] = *m.Key
		b.addType(*m.Key)
	}
	for k, v := range m.Settings {
		if msg.settings == nil {
			msg.settings = make(map[protocols.Setting][]string)
		}
		if _, set := msg.settings[k]; !set {
			msg.settings[k] = v
		}
	}
	for _, h := range m.Headers {
		if msg.headers[h.Name] == nil {
			msg.headers[h.Name] = make(map[string]analyzer.Payload)
		}
		msg.headers[h.Name][payloadIdent(h.Value)] = h.Value
		b.addType(h.Value)
	}
	return msg
}

func payloadIdent(p analyzer.Payload) string {
	if len(p.Fields) > 0 {
		id := p.ContentType + " fields"
		for _, f := range p.Fields {
			id += " " + f.Name + "=" + payloadIdent(f.Value)
		}
		return id
	}
	if p.Type != nil {
		return p.ContentType + " " + string(p.Encoding) + " " + types.TypeString(p.Type, nil)
	}
	return p.ContentType + " raw " + p.Raw
}

// addType registers a payload's Go types with the schema generator.
func (b *builder) addType(p analyzer.Payload) {
	if p.Type != nil {
		b.gen.AddAs(p.Type, schema.EncodingOf(p.Encoding))
	}
	for _, f := range p.Fields {
		b.addType(f.Value)
	}
}

// bindingSettings keeps the settings that go into the protocol's
// operation bindings; the others (brokers) describe servers.
func bindingSettings(proto *protocols.Protocol, all map[protocols.Setting][]string) map[protocols.Setting][]string {
	out := make(map[protocols.Setting][]string)
	for _, f := range proto.OperationBinding {
		if v := all[f.Setting]; len(v) > 0 {
			out[f.Setting] = v
		}
	}
	return out
}

// extensionsKey tells operations with different x- fields apart (a will
// message and a publish on one topic).
func extensionsKey(ext map[string]string) string {
	keys := make([]string, 0, len(ext))
	for k, v := range ext {
		keys = append(keys, k+"="+v)
	}
	sort.Strings(keys)
	return strings.Join(keys, ";")
}

func settingsKey(s map[protocols.Setting][]string) string {
	var b strings.Builder
	for _, n := range sortedKeys(s) {
		fmt.Fprintf(&b, "%s=%s;", n, strings.Join(s[n], ","))
	}
	return b.String()
}

func (b *builder) position(p token.Position) string {
	name := p.Filename
	if b.opts.BaseDir != "" {
		if rel, err := filepath.Rel(b.opts.BaseDir, name); err == nil {
			name = rel
		}
	}
	return filepath.ToSlash(name) + ":" + strconv.Itoa(p.Line)
}

// assignIDs gives channels, messages and operations their ids, in an
// order that depends only on what they are.
//
// Each order below compares every field of the map key the items were
// collected under, so it is total and any sort gives the same list.
func (b *builder) assignIDs() {
	b.chanList = slices.Collect(maps.Values(b.chans))
	// The id each channel would like, computed once: sorting compares
	// them many times.
	idBase := make(map[*channel]string, len(b.chanList))
	for _, ch := range b.chanList {
		idBase[ch] = channelIDBase(ch.key.address)
	}
	slices.SortFunc(b.chanList, func(ci, cj *channel) int {
		ki, kj := ci.key, cj.key
		return cmp.Or(
			cmp.Compare(idBase[ci], idBase[cj]),
			cmp.Compare(boolInt(kj.known), boolInt(ki.known)), // known addresses first
			cmp.Compare(ki.address, kj.address),
			cmp.Compare(ki.params, kj.params),
			cmp.Compare(ki.kind, kj.kind),
			cmp.Compare(ki.host, kj.host),
			cmp.Compare(ki.protocol, kj.protocol),
		)
	})
	chanIDs := make(uniqueIDs)
	msgName := make(map[*message]string) // likewise, and it looks the payload's schema up
	for _, ch := range b.chanList {
		ch.id = chanIDs.take(idBase[ch])
		ch.msgList = slices.Collect(maps.Values(ch.messages))
		for _, m := range ch.msgList {
			msgName[m] = b.messageName(m)
		}
		slices.SortFunc(ch.msgList, func(mi, mj *message) int {
			return cmp.Or(cmp.Compare(msgName[mi], msgName[mj]), cmp.Compare(mi.ident, mj.ident))
		})
		msgIDs := make(uniqueIDs)
		for _, m := range ch.msgList {
			m.id = msgIDs.take(msgName[m])
		}
	}

	b.opList = slices.Collect(maps.Values(b.ops))
	slices.SortFunc(b.opList, func(oi, oj *operation) int {
		return cmp.Or(
			cmp.Compare(oi.ch.id, oj.ch.id), // stands for the channel's key
			cmp.Compare(oi.key.action, oj.key.action),
			cmp.Compare(oi.key.settings, oj.key.settings),
			cmp.Compare(oi.key.id, oj.key.id),
		)
	})
	// Operations of one action on one channel that differ by their
	// settings (two consumer groups) are told apart by them.
	count := make(map[string]int)
	for _, o := range b.opList {
		count[camelID(string(o.key.action), o.ch.id)]++
	}
	opIDs := make(uniqueIDs)
	for _, o := range b.opList {
		if o.key.id != "" {
			o.id = opIDs.take(sanitizeID(o.key.id))
		}
	}
	for _, o := range b.opList {
		if o.key.id != "" {
			continue
		}
		base := camelID(string(o.key.action), o.ch.id)
		if count[base] > 1 && o.key.settings != "" {
			base = camelID(base, settingsWords(o.settings))
		}
		o.id = opIDs.take(base)
	}
}

// channelIDBase is the id a channel would like: its address (or origin)
// with template braces dropped and other characters replaced.
func channelIDBase(address string) string {
	return sanitizeID(dropBraces.Replace(address))
}

var dropBraces = strings.NewReplacer("{", "", "}", "")

func settingsWords(s map[protocols.Setting][]string) string {
	var words []string
	for _, n := range sortedKeys(s) {
		words = append(words, s[n]...)
	}
	return strings.Join(words, " ")
}

// messageName is the id a message would like: its payload type's
// component name, or what its bytes are.
func (b *builder) messageName(m *message) string {
	if m.name != "" {
		return sanitizeID(m.name)
	}
	return b.payloadName(m.payload)
}

func (b *builder) payloadName(p analyzer.Payload) string {
	if len(p.Fields) > 0 {
		return "fields"
	}
	if p.Type == nil {
		if p.Raw == "string" {
			return "text"
		}
		return "binary"
	}
	if n := componentName(b.schemas.RefAs(p.Type, schema.EncodingOf(p.Encoding))); n != "" {
		// The component of a protobuf or msgpack payload has the
		// encoding in its name; the message is still the type's.
		return strings.TrimSuffix(n, "_"+string(p.Encoding))
	}
	if types.IsInterface(p.Type) {
		return "any"
	}
	return sanitizeID(shortType(p.Type))
}

// shortType writes t with package names, not paths: a message's title.
func shortType(t types.Type) string {
	return types.TypeString(t, func(p *types.Package) string { return p.Name() })
}

const schemaRefPrefix = "#/components/schemas/"

// componentName returns the component a schema refers to, or "".
func componentName(s *jsonschema.Schema) string {
	if s != nil && s.Ref != nil && strings.HasPrefix(*s.Ref, schemaRefPrefix) {
		return strings.TrimPrefix(*s.Ref, schemaRefPrefix)
	}
	return ""
}

func (b *builder) channels() *yaml.Node {
	m := newMapping()
	for _, ch := range b.chanList {
		m.set(ch.id, b.channelNode(ch))
	}
	return m.orNil()
}

func (b *builder) channelNode(ch *channel) *yaml.Node {
	m := newMapping()
	var params []analyzer.AddressParam
	unwritable := ""
	if ch.key.known {
		unwritable = addressProblem(ch.key.address, ch.params)
	}
	switch {
	case !ch.key.known:
		m.set("address", null())
		m.set("description", str("The address is only known at run time: it comes from "+ch.key.address+"."))
	case unwritable != "":
		// See address.go: written as an unknown address, with the real
		// one in the description and x-address, and no parameters.
		m.set("address", null())
		m.set("description", str(unwritableAddressDescription(ch, unwritable)))
	default:
		m.set("address", str(ch.key.address))
		params = usedParams(ch.key.address, ch.params)
	}
	refs := seq()
	ids := b.serverIDs[ch.key.protocol]
	if byHost := b.hostServers[ch.key.protocol]; byHost != nil {
		ids = []string{byHost[ch.key.host]}
	}
	for _, id := range ids {
		refs.Content = append(refs.Content, ref("#/servers/"+id))
	}
	m.set("servers", refs)
	if len(params) > 0 {
		pm := newMapping()
		for _, p := range params {
			pm.set(p.Name, newMapping().set("description", str("Comes from "+p.Origin+".")).node())
		}
		m.set("parameters", pm.node())
	}
	msgs := newMapping()
	for _, msg := range ch.msgList {
		msgs.set(msg.id, b.messageNode(ch, msg))
	}
	m.set("messages", msgs.orNil())
	// Both scan the declarations: the settings are merged once.
	settings := b.channelSettings(ch)
	m.set("bindings", channelBindings(ch, settings))
	if ch.filter != "" {
		m.set("x-"+ch.proto.Name+"-filter", str(ch.filter))
	}
	m.set("x-"+ch.proto.Name+"-bindings", b.channelDeclarations(ch, settings))
	if unwritable != "" {
		m.set("x-address", str(ch.key.address))
	}
	return m.node()
}

func (b *builder) messageNode(ch *channel, msg *message) *yaml.Node {
	m := newMapping().set("name", str(msg.id))
	if msg.payload.Type != nil {
		m.set("title", str(shortType(msg.payload.Type)))
	}
	m.set("contentType", str(contentType(msg.payload)))
	m.set("headers", b.headersSchema(msg))
	m.set("payload", b.payloadSchema(msg.payload))
	mb := bindingObject(ch.proto.MessageBinding, msg.settings)
	if ch.proto.MessageKey && len(msg.keys) > 0 {
		// The one key type the senders use, or anyOf the several.
		mb.set("key", b.alternatives(msg.keys))
	}
	m.set("bindings", wrapBinding(ch.proto, mb))
	return m.node()
}

// headersSchema is the schema of the headers the senders set: an object
// with a property per header name.
func (b *builder) headersSchema(msg *message) *yaml.Node {
	if len(msg.headers) == 0 {
		return nil
	}
	props := newMapping()
	for _, n := range sortedKeys(msg.headers) {
		props.set(n, b.alternatives(msg.headers[n]))
	}
	return newMapping().set("type", str("object")).set("properties", props.node()).node()
}

// alternatives is the schema of one payload, or anyOf several, in a
// stable order.
func (b *builder) alternatives(ps map[string]analyzer.Payload) *yaml.Node {
	idents := sortedKeys(ps)
	if len(idents) == 1 {
		return b.payloadSchema(ps[idents[0]])
	}
	alts := seq()
	for _, id := range idents {
		alts.Content = append(alts.Content, b.payloadSchema(ps[id]))
	}
	return newMapping().set("anyOf", alts).node()
}

func contentType(p analyzer.Payload) string {
	if p.ContentType != "" {
		return p.ContentType
	}
	if len(p.Fields) > 0 {
		return "application/json"
	}
	if p.Raw == "string" {
		return "text/plain"
	}
	return "application/octet-stream"
}

// payloadSchema is the schema of a payload or key: the Go type's, or
// that of raw bytes or text.
func (b *builder) payloadSchema(p analyzer.Payload) *yaml.Node {
	if len(p.Fields) > 0 {
		props := newMapping()
		for _, f := range p.Fields {
			if props.get(f.Name) == nil {
				props.set(f.Name, b.payloadSchema(f.Value))
			}
		}
		return newMapping().set("type", str("object")).set("properties", props.node()).node()
	}
	if p.Type != nil {
		return schema.Node(b.schemas.RefAs(p.Type, schema.EncodingOf(p.Encoding)))
	}
	m := newMapping().set("type", str("string"))
	if p.Raw != "string" {
		m.set("format", str("binary"))
	}
	return m.node()
}

func (b *builder) operations() *yaml.Node {
	m := newMapping()
	for _, o := range b.opList {
		m.set(o.id, b.operationNode(o))
	}
	return m.orNil()
}

func (b *builder) operationNode(o *operation) *yaml.Node {
	chRef := "#/channels/" + o.ch.id
	m := newMapping().
		set("action", str(string(o.key.action))).
		set("channel", ref(chRef))
	if ss := sortedKeys(o.summaries); len(ss) > 0 {
		m.set("summary", str(ss[0]))
	}
	if ds := sortedKeys(o.descriptions); len(ds) > 0 {
		m.set("description", str(strings.Join(ds, "\n\n")))
	}
	if ts := sortedKeys(o.tags); len(ts) > 0 {
		tags := seq()
		for _, t := range ts {
			tags.Content = append(tags.Content, newMapping().set("name", str(t)).node())
		}
		m.set("tags", tags)
	}
	if len(o.messages) > 0 {
		m.set("messages", messageRefs(chRef, o.messages))
	}
	if len(o.replies) > 0 {
		m.set("reply", newMapping().set("channel", ref(chRef)).set("messages", messageRefs(chRef, o.replies)).node())
	}
	m.set("bindings", operationBindings(o))
	operationExtensions(m, o)
	if len(o.sources) > 0 {
		srcs := slices.Collect(maps.Keys(o.sources))
		sortPositions(srcs)
		m.set("x-go-source", strSeq(srcs))
	}
	return m.node()
}

// messageRefs lists the messages of set, all on the channel at chRef, in
// the order of their ids.
func messageRefs(chRef string, set map[*message]bool) *yaml.Node {
	refs := seq()
	for _, msg := range slices.SortedFunc(maps.Keys(set), func(a, b *message) int { return cmp.Compare(a.id, b.id) }) {
		refs.Content = append(refs.Content, ref(chRef+"/messages/"+msg.id))
	}
	return refs
}

// sortedKeys returns the keys of m in order: what the document lists
// from a map must not depend on Go's map order.
func sortedKeys[M ~map[K]V, K cmp.Ordered, V any](m M) []K {
	keys := make([]K, 0, len(m)) // slices.Sorted(maps.Keys(m)) would grow it
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// sortPositions sorts "file:line" by file, then by line as a number.
func sortPositions(s []string) {
	split := func(p string) (string, int) {
		i := strings.LastIndexByte(p, ':')
		n, _ := strconv.Atoi(p[i+1:])
		return p[:i], n
	}
	sort.Slice(s, func(i, j int) bool {
		fi, li := split(s[i])
		fj, lj := split(s[j])
		if fi != fj {
			return fi < fj
		}
		return li < lj
	})
}

func (b *builder) components() *yaml.Node {
	comps := b.schemas.Components()
	if len(comps) == 0 {
		return nil
	}
	schemas := newMapping()
	for _, c := range comps {
		schemas.set(c.Name, schema.Node(c.Schema))
	}
	return newMapping().set("schemas", schemas.node()).node()
}
