// Each phrase fix in src/core/zh/fixes.ts: a sentence where plain opencc-js goes wrong, what we
// give instead, and a check that the fix's value is what OpenCC gives for the correctly cut words.

import { describe, expect, it } from 'vitest';
import { createConverter } from '../../src/core/zh/index.ts';
import { ST_PHRASE_FIXES } from '../../src/core/zh/fixes.ts';
import { nodeDictionaryLoader } from '../../src/node/zh-dicts.ts';
import { plainOpencc } from './zh-reference.ts';

const load = nodeDictionaryLoader();
const s2t = plainOpencc('s2t');

/** Input, plain opencc-js s2tw (wrong), ours. */
const SENTENCES: [string, string, string][] = [
  ['坚持一个中心，两个基本点', '堅持一箇中心，兩個基本點', '堅持一個中心，兩個基本點'],
  ['台湾不接受一个中国原则', '臺灣不接受一箇中國原則', '臺灣不接受一個中國原則'],
  ['他买了一个旧手机', '他買了一箇舊手機', '他買了一個舊手機'],
  // From the 2022 fixture article (world-62912357).
  ['成为一个中兴的领导人', '成為一箇中興的領導人', '成為一個中興的領導人'],
  ['前头发生了什么', '前頭髮生了什麼', '前頭發生了什麼'],
  ['码头发生爆炸', '碼頭髮生爆炸', '碼頭發生爆炸'],
  ['他抬头发现天黑了', '他抬頭髮現天黑了', '他抬頭發現天黑了'],
  ['由国务院牵头发布', '由國務院牽頭髮布', '由國務院牽頭發佈'],
  ['官员口头发表声明', '官員口頭髮表聲明', '官員口頭發表聲明'],
  ['多国带头发起倡议', '多國帶頭髮起倡議', '多國帶頭發起倡議'],
  ['街头发出呼喊', '街頭髮出呼喊', '街頭發出呼喊'],
  ['上头发言的人', '上頭髮言的人', '上頭發言的人'],
  ['苗头发展成危机', '苗頭髮展成危機', '苗頭發展成危機'],
  ['带头发动攻势', '帶頭髮動攻勢', '帶頭發動攻勢'],
  ['这项技术被发明出来', '這項技術被髮明出來', '這項技術被發明出來'],
  ['文物被发掘', '文物被髮掘', '文物被發掘'],
  ['报告被发布', '報告被髮布', '報告被發佈'],
  ['报告被发表', '報告被髮表', '報告被發表'],
  ['华为会被美国制裁打垮', '華為會被美國製裁打垮', '華為會被美國制裁打垮'],
  ['中国制裁美国军工企业', '中國製裁美國軍工企業', '中國制裁美國軍工企業'],
  ['韩国制裁朝鲜', '韓國製裁朝鮮', '韓國制裁朝鮮'],
  ['接受BBC中文采访时称', '接受BBC中文采訪時稱', '接受BBC中文採訪時稱'],
];

/** Hair readings the fixes must keep. */
const KEPT: [string, string][] = [
  ['她的头发生长得很快', '她的頭髮生長得很快'],
  ['头发布满灰尘', '頭髮佈滿灰塵'],
  ['剪头发', '剪頭髮'],
  ['他被发现死在家中', '他被發現死在家中'],
  ['美国制造', '美國製造'],
  ['中国制', '中國製'],
  ['两个中国', '兩個中國'],
  ['个中原因', '箇中原因'],
];

describe('phrase fixes beyond opencc-js (s2tw)', () => {
  it.each(SENTENCES)('%s', async (input, openccOutput, ours) => {
    expect(plainOpencc('s2tw')(input)).toBe(openccOutput);
    const convert = await createConverter({ from: 'simp', to: 'tw', quotes: 'keep' }, load);
    expect(convert(input)).toBe(ours);
  });

  it.each(KEPT)('keeps %s as OpenCC has it', async (input, expected) => {
    const convert = await createConverter({ from: 'simp', to: 'tw', quotes: 'keep' }, load);
    expect(plainOpencc('s2tw')(input)).toBe(expected);
    expect(convert(input)).toBe(expected);
  });

  it('every fix is exercised by a sentence above', () => {
    const inputs = [...SENTENCES.map(([input]) => input), ...KEPT.map(([input]) => input)];
    for (const fix of ST_PHRASE_FIXES) {
      expect(inputs.some((input) => input.includes(fix.from)), fix.from).toBe(true);
      expect(fix.note.length).toBeGreaterThan(20);
    }
  });

  it('each value is opencc-js’s conversion of the key cut in two: a fix changes only the cut', () => {
    for (const fix of ST_PHRASE_FIXES) {
      const chars = [...fix.from];
      const cuts = chars.slice(1).map((_, index) => s2t(chars.slice(0, index + 1).join('')) + s2t(chars.slice(index + 1).join('')));
      expect(cuts, fix.from).toContain(fix.to);
    }
  });
});

describe('auto to traditional uses the fixes too', () => {
  it('on a simplified text', async () => {
    const convert = await createConverter({ from: 'auto', to: 'hk', quotes: 'keep' }, load);
    expect(convert('坚持一个中心，两个基本点')).toBe('堅持一個中心，兩個基本點');
  });
});
