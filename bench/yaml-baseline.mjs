// What a team would otherwise reach for: the same SOPs as YAML (or JSON), parsed and validated by ajv
// against a JSON Schema of that shape. One thread. Usage: node bench/yaml-baseline.mjs DIR [PARSER]
// PARSER: yaml (yaml.parse, the default, .yaml files), js-yaml (js-yaml's load, .yaml files) or
// json (JSON.parse, .json files). With BENCH_RSS_FILE set, writes its peak RSS (KB) to that file.
import Ajv2020 from 'ajv/dist/2020.js';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jsYaml from 'js-yaml';
import { parse as yamlParse } from 'yaml';

const [dir, parser = 'yaml'] = process.argv.slice(2);
const parsers = { yaml: yamlParse, 'js-yaml': (text) => jsYaml.load(text), json: JSON.parse };
const parse = parsers[parser];
if (!parse) throw new Error(`unknown parser ${parser}: yaml, js-yaml or json`);
const ext = parser === 'json' ? '.json' : '.yaml';
const schema = {
  type: 'object',
  required: ['nomor', 'judul', 'tanggalPembuatan', 'tanggalRevisi', 'tanggalEfektif', 'disahkanOleh', 'pelaksana', 'langkah'],
  properties: {
    nomor: { type: 'string', pattern: '^SOP-\\d+' },
    judul: { type: 'string', minLength: 1 },
    tanggalPembuatan: { type: 'string' },
    tanggalRevisi: { type: 'string' },
    tanggalEfektif: { type: 'string' },
    disahkanOleh: { type: 'string' },
    dasarHukum: { type: 'array', items: { type: 'string' } },
    kualifikasiPelaksana: { type: 'array', items: { type: 'string' } },
    keterkaitan: { type: 'array', items: { type: 'string', pattern: '^SOP ' } },
    peralatan: { type: 'array', items: { type: 'string' } },
    peringatan: { type: 'string' },
    pencatatan: { type: 'array', items: { type: 'string' } },
    pelaksana: { type: 'object', additionalProperties: { type: 'string' } },
    langkah: {
      type: 'array',
      items: {
        type: 'object',
        required: ['nomor', 'pelaksana', 'kegiatan', 'kelengkapan', 'waktu', 'output'],
        additionalProperties: false,
        properties: {
          nomor: { type: 'integer' },
          pelaksana: { type: 'array', items: { type: 'string' }, minItems: 1 },
          kegiatan: { type: 'string', minLength: 1 },
          kelengkapan: { type: 'array', items: { type: 'string' } },
          waktu: { type: 'string', pattern: '^\\d+ (menit|jam|hari|minggu|bulan)$' },
          output: { type: 'array', items: { type: 'string' } },
          keterangan: { type: 'string' },
          keputusan: { type: 'object', additionalProperties: { type: 'integer' } },
        },
      },
    },
  },
};
const validate = new Ajv2020.default({ allErrors: true }).compile(schema);
let invalid = 0;
const files = readdirSync(dir)
  .filter((f) => f.endsWith(ext))
  .sort();
for (const file of files) if (!validate(parse(readFileSync(join(dir, file), 'utf8')))) invalid++;
console.log(JSON.stringify({ files: files.length, invalid }));
if (process.env.BENCH_RSS_FILE) writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
