import { useState } from 'react';
import { Card, Empty } from 'antd';
import { hasAbility, useMe } from '../../../app/session/SessionContext';
import { OrgTree } from '../components/OrgTree';
import { NodeDetailCard } from '../components/NodeDetailCard';

export default function OrgTreePage() {
  const me = useMe();
  const scope = me.scope;
  const [selectedId, setSelectedId] = useState(scope?.nodeId ?? 0);
  // Bumped after a change to the tree: remounting reloads the expanded branches.
  const [treeVersion, setTreeVersion] = useState(0);

  if (!scope) {
    return (
      <Card>
        <Empty description="您的账号未分配治理体系范围，无法查看组织架构。" />
      </Card>
    );
  }
  return (
    <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start', flexWrap: 'wrap' }}>
      <Card title="治理体系" style={{ width: 360, flex: '0 0 auto' }} styles={{ body: { padding: 8 } }}>
        <OrgTree
          key={treeVersion}
          root={{ id: scope.nodeId, name: scope.name, level: scope.level }}
          selectedId={selectedId}
          onSelect={setSelectedId}
        />
      </Card>
      <div style={{ flex: '1 1 480px', minWidth: 0 }}>
        <NodeDetailCard
          nodeId={selectedId}
          scopeNodeId={scope.nodeId}
          onNavigate={setSelectedId}
          canOpenMap={hasAbility(me, 'org.read')}
          onTreeChanged={() => setTreeVersion((v) => v + 1)}
        />
      </div>
    </div>
  );
}
