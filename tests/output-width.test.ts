// Carets under a finding are placed by display width (issue 15, point 16): wide East Asian
// characters and emoji take two columns, an emoji ZWJ sequence counts once, combining
// marks none, so the carets stay under the finding after them.
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../src/formatters/width.js';
import { cli, tmpProject } from './tmp-project.js';

describe('display width', () => {
  it('measures as a terminal shows text', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('日本')).toBe(4);
    expect(displayWidth('👩\u200D⚕\uFE0F')).toBe(2);
    expect(displayWidth('🇺🇸')).toBe(2);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('❤\uFE0F')).toBe(2);
    expect(displayWidth('🎉')).toBe(2);
  });

  it('puts stylish carets under the finding after emoji and wide characters', async () => {
    const line = '👩\u200D⚕\uFE0F👨\u200D👩\u200D👧 こんにちは e\u0301 Call 773-555-0182 now';
    const dir = tmpProject({ 'a.md': `${line}\n` });
    const r = await cli(['--show-values', 'a.md'], { cwd: dir });
    const out = r.stdout.split('\n');
    const i = out.findIndex((l) => l.includes('phi/phone'));
    const text = out[i + 1].replace(/^ +│ /, '');
    const carets = out[i + 2].replace(/^ +│ /, '');
    const at = text.indexOf('773');
    expect(carets.indexOf('^')).toBe(displayWidth(text.slice(0, at)));
    expect(carets.trim()).toBe('^'.repeat('773-555-0182'.length));
  });
});
