// Fills the `${{NAME}}` placeholders of a JSON template (teams/manifest.json) with settings.
// Works on the parsed JSON, so a value can never break the JSON around it.

/** A value per placeholder name; `undefined` = an optional value that is not set. */
export type TemplateValues = Record<string, string | undefined>;

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
const ONLY_PLACEHOLDER = /^\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}$/;

export interface FillResult {
  value: unknown;
  /** e.g. "validDomains[0]: ${{FOO}} is not a known placeholder (known: …)" */
  problems: string[];
}

/**
 * Replaces every placeholder in every string of `template`. An array item that is nothing but the
 * placeholder of an unset optional value is left out (`"validDomains": ["${{PUBLIC_HOSTNAME}}"]`
 * becomes `[]`); an unset value anywhere else, or an unknown name, is a problem.
 */
export function fillTemplate(template: unknown, values: TemplateValues): FillResult {
  const problems: string[] = [];
  const known = Object.keys(values).join(', ');

  const fillString = (text: string, where: string): string =>
    text.replace(PLACEHOLDER, (whole, name: string) => {
      if (!Object.hasOwn(values, name)) {
        problems.push(`${where}: ${whole} is not a known placeholder (known: ${known})`);
        return whole;
      }
      const value = values[name];
      if (value === undefined) {
        problems.push(`${where}: ${whole} has no value`);
        return whole;
      }
      return value;
    });

  const walk = (node: unknown, where: string): unknown => {
    if (typeof node === 'string') return fillString(node, where);
    if (Array.isArray(node)) {
      return node
        .map((item, i) => ({ item, i }))
        .filter(({ item }) => {
          const name = typeof item === 'string' ? ONLY_PLACEHOLDER.exec(item)?.[1] : undefined;
          return !(name !== undefined && Object.hasOwn(values, name) && values[name] === undefined);
        })
        .map(({ item, i }) => walk(item, `${where}[${i}]`));
    }
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([key, v]) => [key, walk(v, where ? `${where}.${key}` : key)]));
    }
    return node;
  };

  return { value: walk(template, ''), problems };
}
