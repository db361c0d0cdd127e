// Copies the bundled specs into the package (specs/), so that the published mock carries them, and beside each the
// operations Prism's engine reads from it (specs/<host>.operations.json, generated from that spec by
// @stoplight/prism-http's getHttpOperationsFromSpec): dereferencing a spec is most of the engine's start-up, done
// here once instead of at every start.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import prismHttp from '@stoplight/prism-http';

const here = dirname(fileURLToPath(import.meta.url));
const from = join(here, '..', '..', '..', 'spec', 'dist');
const to = join(here, '..', 'specs');
mkdirSync(to, { recursive: true });
const files = readdirSync(from).filter((f) => f.endsWith('.json'));
for (const f of files) {
  copyFileSync(join(from, f), join(to, f));
  const operations = await prismHttp.getHttpOperationsFromSpec(JSON.parse(readFileSync(join(from, f), 'utf8')));
  writeFileSync(join(to, f.replace(/\.json$/, '.operations.json')), JSON.stringify(operations));
}
console.log(`copied ${files.length} bundled specs into specs/, each with its engine operations`);
