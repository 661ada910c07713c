// Content as static sites hold it (issue 15, point 13): TOML (`+++`, Hugo) and JSON front
// matter are front matter (values linted in place, dates and phi-lint's keys not), .mdx and
// .markdown are drafts by default, and HTML <img>, Hugo figure and MDX <Image> alt text is
// linted as an image's.
import { describe, expect, it } from 'vitest';
import { createLinter } from '../src/api.js';
import { cli, tmpProject } from './tmp-project.js';

interface Msg {
  ruleId: string;
  line: number;
  column: number;
  severity: number;
}
const messages = (stdout: string): Msg[] => (JSON.parse(stdout) as { messages: Msg[] }[]).flatMap((r) => r.messages);

describe('TOML front matter', () => {
  it('is front matter: published values are linted where they are, the post date and kind are not', async () => {
    const dir = tmpProject({
      'post.md': [
        '+++',
        'title = "Sarah Whitfield beat her diabetes"',
        'date = 2024-01-01',
        'tags = [\'smiles\', "Marcus Ellery"]',
        'kind = "reply"',
        '[image]',
        'alt = """Dana Ruiz',
        'before"""',
        '+++',
        'Thank you for the kind words!',
        '',
      ].join('\n'),
    });
    const r = await cli(['-f', 'json', 'post.md'], { cwd: dir });
    const m = messages(r.stdout);
    const at = m.map((x) => `${x.line}:${x.column} ${x.ruleId}`);
    expect(at).toContain('2:10 names/given-name');
    expect(at).toContain('4:20 names/given-name');
    expect(at).toContain('7:10 names/given-name');
    expect(m.some((x) => x.ruleId === 'phi/full-date')).toBe(false); // date = … is the post's own
    expect(m.some((x) => x.line === 5)).toBe(false);
    const { doc } = await createLinter().lint('+++\nkind = "reply"\nconsent = "C-1"\n+++\nThanks!\n', { path: 'r.md' });
    expect(doc.kind).toBe('reply');
    expect(doc.frontMatter).toMatchObject({ kind: 'reply', consent: 'C-1' });
  });

  it('a block that is not TOML is linted as text, with a warning that quotes nothing', async () => {
    const dir = tmpProject({ 'post.md': '+++\ntitle = "Call 773-555-0182\n+++\nHello.\n' });
    const r = await cli(['-f', 'json', 'post.md'], { cwd: dir });
    const m = messages(r.stdout);
    expect(m.map((x) => x.ruleId)).toEqual(expect.arrayContaining(['phi-lint/front-matter', 'phi/phone']));
    expect(r.stdout).not.toContain('773-555');
  });
});

describe('JSON front matter', () => {
  it('is front matter: values linted in place, the post date is not', async () => {
    const dir = tmpProject({
      'post.md': '{\n  "title": "Sarah Whitfield beat her diabetes",\n  "date": "2024-01-01"\n}\nGreat story.\n',
    });
    const m = messages((await cli(['-f', 'json', 'post.md'], { cwd: dir })).stdout);
    expect(m.map((x) => `${x.line}:${x.column} ${x.ruleId}`)).toContain('2:13 names/given-name');
    expect(m.some((x) => x.ruleId === 'phi/full-date')).toBe(false);
  });
});

describe('drafts by default', () => {
  it('.mdx and .markdown files are found in a folder; MDX <Image> and HTML <img> alt text is an image', async () => {
    const dir = tmpProject({
      'src/pages/story.mdx': 'import Image from "next/image"\n\n<Image src="a.jpg" alt="Marcus before treatment" />\n',
      'content/old.markdown': 'Call 773-555-0182.\n',
      'content/html.md': 'Before and after:\n\n<img src="x.jpg" alt="Marcus before treatment">\n',
    });
    const r = await cli(['--list-files', '.'], { cwd: dir });
    expect(r.stdout).toBe('content/html.md\ncontent/old.markdown\nsrc/pages/story.mdx\n');
    const lint = await cli(['-f', 'json', '.'], { cwd: dir });
    const byFile = (JSON.parse(lint.stdout) as { filePath: string; messages: Msg[] }[]).map((f) => [
      f.filePath.slice(dir.length + 1),
      f.messages.map((x) => x.ruleId),
    ]);
    for (const [file, ids] of byFile) {
      if (file === 'content/old.markdown') expect(ids).toContain('phi/phone');
      else expect(ids, String(file)).toEqual(expect.arrayContaining(['phi/photo', 'names/given-name']));
    }
  });
});
