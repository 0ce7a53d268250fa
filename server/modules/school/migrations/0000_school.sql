CREATE TABLE "school_courses" (
	"id" serial PRIMARY KEY NOT NULL,
	"node_id" integer NOT NULL,
	"scope_path" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"audiences" text[] NOT NULL,
	"pass_mark" integer DEFAULT 60 NOT NULL,
	"max_attempts" integer DEFAULT 3 NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "school_courses_pass_mark_ck" CHECK ("school_courses"."pass_mark" between 1 and 100)
);
--> statement-breakpoint
CREATE TABLE "school_enrolments" (
	"id" serial PRIMARY KEY NOT NULL,
	"course_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"scope_path" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	"passed_at" timestamp with time zone,
	"best_score" integer,
	"attempts" integer DEFAULT 0 NOT NULL,
	"seconds" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "school_exam_attempts" (
	"id" serial PRIMARY KEY NOT NULL,
	"enrolment_id" integer NOT NULL,
	"score" integer NOT NULL,
	"passed" boolean NOT NULL,
	"answers" jsonb NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "school_lesson_progress" (
	"enrolment_id" integer NOT NULL,
	"lesson_id" integer NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"seconds" integer DEFAULT 0 NOT NULL,
	"quiz_score" integer,
	"completed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "school_lesson_progress_enrolment_id_lesson_id_pk" PRIMARY KEY("enrolment_id","lesson_id")
);
--> statement-breakpoint
CREATE TABLE "school_lessons" (
	"id" serial PRIMARY KEY NOT NULL,
	"course_id" integer NOT NULL,
	"sort" integer NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"video_url" text,
	"video_file_key" text,
	"minutes" integer DEFAULT 10 NOT NULL,
	CONSTRAINT "school_lessons_kind_ck" CHECK ("school_lessons"."kind" in ('document','video','quiz'))
);
--> statement-breakpoint
CREATE TABLE "school_questions" (
	"id" serial PRIMARY KEY NOT NULL,
	"course_id" integer NOT NULL,
	"lesson_id" integer,
	"sort" integer NOT NULL,
	"kind" text NOT NULL,
	"prompt" text NOT NULL,
	"options" jsonb NOT NULL,
	"answer" jsonb NOT NULL,
	CONSTRAINT "school_questions_kind_ck" CHECK ("school_questions"."kind" in ('single','multiple'))
);
--> statement-breakpoint
CREATE INDEX "school_courses_scope_idx" ON "school_courses" USING btree ("scope_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "school_enrolments_uq" ON "school_enrolments" USING btree ("course_id","user_id");--> statement-breakpoint
CREATE INDEX "school_enrolments_user_idx" ON "school_enrolments" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "school_exam_attempts_enrolment_idx" ON "school_exam_attempts" USING btree ("enrolment_id","submitted_at");--> statement-breakpoint
CREATE INDEX "school_lessons_course_idx" ON "school_lessons" USING btree ("course_id","sort");--> statement-breakpoint
CREATE INDEX "school_questions_course_idx" ON "school_questions" USING btree ("course_id","lesson_id","sort");