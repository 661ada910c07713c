// `entity:` detectors: NLP entities (people, places, dates, values, organisations) from
// compromise, loaded on first use and run only on the sentences that need it
// (matchers/entity.ts).
import { findEntities, loadNlp, type EntityKind } from '../matchers/entity.js';
import type { DetectorKind } from './kind.js';

const ENTITY_KINDS: EntityKind[] = ['person', 'place', 'date', 'value', 'organization'];

export const entity: DetectorKind = {
  name: 'entity',
  schema: { entity: { enum: ENTITY_KINDS } },
  doc:
    '| `entity: person\\|place\\|date\\|value\\|organization` | NLP entities from compromise, run only on the ' +
    'sentences that need it |',
  compile(raw, det) {
    det.entity = raw.entity as EntityKind;
  },
  async detect(det, { doc, structure }) {
    const nlp = await loadNlp();
    return findEntities(nlp, doc.prose, structure.allSentences(), det.entity!);
  },
  describe: (det) => `NLP ${det.entity} entities`,
  usesNlp: true,
};
