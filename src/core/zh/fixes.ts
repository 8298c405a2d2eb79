// Where OpenCC's longest-match segmentation goes wrong in news text, and the smallest entry that
// fixes it. These phrases sit above the `st` dictionary (simplified → traditional) with the highest
// priority, in every conversion that uses it; each is a phrase, so it also cuts segments exactly as
// an STPhrases entry would. Every value is what OpenCC gives for the correctly cut words
// (test/unit/zh-fixes.test.ts checks that each value is opencc-js's conversion of the key cut in
// two), so a fix changes nothing but the cut.

export interface PhraseFix {
  /** Simplified key. */
  from: string;
  /** Traditional value. */
  to: string;
  /** Where the error was reported or seen, and why this entry is the smallest fix. */
  note: string;
}

const HAIR_ISSUE =
  'OpenCC #586 (前头发生 → 前頭髮生) and tongwentang #63 (发布 → 髮布): 头发 (hair) swallows the 发 of the verb that follows ' +
  'a word ending in 头 (码头, 街头, 带头, 抬头). 头 + these 发-verbs is almost never about hair in news text.';

const SANCTIONS_ISSUE =
  'Seen in the fixture trad-2023-chinese-news-66748432 (會被美國制裁): 美国制裁 became 美國製裁 because STPhrases has ' +
  '美国制 / 中国制 / 韩国制 → …製 ("made in"); 制裁 (sanctions) never takes 製. Only these three countries have such an entry.';

export const ST_PHRASE_FIXES: readonly PhraseFix[] = [
  {
    from: '一个',
    to: '一個',
    note:
      'Issue 3, and the fixture simp-2022-world-62912357 (成为一个中兴的领导人 → 一箇中興): 一个中心 / 一个中国 / 一个旧… became ' +
      '一箇中心 / 一箇中國 / 一箇舊 because STPhrases has 个中 → 箇中 and ' +
      '个旧 → 箇舊 but no 一个; after 一, 个 is always the classifier 個 (两个/这个/几个 are already phrases).',
  },
  { from: '头发生', to: '頭發生', note: HAIR_ISSUE },
  { from: '头发现', to: '頭發現', note: HAIR_ISSUE },
  { from: '头发布', to: '頭發佈', note: HAIR_ISSUE },
  { from: '头发表', to: '頭發表', note: HAIR_ISSUE },
  { from: '头发起', to: '頭發起', note: HAIR_ISSUE },
  { from: '头发出', to: '頭發出', note: HAIR_ISSUE },
  { from: '头发言', to: '頭發言', note: HAIR_ISSUE },
  { from: '头发展', to: '頭發展', note: HAIR_ISSUE },
  { from: '头发动', to: '頭發動', note: HAIR_ISSUE },
  { from: '头发生长', to: '頭髮生長', note: 'Keeps the hair reading that the 头发生 entry above would otherwise break.' },
  { from: '头发布满', to: '頭髮佈滿', note: 'Keeps the hair reading that the 头发布 entry above would otherwise break.' },
  {
    from: '被发',
    to: '被發',
    note:
      'OpenCC #1497: 被发明 / 被发掘 / 被发表 / 被发布 became 被髮…: STPhrases has 被发 → 被髮 (classical "loose hair"); in news ' +
      '被 is the passive and 发 starts the verb. Longer STPhrases entries (被发现 …) still win.',
  },
  { from: '被发布', to: '被發佈', note: 'With 被发 above, keeps OpenCC’s 发布 → 發佈 after 被 (as everywhere else).' },
  { from: '美国制裁', to: '美國制裁', note: SANCTIONS_ISSUE },
  { from: '中国制裁', to: '中國制裁', note: SANCTIONS_ISSUE },
  { from: '韩国制裁', to: '韓國制裁', note: SANCTIONS_ISSUE },
  {
    from: '文采访',
    to: '文採訪',
    note:
      'OpenCC #805, quoting this BBC article (接受BBC中文采访时称 → 中文采訪): STPhrases has 文采 → 文采; 中文/英文 + 采访 is an interview.',
  },
];
