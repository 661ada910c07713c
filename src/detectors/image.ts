// `image: true` detectors: every image of the draft (Markdown images, `<img>`, figure
// shortcodes: documents/ finds them), as a whole.
import type { DetectorKind } from './kind.js';

export const image: DetectorKind = {
  name: 'image',
  schema: { image: { type: 'boolean' } },
  doc: '| `image: true` | every Markdown image |',
  compile() {},
  detect: (_det, { doc }) => doc.images.map((i) => ({ start: i.start, end: i.end })),
  describe: () => 'every Markdown image',
};
