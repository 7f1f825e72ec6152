// npm run bench:matching [-- --json] [--only clinc,small,fewshot,banking,bundled,scale,baseline]
//                        [--train FILE --test FILE [--oos FILE]]
// Prints every figure of the matcher: accuracy on public intent datasets, out-of-scope recall at a
// threshold chosen on validation, typo robustness, the bundled KB, language detection, speed, size.
import { parseArgs } from 'node:util';
import { fewShot, loadBanking, loadClinc, readLabelledCsv, readLines, type IntentDataset } from './datasets.js';
import { evaluateDataset, type DatasetFigures } from './evaluate.js';
import { evaluateScale } from './scale.js';
import { evaluateBundled } from './bundled.js';
import { fuseBaseline } from './fuseBaseline.js';
import { printTable } from './report.js';
import { round } from './measure.js';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    only: { type: 'string' },
    train: { type: 'string' },
    test: { type: 'string' },
    oos: { type: 'string' },
    'scale-entries': { type: 'string', default: '100000' },
  },
});

const selected = new Set((values.only ?? 'clinc,small,fewshot,banking,bundled,scale').split(',').map((s) => s.trim()));
const log = (line: string) => {
  if (!values.json) process.stderr.write(line + '\n');
};
const results: Record<string, unknown> = {};

if (values.train || values.test) {
  if (!values.train || !values.test) throw new Error('--train and --test go together');
  const train = readLabelledCsv(values.train);
  const test = readLabelledCsv(values.test);
  const oos = values.oos ? readLines(values.oos) : [];
  // With an out-of-scope file, half of it (and a tenth of train) becomes the validation split.
  const val = oos.length ? train.filter((_, i) => i % 10 === 0) : [];
  const ds: IntentDataset = {
    name: 'custom',
    train: oos.length ? train.filter((_, i) => i % 10 !== 0) : train,
    val,
    test,
    oosVal: oos.filter((_, i) => i % 2 === 0),
    oosTest: oos.filter((_, i) => i % 2 === 1),
  };
  log(`custom: ${ds.train.length} train, ${ds.test.length} test, ${oos.length} out-of-scope`);
  results.custom = evaluateDataset(ds);
} else {
  if (selected.has('clinc')) {
    log('clinc150 (data_full.json)…');
    const clinc = evaluateDataset(loadClinc('data_full.json'));
    results.clinc150 = clinc;
    results.buildMs = clinc.buildMs;
    results.latency = { p50Ms: clinc.latency.p50Ms, p99Ms: clinc.latency.p99Ms };
  }
  if (selected.has('small')) {
    log('clinc150 (data_small.json)…');
    results.clinc150Small = evaluateDataset(loadClinc('data_small.json'));
  }
  if (selected.has('fewshot')) {
    // Few examples per intent, as a small team writes them: 5 and 10, three draws each.
    const full = loadClinc('data_full.json');
    const shots: Record<string, unknown> = {};
    for (const k of [5, 10]) {
      log(`clinc150 ${k}-shot (3 seeds)…`);
      const runs = [1, 2, 3].map((seed) => evaluateDataset(fewShot(full, k, seed)));
      const mean = (pick: (f: DatasetFigures) => number | undefined) => round(runs.reduce((a, f) => a + (pick(f) ?? 0), 0) / runs.length);
      shots[`k${k}`] = { accuracy: mean((f) => f.accuracy), oosRecall: mean((f) => f.oosRecall), rawAccuracy: mean((f) => f.rawAccuracy), perSeed: runs.map((f) => ({ accuracy: f.accuracy, oosRecall: f.oosRecall })) };
    }
    results.clinc150FewShot = shots;
  }
  if (selected.has('banking')) {
    log('banking77…');
    results.banking77 = evaluateDataset(loadBanking()) satisfies DatasetFigures;
  }
  if (selected.has('bundled')) {
    log('bundled knowledge base…');
    const { bundled, language } = await evaluateBundled();
    results.bundled = bundled;
    results.language = language;
  }
  if (selected.has('scale')) {
    const n = Number(values['scale-entries']);
    log(`${n} synthetic entries…`);
    results.scale100k = evaluateScale(n);
  }
  if (selected.has('baseline')) {
    log('fuse.js baseline over every utterance (sample of the CLINC150 test set)…');
    results.fuseBaseline = fuseBaseline(loadClinc('data_full.json'));
  }
}

if (values.json) process.stdout.write(JSON.stringify(results) + '\n');
else printTable(results);
