// Reads the public intent datasets where they live (../shared/datasets): never copied into the repo.
import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { mulberry32 } from '../knowledge/matching/softmaxClassifier.js';

export interface Labelled {
  text: string;
  label: string;
}

export interface IntentDataset {
  name: string;
  train: Labelled[];
  val: Labelled[];
  test: Labelled[];
  oosVal: string[];
  oosTest: string[];
}

export const DATASETS_DIR = resolve(process.env.DATASETS_DIR ?? '../shared/datasets');

function need(path: string): string {
  if (!existsSync(path)) throw new Error(`dataset not found: ${path} (set DATASETS_DIR to the folder holding clinc150/ and banking77/)`);
  return path;
}

type ClincPair = [string, string];

export function loadClinc(file: 'data_full.json' | 'data_small.json'): IntentDataset {
  const raw = JSON.parse(readFileSync(need(resolve(DATASETS_DIR, 'clinc150', file)), 'utf8')) as Record<string, ClincPair[]>;
  const pairs = (key: string) => (raw[key] ?? []).map(([text, label]) => ({ text, label }));
  const texts = (key: string) => (raw[key] ?? []).map(([text]) => text);
  return {
    name: `clinc150/${file}`,
    train: pairs('train'),
    val: pairs('val'),
    test: pairs('test'),
    oosVal: texts('oos_val'),
    oosTest: texts('oos_test'),
  };
}

/** CSV with a header row, text in the first column and label in the second (BANKING77, --train/--test). */
export function readLabelledCsv(path: string): Labelled[] {
  const rows = parse(readFileSync(need(path), 'utf8'), { from_line: 2, skip_empty_lines: true, relax_column_count: true }) as string[][];
  return rows
    .filter((r) => r.length >= 2 && r[0]!.trim() && r[1]!.trim())
    .map((r) => ({ text: r[0]!, label: r[1]!.trim() }));
}

/** One text per line. */
export function readLines(path: string): string[] {
  return readFileSync(need(path), 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

export function loadBanking(): IntentDataset {
  const dir = resolve(DATASETS_DIR, 'banking77');
  return { name: 'banking77', train: readLabelledCsv(resolve(dir, 'train.csv')), val: [], test: readLabelledCsv(resolve(dir, 'test.csv')), oosVal: [], oosTest: [] };
}

/**
 * The dataset with only `k` training examples per label (seeded draw), as a small team's knowledge
 * base would have. Validation and test stay whole: thresholds are still chosen on validation.
 */
export function fewShot(ds: IntentDataset, k: number, seed: number): IntentDataset {
  const random = mulberry32(seed);
  const byLabel = new Map<string, Labelled[]>();
  for (const e of ds.train) byLabel.set(e.label, [...(byLabel.get(e.label) ?? []), e]);
  const train: Labelled[] = [];
  for (const examples of byLabel.values()) {
    const pool = [...examples];
    for (let i = 0; i < k && pool.length > 0; i++) train.push(pool.splice(Math.floor(random() * pool.length), 1)[0]!);
  }
  return { ...ds, name: `${ds.name} ${k}-shot seed ${seed}`, train };
}
