// Deterministic benchmark corpus: realistic drafts of a fictitious dental practice — blog
// posts, social posts and replies to reviews, Markdown and plain text, 1 KB to 20 KB each —
// about 2% of them carrying PHI (fictitious people, 555-01xx phones, .example addresses).
// The same seed always gives the same bytes, so figures compare between commits.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: a small, fast, seedable PRNG (public domain). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const CONFIG = `# Benchmark practice (fictitious).
practice:
  name: Peachtree Family Dental
  aliases: [Peachtree Dental, PFD]
  staff: ["Dr. Anna Reyes", "Dr. Marcus Hill", "Keisha Brown, RDH", "Tom Alvarez"]
  phones: ["(404) 555-0100"]
  fax: ["(404) 555-0101"]
  emails: [hello@peachtreefamilydental.example]
  addresses: ["1200 Peachtree St NE, Suite 300, Atlanta, GA 30309"]
  domains: [peachtreefamilydental.example]
  handles: ["@PeachtreeDental"]
kinds:
  reply: ["replies/**"]
`;

export const LEDGER = `consents:
  - id: C-2026-001
    covers: [photo, unconsented-media]
    signed: 2026-01-05
    expires: 2036-01-05
    note: Staff photo release (fictitious)
`;

const TOPICS = [
  'flossing',
  'sealants',
  'fluoride varnish',
  'whitening',
  'night guards',
  'sports mouthguards',
  'dental implants',
  'clear aligners',
  'gum health',
  'baby teeth',
  'wisdom teeth',
  'dry mouth',
  'sensitive teeth',
  'bad breath',
  'healthy snacks',
  'electric toothbrushes',
  'dental X-rays',
  'cavity prevention',
  'teeth grinding',
  'veneers',
];
const SEASONS = [
  'this spring',
  'this summer',
  'this fall',
  'over the holidays',
  'during back-to-school season',
  'this winter',
];
const NEIGHBOURHOODS = [
  'Midtown',
  'Buckhead',
  'Inman Park',
  'Old Fourth Ward',
  'Grant Park',
  'Decatur',
  'Virginia-Highland',
];
const EVENTS = [
  'Midtown Spring Fest',
  'the Peachtree Road Race',
  'the Piedmont Park food drive',
  'Inman Park Festival',
  'the Grant Park farmers market',
];
const STAFF = [
  'Dr. Anna Reyes',
  'Dr. Reyes',
  'Dr. Marcus Hill',
  'Dr. Hill',
  'Keisha',
  'Keisha Brown, RDH',
  'Tom Alvarez',
  'Tom',
];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const EDUCATION = [
  'Brushing twice a day for two minutes is still the single best habit for healthy teeth.',
  'Most adults only brush for about 45 seconds, so a timer or an electric brush really helps.',
  'Floss once a day, before or after brushing, whichever you will actually stick with.',
  'Sugary drinks sipped slowly all afternoon are harder on enamel than a dessert eaten at once.',
  'Water with fluoride is one of the simplest ways a community protects its smiles.',
  'If your gums bleed when you brush, do not stop brushing; gentle, regular cleaning usually helps them heal.',
  'A soft-bristled brush is kinder to gums than a hard one, and it cleans just as well.',
  'Replace your toothbrush every three to four months, or sooner if the bristles are frayed.',
  'Children can start seeing a dentist by their first birthday or when the first tooth appears.',
  'Sealants are a thin coating on the chewing surfaces of back teeth that keeps food and germs out of the grooves.',
  'Grinding at night often shows up as a sore jaw in the morning or headaches near the temples.',
  'Dry mouth can be a side effect of many common medications, so tell us about anything you take.',
  'Cheese, crunchy vegetables and plain yogurt are snacks your teeth will thank you for.',
  'Sports mouthguards protect against chipped teeth and can reduce the force of a blow to the jaw.',
  'Whitening works best on natural enamel; crowns and fillings keep their original shade.',
  'Modern digital X-rays use a fraction of the radiation of older film and show us problems early.',
  'Bad breath usually starts on the tongue, so a quick brush or scrape there makes a big difference.',
  'Sensitive teeth can come from receding gums, worn enamel or even brushing too hard.',
  'Wisdom teeth do not always need to come out; we check their position and the space around them.',
  'Clear aligners move teeth gradually with a series of trays, each worn for about two weeks.',
];
const OFFICE = [
  'Our office will be closed on Monday for the holiday and back to regular hours on Tuesday.',
  'New this month: evening appointments on Wednesdays until 7 p.m.',
  'We now accept online booking through our website, any time of day.',
  'Parking is free in the garage behind the building; bring your ticket to the front desk.',
  'Our team spent the weekend at a continuing education course on pediatric care.',
  'We added two new treatment rooms, each with ceiling TVs for nervous patients.',
  'Thank you to everyone who stopped by our booth at the festival; we handed out over 400 toothbrushes!',
  'Our hygienists are celebrating National Dental Hygiene Month all October.',
  'We are proud to support the local food bank with a canned food drive through the end of the month.',
  'Questions about insurance? Our front desk team can check your benefits before your visit.',
];
const REPLY_OPEN = [
  'Thank you so much for the kind words!',
  'Thanks for taking the time to leave a review.',
  'We really appreciate you sharing your experience.',
  'Thank you for the five stars!',
  'We are sorry to hear that things did not go the way you hoped.',
  'Thank you for your feedback; we take every review seriously.',
  'What a lovely note to start our week with!',
  'We appreciate your honesty and the chance to do better.',
];
const REPLY_BODY = [
  'Our team works hard to make every visit comfortable and on time.',
  'We have shared your comments with the whole team at our next staff meeting.',
  'Privacy rules keep us from discussing any visit online, but we would love to talk.',
  'We are always looking for ways to make our waiting room calmer and our schedule smoother.',
  'Comfort matters to us, and we offer blankets, headphones and breaks whenever you need them.',
  'Our front desk can walk anyone through billing questions and payment plans.',
  'We have recently added more early-morning appointments for busy families.',
  'Your feedback helps other families in the neighborhood find a dental home.',
  'We are glad the new office location is working well for you.',
  'Wait times are something we track every week, and we are working to bring them down.',
];
const REPLY_CLOSE = [
  'Please call us at (404) 555-0100 so we can help.',
  'If there is anything else we can do, reach us at hello@peachtreefamilydental.example.',
  'We look forward to seeing you again soon!',
  'Have a wonderful week!',
  'Feel free to call our office manager at (404) 555-0100 any weekday.',
  '— The Peachtree Family Dental team',
];
const PHI = [
  (n, r) =>
    `Huge congratulations to our patient ${n.full}, who finished ${r.pick(['her', 'his'])} ${r.pick(TOPICS)} treatment on ${r.pick(MONTHS)} ${1 + r.int(27)}!`,
  (n) =>
    `${n.first}, please call us back at (404) 555-01${String(10 + (n.seed % 89)).padStart(2, '0')} about your results.`,
  (n, r) => `Happy birthday to ${n.full}, one of our longest-standing patients, who turns ${92 + r.int(6)} today!`,
  (n) => `We emailed the X-rays to ${n.first.toLowerCase()}.${n.last.toLowerCase()}@example.com as you asked.`,
  (n, r) =>
    `Hi ${n.first}, we saw you on ${r.pick(WEEKDAYS)} for your crown and the temporary should feel normal within a week.`,
  (n) =>
    `Our records show ${n.first} ${n.last} missed the last two appointments, SSN 219-09-${String(1000 + (n.seed % 8999))}.`,
];
const FIRST = [
  'Dana',
  'Owen',
  'Marisol',
  'Theo',
  'Priyanka',
  'Caleb',
  'Noor',
  'Julian',
  'Tamsin',
  'Rafael',
  'Imani',
  'Wesley',
];
const LAST = [
  'Ruiz',
  'Whitcombe',
  'Okonkwo',
  'Lindqvist',
  'Castellano',
  'Pemberton',
  'Nakashima',
  'Delacroix',
  'Abernathy',
  'Fairweather',
];

function rng(seed) {
  const next = prng(seed);
  const r = {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    chance: (p) => next() < p,
  };
  return r;
}

function paragraph(r, pool, min, max) {
  const n = min + r.int(max - min + 1);
  const out = [];
  for (let i = 0; i < n; i++) out.push(r.pick(pool));
  return out.join(' ');
}

function fill(r, s) {
  return s
    .replace(/\{topic\}/g, () => r.pick(TOPICS))
    .replace(/\{season\}/g, () => r.pick(SEASONS))
    .replace(/\{hood\}/g, () => r.pick(NEIGHBOURHOODS))
    .replace(/\{event\}/g, () => r.pick(EVENTS))
    .replace(/\{staff\}/g, () => r.pick(STAFF))
    .replace(/\{n\}/g, () => String(2 + r.int(400)))
    .replace(/\{h\}/g, () => String(6 + r.int(3)));
}

// Composed sentences: a few fixed lines repeat in real drafts (sign-offs, hours), but most
// prose is new each time. Fragments combine into millions of sentences, so the corpus does
// not reward caching repeated text.
const OPENERS = [
  '',
  '',
  '',
  'Remember: ',
  'Quick tip: ',
  'Did you know? ',
  'Good news: ',
  'Here is a secret: ',
  'Fun fact: ',
  'Reminder: ',
  'From our hygienists: ',
];
const HABITS = [
  'brushing for a full two minutes',
  'flossing before bed',
  'rinsing with water after coffee',
  'switching to a soft-bristled brush',
  'chewing sugar-free gum after lunch',
  'skipping the bedtime juice box',
  'brushing along the gumline',
  'cleaning your tongue',
  'wearing a night guard',
  'keeping a travel toothbrush in your bag',
  'drinking tap water with fluoride',
  'booking cleanings every six months',
  'wearing a mouthguard for soccer',
  'replacing your brush after a cold',
  'using a pea-sized dab of toothpaste',
  'letting kids brush first and then checking',
];
const BENEFITS = [
  'keeps plaque from hardening into tartar',
  'protects the enamel on your back teeth',
  'cuts the risk of cavities between teeth',
  'helps sore gums settle down',
  'saves you from a lot of sensitivity',
  'makes your next cleaning faster',
  'keeps breath fresh through the afternoon',
  'protects fillings and crowns',
  'lowers the acid level in your mouth',
  'keeps small problems from becoming big ones',
  'makes a real difference by the next checkup',
];
const TAILS = [
  '.',
  '.',
  '.',
  '!',
  ', and it only takes a minute.',
  ' for most families.',
  ', especially {season}.',
  ', according to {staff}.',
  ' in about {n} weeks.',
  ', even for busy parents in {hood}.',
];
const COMMUNITY = [
  'Thanks to the {n} neighbors who joined us at {event}',
  'We handed out {n} toothbrushes at {event}',
  'Our team walked {n} miles together for {event}',
  'Come find our booth at {event} {season}',
  '{staff} will teach a class on {topic} at the {hood} library',
  'We are collecting {n} coats for families in {hood}',
  'Our {hood} office now opens at {h} a.m. on weekdays',
  'Evening hours run until {h} p.m. on Wednesdays {season}',
  'Say hi to our new front desk team {season}',
];
const COMMUNITY_TAILS = [
  '.',
  '!',
  ' — thank you!',
  '; bring the kids.',
  ', rain or shine.',
  '. Details on our website.',
  ' 🎉',
  ' 🦷✨',
];

function composed(r) {
  const k = r.int(10);
  let s;
  if (k < 3) s = r.pick(EDUCATION);
  else if (k < 8) {
    const o = r.pick(OPENERS);
    const h = r.pick(HABITS);
    s = `${o}${o && !o.endsWith('? ') ? h : h[0].toUpperCase() + h.slice(1)} ${r.pick(BENEFITS)}${r.pick(TAILS)}`;
  } else s = `${r.pick(COMMUNITY)}${r.pick(COMMUNITY_TAILS)}`;
  return fill(r, s);
}

function prose(r, min, max) {
  const n = min + r.int(max - min + 1);
  const out = [];
  for (let i = 0; i < n; i++) out.push(composed(r));
  return out.join(' ');
}

const HEADINGS = [
  'Why {topic} matters',
  'Your questions about {topic}, answered',
  'What to expect {season}',
  'News from the office',
  'A note from {staff}',
  'See you at {event}',
];
const LEADS = [
  'Here is what {staff} wants every family in {hood} to know about {topic}.',
  'We get asked about {topic} every week, so we put the answers in one place.',
  'Come say hello at {event} {season}; {staff} will be at our table with free toothbrushes.',
  'Our team has been reading up on {topic} and we have a few tips to share.',
];

/** One Markdown post: front matter sometimes, headings, paragraphs, lists, links, images, a table. */
function markdownPost(r, target) {
  const parts = [];
  // Photos appear only in posts whose front matter records the release (as a careful team would).
  const front = r.chance(0.3);
  if (front)
    parts.push(
      `---\ntitle: ${fill(r, r.pick(HEADINGS))}\nplatform: ${r.pick(['blog', 'facebook', 'instagram'])}\nconsent: C-2026-001\n---\n`,
    );
  parts.push(`# ${fill(r, r.pick(HEADINGS))}\n`);
  let size = parts.join('\n').length;
  while (size < target) {
    const k = r.int(10);
    let block;
    if (k < 4) block = `${fill(r, r.pick(LEADS))} ${prose(r, 2, 5)}`;
    else if (k === 4) block = `## ${fill(r, r.pick(HEADINGS))}`;
    else if (k === 5)
      block = Array.from({ length: 3 + r.int(4) }, () => `- ${r.chance(0.3) ? '**Tip:** ' : ''}${composed(r)}`).join(
        '\n',
      );
    else if (k === 6)
      block = `${r.pick(OFFICE)} Read more on [our blog](https://peachtreefamilydental.example/blog/${r.pick(TOPICS).replace(/\s+/g, '-')}) or follow @PeachtreeDental.`;
    else if (k === 7 && front)
      block = `![Our team at ${r.pick(EVENTS)}](images/event-${r.int(90)}.jpg)\n\n*${fill(r, 'The team at {event}, {season}.')}*`;
    else if (k === 7 || k === 8)
      block = `| Day | Hours |\n| --- | --- |\n${WEEKDAYS.slice(0, 3 + r.int(3))
        .map((d) => `| ${d} | ${7 + r.int(3)} a.m. – ${4 + r.int(3)} p.m. |`)
        .join('\n')}`;
    else block = `> ${composed(r)} ${composed(r)}\n>\n> — ${r.pick(STAFF)}`;
    parts.push(`${block}\n`);
    size += block.length + 2;
  }
  return parts.join('\n');
}

