// Where the site's guides and the READMEs keep their code: every README of the repository (the root's, each
// package's, each app's) and the TypeScript samples in them and on the built pages, so that one test can
// type-check and run every sample a reader may copy.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The READMEs a reader meets, relative to the repository's root: the root's, then packages/* and apps/*. */
export function readmes(root) {
  const inside = (folder) =>
    readdirSync(join(root, folder), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(root, folder, entry.name, 'README.md')))
      .map((entry) => `${folder}/${entry.name}/README.md`)
      .sort();
  return ['README.md', ...inside('packages'), ...inside('apps')];
}

/** The code of every ```ts fence of a Markdown text, in order. */
export const typescriptBlocks = (markdown) =>
  [...markdown.matchAll(/^```ts\n([\s\S]*?)^```/gm)].map((match) => match[1]);

const unescape = (html) =>
  html.replace(/&(lt|gt|quot|#39|amp);/g, (_, name) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[name]);

/** The code of every TypeScript block of a built page (`<pre><code class="language-ts">`), as text. */
export const typescriptOnPage = (html) =>
  [...html.matchAll(/<pre><code class="language-ts">([\s\S]*?)<\/code><\/pre>/g)].map((match) => unescape(match[1]));
