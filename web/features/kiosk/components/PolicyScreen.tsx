import { Alert, Button, Collapse, Descriptions, Spin } from 'antd';
import { SERVICE_KIND_LABELS } from '../../../../contracts/services.ts';
import { errorMessage } from '../../../shared/api';
import { useAsync } from '../../../shared/use-async';
import { fetchCatalogue } from '../api';

/** 政策查询: each service item's guide (materials, time limit, fee, where and when). */
export function PolicyScreen({ token, onBack }: { token: string | null; onBack: () => void }) {
  const cat = useAsync((s) => fetchCatalogue(token, s), [token]);
  if (cat.loading) return <Spin size="large" />;
  if (cat.error)
    return <Alert type="error" message={errorMessage(cat.error)} action={<Button onClick={onBack}>返回</Button>} />;
  const data = cat.data!.data;
  return (
    <div>
      <h2>{data.community.name} 办事指南</h2>
      <Collapse
        size="large"
        items={data.items.map((i) => ({
          key: i.id,
          label: `${i.name}（${SERVICE_KIND_LABELS[i.kind as keyof typeof SERVICE_KIND_LABELS] ?? i.kind}）`,
          children: (
            <Descriptions column={1} bordered>
              <Descriptions.Item label="承办部门">{i.departmentName}</Descriptions.Item>
              <Descriptions.Item label="所需材料">{i.materials.join('、') || '无'}</Descriptions.Item>
              <Descriptions.Item label="办理时限">{i.timeLimitDays} 个工作日</Descriptions.Item>
              <Descriptions.Item label="收费">{i.fee}</Descriptions.Item>
              <Descriptions.Item label="办理地点与时间">{i.whereWhen}</Descriptions.Item>
              <Descriptions.Item label="代办">{i.proxy ? '可由网格员、楼栋长代办' : '需本人办理'}</Descriptions.Item>
            </Descriptions>
          ),
        }))}
      />
      <Button className="kiosk-option" style={{ marginTop: 24 }} onClick={onBack}>
        返回首页
      </Button>
    </div>
  );
}
