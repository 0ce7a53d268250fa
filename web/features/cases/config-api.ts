import { apiGet, apiSend } from '../../shared/api';

export type QuestionDatatype = 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
export interface Question {
  code: string;
  datatype: QuestionDatatype;
  required: boolean;
  order?: number;
  description: string;
  datatypeDescription: string | null;
  values: { key: string; name: string }[];
}
export interface Limits {
  acceptMinutes: number | null;
  signMinutes: number | null;
  handleMinutes: number | null;
  verifyMinutes: number | null;
}
export interface Override extends Limits {
  categoryId: number;
  nodeId: number;
  nodeName: string;
  nodeLevel: string;
}
export interface ConfigCategory extends Limits {
  id: number;
  parentId: number | null;
  code: string;
  name: string;
  kind: 'event' | 'component' | 'community';
  defaultLevel: string | null;
  defaultDepartmentCode: string | null;
  active: boolean;
  questions: Question[];
  overrides: Override[];
  children?: ConfigCategory[];
}
export type ConfigAbility = 'read' | 'write_tree' | 'write_override' | 'write_template';
export interface ConfigTree {
  data: ConfigCategory[];
  defaults: Limits;
  abilities: ConfigAbility[];
}

export const fetchQuestions = async (categoryId: number, signal?: AbortSignal) =>
  (await apiGet<{ data: Question[] }>(`/api/cases/categories/${categoryId}/questions`, { signal })).data;

export const fetchConfigTree = (signal?: AbortSignal) => apiGet<ConfigTree>('/api/cases/config/categories', { signal });
export const createCategory = (body: Record<string, unknown>) => apiSend('POST', '/api/cases/config/categories', body);
export const updateCategory = (id: number, body: Record<string, unknown>) =>
  apiSend('PATCH', `/api/cases/config/categories/${id}`, body);
export const saveQuestions = (id: number, questions: Omit<Question, 'order'>[]) =>
  apiSend('PUT', `/api/cases/config/categories/${id}/questions`, { questions });
export const putOverride = (id: number, nodeId: number, limits: Partial<Limits>) =>
  apiSend('PUT', `/api/cases/config/categories/${id}/overrides/${nodeId}`, limits);
export const deleteOverride = (id: number, nodeId: number) =>
  apiSend('DELETE', `/api/cases/config/categories/${id}/overrides/${nodeId}`);

export interface Template {
  id: number;
  action: string;
  text: string;
  categoryId: number | null;
  category?: string | null;
  scopeNodeId?: number;
  scopeName?: string | null;
  updatedAt?: string;
}
export const fetchOfferedTemplates = async (action: string, categoryId: number | null, signal?: AbortSignal) =>
  (
    await apiGet<{ data: Template[] }>(
      `/api/cases/templates?action=${action}${categoryId ? `&categoryId=${categoryId}` : ''}`,
      { signal },
    )
  ).data;
export const fetchManagedTemplates = (page: number, signal?: AbortSignal) =>
  apiGet<{ data: Template[]; page: { page: number; pageSize: number; total: number } }>(
    `/api/cases/config/templates?page=${page}&pageSize=20`,
    { signal },
  );
export const createTemplate = (body: {
  action: string;
  text: string;
  categoryId: number | null;
  scopeNodeId?: number;
}) => apiSend('POST', '/api/cases/config/templates', body);
export const updateTemplate = (id: number, body: { text?: string; categoryId?: number | null }) =>
  apiSend('PATCH', `/api/cases/config/templates/${id}`, body);
export const deleteTemplate = (id: number) => apiSend('DELETE', `/api/cases/config/templates/${id}`);
