import { TreeNodePicker, type TreeNodePickerProps } from '../../../shared/TreeNodePicker';

/** Meetings concern a community, a grid or an estate: browse down to estates, no further. */
const MEETING_LEVELS = ['community', 'grid', 'estate'];

/** Picks a node under the user's scope, loading the tree level by level. */
export function NodePicker({
  levels = MEETING_LEVELS,
  placeholder = '选择社区、网格或小区',
  ...rest
}: Omit<TreeNodePickerProps, 'levels' | 'placeholder'> & { levels?: string[]; placeholder?: string }) {
  return <TreeNodePicker levels={levels} placeholder={placeholder} {...rest} />;
}
