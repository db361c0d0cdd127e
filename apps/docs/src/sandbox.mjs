// The guides made from the READMEs (the sandbox guide: the mock README's sections whose heading names the sandbox;
// the client and testing guides: see scripts/build.mjs), rendered at build time so that the site keeps working offline and the guide never drifts from the README it comes from.
import MarkdownIt from 'markdown-it';

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as dashes. */
export const slug = (text) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .trim()
    .replace(/\s/g, '-');

// Raw HTML in the Markdown is shown as text (html: false), as on a page nothing should run that the site did not
// write itself.
const md = new MarkdownIt({ html: false, linkify: false });

// Headings get their GitHub anchors, so a link to a README section works on the page as it does on GitHub.
md.renderer.rules.heading_open = (tokens, i, options, env, self) => {
  tokens[i].attrSet('id', slug(tokens[i + 1].content));
  return self.renderToken(tokens, i, options);
};

// A relative link points into the repository (another README, a source file), which the site does not carry: its
// text stays, the link goes. Anchors within the page and absolute links stay.
md.core.ruler.push('drop_repository_links', (state) => {
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    const dropped = [];
    block.children = block.children.filter((token) => {
      if (token.type === 'link_open') {
        const href = token.attrGet('href') ?? '';
        const keep = href.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(href);
        dropped.push(!keep);
        return keep;
      }
      if (token.type === 'link_close') return !dropped.pop();
      return true;
    });
  }
});

/** The README's `## ` sections whose heading `pick` accepts, in their order: `{ heading, markdown }`. */
export function readmeSections(readme, pick) {
  const parts = readme.split(/^(?=## )/m).filter((part) => part.startsWith('## '));
  return parts
    .map((part) => ({ heading: part.slice(3, part.indexOf('\n')).trim(), markdown: part }))
    .filter((s) => pick(s.heading));
}

/** The README's `## ` sections whose heading contains "sandbox", in their order: `{ heading, markdown }`. */
export const sandboxSections = (readme) => readmeSections(readme, (heading) => /sandbox/i.test(heading));

/**
 * A guide's HTML (the page's body) from the README sections `pick` accepts; `source` names the README and `what`
 * the sections in the error thrown when there is none.
 */
export function guideFrom(readme, source, pick, what) {
  const sections = readmeSections(readme, pick);
  if (sections.length === 0)
    throw new Error(`${source} has no "## " section ${what}: the docs' guide is made from those.`);
  return { sections, html: md.render(sections.map((s) => s.markdown).join('\n')) };
}

/** The guide's HTML (the page's body), from the README's text; `source` names the README in errors. */
export const sandboxGuide = (readme, source) =>
  guideFrom(readme, source, (heading) => /sandbox/i.test(heading), 'whose heading names the sandbox');
