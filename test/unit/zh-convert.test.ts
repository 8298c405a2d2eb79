// What a reader sees when switching script: quotation marks per script, apostrophes in Latin text
// left alone, stray characters of the other script normalised, the page's own traditional text
// untouched, Latin/digits/emoji as they were, URLs never converted, and dictionaries loaded only
// for the conversion asked for.

import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/core/article.ts';
import { convertArticle, createConverter, packsFor, type DictionaryLoader } from '../../src/core/zh/index.ts';
import { toCornerQuotes, toCurlyQuotes } from '../../src/core/zh/quotes.ts';
import { nodeDictionaryLoader } from '../../src/node/zh-dicts.ts';

const load = nodeDictionaryLoader();

describe('quotation marks', () => {
  it('traditional targets turn “”‘’ into 「」『』 by default', async () => {
    const tw = await createConverter({ from: 'auto', to: 'tw', quotes: 'corner' }, load);
    expect(tw('他说：“我们会‘坚持’到底。”')).toBe('他說：「我們會『堅持』到底。」');
    const hk = await createConverter({ from: 'auto', to: 'hk', quotes: 'corner' }, load);
    expect(hk('“香港”')).toBe('「香港」');
  });

  it('`keep` leaves them', async () => {
    const tw = await createConverter({ from: 'auto', to: 'tw', quotes: 'keep' }, load);
    expect(tw('他说：“我们会‘坚持’到底。”')).toBe('他說：“我們會‘堅持’到底。”');
  });

  it('简体 turns 「」『』 back into “”‘’', async () => {
    const simp = await createConverter({ from: 'auto', to: 'simp', quotes: 'corner' }, load);
    expect(simp('他說：「我們會『堅持』到底。」')).toBe('他说：“我们会‘坚持’到底。”');
    const keep = await createConverter({ from: 'auto', to: 'simp', quotes: 'keep' }, load);
    expect(keep('「堅持」')).toBe('「坚持」');
  });

  it.each([
    ['BBC’s reporter', 'BBC’s reporter'],
    ['“I don’t know,” she said', '「I don’t know,」 she said'],
    ['the students’ union', 'the students’ union'],
    ['in the ’90s', 'in the ’90s'],
    ['O’Neill和BBC’s', 'O’Neill和BBC’s'],
    ['‘don’t go’', '『don’t go』'],
    ['他说‘rock’n’roll’不死', '他说『rock’n’roll』不死'],
    ['7’s and 8’s', '7’s and 8’s'],
  ])('apostrophes in Latin text never become 』: %s', (input, expected) => {
    expect(toCornerQuotes(input)).toBe(expected);
  });

  it('a single quote whose partner is in another run (a link between them) is a quote next to Han text, not next to Latin', () => {
    expect(toCornerQuotes('他说：‘我们')).toBe('他说：『我们');
    expect(toCornerQuotes('’，他说')).toBe('』，他说');
    expect(toCornerQuotes('报道’。')).toBe('报道』。');
    expect(toCornerQuotes('a ‘b')).toBe('a ‘b');
    expect(toCornerQuotes('’90s')).toBe('’90s');
  });

  it('curly → corner → curly returns the text (quotes only)', () => {
    const text = '“他说‘好’”，BBC’s';
    expect(toCurlyQuotes(toCornerQuotes(text))).toBe(text);
  });
});

