import type { z } from 'zod';
import type { questionDatatypeSchema } from '../../../contracts/case-config.ts';
import type { CaseQuestion, ConfigTree, ManagedTemplate, OfferedTemplate } from '../../../contracts/cases-responses.ts';
import { apiGet, apiSend } from '../../shared/api';

export type QuestionDatatype = z.infer<typeof questionDatatypeSchema>;
export type Question = Omit<CaseQuestion, 'order'> & { order?: number };
import type { Limits } from '../../../contracts/cases-responses.ts';
export type { ConfigCategory, Limits, Override } from '../../../contracts/cases-responses.ts';
export type ConfigAbility = ConfigTree['abilities'][number];
export type { ConfigTree };

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

/** An offered quick pick, or (maintenance list) a managed template with its scope and category names. */
export type Template = OfferedTemplate & Partial<ManagedTemplate>;
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
