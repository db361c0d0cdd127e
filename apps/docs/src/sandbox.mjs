// The sandbox guide (sandbox.html): the sections of the mock's README whose heading names the sandbox, rendered at
// build time so that the site keeps working offline and the guide never drifts from the README it comes from.
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

/** The README's `## ` sections whose heading contains "sandbox", in their order: `{ heading, markdown }`. */
export function sandboxSections(readme) {
  const parts = readme.split(/^(?=## )/m).filter((part) => part.startsWith('## '));
  return parts
    .map((part) => ({ heading: part.slice(3, part.indexOf('\n')).trim(), markdown: part }))
    .filter((s) => /sandbox/i.test(s.heading));
}

/** The guide's HTML (the page's body), from the README's text; `source` names the README in errors. */
export function sandboxGuide(readme, source) {
  const sections = sandboxSections(readme);
  if (sections.length === 0)
    throw new Error(
      `${source} has no "## " section whose heading names the sandbox: the docs' sandbox guide is made from those.`,
    );
  return { sections, html: md.render(sections.map((s) => s.markdown).join('\n')) };
}