function textPost(r, target) {
  const parts = [fill(r, r.pick(HEADINGS)).toUpperCase(), ''];
  let size = parts[0].length;
  while (size < target) {
    const block = r.chance(0.2) ? paragraph(r, OFFICE, 1, 3) : `${fill(r, r.pick(LEADS))} ${prose(r, 2, 6)}`;
    parts.push(block, '');
    size += block.length + 2;
  }
  return parts.join('\n');
}

/** A reply draft file: the answers to several reviews, one per paragraph (as a social manager batches them). */
function replyDraft(r, target, md) {
  const parts = [];
  let size = 0;
  while (size < target) {
    const open = r.pick(REPLY_OPEN);
    const block = `${md && r.chance(0.3) ? `**${open}**` : open} ${paragraph(r, REPLY_BODY, 1, 3)} ${r.pick(REPLY_CLOSE)}`;
    parts.push(block, '');
    size += block.length + 2;
  }
  return parts.join('\n');
}

/** Insert one PHI sentence into a draft, after a random paragraph. */
function withPhi(r, text, i) {
  const first = FIRST[i % FIRST.length];
  const last = LAST[(i >> 3) % LAST.length];
  const sentence = r.pick(PHI)({ first, last, full: `${first} ${last}`, seed: i }, r);
  const paras = text.split('\n\n');
  const at = 1 + r.int(Math.max(1, paras.length - 1));
  paras.splice(Math.min(at, paras.length), 0, sentence);
  return paras.join('\n\n');
}

