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

  type Element = { $type: string; id: string; name?: string; text?: string; sourceRef?: Element; targetRef?: Element; flowNodeRef?: Element[] };
  const processOf = async (file: string) => {
    const { rootElement } = await moddleImport(render(fromRoot(file)));
    return rootElement.rootElements.find((e: Element) => e.$type === 'bpmn:Process') as {
      flowElements: Element[];
      artifacts?: Element[];
      laneSets: { lanes: Element[] }[];
    };
  };

  it('draws a co-actor: a parallel split into a task in each actor lane, and a join', async () => {
    const process = await processOf('test/fixtures/offices/rsud-baa-pendaftaran-pasien.sop');
    const laneOf = (id: string) => process.laneSets[0].lanes.find((l) => l.flowNodeRef?.some((n) => n.id === id))?.name;
    const copies = process.flowElements.filter((e) => e.$type === 'bpmn:Task' && /^Task_p1_1(_\d+)?$/.test(e.id));
    expect(copies.map((t) => laneOf(t.id))).toEqual(['PETUGAS LOKET I', 'VERIFIKATOR', 'PETUGAS LOKET II']);
    const flows = process.flowElements.filter((e) => e.$type === 'bpmn:SequenceFlow');
    for (const task of copies) {
      expect(flows.find((f) => f.targetRef?.id === task.id)?.sourceRef?.$type).toBe('bpmn:ParallelGateway');
      expect(flows.find((f) => f.sourceRef?.id === task.id)?.targetRef?.$type).toBe('bpmn:ParallelGateway');
    }
  });

  it('notes lost steps on the flow where they are missing', async () => {
    const notes = async (file: string) => {
      const process = await processOf(file);
      const links = (process.artifacts ?? []).filter((a) => a.$type === 'bpmn:Association');
      return links.map((l) => ({ text: l.sourceRef?.text, on: l.targetRef?.$type, from: l.targetRef?.sourceRef?.id, to: l.targetRef?.targetRef?.id }));
    };
    // 'Hilang: 1-11': the table starts at step 12; the note is on Start -> 12.
    expect(await notes('sops/sop-409.sop')).toContainEqual({
      text: 'Langkah 1-11 hilang di sumber',
      on: 'bpmn:SequenceFlow',
      from: 'Start_p1',
      to: 'Task_p1_1',
    });
    // 1, 2, 3, 4, 6, 9: numbers the source skips.
    const skipped = await notes('sops/sop-407.sop');
    expect(skipped).toContainEqual({ text: 'Langkah 5 tidak ada di sumber (nomor dilompati)', on: 'bpmn:SequenceFlow', from: 'Task_p1_4', to: 'Task_p1_5' });
    expect(skipped.map((n) => n.text)).toContain('Langkah 7-8 tidak ada di sumber (nomor dilompati)');
    // 'Hilang: 12-?': the end of the table is lost; the note is on the last step's way out.
    expect((await notes('sops/sop-308.sop')).map((n) => n.text)).toContain('Langkah 12 sampai akhir tabel hilang di sumber');
  });

  it('keeps a three-way decision clear of the merge after it (its gateways overlapped: bpmnlint warned)', async () => {
    const source = [
      'Judul SOP: Tiga arah',
      'Prosedur: Tiga arah',
      'Pelaksana:',
      '  a = Kasubbid',
      '  b = Kabid',
      '  1. [a] Menerima berkas',
      '  2. [a, b] Memeriksa berkas',
      '     Keputusan: Setuju -> 3, Perbaiki -> 1, Tolak -> selesai',
      '  3. [a] Memproses berkas',
      '  4. [b] Menandatangani',
      '     Keputusan: Ya -> selesai, Tidak -> 3',
      '',
    ].join('\n');
    const xml = renderBpmn(parseSop(source, 'tiga-arah.sop').document);
    expect(xml).toContain('id="Merge_p1_3"');
    expect(await lintReports(xml)).toEqual([]);
    // The check itself: the gateway moved onto the merge is reported.
    const merge = xml.match(/bpmnElement="Merge_p1_3"[^>]*><dc:Bounds x="(\d+)" y="(\d+)"/)!;
    const moved = xml.replace(/(bpmnElement="Gateway_p1_2"[^>]*><dc:Bounds x=")\d+(" y=")\d+/, `$1${merge[1]}$2${merge[2]}`);
    expect((await lintReports(moved)).join('\n')).toMatch(/no-overlapping-elements: Gateway_p1_2/);
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
