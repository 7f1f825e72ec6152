// Checks that a troubleshooting flow can be walked: every link lands somewhere, every step can be
// reached, and the user can always get out (to 'resolved' or 'escalate') instead of going round in circles.
import { FLOW_ENDINGS, type FrontFlow } from './articleSchema.js';
import type { Problem } from './problems.js';
import type { LineOf } from './yamlSource.js';

type Step = FrontFlow['steps'][number];

export function checkFlow(file: string, flow: FrontFlow, lineOf: LineOf): Problem[] {
  const problems: Problem[] = [];
  const at = (path: PropertyKey[], message: string) => problems.push({ file, line: lineOf(['flow', ...path]), message });

  const steps = new Map<string, Step>();
  const firstIndex = new Map<string, number>();
  flow.steps.forEach((step, i) => {
    const first = firstIndex.get(step.id);
    if (first === undefined) {
      steps.set(step.id, step);
      firstIndex.set(step.id, i);
    } else {
      const firstLine = lineOf(['flow', 'steps', first, 'id']);
      at(['steps', i, 'id'], `step id '${step.id}' is used twice (first at line ${firstLine})`);
    }
  });

  const hasStart = steps.has(flow.start);
  if (!hasStart) at(['start'], `'flow.start' names step '${flow.start}', which does not exist`);

  flow.steps.forEach((step, i) =>
    step.choices.forEach((choice, j) => {
      if (!isEnding(choice.next) && !steps.has(choice.next)) {
        at(
          ['steps', i, 'choices', j, 'next'],
          `step '${step.id}', choice ${j + 1}: 'next' points to unknown step '${choice.next}' (use a step id, 'resolved' or 'escalate')`,
        );
      }
    }),
  );

  // Without a valid start, reachability means nothing; still look for a way out among all steps.
  const reachable = hasStart ? reachableFrom(flow.start, steps) : new Set(steps.keys());
  if (hasStart) {
    for (const id of steps.keys()) {
      if (!reachable.has(id)) {
        at(['steps', firstIndex.get(id)!, 'id'], `step '${id}' cannot be reached from the start step '${flow.start}'`);
      }
    }
  }

  const ends = stepsThatCanEnd(steps);
  const stuck = [...reachable].filter((id) => !ends.has(id));
  if (stuck.length === reachable.size) {
    at([], "no path through the flow leads to 'resolved' or 'escalate'");
  } else {
    for (const id of stuck) {
      at(['steps', firstIndex.get(id)!, 'id'], `from step '${id}' no path leads to 'resolved' or 'escalate'`);
    }
  }
  return problems;
}

export function isEnding(next: string): next is (typeof FLOW_ENDINGS)[number] {
  return (FLOW_ENDINGS as readonly string[]).includes(next);
}

function reachableFrom(start: string, steps: Map<string, Step>): Set<string> {
  const seen = new Set<string>([start]);
  const queue = [start];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const { next } of steps.get(id)?.choices ?? []) {
      if (steps.has(next) && !seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

/** Steps from which some sequence of choices ends the flow; grown until nothing changes. */
function stepsThatCanEnd(steps: Map<string, Step>): Set<string> {
  const ends = new Set<string>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const [id, step] of steps) {
      if (!ends.has(id) && step.choices.some((c) => isEnding(c.next) || ends.has(c.next))) {
        ends.add(id);
        grew = true;
      }
    }
  }
  return ends;
}
