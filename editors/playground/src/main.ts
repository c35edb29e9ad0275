/**
 * The playground: an .sop editor (CodeMirror 6) with the findings inline while typing, their quick
 * fixes, and the official form rendered live beside it. Static: everything runs in this page.
 */
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { linter, lintGutter, type Diagnostic as CmDiagnostic } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, lineNumbers } from '@codemirror/view';
import type { Diagnostic } from '../../../src/diagnostics/diagnostic.js';
import { checkText, formHtml } from './check.js';
import { sopLanguage } from './highlight.js';
import sample from '../../../sops/sop-506.sop';

type Language = 'id' | 'en';
const STORAGE_KEY = 'soplint-playground-text';
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

let language: Language = (localStorage.getItem('soplint-playground-lang') as Language) || (navigator.language.startsWith('id') ? 'id' : 'en');
let findings: Diagnostic[] = [];
const UI: Record<Language, Record<string, string>> = {
  id: { fix: 'Perbaiki', none: 'Tidak ada temuan.', count: 'temuan', line: 'baris' },
  en: { fix: 'Fix', none: 'No findings.', count: 'findings', line: 'line' },
};

function message(d: Diagnostic): string {
  return d.hint ? `${d.message[language]} (${d.hint[language]})` : d.message[language];
}

function applyFix(view: EditorView, d: Diagnostic): void {
  if (!d.fix) return;
  view.dispatch({ changes: { from: d.fix.offset, to: d.fix.endOffset, insert: d.fix.text } });
  view.focus();
}

const sopLinter = linter(
  (view) => {
    const text = view.state.doc.toString();
    findings = checkText(text);
    renderFindings(view);
    return findings.map<CmDiagnostic>((d) => ({
      from: Math.min(d.offset, text.length),
      to: Math.min(Math.max(d.endOffset, d.offset), text.length),
      severity: d.severity,
      source: d.ruleId,
      message: message(d),
      actions: d.fix ? [{ name: UI[language].fix, apply: (v) => applyFix(v, d) }] : [],
    }));
  },
  { delay: 150 },
);

function renderFindings(view: EditorView): void {
  const list = $('findings');
  list.replaceChildren();
  $('findings-count').textContent = findings.length ? `${findings.length} ${UI[language].count}` : UI[language].none;
  for (const d of findings) {
    const item = document.createElement('li');
    item.className = `finding ${d.severity}`;
    item.dataset.rule = d.ruleId;
    const where = document.createElement('button');
    where.type = 'button';
    where.className = 'where';
    where.textContent = `${UI[language].line} ${d.line}:${d.column}`;
    where.addEventListener('click', () => {
      view.dispatch({ selection: { anchor: d.offset, head: d.endOffset }, scrollIntoView: true });
      view.focus();
    });
    const text = document.createElement('span');
    text.textContent = ` ${d.severity} ${message(d)} [${d.ruleId}]`;
    item.append(where, text);
    if (d.fix) {
      const fix = document.createElement('button');
      fix.type = 'button';
      fix.className = 'fix';
      fix.textContent = UI[language].fix;
      fix.addEventListener('click', () => applyFix(view, d));
      item.append(' ', fix);
    }
    list.append(item);
  }
}

/**
 * The form follows every change on the next frame (several keystrokes in one frame draw once); the
 * findings follow after a pause in typing (the linter's delay). `formUpdated` records, for the
 * benchmark and the tests, when the form's page last finished loading and how long drawing its HTML
 * took.
 */
let formFrame = 0;
let formUpdated = { at: 0, renderMs: 0, version: 0 };
let pendingRenderMs: number | undefined;
$<HTMLIFrameElement>('form').addEventListener('load', () => {
  if (pendingRenderMs === undefined) return;
  formUpdated = { at: performance.now(), renderMs: pendingRenderMs, version: formUpdated.version + 1 };
  pendingRenderMs = undefined;
});
function scheduleForm(view: EditorView): void {
  cancelAnimationFrame(formFrame);
  formFrame = requestAnimationFrame(() => {
    const text = view.state.doc.toString();
    const started = performance.now();
    const html = formHtml(text);
    pendingRenderMs = performance.now() - started;
    $<HTMLIFrameElement>('form').srcdoc = html;
    localStorage.setItem(STORAGE_KEY, text);
  });
}

/** A text given in the link: `index.html#sop=<the UTF-8 text in base64url>`. */
function textFromLink(): string | undefined {
  const match = /^#sop=([A-Za-z0-9_-]+=*)$/.exec(location.hash);
  if (!match) return undefined;
  try {
    const binary = atob(match[1].replace(/-/g, '+').replace(/_/g, '/'));
    return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

const view = new EditorView({
  parent: $('editor'),
  state: EditorState.create({
    doc: textFromLink() ?? localStorage.getItem(STORAGE_KEY) ?? sample,
    extensions: [
      lineNumbers(),
      history(),
      keymap.of([...defaultKeymap, ...historyKeymap]),
      sopLanguage,
      syntaxHighlighting(defaultHighlightStyle),
      lintGutter(),
      sopLinter,
      EditorView.contentAttributes.of({ 'aria-label': 'SOP (.sop)' }),
      EditorView.lineWrapping,
      EditorView.updateListener.of((update) => {
        if (update.docChanged) scheduleForm(update.view);
      }),
    ],
  }),
});

// The scroller is reachable by keyboard too (axe: scrollable-region-focusable).
view.scrollDOM.tabIndex = 0;
view.scrollDOM.setAttribute('role', 'region');
view.scrollDOM.setAttribute('aria-label', 'Teks SOP (gulir)');

// Controls: open a file, save the text, print the form, switch the messages' language.
$<HTMLInputElement>('open').addEventListener('change', async (event) => {
  const file = (event.target as HTMLInputElement).files?.[0];
  if (!file) return;
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: await file.text() } });
});
$('save').addEventListener('click', () => {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([view.state.doc.toString()], { type: 'text/plain;charset=utf-8' }));
  link.download = 'sop.sop';
  link.click();
  URL.revokeObjectURL(link.href);
});
$('print').addEventListener('click', () => $<HTMLIFrameElement>('form').contentWindow?.print());
const languageSelect = $<HTMLSelectElement>('lang');
languageSelect.value = language;
languageSelect.addEventListener('change', () => {
  language = languageSelect.value as Language;
  localStorage.setItem('soplint-playground-lang', language);
  // Same text, new words: a no-op edit makes the linter run again.
  view.dispatch({ changes: { from: 0, to: 0, insert: '' } });
  view.dispatch(view.state.update({}));
  renderFindings(view);
});
$('reset').addEventListener('click', () => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: sample } }));

// For the tests and the curious: the editor and the last findings.
scheduleForm(view);
(window as unknown as { playground: unknown }).playground = { view, findings: () => findings, formUpdated: () => formUpdated };
