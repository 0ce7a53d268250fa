import { Tag } from 'antd';
import { PHASE_LABELS, type Phase } from '../../../../contracts/participation.ts';

const COLORS: Record<Phase, string> = { upcoming: 'blue', open: 'green', closed: 'default' };

export function PhaseTag({ phase }: { phase: Phase }) {
  return <Tag color={COLORS[phase]}>{PHASE_LABELS[phase]}</Tag>;
}
