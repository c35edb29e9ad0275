import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/ast/types.js';
import { ActorMentions } from '../../src/resolve/actor-mentions.js';

const actor = (id: string, label: string): Actor => ({ id, label, span: { start: 0, end: 0 }, idSpan: { start: 0, end: 0 } });
const kasubbidPe = actor('kasubbid', 'Kasubbid PE & PKM');
const kabid = actor('kabid', 'Kabid PMKS');
const kaban = actor('kaban', 'Kaban BKBPM');
const jfu = actor('jfu', 'JFU Subbid');

describe('ActorMentions', () => {
  const mentions = new ActorMentions([kasubbidPe, kabid, kaban, jfu]);

  it('names the actor a text begins with, by label, id or the first word of a label, whatever the case and punctuation', () => {
    expect(mentions.atStart('Kasubbid. PE & PKM untuk dikoreksi')).toBe(kasubbidPe);
    expect(mentions.atStart('kabid untuk diparaf')).toBe(kabid);
    expect(mentions.atStart('JFU Subbid')).toBe(jfu);
    expect(mentions.atStart('Kaban BKBPMP')).toBe(kaban); // the id, although the label is spelt otherwise
    expect(mentions.atStart('Kasubbid PEPKM')).toBe(kasubbidPe); // the first word of one label only
  });

  it('names nobody for someone outside the table, a word inside another, or a first word two columns share', () => {
    expect(mentions.atStart('penerima bantuan')).toBeUndefined();
    expect(mentions.atStart('kabidang lain')).toBeUndefined();
    const two = new ActorMentions([actor('ks1', 'Kasubbid PE & PKM'), actor('ks2', 'Kasubbid PSM & PI')]);
    expect(two.atStart('Kasubbid untuk diperiksa')).toBeUndefined();
    expect(two.atStart('Kasubbid PSM & PI')?.id).toBe('ks2');
    // An id is a name of its own: 'kasubbid' names the column whose id it is.
    expect(new ActorMentions([kasubbidPe, actor('ks2', 'Kasubbid PSM & PI')]).atStart('Kasubbid untuk diperiksa')).toBe(kasubbidPe);
  });

  it('finds every actor a sentence names, as whole words', () => {
    expect([...mentions.anywhere('Kaban BKBPM melalui Kabid PMKS')].map((a) => a.id).sort()).toEqual(['kaban', 'kabid']);
    expect([...mentions.anywhere('kabidang dan kabanjiran')]).toEqual([]);
  });
});
