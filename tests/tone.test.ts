// The tone pack (rules/tone/, issue 17): warnings on replies written in anger, silence on
// ordinary warm replies; warnings never block and alone never make --fix apply the template.
import { describe, expect, it } from 'vitest';
import { exampleLinter } from './helpers.js';
import { cli, tmpProject } from './tmp-project.js';

const WARM = [
  "We're so sorry to hear this, and we'd like to make it right.",
  'Thank you for taking the time to share your experience.',
  'We appreciate your patience while our phones were down.',
  'Thanks so much for the kind words!',
  'We are always happy to answer questions; please call our office.',
  'So glad you enjoyed the open house!!',
  "Congratulations on the new baby! We can't wait to meet her.",
  'WE ARE SO EXCITED to welcome two new hygienists this fall!!!',
  'Happy Friday from all of us at the front desk!',
  'Our hours are Monday to Friday, 8 to 5. Call (404) 555-0100 to book.',
  'We follow ADA and CDC guidance on sterilization.',
  'Sorry for the wait on Tuesday, and thank you for letting us know.',
  'Please reach out to our practice manager so we can look into your concerns.',
  'We take all feedback seriously and are reviewing our scheduling process.',
  'Your feedback helps us improve, thank you.',
  'Thank you! We love hearing from families in the neighborhood.',
  'Maybe we can find a time that works better; give us a call.',
  'Right?! The new murals came out great.',
  'Thanks for the shout-out, Jasmine and the team loved it!',
  'We never want anyone to feel rushed. Please call us so we can talk.',
  'Good question! Most insurance plans cover two cleanings a year.',
  'We understand how frustrating billing mix-ups can be; please call us.',
  'Privacy rules keep us from discussing any visit online; please call us at (404) 555-0100.',
  'Welcome to the neighborhood!!! Stop by for a free toothbrush.',
];

const ANGRY: [string, string][] = [
  ['How convenient that you left that part out.', 'tone/sarcasm'],
  ['Next time, try reading the consent form.', 'tone/sarcasm'],
  ['Thanks for nothing, then.', 'tone/sarcasm'],
  ['It was your choice to leave before the doctor came in.', 'tone/blame'],
  ['You failed to mention that you cancelled twice.', 'tone/blame'],
  ['Your baseless accusations hurt our staff.', 'tone/blame'],
  ['You were extremely rude to the receptionist.', 'tone/insult'],
  ['What a liar.', 'tone/insult'],
  ['We have forwarded this review to our lawyer.', 'tone/legal-threat'],
  ['This post is libel.', 'tone/legal-threat'],
  ['Your balance is still unpaid and will go to collections.', 'tone/collections-threat'],
  ['WE DID EVERYTHING RIGHT.', 'tone/shouting'],
  ['That is simply FALSE.', 'tone/shouting'],
  ['Unbelievable!!!', 'tone/exclamation-run'],
];

describe('tone pack', () => {
  const linter = exampleLinter();
  const tone = async (text: string, kind: 'reply' | 'post' = 'reply'): Promise<string[]> =>
    (await linter.lint(text, { kind })).findings
      .filter((f) => f.ruleId.startsWith('tone/'))
      .map((f) => `${f.ruleId} ${f.match}`);

  it('stays silent on ordinary warm replies', async () => {
    const warned: string[] = [];
    for (const text of WARM) for (const f of await tone(text)) warned.push(`${text} -> ${f}`);
    expect(warned).toEqual([]);
  });

  it('warns on sarcasm, blame, insults, threats, shouting and exclamation runs, suggesting the calm template', async () => {
    for (const [text, rule] of ANGRY) {
      const { findings } = await linter.lint(text, { kind: 'reply' });
      const hit = findings.find((f) => f.ruleId === rule);
      expect(hit, text).toBeDefined();
      expect(hit!.severity).toBe('warning');
      expect(hit!.category).toBe('tone');
      expect(hit!.suggestion).toContain(
        'Privacy rules keep us from discussing any visit online; please call us at (404) 555-0100',
      );
    }
  });

  it('runs on replies only', async () => {
    expect(await tone('WE DID EVERYTHING RIGHT. How convenient!!!', 'post')).toEqual([]);
  });

  it('warnings do not fail the run, and alone do not make --fix replace the reply', async () => {
    const dir = tmpProject({
      '.phi-lint.yaml': 'practice:\n  name: Peachtree Family Dental\n  phones: ["(404) 555-0100"]\n',
      'r.txt': 'Well, how convenient!!!\n',
    });
    const r = await cli(['--kind', 'reply', '--format', 'json', 'r.txt'], { cwd: dir });
    expect(r.exitCode).toBe(0);
    const ids = (JSON.parse(r.stdout) as { messages: { ruleId: string }[] }[])[0]!.messages.map((m) => m.ruleId);
    expect(ids).toEqual(['tone/sarcasm', 'tone/exclamation-run']);
    const dry = await cli(['--kind', 'reply', '--fix-dry-run', 'r.txt'], { cwd: dir });
    expect(dry.stdout).toBe('');
    const blocked = await cli(['--kind', 'reply', '--fail-on', 'warning', 'r.txt'], { cwd: dir });
    expect(blocked.exitCode).toBe(1);
  });
});
