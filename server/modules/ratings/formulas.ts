// Rating formulas as pure functions of their stored inputs: a result is reproduced by calling
// the formula of its run's version on its `inputs`. Changing a formula means a new version.

export interface Indicator {
  key: string;
  weight: number;
  target: number;
}
export const DEFAULT_STAR_INDICATORS: Indicator[] = [
  { key: 'cases_handled', weight: 25, target: 50 },
  { key: 'on_time_rate', weight: 25, target: 0.9 },
  { key: 'meeting_attendance', weight: 20, target: 0.8 },
  { key: 'member_points', weight: 15, target: 100 },
  { key: 'wishes_fulfilled', weight: 15, target: 20 },
];

export const STAR_FORMULA = {
  version: 'branch-star/v1',
  text: '得分 = 100 × Σ(权重ᵢ × min(1, 实际值ᵢ ÷ 目标值ᵢ)) ÷ Σ权重ᵢ（无数据的指标按 0 计）；星级：≥90 五星，≥75 四星，≥60 三星，≥40 二星，其余一星',
};

export interface StarInputs {
  indicators: Indicator[];
  values: Record<string, number | null>;
}

export function starScore(inputs: StarInputs): { score: number; stars: number } {
  const totalWeight = inputs.indicators.reduce((s, i) => s + i.weight, 0);
  const weighted = inputs.indicators.reduce(
    (s, i) => s + i.weight * Math.min(1, (inputs.values[i.key] ?? 0) / i.target),
    0,
  );
  const score = round1((100 * weighted) / totalWeight);
  const stars = score >= 90 ? 5 : score >= 75 ? 4 : score >= 60 ? 3 : score >= 40 ? 2 : 1;
  return { score, stars };
}

export const PROPERTY_FORMULA = {
  version: 'property-month/v1',
  text: '得分 = 100 × (0.4 × 居民评分均值 ÷ 5 + 0.3 × 物业事件按期处置率 + 0.3 × 事件满意率)；无居民评分或无事件时该项按 0.8 计；≥80 分上红榜，其余上黄榜',
};

export interface PropertyInputs {
  ratingAvg: number | null;
  ratingCount: number;
  handled: number;
  onTimeHandled: number;
  rated: number;
  satisfied: number;
}

const NEUTRAL = 0.8;
export function propertyScore(inputs: PropertyInputs): { score: number; colour: 'red' | 'yellow' } {
  const resident = inputs.ratingAvg === null ? NEUTRAL : inputs.ratingAvg / 5;
  const onTime = inputs.handled ? inputs.onTimeHandled / inputs.handled : NEUTRAL;
  const satisfied = inputs.rated ? inputs.satisfied / inputs.rated : NEUTRAL;
  const score = round1(100 * (0.4 * resident + 0.3 * onTime + 0.3 * satisfied));
  return { score, colour: score >= 80 ? 'red' : 'yellow' };
}

export const DEPARTMENT_FORMULA = {
  version: 'department-year/v1',
  text: '得分 = 100 × (0.2 × 响应得分 + 0.3 × 按期处置率 + 0.2 × 满意率 + 0.3 × 社区评议均值 ÷ 5)，响应得分 = max(0, 1 − 平均响应分钟 ÷ 480)；无数据项按 0.8 计；≥90 优秀，≥75 良好，≥60 合格，其余不合格（建议等次）',
};

export interface DepartmentInputs {
  avgResponseMinutes: number | null;
  handled: number;
  onTimeHandled: number;
  rated: number;
  satisfied: number;
  voteAvg: number | null;
  votes: number;
}

export function departmentScore(inputs: DepartmentInputs): {
  score: number;
  grade: 'excellent' | 'good' | 'pass' | 'fail';
} {
  const response = inputs.avgResponseMinutes === null ? NEUTRAL : Math.max(0, 1 - inputs.avgResponseMinutes / 480);
  const onTime = inputs.handled ? inputs.onTimeHandled / inputs.handled : NEUTRAL;
  const satisfied = inputs.rated ? inputs.satisfied / inputs.rated : NEUTRAL;
  const vote = inputs.voteAvg === null ? NEUTRAL : inputs.voteAvg / 5;
  const score = round1(100 * (0.2 * response + 0.3 * onTime + 0.2 * satisfied + 0.3 * vote));
  return { score, grade: score >= 90 ? 'excellent' : score >= 75 ? 'good' : score >= 60 ? 'pass' : 'fail' };
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