/**
 * Write drafts into `dir` until `bytes` are reached. Returns {files, bytes, phiFiles}.
 * Sizes are log-uniform: replies 1–5 KB, posts 1–20 KB.
 */
export function generateCorpus(dir, { bytes, seed = 20240601, phiRate = 0.02 }) {
  const r = rng(seed);
  mkdirSync(join(dir, 'posts'), { recursive: true });
  mkdirSync(join(dir, 'replies'), { recursive: true });
  writeFileSync(join(dir, '.phi-lint.yaml'), CONFIG);
  // the staff photo release the posts' front matter cites
  writeFileSync(join(dir, 'consents.yaml'), LEDGER);
  let total = 0;
  let files = 0;
  let phiFiles = 0;
  for (let i = 0; total < bytes; i++) {
    const reply = r.chance(0.4);
    const md = r.chance(reply ? 0.3 : 0.6);
    const maxKb = reply ? 5 : 20;
    const target = Math.round(1024 * Math.exp(r.next() * Math.log(maxKb)));
    let text = reply ? replyDraft(r, target, md) : md ? markdownPost(r, target) : textPost(r, target);
    if (r.chance(phiRate)) {
      text = withPhi(r, text, i);
      phiFiles++;
    }
    const name = `${String(i).padStart(6, '0')}-${reply ? 'reply' : 'post'}.${md ? 'md' : 'txt'}`;
    const buf = Buffer.from(text, 'utf8');
    writeFileSync(join(dir, reply ? 'replies' : 'posts', name), buf);
    total += buf.length;
    files++;
  }
  return { files, bytes: total, phiFiles };
}

