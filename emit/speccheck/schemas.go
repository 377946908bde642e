package speccheck

import "gopkg.in/yaml.v3"

// schemaFormats are the schemaFormat values we accept: the formats AsyncAPI
// 3.0.0 says tools MUST or SHOULD support, plus protobuf. The parser accepts
// any string here (and silently skips formats it has no parser for).
var schemaFormats = set(
	"application/vnd.aai.asyncapi;version=3.0.0",
	"application/vnd.aai.asyncapi+json;version=3.0.0",
	"application/vnd.aai.asyncapi+yaml;version=3.0.0",
	"application/schema+json;version=draft-07",
	"application/schema+yaml;version=draft-07",
	"application/vnd.apache.avro;version=1.9.0",
	"application/vnd.apache.avro+json;version=1.9.0",
	"application/vnd.apache.avro+yaml;version=1.9.0",
	"application/vnd.oai.openapi;version=3.0.0",
	"application/vnd.oai.openapi+json;version=3.0.0",
	"application/vnd.oai.openapi+yaml;version=3.0.0",
	"application/raml+yaml;version=1.0",
	"application/vnd.google.protobuf;version=2",
	"application/vnd.google.protobuf;version=3",
)

// checkSchemas walks the whole document for two schema rules:
//   - a schema with x-go-type (a named Go type) lives under
//     components/schemas, so that every use of the type is a $ref;
//   - schemaFormat is a known format.
//
// Only string values count, so a schema property that happens to be named
// "schemaFormat" or "x-go-type" (its value is a schema map) is not mistaken.
func (c *checker) checkSchemas() {
	walk(c.root, path{}, func(n *yaml.Node, p path) {
		if v := get(n, "x-go-type"); isString(v) && !p.under(path{"components", "schemas"}) {
			c.add(v, p.add("x-go-type"), "schema with x-go-type %q must live under /components/schemas and be used through $ref", v.Value)
		}
		if v := get(n, "schemaFormat"); isString(v) && !schemaFormats[v.Value] {
			c.add(v, p.add("schemaFormat"), "unknown schemaFormat %q", v.Value)
		}
	})
}
