// Package speccheck validates the AsyncAPI 3.0.0 documents that
// asyncapi-extract writes. It has two halves:
//
//   - Check enforces, in Go, the rules that the official parser does not
//     catch (see /work/shared/notes/asyncapi-3.md, "What the official parser
//     does NOT catch") plus our own output contract (every channel lists its
//     servers, Go types live in components/schemas, no unused components).
//   - Official runs the official @asyncapi/parser (pinned in node/) over a
//     batch of documents in one Node process.
//
// Tests of other packages call ValidateAll, which runs both on every document
// they produce.
package speccheck
