import { Button, Space } from 'antd';
import { ACTION_LABELS_ZH } from '../../../../contracts/case-labels.ts';
import type { CaseAction } from '../types';

/** The forward step of each stage is the primary button; refusals are marked as such. */
const PRIMARY = new Set<CaseAction>([
  'accept',
  'dispatch',
  'sign',
  'handle',
  'verify',
  'close',
  'rate',
  'revisit',
  'approve_extension',
  'unpark',
]);
const DANGER = new Set<CaseAction>(['reject', 'return', 'rework', 'reopen', 'refuse_extension']);

/** Exactly the actions the server says this user may take now, nothing more. */
export function ActionBar({ abilities, onAction }: { abilities: CaseAction[]; onAction: (a: CaseAction) => void }) {
  if (!abilities.length) return null;
  return (
    <Space wrap>
      {abilities.map((a) => (
        <Button
          key={a}
          type={PRIMARY.has(a) ? 'primary' : 'default'}
          danger={DANGER.has(a)}
          autoInsertSpace={false}
          onClick={() => onAction(a)}
        >
          {ACTION_LABELS_ZH[a]}
        </Button>
      ))}
    </Space>
  );
}
