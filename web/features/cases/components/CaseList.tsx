import { Link } from 'react-router-dom';
import { Empty, List, Space, Typography } from 'antd';
import { photoUrl } from '../api';
import type { CasePage } from '../types';
import { DeadlineTag, StateTag } from './CaseTags';
import { formatTime } from '../../../shared/time';

interface Props {
  page: CasePage | undefined;
  loading: boolean;
  onPage: (page: number) => void;
  empty?: string;
}

/** Cards rather than a table: the same list serves a phone (resident, grid worker) and a desk. */
export function CaseList({ page, loading, onPage, empty = '暂无案件' }: Props) {
  const total = page?.page.total ?? 0;
  return (
    <List
      loading={loading}
      dataSource={page?.data ?? []}
      locale={{ emptyText: <Empty description={empty} /> }}
      pagination={
        total > (page?.page.pageSize ?? 20)
          ? {
              current: page?.page.page,
              pageSize: page?.page.pageSize,
              total,
              onChange: onPage,
              showSizeChanger: false,
              size: 'small',
              showTotal: (t) => `共 ${t}${page?.page.totalCapped ? '+' : ''} 件`,
            }
          : false
      }
      renderItem={(c) => (
        <List.Item
          key={c.id}
          data-testid="case-item"
          extra={
            c.thumbnailId ? (
              <img
                src={photoUrl(c.thumbnailId, true)}
                alt=""
                width={64}
                height={64}
                style={{ objectFit: 'cover', borderRadius: 4 }}
              />
            ) : null
          }
        >
          <List.Item.Meta
            title={
              <Space size={4} wrap>
                <Link to={`/cases/${c.id}`}>{c.title}</Link>
                <StateTag state={c.state} />
                <DeadlineTag deadline={c.deadline} />
              </Space>
            }
            description={
              <Space size={[12, 0]} wrap>
                <Typography.Text type="secondary">{c.caseNo}</Typography.Text>
                {c.categoryName && <span>{c.categoryName}</span>}
                <span>
                  {c.communityName}
                  {c.address ? ` · ${c.address}` : ''}
                </span>
                {c.departmentName && <span>承办：{c.departmentName}</span>}
                <span>{formatTime(c.reportedAt, 'MM-DD HH:mm')}</span>
              </Space>
            }
          />
        </List.Item>
      )}
    />
  );
}
