(() => {
  'use strict';
  const root = document.documentElement;
  root.classList.remove('js-off');
  const $$ = (sel, from = document) => Array.from(from.querySelectorAll(sel));
  const ids = (el) => (el.dataset.f || '').split(' ').filter(Boolean);
  const smooth = () => (matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth');

  /* Filters */
  const form = document.getElementById('filters');
  const status = document.getElementById('filter-status');
  const noMatch = document.getElementById('no-match');
  const drafts = $$('article.draft').map((el) => {
    const marks = $$('mark[data-f]', el);
    const marked = new Map();
    for (const m of marks) for (const id of ids(m)) marked.set(id, (marked.get(id) || '') + ' ' + m.textContent);
    const pins = new Map($$('.pinwrap[data-f]', el).map((w) => [w.dataset.f, w]));
    const findings = $$('li.finding', el).map((li) => {
      const id = li.dataset.f;
      return {
        li,
        id,
        sev: li.dataset.sev,
        cat: li.dataset.cat,
        pin: pins.get(id),
        text: (li.textContent + (marked.get(id) || '')).toLowerCase(),
      };
    });
    const src = el.querySelector('.src');
    const sev = new Map(findings.map((f) => [f.id, f.sev]));
    return {
      el,
      file: el.dataset.file,
      marks,
      findings,
      sev,
      text: ((src ? src.textContent : '') + ' ' + el.dataset.file).toLowerCase(),
    };
  });
  const totalFindings = drafts.reduce((n, d) => n + d.findings.length, 0);
  const SEVERITIES = ['error', 'warning', 'info'];
  const plural = (n, one, many) => n + ' ' + (n === 1 ? one : many);

  function apply() {
    if (!form) return;
    const sev = new Set($$('input[name="severity"]:checked', form).map((i) => i.value));
    const cat = form.elements.category.value;
    const file = form.elements.file.value;
    const q = form.elements.q.value.trim().toLowerCase();
    const narrowed = sev.size < 3 || cat !== '';
    let shownFindings = 0;
    let shownDrafts = 0;
    for (const d of drafts) {
      const inFile = file === '' || d.file === file;
      // a clean draft picked by name comes out from behind the clean drafts' toggle
      if (file !== '' && d.file === file) {
        const toggle = d.el.closest('details.clean-drafts');
        if (toggle) toggle.open = true;
      }
      const pathHit = q !== '' && d.file.toLowerCase().includes(q);
      const visible = new Set();
      for (const f of d.findings) {
        const ok =
          inFile && sev.has(f.sev) && (cat === '' || f.cat === cat) && (q === '' || pathHit || f.text.includes(q));
        f.li.hidden = !ok;
        if (f.pin) f.pin.hidden = !ok;
        if (ok) visible.add(f.id);
      }
      // A highlight takes the colour of the most severe finding still shown over it.
      for (const m of d.marks) {
        const shown = ids(m)
          .filter((id) => visible.has(id))
          .map((id) => d.sev.get(id));
        const top = SEVERITIES.find((s) => shown.includes(s));
        m.classList.toggle('off', !top);
        for (const s of SEVERITIES) m.classList.toggle('sev-' + s, s === (top || m.dataset.sev));
      }
      const show = inFile && (visible.size > 0 || (!narrowed && (q === '' || d.text.includes(q))));
      d.el.hidden = !show;
      if (show) {
        shownDrafts++;
        shownFindings += visible.size;
      }
    }
    const all = shownDrafts === drafts.length && shownFindings === totalFindings;
    status.textContent = all
      ? 'Showing all ' +
        plural(totalFindings, 'finding', 'findings') +
        ' in ' +
        plural(drafts.length, 'draft', 'drafts') +
        '.'
      : 'Showing ' +
        shownFindings +
        ' of ' +
        plural(totalFindings, 'finding', 'findings') +
        ' in ' +
        shownDrafts +
        ' of ' +
        plural(drafts.length, 'draft', 'drafts') +
        '.';
    noMatch.hidden = shownDrafts > 0;
  }
  if (form) {
    form.addEventListener('input', apply);
    form.addEventListener('change', apply);
    form.addEventListener('submit', (e) => e.preventDefault());
    // Reset by hand so the page is filtered again at once (the native reset happens after
    // the event, and a deferred apply() would leave a moment of stale results).
    form.addEventListener('reset', (e) => {
      e.preventDefault();
      for (const el of form.elements) {
        if (el.type === 'checkbox') el.checked = el.defaultChecked;
        else if (el.tagName === 'SELECT') el.selectedIndex = 0;
        else if (el.tagName === 'INPUT') el.value = el.defaultValue;
      }
      apply();
    });
    apply();
  }

  /* Pins: hover or focus shows the explanation, click keeps it open */
  const closeTips = (except) => {
    for (const b of $$('.pin[aria-expanded="true"]')) if (b !== except) b.setAttribute('aria-expanded', 'false');
  };
  const place = (pin) => {
    const tip = pin.nextElementSibling;
    if (!tip) return;
    tip.style.setProperty('--dx', '0px');
    tip.classList.remove('below');
    const r = tip.getBoundingClientRect();
    if (!r.width) return;
    let dx = 0;
    if (r.left < 8) dx = 8 - r.left;
    else if (r.right > innerWidth - 8) dx = innerWidth - 8 - r.right;
    tip.style.setProperty('--dx', dx + 'px');
    if (r.top < 8) tip.classList.add('below');
  };
  const openPin = (pin) => {
    closeTips(pin);
    pin.setAttribute('aria-expanded', 'true');
    pin.parentElement.classList.remove('dismissed');
    place(pin);
  };
  const showFinding = (li) => {
    const why = li.querySelector('details.why');
    if (why) why.open = true;
    li.scrollIntoView({ block: 'nearest', behavior: smooth() });
    li.focus({ preventScroll: true });
    li.classList.remove('flash');
    void li.offsetWidth;
    li.classList.add('flash');
  };
  document.addEventListener('click', (e) => {
    const t = e.target;
    if (!(t instanceof Element)) return;
    const pin = t.closest('.pin');
    if (pin) {
      if (pin.getAttribute('aria-expanded') === 'true') pin.setAttribute('aria-expanded', 'false');
      else openPin(pin);
      return;
    }
    const link = t.closest('a.goto, a.num');
    if (link) {
      const target = document.getElementById(link.hash.slice(1));
      if (!target) return;
      e.preventDefault();
      closeTips(null);
      if (target.classList.contains('pin')) {
        target.scrollIntoView({ block: 'center', behavior: smooth() });
        target.focus({ preventScroll: true });
        openPin(target);
      } else showFinding(target);
      return;
    }
    const mark = t.closest('mark[data-f]');
    if (mark && !mark.classList.contains('off')) {
      const art = mark.closest('article');
      const wrap = ids(mark)
        .map((id) => art.querySelector('.pinwrap[data-f="' + id + '"]'))
        .find((w) => w && !w.hidden);
      if (wrap) {
        const p = wrap.querySelector('.pin');
        p.focus({ preventScroll: true });
        openPin(p);
      }
      return;
    }
    const row = t.closest('svg.chart .row');
    const rule = t.closest('.rule-filter');
    if ((row || rule) && form) {
      form.reset();
      if (row) form.elements.category.value = row.dataset.cat;
      else form.elements.q.value = rule.dataset.rule;
      apply();
      document.getElementById('drafts').scrollIntoView({ behavior: smooth() });
      return;
    }
    if (!t.closest('.tip')) closeTips(null);
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      const open = $$('.pin[aria-expanded="true"]');
      closeTips(null);
      for (const w of $$('.pinwrap:hover, .pinwrap:focus-within')) w.classList.add('dismissed');
      if (open.length === 1 && open[0].parentElement.contains(document.activeElement)) open[0].focus();
    } else if (e.key === '/' && form && !(e.target instanceof Element && e.target.closest('input, select, textarea'))) {
      e.preventDefault();
      form.elements.q.focus();
    }
  });
  document.addEventListener('focusout', (e) => {
    const w = e.target instanceof Element && e.target.closest('.pinwrap');
    if (w && !w.contains(e.relatedTarget)) w.classList.remove('dismissed');
  });

  /* Hovering a highlight, a pin or a finding lights up the others of the same finding */
  const light = (el, on) => {
    const art = el.closest('article');
    if (!art) return;
    const mine = ids(el);
    for (const x of art.querySelectorAll('[data-f]'))
      if (ids(x).some((id) => mine.includes(id))) x.classList.toggle('hot', on);
  };
  document.addEventListener('mouseover', (e) => {
    const el = e.target instanceof Element && e.target.closest('[data-f]');
    if (!el) return;
    light(el, true);
    if (el.classList.contains('pinwrap')) {
      el.classList.remove('dismissed');
      place(el.querySelector('.pin'));
    }
  });
  document.addEventListener('mouseout', (e) => {
    const el = e.target instanceof Element && e.target.closest('[data-f]');
    if (el && !(e.relatedTarget instanceof Node && el.contains(e.relatedTarget))) light(el, false);
  });
  document.addEventListener('focusin', (e) => {
    if (e.target instanceof Element && e.target.classList.contains('pin')) place(e.target);
  });

  /* Print every explanation, then restore */
  const opened = [];
  addEventListener('beforeprint', () => {
    for (const d of $$('details.why:not([open])')) {
      d.open = true;
      opened.push(d);
    }
  });
  addEventListener('afterprint', () => {
    for (const d of opened.splice(0)) d.open = false;
  });
})();
