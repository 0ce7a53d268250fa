import { z } from 'zod';

/** One line of a person's to-do list on their home page (工作台): a figure and where to act on it. */
export const todoItemSchema = z.object({
  key: z.string(),
  label: z.string(),
  count: z.number(),
  /** Shown after the count: '件', '个', '分', '小时'… */
  unit: z.string(),
  /** For a figure with a goal (points this month): the goal. */
  target: z.number().nullable(),
  path: z.string(),
  /** 'warning' when the item is late or below target and should catch the eye. */
  tone: z.enum(['normal', 'warning']),
});
export type TodoItem = z.infer<typeof todoItemSchema>;
export const todosSchema = z.object({ items: z.array(todoItemSchema) });
