// Copies the bundled specs into the package (specs/), so that the published mock carries them.
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const from = join(here, '..', '..', '..', 'spec', 'dist');
const to = join(here, '..', 'specs');
mkdirSync(to, { recursive: true });
const files = readdirSync(from).filter((f) => f.endsWith('.json'));
for (const f of files) copyFileSync(join(from, f), join(to, f));
console.log(`copied ${files.length} bundled specs into specs/`);
