// Issue 15, point 8: no silent pass on a file type phi-lint cannot read. A Word, PDF or RTF
// file named on the command line is exit 2 with a hint to export it as text or Markdown (a
// folder walk still leaves such files out); an HTML file is a draft: its text and its
// attributes (alt text) are linted.
import { describe, expect, it } from 'vitest';
import { cli, tmpProject } from './tmp-project.js';

describe('files named on the command line', () => {
  it('a .docx, .pdf or .rtf named explicitly is exit 2 with a hint, never "no PHI found"', async () => {
    const dir = tmpProject({
      'story.docx': Buffer.from('PK\u0003\u0004binary Word document'),
      'story.pdf': Buffer.from('%PDF-1.7 binary'),
      'story.rtf': '{\\rtf1 Hi Sarah Whitfield, your crown is ready.}',
    });
    for (const f of ['story.docx', 'story.pdf', 'story.rtf']) {
      const r = await cli([f, '--kind', 'reply'], { cwd: dir });
      expect(r.exitCode, f).toBe(2);
      expect(r.stderr, f).toMatch(/export it as text or Markdown/);
      expect(r.stdout, f).not.toMatch(/no PHI found/);
    }
  });
  it('a folder walk leaves such files out without failing the run', async () => {
    const dir = tmpProject({
      'drafts/story.docx': Buffer.from('PK\u0003\u0004binary'),
      'drafts/post.md': 'Flu shots are in!\n',
    });
    const r = await cli(['drafts'], { cwd: dir });
    expect(r.exitCode).toBe(0);
  });
  it('an HTML file is a draft: its text and its alt text are linted', async () => {
    const dir = tmpProject({
      'post.html':
        '<html><body><p>Our new lobby is open.</p><img src="a.jpg" alt="Marcus Okonkwo after his root canal"></body></html>\n',
    });
    const r = await cli(['post.html', '-f', 'json'], { cwd: dir });
    expect(r.exitCode).toBe(1);
    const rules = (JSON.parse(r.stdout) as { messages: { ruleId: string }[] }[])[0].messages.map((m) => m.ruleId);
    expect(rules).toContain('names/given-name');
  });
});
