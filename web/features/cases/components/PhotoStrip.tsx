import { Image, Space } from 'antd';
import { photoUrl } from '../api';

/** Thumbnails that open the full photo; the server checks the viewer may see the case. */
export function PhotoStrip({ ids, size = 72 }: { ids: number[]; size?: number }) {
  if (!ids.length) return null;
  return (
    <Image.PreviewGroup>
      <Space wrap size={8}>
        {ids.map((id) => (
          <Image
            key={id}
            width={size}
            height={size}
            style={{ objectFit: 'cover', borderRadius: 4 }}
            src={photoUrl(id, true)}
            preview={{ src: photoUrl(id) }}
            alt={`照片 ${id}`}
          />
        ))}
      </Space>
    </Image.PreviewGroup>
  );
}
