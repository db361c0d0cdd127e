// The sandbox guide's rendering (src/sandbox.mjs): the README's sandbox sections only, headings with GitHub's
// anchors, raw HTML shown as text, and links into the repository (which the site does not carry) reduced to text.
import { describe, expect, it } from 'vitest';
import { sandboxGuide, sandboxSections, slug } from '../src/sandbox.mjs';

const readme = `# @org/nxwa-mock

Intro.

## Callbacks

Not this one.

## What it records (the sandbox)

Recorded. See [the inspector](#sandbox-the-inspector), [the client](../client/README.md) and [the spec](https://spec.example/sse).

## Sandbox: the inspector

<img src=x onerror="alert(1)"> and <script>alert(2)</script>

| a | b |
|---|---|
| 1 | 2 |

## Figures
`;

describe('the sandbox guide', () => {
  it('takes the sections whose heading names the sandbox, in order', () => {
    expect(sandboxSections(readme).map((s) => s.heading)).toEqual([
      'What it records (the sandbox)',
      'Sandbox: the inspector',
    ]);
  });

  it('gives headings the anchors GitHub gives them', () => {
    expect(slug('What it records (the sandbox)')).toBe('what-it-records-the-sandbox');
    expect(slug('Sandbox: the inspector')).toBe('sandbox-the-inspector');
    const { html } = sandboxGuide(readme, 'README.md');
    expect(html).toContain('<h2 id="what-it-records-the-sandbox">What it records (the sandbox)</h2>');
    expect(html).toContain('<h2 id="sandbox-the-inspector">Sandbox: the inspector</h2>');
    expect(html).not.toContain('Not this one');
    expect(html).not.toContain('Figures');
  });

  it('shows raw HTML as text, and renders tables', () => {
    const { html } = sandboxGuide(readme, 'README.md');
    expect(html).not.toMatch(/<img|<script/);
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    expect(html).toMatch(/<table>[\s\S]*<td>1<\/td>/);
  });

  it('keeps anchors and absolute links, and turns links into the repository into text', () => {
    const { html } = sandboxGuide(readme, 'README.md');
    expect(html).toContain('<a href="#sandbox-the-inspector">the inspector</a>');
    expect(html).toContain('<a href="https://spec.example/sse">the spec</a>');
    expect(html).toContain(', the client and');
    expect(html).not.toContain('README.md"');
  });

  it('refuses a README with no sandbox section, naming it', () => {
    expect(() => sandboxGuide('# x\n\n## Other\n', 'packages/mock/README.md')).toThrow(
      /packages\/mock\/README\.md has no "## " section whose heading names the sandbox/,
    );
  });
});
