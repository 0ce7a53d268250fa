/**
 * A public-shaped corpus of resident complaints in the style of 12345 hotline work orders, generated
 * deterministically from templates and phrase pools (no data file). Eleven classes chosen in
 * confusable pairs (噪音扰民/施工扰民, 占道经营/乱堆乱放, 物业服务/房屋漏水, 环境卫生/垃圾清运,
 * 停车管理, 违章搭建, 排水 …). Each class has train phrasings and test phrasings: a test text is
 * never built from a template seen in training, only from the shared vocabulary, as new wording is.
 */
import { createRng } from '../../server/seed/geo/prng.ts';
import { CLASSES, SHARED, type ClassSpec } from './corpus-classes.ts';

export { CLASSES };

type Rng = ReturnType<typeof createRng>;

// Typing slips a hotline operator or a resident makes (同音字, dropped characters).
const TYPOS: [string, string][] = [
  ['噪音', '燥音'],
  ['垃圾', '拉圾'],
  ['施工', '施公'],
  ['物业', '物叶'],
  ['漏水', '露水'],
  ['堆放', '推放'],
  ['清运', '请运'],
  ['搭建', '答建'],
  ['下水道', '下水到'],
  ['停放', '停方'],
  ['影响', '映响'],
  ['严重', '严中'],
];

// Side remarks borrowing the words of the neighbouring class: what makes real work orders confusable.
const ASIDES: Record<string, string[]> = {
  噪音扰民: ['物业也不管', '晚上还有人施工似的', '楼下还停满了车', '跟装修一样吵'],
  施工扰民: ['噪音特别大', '工地门口还堆满渣土垃圾', '渣土车乱停', '邻居家也在吵'],
  占道经营: ['垃圾扔得到处都是', '旁边还堆着杂物', '车也没地方停', '晚上放音乐很吵'],
  乱堆乱放: ['像摆摊一样占着路', '物业不清理', '招来很多垃圾', '占了停车位'],
  物业服务: ['家里漏水也不管', '垃圾几天没人收', '车位乱停没人管', '楼道堆满杂物'],
  房屋漏水: ['物业推来推去', '下水道也有味道', '楼上装修后开始的', '墙面已经开裂'],
  违章搭建: ['施工声音很吵', '堆了很多建筑材料', '物业管不了', '占了停车的地方'],
  环境卫生: ['垃圾桶也满了', '下水道返臭', '有人乱堆杂物', '摊贩留下一地垃圾'],
  垃圾清运: ['地面很脏', '环卫工也不扫', '苍蝇乱飞', '物业说不归他们管'],
  停车管理: ['路边还有摆摊的', '堆了杂物', '路口红绿灯也不好使', '物业乱收停车费'],
  排水: ['家里墙上也渗水', '路面很脏很臭', '施工把管子挖断了', '积水里全是垃圾'],
};

/** Class-specific words: training sees two in three of them, test texts may use the rest. */
function fill(template: string, slots: Record<string, string[]>, rng: Rng, part: 'train' | 'test'): string {
  let text = template;
  for (let guard = 0; guard < 6 && text.includes('{'); guard++) {
    text = text.replace(/\{(\w+)\}/g, (_, key: string) => {
      const own = slots[key];
      return rng.pick(own ? (part === 'train' ? own.filter((_, i) => i % 3 !== 2) : own) : SHARED[key]!);
    });
  }
  return text;
}

function aside(label: string, text: string, rng: Rng): string {
  if (rng.next() > 0.4) return text;
  const parts = text.split('，');
  parts.splice(Math.min(parts.length, 1 + Math.floor(rng.next() * parts.length)), 0, rng.pick(ASIDES[label]!));
  return parts.join('，');
}

function roughen(text: string, rng: Rng): string {
  let out = text;
  for (const [from, to] of TYPOS) if (out.includes(from) && rng.next() < 0.12) out = out.replace(from, to);
  if (rng.next() < 0.2) out = out.replace(/[，。]/g, ' ');
  if (rng.next() < 0.15) out += rng.pick(['啊', '！！', '。。。', '，谢谢', '，急']);
  return out;
}

/**
 * Real work orders are not cleanly separable: a complaint about one thing gets filed under its
 * neighbour (the operator weighed the secondary issue, or the departments' split is local). A share
 * of texts is written as the partner class's complaint but keeps its own label, so no model can be
 * right on all of them and a confidence of 100 % is never deserved.
 */
const PARTNER: Record<string, string> = {
  噪音扰民: '施工扰民',
  施工扰民: '噪音扰民',
  占道经营: '乱堆乱放',
  乱堆乱放: '占道经营',
  物业服务: '房屋漏水',
  房屋漏水: '物业服务',
  环境卫生: '垃圾清运',
  垃圾清运: '环境卫生',
  停车管理: '占道经营',
  违章搭建: '乱堆乱放',
  排水: '房屋漏水',
};
const AMBIGUOUS_SHARE = 0.12;

/** `phrasing`: which template of its part the text was written from (for validation splits by phrasing). */
export interface CorpusItem {
  text: string;
  label: string;
  phrasing: number;
}

/** `perClass` texts of each class from its train phrasings, and as many from its test phrasings. */
export function generateCorpus(options: { perClass?: number; seed?: number } = {}): {
  train: CorpusItem[];
  test: CorpusItem[];
} {
  const rng = createRng(options.seed ?? 12345);
  const perClass = options.perClass ?? 45;
  const train: CorpusItem[] = [];
  const test: CorpusItem[] = [];
  const byLabel = new Map(CLASSES.map((c) => [c.label, c]));
  const write = (spec: ClassSpec, part: 'train' | 'test'): CorpusItem => {
    const source = rng.next() < AMBIGUOUS_SHARE ? byLabel.get(PARTNER[spec.label]!)! : spec;
    const template = rng.pick(source[part]);
    return {
      label: spec.label,
      phrasing: source[part].indexOf(template),
      text: roughen(aside(spec.label, fill(template, source.slots, rng, part), rng), rng),
    };
  };
  for (const spec of CLASSES) {
    for (let i = 0; i < perClass; i++) {
      train.push(write(spec, 'train'));
      test.push(write(spec, 'test'));
    }
  }
  return { train, test };
}
