// validate.mjs runs the official AsyncAPI parser over many documents in one
// Node process (the parser takes ~1.5 s to warm up, then well under a second
// per document, so batching matters).
//
// Usage:
//   node validate.mjs a.yaml b.json ...        # paths as arguments
//   echo '["a.yaml","b.json"]' | node validate.mjs   # or a JSON list on stdin
//
// Output (stdout, one JSON object): {"<path>": [diagnostic, ...], ...} where a
// diagnostic is {code, message, severity, path, range}; severity 0 is an
// error, 1 a warning, 2 information, 3 a hint. path is a JSON pointer into
// the document, range is 0-based {start:{line,character},end:{...}}.
// The exit status is 0 whenever the output was written, whatever the
// verdicts: callers decide what counts as a failure.

import { readFile } from 'node:fs/promises';
import { Parser } from '@asyncapi/parser';

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

function pointer(path) {
  return (path || [])
    .map((seg) => '/' + String(seg).replace(/~/g, '~0').replace(/\//g, '~1'))
    .join('');
}

function range(r) {
  if (!r) return null;
  return {
    start: { line: r.start.line, character: r.start.character },
    end: { line: r.end.line, character: r.end.character },
  };
}

// A failure of the harness itself is reported as an error diagnostic on the
// document, so that it can never be mistaken for a clean result.
function harnessError(code, err) {
  return { code, message: String(err && err.stack ? err.stack : err), severity: 0, path: '', range: null };
}

async function main() {
  let files = process.argv.slice(2);
  if (files.length === 0) {
    const text = await readStdin();
    files = text.trim() === '' ? [] : JSON.parse(text);
    if (!Array.isArray(files)) throw new Error('stdin must be a JSON list of file paths');
  }

  const parser = new Parser();
  const out = {};
  for (const file of files) {
    let text;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      out[file] = [harnessError('speccheck-read-error', err)];
      continue;
    }
    try {
      const { diagnostics } = await parser.parse(text);
      out[file] = diagnostics.map((d) => ({
        code: String(d.code),
        message: d.message,
        severity: d.severity,
        path: pointer(d.path),
        range: range(d.range),
      }));
    } catch (err) {
      out[file] = [harnessError('speccheck-parser-exception', err)];
    }
  }
  process.stdout.write(JSON.stringify(out) + '\n');
}

main().catch((err) => {
  process.stderr.write(String(err && err.stack ? err.stack : err) + '\n');
  process.exit(2);
});
