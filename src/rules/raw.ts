// A rule pack as its YAML is written (after schema validation): what the loader reads.
import type { RawDetector } from '../detectors/registry.js';
import type { Category, Severity } from '../types.js';

/** The options every detector may have, whatever its kind (detectors/registry.ts COMMON_OPTIONS). */
export interface RawDetectorOptions {
  validate?: string[];
  'exclude-pattern'?: string;
  'first-word-in'?: string[];
  'exclude-terms'?: string[];
  'in-review'?: boolean;
  'unless-inside'?: string[];
  'extend-pattern'?: string;
}

export interface RawRule {
  id: string;
  category: Category;
  severity: Severity;
  message: string;
  why: string;
  'applies-to'?: 'post' | 'reply' | 'comment' | 'both';
  suggestion?: string;
  'suggestion-post'?: string;
  'suggestion-reply'?: string;
  /** Each: one kind's key and options (detectors/), and the common options. */
  detect: (RawDetectorOptions & RawDetector)[];
  context?: {
    scope?: 'words' | 'sentence' | 'paragraph' | 'document';
    window?: number;
    direction?: 'before' | 'after' | 'both';
    require?: string[];
    forbid?: string[];
    raise?: string[];
    lower?: string[];
    'require-before'?: string[];
    'require-after'?: string[];
    'forbid-before'?: string[];
    'forbid-after'?: string[];
  };
  exclude?: string[];
  near?: { categories: Category[]; scope?: 'sentence' | 'paragraph' | 'document' };
  'unless-front-matter'?: string[];
  'addresses-reader'?: boolean;
  examples: { fire: string[]; silent: string[]; kind?: 'post' | 'reply' | 'comment' };
}

export interface RawEscalation {
  id: string;
  categories: Category[];
  min: number;
  scope?: 'sentence' | 'paragraph' | 'document';
  message: string;
  why: string;
}

export interface RawPack {
  pack?: string;
  description?: string;
  lists?: Record<string, string[] | string>;
  fragments?: Record<string, string>;
  escalate?: RawEscalation[];
  rules?: RawRule[];
}
