// Type-only imports from the shared contracts: the server's zod schemas are the source of truth.
import type { z } from 'zod';
import type { nodeDetailSchema, orgNodeSchema, pageInfo } from '../../../contracts/org.ts';

export type OrgNode = z.infer<typeof orgNodeSchema>;
export type OrgNodeDetail = z.infer<typeof nodeDetailSchema>;
export type PageInfo = z.infer<typeof pageInfo>;

export interface ChildrenPage {
  data: OrgNode[];
  page: PageInfo;
}
