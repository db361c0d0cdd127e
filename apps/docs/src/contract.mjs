// The "Contract tests in CI" page (contract-tests.html), from src/contract-tests.md, rendered at build time as the
// sandbox guide is: offline, raw HTML in the Markdown shown as text.
import MarkdownIt from 'markdown-it';
import { slug } from './sandbox.mjs';

const md = new MarkdownIt({ html: false, linkify: false });
md.renderer.rules.heading_open = (tokens, i, options, env, self) => {
  tokens[i].attrSet('id', slug(tokens[i + 1].content));
  return self.renderToken(tokens, i, options);
};

/** The page's body HTML from the Markdown. */
export const contractGuide = (markdown) => md.render(markdown);
