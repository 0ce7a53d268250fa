import type { Rng } from './prng.ts';

// Common surnames (by frequency) and given-name characters: plausible, clearly synthetic people.
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国文辉宇浩然子轩欣怡梓涵雨晨佳琪志强海燕春梅凤秀云飞鹏亮俊';

export function personName(rng: Rng): string {
  const given = rng.next() < 0.6 ? rng.pick([...GIVEN]) + rng.pick([...GIVEN]) : rng.pick([...GIVEN]);
  return rng.pick([...SURNAMES]) + given;
}

/** A mainland mobile number in a range reserved for fiction-like demo use (192 prefix, sequential). */
export function demoPhone(sequence: number): string {
  return `192${String(10_000_000 + (sequence % 90_000_000)).padStart(8, '0')}`;
}