describe('mixed-script normalisation', () => {
  it('简体 on a simplified page normalises stray traditional characters seen on BBC pages', async () => {
    const simp = await createConverter({ from: 'auto', to: 'simp', quotes: 'corner' }, load);
    expect(simp('复旦大学国际关係系教授')).toBe('复旦大学国际关系系教授');
    expect(simp('意外地宣佈疫情以来')).toBe('意外地宣布疫情以来');
    expect(simp('在该区域佔据主要势力')).toBe('在该区域占据主要势力');
  });

  it('繁體 on a traditional page normalises stray simplified characters and keeps the page’s own text', async () => {
    const tw = await createConverter({ from: 'auto', to: 'tw', quotes: 'corner' }, load);
    expect(tw('台灣的朱岳中說，這个問題2 小时前已經出現')).toBe('台灣的朱岳中說，這個問題2 小時前已經出現');
    const hk = await createConverter({ from: 'auto', to: 'hk', quotes: 'corner' }, load);
    expect(hk('台灣的卡普裏說，這个問題')).toBe('台灣的卡普裏説，這個問題'); // 説: OpenCC's Hong Kong form
  });

  it('a simplified text to 繁體 is OpenCC’s full s2tw', async () => {
    const tw = await createConverter({ from: 'auto', to: 'tw', quotes: 'keep' }, load);
    expect(tw('台湾的卡普里说，这个问题')).toBe('臺灣的卡普里說，這個問題');
  });

  it('explicit sources run OpenCC’s configuration as is', async () => {
    const s2tw = await createConverter({ from: 'simp', to: 'tw', quotes: 'keep' }, load);
    expect(s2tw('台灣')).toBe('臺灣');
    const tw2s = await createConverter({ from: 'tw', to: 'simp', quotes: 'keep' }, load);
    expect(tw2s('裡面的軟體')).toBe('里面的软体');
    const twp = await createConverter({ from: 'simp', to: 'twp', quotes: 'keep' }, load);
    expect(twp('软件和鼠标')).toBe('軟體和滑鼠');
  });
});

describe('regional variants of a traditional text (auto)', () => {
  const TAIWAN = '隨著經濟發展，他看著窗外，這意味著什麼？著名作家。';
  const HONG_KONG = '衞生署説，市民住在大廈裏，着重衞生。';

  it('简体 undoes Taiwan’s 著 as tw2s does: 随着 / 看着 / 意味着, and keeps 著名', async () => {
    const simp = await createConverter({ from: 'auto', to: 'simp', quotes: 'corner' }, load);
    expect(simp(TAIWAN)).toBe('随着经济发展，他看着窗外，这意味着什么？著名作家。');
  });

  it('简体 undoes Hong Kong’s 衞 / 説 as hk2s does', async () => {
    const simp = await createConverter({ from: 'auto', to: 'simp', quotes: 'corner' }, load);
    expect(simp(HONG_KONG)).toBe('卫生署说，市民住在大厦里，着重卫生。');
  });

  it('繁體·香港 writes Hong Kong’s characters for a Taiwanese text, 繁體·台灣 Taiwan’s for a Hong Kong one', async () => {
    const hk = await createConverter({ from: 'auto', to: 'hk', quotes: 'corner' }, load);
    expect(hk('台灣的山峰裡，他看著遠方。')).toBe('台灣的山峯裏，他看着遠方。');
    const tw = await createConverter({ from: 'auto', to: 'tw', quotes: 'corner' }, load);
    expect(tw(HONG_KONG)).toBe('衛生署說，市民住在大廈裡，著重衛生。');
    expect(tw(TAIWAN)).toBe(TAIWAN);
  });

  it('台 alone is no sign of Hong Kong: 繁體·台灣 keeps the page’s 台灣', async () => {
    const tw = await createConverter({ from: 'auto', to: 'tw', quotes: 'corner' }, load);
    expect(tw('台灣和台北的平台')).toBe('台灣和台北的平台');
  });
});

describe('text other than Chinese', () => {
  it('Latin, digits, emoji, URLs in text and punctuation pass through unchanged', async () => {
    for (const to of ['simp', 't', 'tw', 'twp', 'hk'] as const) {
      const convert = await createConverter({ from: 'auto', to, quotes: 'corner' }, load);
      const text = 'Huawei Mate 60 Pro 7nm 🇨🇳👍 https://www.bbc.com/zhongwen/simp/world-62912357?x=1&y=2 (50%) — #tag @user';
      expect(convert(text)).toBe(text);
      expect(convert('')).toBe('');
    }
  });
});

