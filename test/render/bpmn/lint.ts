/** bpmn-moddle's reading and bpmnlint's recommended rules over a BPMN file, as the tests use them. */
import { BpmnModdle } from 'bpmn-moddle';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { Linter } = require('bpmnlint') as {
  Linter: new (options: object) => { lint(root: unknown): Promise<Record<string, { message: string; id?: string }[]>> };
};
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver') as new () => object;

export async function moddleImport(xml: string) {
  const moddle = new BpmnModdle();
  return moddle.fromXML(xml, 'bpmn:Definitions');
}

/** Every report of bpmnlint's recommended configuration (errors and warnings), as "rule: id message". */
export async function lintReports(xml: string): Promise<string[]> {
  const { rootElement } = await moddleImport(xml);
  const linter = new Linter({ config: { extends: 'bpmnlint:recommended' }, resolver: new NodeResolver() });
  const results = await linter.lint(rootElement);
  return Object.entries(results).flatMap(([rule, reports]) => reports.map((r) => `${rule}: ${r.id ?? ''} ${r.message}`));
}
