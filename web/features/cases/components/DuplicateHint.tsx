import { Alert, List } from 'antd';
import { useAsync } from '../../../shared/use-async';
import { fetchDuplicates, type DuplicateQuery } from '../api';
import { useDebouncedValue as useDebounced } from '../../../shared/use-debounced-value';

/**
 * Open cases like the one being written, near the same place: following one of them gets the
 * problem solved sooner than a second report. Shows nothing while the endpoint is not there.
 */
export function DuplicateHint({ query }: { query: DuplicateQuery }) {
  const settled = useDebounced(query, 600);
  const key = JSON.stringify(settled);
  const { data } = useAsync(
    (signal) =>
      settled.text.trim().length >= 4 ? fetchDuplicates(settled, signal).catch(() => null) : Promise.resolve(null),
    [key],
  );
  if (!data?.length) return null;
  return (
    <Alert
      type="info"
      showIcon
      title="附近已有类似问题，可关注该案件"
      description={
        <List
          size="small"
          dataSource={data.slice(0, 3)}
          renderItem={(d) => (
            <List.Item>
              {/* No link: a resident may not open someone else's case; following it is the server's job. */}
              <span>
                {d.caseNo} {d.title}
              </span>
              <span>约 {Math.round(d.distanceM)} 米</span>
            </List.Item>
          )}
        />
      }
    />
  );
}
