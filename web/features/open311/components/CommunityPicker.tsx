import { TreeNodePicker } from '../../../shared/TreeNodePicker';

/** Picks the intake community under the user's scope, loading district → street → community on demand. */
export function CommunityPicker({
  value,
  onChange,
  id,
}: {
  value?: number;
  onChange?: (v: number) => void;
  id?: string;
}) {
  return <TreeNodePicker id={id} value={value} onChange={onChange} levels={['community']} placeholder="选择受理社区" />;
}
