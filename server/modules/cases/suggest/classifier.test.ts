import { describe, expect, it } from 'vitest';
import { createRng } from '../../../platform/demo-data/prng.ts';
import { calibrationError, fitTemperature } from './calibrate.ts';
import { TextClassifier } from './classifier.ts';
import { textFeatures } from './features.ts';

const sample = (text: string, label: string) => ({ features: textFeatures(text), label });

describe('textFeatures', () => {
  it('has character n-grams and jieba words, digits folded, no n-gram across punctuation', () => {
    const f = textFeatures('3号楼垃圾桶满了，没人清运');
    expect(f).toEqual(expect.arrayContaining(['c垃', 'c垃圾', 'c垃圾桶', 'w垃圾桶', 'c#号']));
    expect(f).not.toContain('c了没');
    expect(f.some((x) => x.includes('3'))).toBe(false);
  });
});

describe('TextClassifier', () => {
  const toy = [
    ...['垃圾桶满了没人清运', '垃圾站发臭好几天没收', '垃圾堆成山了', '楼下垃圾没人拉走', '垃圾车不来'].map((t) =>
      sample(t, 'garbage'),
    ),
    ...['楼上装修噪音很大', '半夜广场舞太吵', '音响声音吵得睡不着', 'KTV噪音扰民', '邻居吵闹到深夜'].map((t) =>
      sample(t, 'noise'),
    ),
    ...['路灯不亮了', '巷子里路灯坏了很黑', '路灯一闪一闪', '晚上路灯全灭', '这段路没有路灯'].map((t) =>
      sample(t, 'light'),
    ),
  ];

  it('learns a separable set and ranks every label with probabilities summing to 1', async () => {
    const model = await TextClassifier.train(toy);
    for (const [text, label] of [
      ['垃圾好几天没人清运了', 'garbage'],
      ['晚上太吵了睡不着', 'noise'],
      ['小区路灯坏了', 'light'],
    ] as const) {
      const p = model.predict(textFeatures(text));
      expect(p[0]!.label).toBe(label);
      expect(p).toHaveLength(3);
      expect(p.reduce((s, x) => s + x.probability, 0)).toBeCloseTo(1, 10);
      expect(p[0]!.probability).toBeGreaterThan(p[1]!.probability);
    }
  });

  it('predicts nothing before it has seen a sample', async () => {
    expect((await TextClassifier.train([])).predict(['c垃'])).toEqual([]);
  });

  it('fits a temperature on held-out samples that brings confidence to accuracy on noisy labels', async () => {
    // Two classes whose words overlap and a third of labels flipped: no model can be sure.
    const rng = createRng(7);
    const words = { a: ['漏水', '渗水', '天花板', '墙皮', '物业'], b: ['物业', '收费', '保安', '门禁', '电梯'] };
    const make = (n: number) =>
      Array.from({ length: n }, () => {
        const truth = rng.next() < 0.5 ? 'a' : 'b';
        const text = Array.from({ length: 4 }, () => rng.pick(words[truth])).join('，');
        return sample(text, rng.next() < 0.33 ? (truth === 'a' ? 'b' : 'a') : truth);
      });
    const train = make(400);
    const test = make(400);
    const raw = await TextClassifier.train(train, { calibrationEvery: 0, learningRate: 8, epochs: 30 });
    const calibrated = await TextClassifier.train(train, { learningRate: 8, epochs: 30 });
    const ece = (m: TextClassifier) =>
      calibrationError(
        test.map((t) => {
          const p = m.predict(t.features)[0]!;
          return { confidence: p.probability, correct: p.label === t.label };
        }),
      ).ece;
    expect(calibrated.temperature).toBeGreaterThan(1);
    expect(ece(calibrated)).toBeLessThan(ece(raw));
    expect(ece(calibrated)).toBeLessThan(0.08);
  });
});

describe('TextClassifier calibration folds', () => {
  // Each label written in two ways; the second wording shares fewer characters with the first.
  const rng = createRng(11);
  const ways = {
    garbage: [
      ['垃圾桶满了', '没人清运', '发臭'],
      ['废弃物堆积', '收运不及时', '味道大'],
    ],
    noise: [
      ['噪音很大', '吵得睡不着', '半夜'],
      ['声响扰人', '无法休息', '深夜'],
    ],
  } as const;
  const samples = Array.from({ length: 200 }, (_, i) => {
    const label = i % 2 ? 'garbage' : 'noise';
    const way = Math.floor(i / 2) % 2;
    const text = Array.from({ length: 3 }, () => rng.pick(ways[label][way]!)).join('，');
    return { ...sample(text, rng.next() < 0.15 ? (label === 'noise' ? 'garbage' : 'noise') : label), way };
  });

  it('fits the temperature on the folds foldOf names, pooled over calibrationFolds, and on nothing when no sample is in a fold', async () => {
    const none = await TextClassifier.train(samples, { foldOf: () => -1, calibrationFolds: 2 });
    expect(none.temperature).toBe(1);
    const byWording = await TextClassifier.train(samples, { foldOf: (_, i) => samples[i]!.way, calibrationFolds: 2 });
    const iid = await TextClassifier.train(samples);
    expect(byWording.temperature).not.toBe(1);
    // Held-out wording is harder than held-out near-duplicates: the fitted temperature differs.
    expect(byWording.temperature).not.toBeCloseTo(iid.temperature, 2);
    // The ranking never depends on the temperature.
    expect(byWording.predict(textFeatures('垃圾桶满了，发臭'))[0]!.label).toBe('garbage');
  });
});

describe('fitTemperature', () => {
  it('sharpens under-confident logits and softens over-confident ones', () => {
    const ys = [0, 0, 0, 0, 1];
    expect(
      fitTemperature(
        ys.map(() => [0.2, 0]),
        [0, 0, 0, 0, 0],
      ),
    ).toBeLessThan(1);
    expect(
      fitTemperature(
        ys.map(() => [20, 0]),
        ys,
      ),
    ).toBeGreaterThan(1);
  });
});