/** One large Markdown document (no quadratic paths): posts concatenated until `bytes`. */
export function largeDocument(bytes, seed = 7) {
  const r = rng(seed);
  const parts = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    let t = markdownPost(r, 4096)
      .replace(/^---[\s\S]*?---\n/, '')
      .replace(/!\[[^\]]*\]\([^)]*\)/g, '');
    if (r.chance(0.02)) t = withPhi(r, t, i);
    parts.push(t);
    size += Buffer.byteLength(t) + 1;
  }
  return parts.join('\n');
}

/** A clean 1 KB reply, and the same with the reviewer's name. */
export function coldReplies() {
  const clean =
    'Thank you so much for taking the time to share your experience with our office. We are always glad to hear that a visit felt calm and unhurried, and we have passed your kind words along to the whole team at our Monday meeting. Our hygienists work hard to explain each step before they start, and it means a lot to them when that care is noticed. We have recently added early-morning and Wednesday evening appointments for busy families, and online booking is open at any time of day through our website. If you ever have a question about scheduling, billing or insurance, our front desk team is happy to help: call us at (404) 555-0100 or write to hello@peachtreefamilydental.example. Privacy rules keep us from discussing any visit online, so please reach out to us directly with anything specific. We look forward to seeing you again soon, and we hope the rest of your week is a wonderful one. Thanks again for the five stars! — The Peachtree Family Dental team\n';
  const named = `Hi Marisol! ${clean.replace('Thank you so much', 'thank you so much')}`;
  return { clean, named };
}