describe('addresses and Latin words in Chinese text', () => {
  it('never converts a web or e-mail address written in a paragraph, in any target', async () => {
    for (const to of ['simp', 't', 'tw', 'twp', 'hk'] as const) {
      const convert = await createConverter({ from: 'auto', to, quotes: 'corner' }, load);
      for (const address of ['https://zh.wikipedia.org/wiki/台湾', 'www.bbc.com/zhongwen/simp/这个', 'news@bbc.co.uk', 'http://example.com/path?q=发展&x=1']) {
        expect(convert(`详见${address}，或这个`)).toContain(`${address}，`);
        expect(convert(`詳見 ${address} 這個`)).toContain(` ${address} `);
      }
    }
    const tw = await createConverter({ from: 'auto', to: 'tw', quotes: 'corner' }, load);
    expect(tw('见https://zh.wikipedia.org/wiki/台湾，“这个”')).toBe('見https://zh.wikipedia.org/wiki/台湾，「這個」');
  });

  it('starts no dictionary match inside a Latin word: PCB超过 keeps its B; B超 alone is still 超音波', async () => {
    const twp = await createConverter({ from: 'auto', to: 'twp', quotes: 'corner' }, load);
    expect(twp('PCB超过标准')).toBe('PCB超過標準');
    expect(twp('做B超检查')).toBe('做超音波檢查');
    expect(twp('用U盘，NU盘')).toBe('用隨身碟，NU盤');
  });
});

function sampleArticle(): Article {
  return {
    url: 'https://www.bbc.com/zhongwen/simp/world-62912357',
    variant: 'simp',
    lang: 'zh-Hans',
    title: '习近平疫情后首次外访',
    byline: [{ name: '王一', role: '记者', location: '伦敦' }, { name: '李二' }],
    published: '2022-09-16T04:16:34.000Z',
    blocks: [
      {
        type: 'paragraph',
        text: '他说“发展”，见报道。',
        content: ['他说“发展”，见', { kind: 'link', href: 'https://www.bbc.com/zhongwen/simp/发展-这个', children: ['报道'] }, '。'],
      },
      { type: 'heading', text: '这个问题', level: 2 },
      {
        type: 'figure',
        text: '习近平与普京会面',
        image: { src: 'https://ichef.bbci.co.uk/news/这个/发.jpg', srcset: 'https://ichef.bbci.co.uk/a/发.jpg 320w', alt: '习近平', width: 976 },
        caption: '习近平与普京会面',
        credit: '路透社',
      },
      { type: 'list', text: '一个 两个', ordered: false, items: [['一个'], [{ kind: 'strong', children: ['两个'] }]] },
      { type: 'quote', text: '“这个”', content: ['“这个”'] },
      { type: 'media', text: '视频', kind: 'video', caption: '视频说明', href: 'https://www.bbc.com/ws/av-embeds/这个' },
    ],
    related: [{ title: '习近平访问', url: 'https://www.bbc.com/zhongwen/simp/这个-1' }],
    textLength: 42,
    readingMinutes: 1,
  };
}

describe('convertArticle', () => {
  it('converts every text and no URL, date or number', async () => {
    const tw = await createConverter({ from: 'auto', to: 'tw', quotes: 'corner' }, load);
    const article = sampleArticle();
    const before = structuredClone(article);
    const converted = convertArticle(article, tw);
    expect(article).toEqual(before); // the input is not mutated
    expect(converted).toEqual({
      ...before,
      title: '習近平疫情後首次外訪',
      byline: [{ name: '王一', role: '記者', location: '倫敦' }, { name: '李二' }],
      blocks: [
        {
          type: 'paragraph',
          text: '他說「發展」，見報道。',
          content: ['他說「發展」，見', { kind: 'link', href: 'https://www.bbc.com/zhongwen/simp/发展-这个', children: ['報道'] }, '。'],
        },
        { type: 'heading', text: '這個問題', level: 2 },
        {
          type: 'figure',
          text: '習近平與普京會面',
          image: { src: 'https://ichef.bbci.co.uk/news/这个/发.jpg', srcset: 'https://ichef.bbci.co.uk/a/发.jpg 320w', alt: '習近平', width: 976 },
          caption: '習近平與普京會面',
          credit: '路透社',
        },
        { type: 'list', text: '一個 兩個', ordered: false, items: [['一個'], [{ kind: 'strong', children: ['兩個'] }]] },
        { type: 'quote', text: '「這個」', content: ['「這個」'] },
        { type: 'media', text: '視頻', kind: 'video', caption: '視頻說明', href: 'https://www.bbc.com/ws/av-embeds/这个' },
      ],
      related: [{ title: '習近平訪問', url: 'https://www.bbc.com/zhongwen/simp/这个-1' }],
    });
  });

  it('converts only the title, the byline and the blocks in a range when asked, keeping the rest as they were', async () => {
    const tw = await createConverter({ from: 'auto', to: 'tw', quotes: 'corner' }, load);
    const article = sampleArticle();
    const whole = convertArticle(article, tw);
    const part = convertArticle(article, tw, { from: 1, to: 3 });
    expect(part.title).toBe(whole.title);
    expect(part.byline).toEqual(whole.byline);
    expect(part.blocks.slice(1, 3)).toEqual(whole.blocks.slice(1, 3));
    // Outside the range: the article's own objects, untouched.
    expect(part.blocks[0]).toBe(article.blocks[0]);
    expect(part.blocks.slice(3)).toEqual(article.blocks.slice(3));
    expect(part.blocks[3]).toBe(article.blocks[3]);
    expect(part.related).toBe(article.related);
    // A range past the end converts no block.
    expect(convertArticle(article, tw, { from: 10, to: 20 }).blocks).toEqual(article.blocks);
  });
});

