// Shared by the Teams packaging tests: a throw-away copy of teams/ to break, and zips to open.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AdmZip from 'adm-zip';
import type { TeamsAppSettings } from '../../teams/env.js';
import { TEAMS_DIR } from '../../teams/package.js';

export const BOT_ID = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';
export const settings: TeamsAppSettings = { botId: BOT_ID, appId: 'b7c1a0d2-5e6f-4a8b-9c0d-1e2f3a4b5c6d', version: '1.2.3', hostname: 'bot.contoso.com' };

export interface Workspace {
  /** a copy of teams/ (manifest.json, fr.json, the icons) */
  templateDir: string;
  /** where the zip goes; absent until built */
  outFile: string;
  /** rewrites a JSON file of the copy */
  editJson(file: string, edit: (json: Record<string, unknown>) => void): void;
  write(file: string, data: Buffer): void;
}

/** A fresh copy of the templates per test, removed afterwards. */
export function useWorkspace(): () => Workspace {
  let root = '';
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'scriba-teams-'));
    cpSync(TEAMS_DIR, join(root, 'teams'), { recursive: true, filter: (src) => !src.endsWith('.ts') });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));
  return () => {
    const templateDir = join(root, 'teams');
    return {
      templateDir,
      outFile: join(root, 'dist', 'scriba-teams-app.zip'),
      editJson(file, edit) {
        const json: Record<string, unknown> = JSON.parse(readFileSync(join(templateDir, file), 'utf8'));
        edit(json);
        writeFileSync(join(templateDir, file), JSON.stringify(json, null, 2));
      },
      write(file, data) {
        writeFileSync(join(templateDir, file), data);
      },
    };
  };
}

export function zipEntries(file: string): Map<string, Buffer> {
  return new Map(new AdmZip(file).getEntries().map((e) => [e.entryName, e.getData()]));
}

export function jsonEntry(entries: Map<string, Buffer>, name: string): Record<string, unknown> {
  const data = entries.get(name);
  if (!data) throw new Error(`${name} is not in the zip`);
  return JSON.parse(data.toString('utf8'));
}
