// The report's stylesheet, inlined into the page (no external fonts or files). Light and
// dark schemes, a phone layout, print and forced-colours rules. Every text colour pair is
// chosen for at least 4.5:1 contrast; the browser tests check the main ones.
export const REPORT_CSS = `
:root {
  color-scheme: light dark;
  --bg: #f4f5f7; --surface: #ffffff; --sunk: #f8f9fb; --text: #1f2328; --muted: #57606a;
  --border: #d0d7de; --focus: #0b57d0; --link: #0b57d0; --shadow: 0 1px 2px rgba(31,35,40,.08), 0 4px 12px rgba(31,35,40,.06);
  --err: #b3261e; --err-bg: #fde8e6; --err-line: #c5221f;
  --warn: #7d4e00; --warn-bg: #fff1c2; --warn-line: #b26b00;
  --info: #0b57d0; --info-bg: #e3edfd; --info-line: #0b57d0;
  --ok: #1a7230; --ok-bg: #dcf3e2;
  --pin-text: #ffffff; --track: #e7eaee;
  --mono: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0f1318; --surface: #171c22; --sunk: #12171c; --text: #e6edf3; --muted: #a4aeb9;
    --border: #343f4b; --focus: #8ab4f8; --link: #8ab4f8; --shadow: 0 1px 2px rgba(0,0,0,.4);
    --err: #ff938a; --err-bg: #4a1d1b; --err-line: #ff7b72;
    --warn: #f0c050; --warn-bg: #3b3013; --warn-line: #e3a82a;
    --info: #92bbff; --info-bg: #182c4a; --info-line: #79a8f7;
    --ok: #7ddc95; --ok-bg: #153322;
    --pin-text: #0f1318; --track: #262e37;
  }
}
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--text);
  font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
a { color: var(--link); }
code { font-family: var(--mono); font-size: .875em; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; border-radius: 3px; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
.skip { position: absolute; left: .5rem; top: -4rem; z-index: 100; background: var(--surface); padding: .5rem .75rem; border-radius: 6px; box-shadow: var(--shadow); }
.skip:focus { top: .5rem; }
.wrap { max-width: 76rem; margin: 0 auto; padding: 0 1rem; }
h1, h2, h3 { line-height: 1.25; margin: 0; }
h1 { font-size: 1.5rem; }
h2 { font-size: 1.2rem; margin-bottom: .75rem; }
h3 { font-size: 1rem; }
.page-head { background: var(--surface); border-bottom: 1px solid var(--border); padding: 1.1rem 0 1rem; }
.page-head .wrap { display: flex; flex-wrap: wrap; align-items: baseline; gap: .25rem 1rem; }
.page-head p { margin: 0; color: var(--muted); }
.unmasked { flex-basis: 100%; margin-top: .5rem !important; color: var(--text) !important; background: var(--warn-bg); border-left: 4px solid var(--warn-line); padding: .4rem .75rem; border-radius: 4px; }
main { display: block; padding: 1.75rem 0 2rem; }
section + section { margin-top: 1.5rem; }
.card { background: var(--surface); border: 1px solid var(--border); border-radius: 10px; box-shadow: var(--shadow); padding: 1rem 1.1rem; }

/* Summary */
.tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(9.5rem, 1fr)); gap: .75rem; margin: 0 0 1rem; }
.tile { background: var(--surface); border: 1px solid var(--border); border-top: 4px solid var(--border); border-radius: 10px; padding: .7rem .9rem; box-shadow: var(--shadow); }
.tile dt { font-size: .875rem; font-weight: 600; }
.tile dd { margin: 0; font-size: 2rem; font-weight: 700; line-height: 1.15; font-variant-numeric: tabular-nums; }
.tile .hint { display: block; font-size: .8125rem; color: var(--muted); font-weight: 400; }
.tile.blocked { border-top-color: var(--err-line); } .tile.blocked dd { color: var(--err); }
.tile.review { border-top-color: var(--warn-line); } .tile.review dd { color: var(--warn); }
.tile.clean { border-top-color: var(--ok); } .tile.clean dd { color: var(--ok); }
.totals { margin: 0 0 1rem; }
.totals strong { font-variant-numeric: tabular-nums; }
.charts { display: grid; gap: 1rem; grid-template-columns: minmax(0, 1fr); }
@media (min-width: 56rem) { .charts { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); } }
.charts h3 { margin-bottom: .6rem; }
figure { margin: 0; }
svg.chart { display: block; overflow: visible; font: 13px/1 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
svg.chart .label, svg.chart .value { fill: var(--text); }
svg.chart .value { font-weight: 700; font-variant-numeric: tabular-nums; }
svg.chart .track { fill: var(--track); }
svg.chart .row { cursor: pointer; }
svg.chart .row:hover .label { text-decoration: underline; }
.bar-error { fill: var(--err-line); } .bar-warning { fill: var(--warn-line); } .bar-info { fill: var(--info-line); }
.legend { display: flex; flex-wrap: wrap; gap: .25rem 1rem; list-style: none; margin: .6rem 0 0; padding: 0; font-size: .8125rem; color: var(--muted); }
.swatch { display: inline-block; width: .75rem; height: .75rem; border-radius: 2px; margin-right: .35rem; vertical-align: -1px; }
.swatch.error { background: var(--err-line); } .swatch.warning { background: var(--warn-line); } .swatch.info { background: var(--info-line); }
.none { color: var(--muted); margin: 0; }
h3.sub { font-size: .9375rem; margin: 1.25rem 0 .4rem; }
ol.top-rules { list-style: none; margin: 0; padding: 0; font-size: .875rem; }
ol.top-rules li { display: flex; justify-content: space-between; align-items: center; gap: .5rem; border-bottom: 1px solid var(--border); padding: .1rem 0; }
ol.top-rules .n { font-weight: 700; font-variant-numeric: tabular-nums; }
.rule-filter { font: inherit; color: var(--link); background: none; border: 0; padding: .2rem 0; cursor: pointer; text-align: left; text-decoration: underline; text-underline-offset: 2px; overflow-wrap: anywhere; min-height: 1.75rem; }
.js-off .rule-filter { color: inherit; text-decoration: none; cursor: auto; }
table.sh { width: 100%; border-collapse: collapse; font-size: .875rem; }
table.sh caption { text-align: left; font-size: 1rem; font-weight: 700; margin-bottom: .6rem; }
table.sh th, table.sh td { text-align: left; padding: .22rem .4rem; border-bottom: 1px solid var(--border); vertical-align: top; }
table.sh thead th { font-size: .8125rem; color: var(--muted); font-weight: 600; }
table.sh td.n { text-align: right; font-weight: 700; font-variant-numeric: tabular-nums; }
table.sh tr.zero td, table.sh tr.zero th { color: var(--muted); font-weight: 400; }
table.sh tr.hit th { color: var(--err); }
.sh-note { font-size: .8125rem; color: var(--muted); margin: .5rem 0 0; }

/* Filters */
.filters { padding: .75rem 1rem; }
.js-off .filters { display: none; }
@media (min-width: 64rem) and (min-height: 40rem) { .filters { position: sticky; top: 0; z-index: 5; } }
.filters form { display: flex; flex-wrap: wrap; gap: .6rem 1rem; align-items: end; }
.filters fieldset { border: 0; margin: 0; padding: 0; min-width: 0; }
.filters legend { padding: 0; margin-bottom: .2rem; }
.chips { display: flex; flex-wrap: wrap; gap: .35rem; }
.field { display: flex; flex-direction: column; gap: .2rem; font-size: .8125rem; font-weight: 600; min-width: 0; }
.field.grow { flex: 1 1 9rem; }
.field select { width: 12rem; }
.chip { display: inline-flex; align-items: center; gap: .35rem; border: 1px solid var(--border); border-radius: 999px; padding: .3rem .7rem; font-size: .875rem; font-weight: 400; cursor: pointer; min-height: 2.25rem; background: var(--surface); }
.chip input { margin: 0; width: 1rem; height: 1rem; accent-color: var(--focus); }
.chip:has(input:focus-visible) { outline: 3px solid var(--focus); outline-offset: 2px; }
.chip .dot { width: .6rem; height: .6rem; border-radius: 50%; display: inline-block; }
.dot.error { background: var(--err-line); } .dot.warning { background: var(--warn-line); } .dot.info { background: var(--info-line); }
select, input[type="search"], button.reset { font: inherit; font-size: .9375rem; font-weight: 400; color: var(--text); background: var(--surface); border: 1px solid var(--muted); border-radius: 6px; padding: .35rem .55rem; min-height: 2.25rem; max-width: 100%; }
button.reset { cursor: pointer; background: var(--sunk); }
.filter-status { margin: .6rem 0 0; font-size: .875rem; color: var(--muted); }
.kbd-hint { font-size: .8125rem; color: var(--muted); }
kbd { font-family: var(--mono); font-size: .8em; border: 1px solid var(--border); border-bottom-width: 2px; border-radius: 4px; padding: 0 .3em; }

/* Drafts */
.drafts-head { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: baseline; gap: .5rem; }
article.draft { margin-bottom: 1rem; padding: 0; scroll-margin-top: 6rem; }
.draft > header { border-radius: 10px 10px 0 0; display: flex; flex-wrap: wrap; align-items: center; gap: .35rem .75rem; padding: .7rem 1.1rem; border-bottom: 1px solid var(--border); background: var(--sunk); }
.draft > header h3 { font-family: var(--mono); font-size: .9375rem; font-weight: 600; overflow-wrap: anywhere; margin-right: auto; }
.badge { display: inline-block; font-size: .75rem; font-weight: 700; letter-spacing: .02em; text-transform: uppercase; padding: .15rem .55rem; border-radius: 999px; border: 1px solid currentColor; }
.badge.blocked { color: var(--err); background: var(--err-bg); }
.badge.review { color: var(--warn); background: var(--warn-bg); }
.badge.clean { color: var(--ok); background: var(--ok-bg); }
.badge.skipped { color: var(--muted); background: var(--surface); }
.draft .counts { font-size: .875rem; color: var(--muted); }
.draft .body { display: grid; grid-template-columns: minmax(0, 1fr); gap: 1rem; padding: 1rem 1.1rem 1.1rem; }
@media (min-width: 60rem) { .draft .body.has-findings { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); align-items: start; } }
.problem { margin: 0; padding: .6rem .8rem; border-left: 4px solid var(--err-line); background: var(--err-bg); border-radius: 4px; }
.clean-note { margin: 0; color: var(--muted); }
details.text > summary { cursor: pointer; color: var(--link); font-size: .875rem; }
details.text[open] > summary { margin-bottom: .5rem; }

/* Draft text with highlights */
.src { background: var(--sunk); border: 1px solid var(--border); border-radius: 8px; padding: .6rem 0; font-size: .9375rem; line-height: 1.7; }
.src .line { display: grid; grid-template-columns: 2.6rem minmax(0, 1fr); align-items: baseline; }
.src .line::before { content: attr(data-n); content: attr(data-n) / ""; color: var(--muted); text-align: right; padding-right: .8rem;
  font-family: var(--mono); font-size: .75rem; line-height: calc(.9375rem * 1.7); user-select: none; -webkit-user-select: none; }
.src .t { white-space: pre-wrap; overflow-wrap: anywhere; tab-size: 4; padding-right: .9rem; min-width: 0; }
mark.hl { color: inherit; border-radius: 2px; border-bottom: 2px solid; cursor: pointer; }
mark.sev-error { background: var(--err-bg); border-bottom-color: var(--err-line); }
mark.sev-warning { background: var(--warn-bg); border-bottom-color: var(--warn-line); border-bottom-style: dashed; }
mark.sev-info { background: var(--info-bg); border-bottom-color: var(--info-line); border-bottom-style: dotted; }
mark.hl.off { background: transparent; border-bottom-color: transparent; cursor: auto; }
mark.hl.hot { outline: 2px solid var(--focus); outline-offset: 1px; }
.pinwrap { position: relative; white-space: normal; }
.pin { font: 700 .75rem/1 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; min-width: 1.5rem; height: 1.5rem; padding: 0 .35rem; margin: 0 .1rem; border: 0; border-radius: 999px; vertical-align: .15em; cursor: pointer; color: var(--pin-text); }
.pin.sev-error { background: var(--err); } .pin.sev-warning { background: var(--warn); } .pin.sev-info { background: var(--info); }
.pin.hot, .pin[aria-expanded="true"] { box-shadow: 0 0 0 2px var(--surface), 0 0 0 4px var(--focus); }
.tip { display: none; position: absolute; z-index: 20; left: 50%; bottom: calc(100% + 8px); transform: translateX(calc(-50% + var(--dx, 0px)));
  width: max-content; max-width: min(24rem, calc(100vw - 2rem)); background: var(--surface); color: var(--text); border: 1px solid var(--border); border-top: 4px solid var(--err-line);
  border-radius: 8px; box-shadow: 0 8px 28px rgba(0,0,0,.18); padding: .6rem .8rem .65rem; font-size: .875rem; line-height: 1.45; text-align: left; cursor: auto; }
.tip.below { bottom: auto; top: calc(100% + 8px); }
.tip.sev-warning { border-top-color: var(--warn-line); } .tip.sev-info { border-top-color: var(--info-line); }
.tip > span { display: block; }
.tip > span + span, .tip .goto { margin-top: .35rem; }
.tip .tip-head { font-size: .75rem; font-weight: 700; text-transform: uppercase; letter-spacing: .02em; color: var(--muted); }
.tip .tip-msg { font-weight: 600; }
.tip .goto { display: inline-block; font-size: .8125rem; }
.pinwrap:hover > .tip, .pin:focus-visible + .tip, .pin[aria-expanded="true"] + .tip { display: block; }
.pinwrap.dismissed > .tip { display: none; }

/* Findings list */
ol.findings { list-style: none; margin: 0; padding: 0; display: grid; gap: .6rem; }
li.finding { border: 1px solid var(--border); border-left: 4px solid var(--err-line); border-radius: 8px; padding: .6rem .8rem; background: var(--surface); scroll-margin-top: 7rem; }
li.finding.sev-warning { border-left-color: var(--warn-line); } li.finding.sev-info { border-left-color: var(--info-line); }
li.finding.hot { background: var(--sunk); }
li.finding:focus { outline: 3px solid var(--focus); outline-offset: 2px; }
li.finding p { margin: .3rem 0 0; }
.fhead { display: flex; flex-wrap: wrap; align-items: center; gap: .2rem .55rem; font-size: .8125rem; }
.fhead .num { display: inline-grid; place-items: center; min-width: 1.5rem; height: 1.5rem; padding: 0 .35rem; border-radius: 999px; font-weight: 700; text-decoration: none; color: var(--pin-text); background: var(--err); }
.sev-warning .fhead .num { background: var(--warn); } .sev-info .fhead .num { background: var(--info); }
.fhead .sev { font-weight: 700; text-transform: uppercase; letter-spacing: .02em; color: var(--err); }
.sev-warning .fhead .sev { color: var(--warn); } .sev-info .fhead .sev { color: var(--info); }
.fhead .cat { font-weight: 600; }
.fhead .loc { color: var(--muted); margin-left: auto; }
.msg { font-weight: 600; }
.note { font-size: .875rem; color: var(--muted); }
.fix { font-size: .9375rem; }
.fix strong { color: var(--ok); }
.ffoot { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0 1rem; margin-top: .3rem; }
.ffoot .meta { margin: 0 0 0 auto; }
details.why { font-size: .875rem; }
details.why[open] { flex-basis: 100%; order: 1; }
details.why > summary { cursor: pointer; color: var(--link); width: fit-content; }
details.why > p { margin: .3rem 0 0; }
details.why > p.kind { color: var(--muted); }
.meta { font-size: .8125rem; color: var(--muted); }
.no-match { text-align: center; color: var(--muted); padding: 2rem 1rem; }
.page-foot { border-top: 1px solid var(--border); padding: 1rem 0 2rem; font-size: .8125rem; color: var(--muted); }
.page-foot p { margin: .2rem 0; }
@keyframes flash { from { box-shadow: 0 0 0 4px var(--focus); } to { box-shadow: 0 0 0 0 transparent; } }
.flash { animation: flash 1.2s ease-out; }
@media (prefers-reduced-motion: reduce) { .flash { animation: none; } }

/* Phones */
@media (max-width: 40rem) {
  body { font-size: 15px; }
  .wrap { padding: 0 .75rem; }
  .tiles { grid-template-columns: repeat(2, minmax(0, 1fr)); gap: .5rem; }
  .tile dd { font-size: 1.6rem; }
  .draft > header, .draft .body { padding-left: .75rem; padding-right: .75rem; }
  .src .line { grid-template-columns: 2rem minmax(0, 1fr); }
  .src .line::before { padding-right: .5rem; }
  .fhead .loc { margin-left: 0; flex-basis: 100%; }
  .filters form > .field, .filters fieldset { flex: 1 1 100%; }
  .field select { width: 100%; }
}

@media (forced-colors: active) {
  mark.hl { border-bottom-color: Highlight; }
  .pin, .fhead .num, .badge { border: 1px solid ButtonText; forced-color-adjust: none; background: ButtonFace; color: ButtonText; }
  .tip { border: 2px solid CanvasText; }
}

@media print {
  :root { color-scheme: light; --bg: #fff; --surface: #fff; --sunk: #fff; --text: #000; --muted: #333; --border: #999; --shadow: none; }
  body { font-size: 11pt; }
  .skip, .filters, .tip, .filter-status, .kbd-hint, .no-match { display: none !important; }
  .wrap { max-width: none; padding: 0; }
  .page-head { border-bottom: 2px solid #000; }
  .card, .tile, li.finding { box-shadow: none; }
  article.draft { break-inside: auto; overflow: visible; }
  .draft > header { break-after: avoid; }
  .draft .body.has-findings { display: block; }
  .src { margin-bottom: .75rem; }
  li.finding, .src .line, .tile, .charts > * { break-inside: avoid; }
  mark.hl, .pin, .fhead .num, .badge, .bar, .swatch { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  details.why > summary { display: none; }
  @page { margin: 1.5cm; }
}
`;
