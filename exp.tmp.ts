import * as OpenCC from 'opencc-js';
import { createConverter } from './src/core/zh/index.ts';
import { toCornerQuotes, toCurlyQuotes } from './src/core/zh/quotes.ts';
import { nodeDictionaryLoader } from './src/node/zh-dicts.ts';
import { agreement, differences, editionPairs, sides } from './test/unit/zh-bbc-editions.ts';
const load = nodeDictionaryLoader();
const ours = { 'simp→tw': await createConverter({ from: 'auto', to: 'tw', quotes: 'corner' }, load), 'trad→simp': await createConverter({ from: 'auto', to: 'simp', quotes: 'corner' }, load) } as const;
const s2tw = OpenCC.Converter({ from: 'cn', to: 'tw' }), t2s = OpenCC.Converter({ from: 't', to: 'cn' }), tw2s = OpenCC.Converter({ from: 'tw', to: 'cn' });
const plain = { 'simp→tw': (t: string) => toCornerQuotes(s2tw(t)), 'trad→simp': (t: string) => toCurlyQuotes(t2s(t)) } as const;
for (const dir of ['simp→tw', 'trad→simp'] as const) {
  let a = 0, b = 0, c = 0, n = 0;
  for (const p of editionPairs()) { const { source, bbc } = sides(p, dir);
    const o = agreement(ours[dir](source), bbc), q = agreement(plain[dir](source), bbc); a += o.same; b += q.same; n += o.total;
    if (dir === 'trad→simp') c += agreement(toCurlyQuotes(tw2s(source)), bbc).same;
    for (const d of differences(dir, p.article, ours[dir](source), bbc)) console.log(JSON.stringify(d));
  }
  console.log(dir, 'ours', a, '/', n, (a / n * 100).toFixed(2), 'plain', b, (b / n * 100).toFixed(2), dir === 'trad→simp' ? 'tw2s ' + c : '');
}
