// The human-readable table: one row per figure, with the issue's target next to it.

type Row = [figure: string, value: string, target: string];

const pct = (n: unknown) => (typeof n === 'number' ? `${(n * 100).toFixed(1)} %` : '—');
const ms = (n: unknown) => (typeof n === 'number' ? `${n < 10 ? n.toFixed(3) : n.toFixed(0)} ms` : '—');
const mb = (n: unknown) => (typeof n === 'number' ? `${n.toFixed(1)} MB` : '—');

function get(results: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), results);
}

export function printTable(results: Record<string, unknown>): void {
  const g = (p: string) => get(results, p);
  const rows: Row[] = [];
  const section = (key: string, label: string) => {
    if (!g(key)) return;
    rows.push([`${label}: accuracy (${key}.accuracy)`, pct(g(`${key}.accuracy`)), key === 'clinc150' ? '≥ 91 % (aim 93.5)' : key === 'banking77' ? '≥ 90 % (aim 92)' : '']);
    if (g(`${key}.oosRecall`) !== undefined) {
      rows.push([`${label}: out-of-scope recall`, pct(g(`${key}.oosRecall`)), key === 'clinc150' ? '≥ 50 % (aim 60)' : '']);
      rows.push([`${label}: thresholds clarify / answer (from val)`, `${g(`${key}.thresholds.clarify`)} / ${g(`${key}.thresholds.answer`)}`, '']);
    }
    rows.push([`${label}: accuracy, no threshold`, pct(g(`${key}.rawAccuracy`)), '']);
    rows.push([`${label}: typos p=0.3 (drop)`, `${pct(g(`${key}.typoLightAccuracy`))} (−${pct(g(`${key}.typoLightDrop`))})`, key === 'clinc150' ? '≥ 85 % (aim 90)' : '']);
    rows.push([`${label}: typo in every word (drop)`, `${pct(g(`${key}.typoHeavyAccuracy`))} (−${pct(g(`${key}.typoHeavyDrop`))})`, key === 'clinc150' ? '≥ 75 % (aim 85)' : '']);
    rows.push([`${label}: build / heap`, `${ms(g(`${key}.buildMs`))} / ${mb(g(`${key}.heapMB`))}`, key === 'clinc150' ? 'build ≤ 30 s (aim 5 s)' : '']);
    rows.push([`${label}: latency p50 / p99`, `${ms(g(`${key}.latency.p50Ms`))} / ${ms(g(`${key}.latency.p99Ms`))}`, key === 'clinc150' ? 'p99 ≤ 1 ms (aim 0.3)' : '']);
  };
  section('clinc150', 'CLINC150 full');
  section('clinc150Small', 'CLINC150 small');
  for (const k of [5, 10]) {
    const key = `clinc150FewShot.k${k}`;
    if (!g(key)) continue;
    const target = k === 5 ? '≥ 76 %' : '≥ 84 %';
    rows.push([`CLINC150 ${k}-shot (3 seeds): accuracy / out-of-scope recall`, `${pct(g(`${key}.accuracy`))} / ${pct(g(`${key}.oosRecall`))}`, target]);
  }
  section('banking77', 'BANKING77');
  section('custom', 'custom set');
  if (g('bundled')) {
    rows.push(['bundled KB: accuracy on held-out paraphrases (bundled.accuracy)', pct(g('bundled.accuracy')), '≥ 90 % (aim 97)']);
    rows.push(['bundled KB: French / English', `${pct(g('bundled.accuracyFr'))} / ${pct(g('bundled.accuracyEn'))}`, '']);
    rows.push(['bundled KB: decisions on test (answer/clarify/none)', String(g('bundled.decisions')), '']);
    rows.push(['bundled KB: answered outright / precision of those answers', `${pct(g('bundled.answeredShare'))} / ${pct(g('bundled.answerPrecision'))}`, '≥ 88 % / ≥ 98 %']);
    rows.push(['bundled KB: out-of-scope rejected', pct(g('bundled.oosRecall')), '≥ 92 %']);
    rows.push(['bundled KB: thresholds clarify / answer (from val)', `${g('bundled.thresholds.clarify')} / ${g('bundled.thresholds.answer')}`, '']);
    rows.push(['language detection on the paraphrases (language.accuracy)', pct(g('language.accuracy')), '≥ 97 % (aim 99)']);
  }
  if (g('scale100k')) {
    rows.push([`${g('scale100k.entries')} synthetic entries: build / heap`, `${ms(g('scale100k.buildMs'))} / ${mb(g('scale100k.heapMB'))}`, 'heap ≤ 300 MB (aim)']);
    rows.push([`${g('scale100k.entries')} synthetic entries: p50 / p99`, `${ms(g('scale100k.p50Ms'))} / ${ms(g('scale100k.p99Ms'))}`, 'p99 ≤ 10 ms (aim 2)']);
  }
  if (g('fuseBaseline')) {
    rows.push(['fuse.js over all utterances (sample): accuracy', pct(g('fuseBaseline.accuracy')), 'baseline']);
    rows.push(['fuse.js over all utterances: p50 / p99', `${ms(g('fuseBaseline.p50Ms'))} / ${ms(g('fuseBaseline.p99Ms'))}`, 'baseline']);
  }
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length), ['figure', 'value', 'target'][i]!.length));
  const line = (r: readonly string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(line(['figure', 'value', 'target']));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}