describe('dictionary loading', () => {
  function recordingLoader(): { loader: DictionaryLoader; names: string[] } {
    const names: string[] = [];
    return {
      names,
      loader: (name) => {
        names.push(name);
        return load(name);
      },
    };
  }

  it('loads only what the conversion needs, once per loader', async () => {
    const { loader, names } = recordingLoader();
    await createConverter({ from: 'auto', to: 'simp', quotes: 'corner' }, loader);
    expect(names).toEqual(['base']);
    await createConverter({ from: 'auto', to: 'simp', quotes: 'keep' }, loader);
    await createConverter({ from: 'auto', to: 'tw', quotes: 'corner' }, loader);
    expect(names.sort()).toEqual(['base', 'st']);
    await createConverter({ from: 'auto', to: 'hk', quotes: 'corner' }, loader);
    expect(names.sort()).toEqual(['base', 'st']);
  });

  it('packsFor names the files a switch loads: st only where simplified text may become traditional', () => {
    expect(packsFor({ from: 'auto', to: 'tw' }).sort()).toEqual(['base', 'st']);
    expect(packsFor({ from: 'auto', to: 'simp' })).toEqual(['base']);
    expect(packsFor({ from: 'tw', to: 'simp' })).toEqual(['base']);
    expect(packsFor({ from: 'hk', to: 'tw' })).toEqual(['base']);
    expect(packsFor({ from: 'simp', to: 'hk' }).sort()).toEqual(['base', 'st']);
  });

  it('a failed load rejects, and the next attempt loads again', async () => {
    let calls = 0;
    const flaky: DictionaryLoader = async (name) => {
      calls++;
      if (calls === 1) throw new Error('offline');
      return load(name);
    };
    await expect(createConverter({ from: 'auto', to: 'simp', quotes: 'keep' }, flaky)).rejects.toThrow();
    const simp = await createConverter({ from: 'auto', to: 'simp', quotes: 'keep' }, flaky);
    expect(simp('這個')).toBe('这个');
  });

  it('a loader that returns something that is not a dictionary file is an error, not a wrong conversion', async () => {
    const notBytes: DictionaryLoader = async () => ({ format: 'something-else' });
    await expect(createConverter({ from: 'auto', to: 'simp', quotes: 'keep' }, notBytes)).rejects.toThrow(/not bytes/);
    const json: DictionaryLoader = async () => new TextEncoder().encode('{"format":"qingdu-zh-dict/2"}');
    await expect(createConverter({ from: 'auto', to: 'simp', quotes: 'keep' }, json)).rejects.toThrow(/not a Qingdu dictionary file/);
    const arrayBuffer: DictionaryLoader = async (pack) => {
      const bytes = (await load(pack)) as Uint8Array;
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    };
    const simp = await createConverter({ from: 'auto', to: 'simp', quotes: 'keep' }, arrayBuffer);
    expect(simp('這個')).toBe('这个');
  });
});
