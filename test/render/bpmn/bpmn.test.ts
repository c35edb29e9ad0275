import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { describe, expect, it } from 'vitest';
import { renderBpmn } from '../../../src/emit/bpmn/index.js';
import { parseSop } from '../../../src/ast/parse.js';
import { expectGolden } from '../../helpers/golden.js';
import { filesIn, fromRoot } from '../../helpers/paths.js';
import { lintReports, moddleImport } from './lint.js';

const fixtures = filesIn(fromRoot('test/render/fixtures'), '.sop');
const all = [...fixtures, ...filesIn(fromRoot('sops'), '.sop'), ...filesIn(fromRoot('test/fixtures/offices'), '.sop')];
const render = (file: string) => renderBpmn(parseSop(readFileSync(file, 'utf8'), basename(file)).document);

const XSD_DIR = fromRoot('node_modules/bpmn-moddle/resources/bpmn/xsd');
const xsd = (name: string) => ({ fileName: name, contents: readFileSync(`${XSD_DIR}/${name}`, 'utf8') });

async function xsdErrors(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'sop.bpmn', contents: xml }],
    schema: [xsd('BPMN20.xsd')],
    preload: [xsd('BPMNDI.xsd'), xsd('DC.xsd'), xsd('DI.xsd'), xsd('Semantic.xsd')],
  });
  return result.errors.map((e) => e.message);
}

describe('bpmn output read back by BPMN tools', () => {
  it.each(all.map((f) => [basename(f), f]))('%s is valid against the BPMN 2.0 XSD', async (_, file) => {
    expect(await xsdErrors(render(file))).toEqual([]);
  });

  it.each(all.map((f) => [basename(f), f]))('%s imports into bpmn-moddle without warnings', async (_, file) => {
    const { warnings } = await moddleImport(render(file));
    expect(warnings.map((w: { message: string }) => w.message)).toEqual([]);
  });

  it.each(all.map((f) => [basename(f), f]))('%s passes bpmnlint recommended', async (_, file) => {
    expect(await lintReports(render(file))).toEqual([]);
  });

  it('has a lane per actor, a task per step, a gateway per decision, named conditional exits', async () => {
    const { rootElement } = await moddleImport(render(fromRoot('test/render/fixtures/decisions.sop')));
    const process = rootElement.rootElements.find((e: { $type: string }) => e.$type === 'bpmn:Process');
    const elements = process.flowElements as { $type: string; name?: string; conditionExpression?: unknown }[];
    expect(process.laneSets[0].lanes.map((l: { name: string }) => l.name)).toEqual(['Kasubbid', 'Kabid']);
    expect(elements.filter((e) => e.$type === 'bpmn:Task')).toHaveLength(6);
    expect(elements.filter((e) => e.$type === 'bpmn:ExclusiveGateway' && e.name?.startsWith('Keputusan'))).toHaveLength(3);
    const named = elements.filter((e) => e.$type === 'bpmn:SequenceFlow' && e.name).map((e) => e.name);
    expect(named).toEqual(expect.arrayContaining(['Ya', 'Tidak', 'Lengkap', 'Tidak lengkap', 'Setuju', 'Perbaiki', 'Tolak']));
  });

  it('keeps hostile text literal', async () => {
    const { rootElement } = await moddleImport(render(fromRoot('test/render/fixtures/hostile.sop')));
    const process = rootElement.rootElements.find((e: { $type: string }) => e.$type === 'bpmn:Process');
    const task = process.flowElements.find((e: { id: string }) => e.id === 'Task_p1_1');
    expect(task.name).toContain('<script>alert(1)</script> & "kutip"');
  });

  it('the checks reject broken BPMN (negative controls)', async () => {
    const good = render(fromRoot('test/render/fixtures/decisions.sop'));
    expect((await xsdErrors(good.replace('<bpmn:task ', '<bpmn:tusk '))).length).toBeGreaterThan(0);
    const noEnd = good.replace(/<bpmn:endEvent[\s\S]*?<\/bpmn:endEvent>/, '');
    expect((await lintReports(noEnd)).join('\n')).toMatch(/end-event-required/);
  });

  it.each(fixtures.map((f) => [basename(f), f]))('%s matches its golden output', (name, file) => {
    expectGolden(fromRoot('test/render/bpmn/golden', String(name).replace(/\.sop$/, '.bpmn')), render(file));
  });
});
