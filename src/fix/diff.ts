// A unified diff (git-style headers) of one draft, for --fix-dry-run.
import { createTwoFilesPatch } from 'diff';

export function unifiedDiff(name: string, before: string, after: string): string {
  if (before === after) return '';
  const patch = createTwoFilesPatch(`a/${name}`, `b/${name}`, before, after, '', '', { context: 3 });
  return patch
    .split('\n')
    .filter((l, i) => !(i === 0 && /^=+$/.test(l)))
    .map((l) => (l.startsWith('--- ') || l.startsWith('+++ ') ? l.replace(/\t$/, '') : l))
    .join('\n');
}
