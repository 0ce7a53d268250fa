import { Card, Empty, Space, Switch } from 'antd';
import { useState } from 'react';
import { PartyOrgDetailCard } from '../orgs/PartyOrgDetailCard';
import { PartyOrgTree } from '../orgs/PartyOrgTree';

/** 党组织: the 1+N+X tree of the viewer's area beside the selected organisation (stacked on a phone). */
export default function PartyOrgsPage() {
  const [selected, setSelected] = useState<number | null>(null);
  const [showRetired, setShowRetired] = useState(false);
  const [version, setVersion] = useState(0);
  const [reveal, setReveal] = useState<number | null>(null);
  return (
    <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start', flexWrap: 'wrap' }}>
      <Card
        title="党组织"
        style={{ flex: '1 1 320px', maxWidth: 480, minWidth: 0 }}
        styles={{ body: { padding: 8 } }}
        extra={
          <Space size={4}>
            <span style={{ fontSize: 12 }}>显示已撤销</span>
            <Switch size="small" checked={showRetired} onChange={setShowRetired} />
          </Space>
        }
      >
        <PartyOrgTree
          selectedId={selected}
          onSelect={(o) => setSelected(o.id)}
          showRetired={showRetired}
          version={version}
          reveal={reveal}
        />
      </Card>
      <div style={{ flex: '2 1 480px', minWidth: 0 }}>
        {selected ? (
          <PartyOrgDetailCard
            orgId={selected}
            onChanged={(created) => {
              // A new organisation is opened in the tree and shown at once.
              if (created) {
                setSelected(created.id);
                setReveal(created.parentId);
              }
              setVersion((v) => v + 1);
            }}
          />
        ) : (
          <Card>
            <Empty description="请在左侧选择党组织" />
          </Card>
        )}
      </div>
    </div>
  );
}
