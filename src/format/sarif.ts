/** SARIF 2.1.0 for GitHub code scanning: every rule described, every result with a full region. */
import { docsPath } from '../rules/rule.js';
import type { Diagnostic, Language, Severity } from '../diagnostics/diagnostic.js';
import { REPOSITORY_URL, ruleDocsUrl } from './docs-url.js';
import { catalogue } from './rule-catalogue.js';
import { streamedJsonList } from './json.js';
import { type StreamingFormatter, wholeReport } from './types.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export const sarifStreaming: StreamingFormatter = {
  start(input, write) {
    const lang = input.language;
    const entries = catalogue(input.rules);
    const ruleIndex = new Map(entries.map((e, i) => [e.id, i]));
    const sarif = {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'soplint',
              version: input.toolVersion,
              semanticVersion: input.toolVersion,
              informationUri: REPOSITORY_URL,
              rules: entries.map((e) => ({
                id: e.id,
                name: e.id.replace(/[/-](\w)/g, (_, c: string) => c.toUpperCase()),
                shortDescription: { text: e.description[lang] },
                fullDescription: { text: e.rationale[lang] },
                // Code scanning links the rule's page from each alert.
                helpUri: ruleDocsUrl(e.id),
                help: { text: `${e.rationale[lang]} (${ruleDocsUrl(e.id)})`, markdown: `${e.rationale[lang]}\n\n[${docsPath(e.id)}](${ruleDocsUrl(e.id)})` },
                defaultConfiguration: { level: LEVEL[e.defaultSeverity] },
                properties: { tags: [e.id.split('/')[0]] },
              })),
            },
          },
          originalUriBaseIds: { SRCROOT: { description: { text: 'The folder soplint was run in.' } } },
          results: 'soplint-results-placeholder',
        },
      ],
    };
    const list = streamedJsonList(sarif, write, 'soplint-results-placeholder');
    return {
      findings(batch) {
        for (const d of batch) list.item(sarifResult(d, lang, ruleIndex));
      },
      end: () => list.end(),
    };
  },
};

const sarifResult = (d: Diagnostic, lang: Language, ruleIndex: Map<string, number>) => ({
  ruleId: d.ruleId,
  ...(ruleIndex.has(d.ruleId) ? { ruleIndex: ruleIndex.get(d.ruleId) } : {}),
  level: LEVEL[d.severity],
  message: { text: d.hint ? `${d.message[lang]} (${d.hint[lang]})` : d.message[lang] },
  locations: [
    {
      physicalLocation: {
        artifactLocation: { uri: encodeURI(d.file), uriBaseId: 'SRCROOT' },
        region: {
          startLine: d.line,
          startColumn: d.column,
          endLine: d.endLine,
          endColumn: Math.max(d.endColumn, d.endLine === d.line ? d.column + 1 : 1),
        },
      },
    },
  ],
  ...(d.related?.length
    ? {
        relatedLocations: d.related.map((r, id) => ({
          id,
          message: { text: r.message[lang] },
          physicalLocation: {
            artifactLocation: { uri: encodeURI(r.file), uriBaseId: 'SRCROOT' },
            region: {
              startLine: r.line,
              startColumn: r.column,
              endLine: r.endLine,
              endColumn: Math.max(r.endColumn, r.endLine === r.line ? r.column + 1 : 1),
            },
          },
        })),
      }
    : {}),
  // The edit `soplint check --fix` makes (SARIF counts characters as UTF-16 code units, as soplint does).
  ...(d.fix
    ? {
        fixes: [
          {
            description: { text: d.hint?.[lang] ?? d.message[lang] },
            artifactChanges: [
              {
                artifactLocation: { uri: encodeURI(d.file), uriBaseId: 'SRCROOT' },
                replacements: [
                  { deletedRegion: { charOffset: d.fix.offset, charLength: d.fix.endOffset - d.fix.offset }, insertedContent: { text: d.fix.text } },
                ],
              },
            ],
          },
        ],
      }
    : {}),
});

export const sarifFormatter = wholeReport(sarifStreaming);
