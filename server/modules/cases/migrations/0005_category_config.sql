CREATE TABLE "case_category_questions" (
	"id" serial PRIMARY KEY NOT NULL,
	"category_id" integer NOT NULL,
	"code" text NOT NULL,
	"datatype" text NOT NULL,
	"required" boolean DEFAULT false NOT NULL,
	"order" integer NOT NULL,
	"description" text NOT NULL,
	"datatype_description" text,
	"values" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_response_templates" (
	"id" serial PRIMARY KEY NOT NULL,
	"category_id" integer,
	"action" text NOT NULL,
	"text" text NOT NULL,
	"scope_node_id" integer NOT NULL,
	"scope_path" text NOT NULL,
	"created_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "answers" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "case_category_questions_uq" ON "case_category_questions" USING btree ("category_id","code");--> statement-breakpoint
CREATE INDEX "case_response_templates_action_idx" ON "case_response_templates" USING btree ("action","scope_path");--> statement-breakpoint
-- Installs seeded before questions lived in the database get the questions Open311 used to hard-code.
INSERT INTO "case_category_questions" ("category_id", "code", "datatype", "required", "order", "description", "datatype_description", "values")
SELECT c.id, q.code, q.datatype, q.required, q.ord, q.description, q.hint, q.vals::jsonb
FROM (VALUES
  ('0601', 'COVER_TYPE', 'singlevaluelist', true, 1, '井盖类型', '请选择一项', '[{"key":"sewer","name":"污水井"},{"key":"rain","name":"雨水井"},{"key":"power","name":"电力井"},{"key":"telecom","name":"通信井"},{"key":"unknown","name":"不清楚"}]'),
  ('0601', 'COUNT', 'number', false, 2, '数量（个）', '正整数', '[]'),
  ('1101', 'OCCURRED_AT', 'datetime', true, 1, '发生时间', 'ISO 8601，须含时区，如 2026-03-01T22:30:00+08:00', '[]'),
  ('1101', 'SOURCES', 'multivaluelist', false, 2, '噪音来源', '可多选', '[{"key":"renovation","name":"装修"},{"key":"music","name":"音响/乐器"},{"key":"pets","name":"宠物"},{"key":"business","name":"商铺经营"},{"key":"other","name":"其他"}]'),
  ('1101', 'DETAIL', 'text', false, 3, '补充说明（规律、持续时长等）', NULL, '[]'),
  ('1201', 'ELEVATOR_NO', 'string', false, 1, '电梯编号（轿厢内铭牌）', NULL, '[]')
) AS q(category_code, code, datatype, required, ord, description, hint, vals)
JOIN "case_categories" c ON c.code = q.category_code
ON CONFLICT DO NOTHING;
