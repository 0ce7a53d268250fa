import { z } from 'zod';
import { sentDateTime } from './datetime.ts';
import { consultationAttachment, longText, PHASES, voteResults } from './participation.ts';

/** 完美社区网: a community's public portal, read without signing in (published items only, no names). */

export const portalParams = z.object({
  communityCode: z.string().regex(/^\d{12}$/, '社区编码须为 12 位数字'),
});
export const portalIntroBody = z.object({ intro: longText('社区简介', 5000) });

export const portalResponse = z.object({
  data: z.object({
    community: z.object({ code: z.string(), name: z.string(), streetName: z.string(), intro: z.string() }),
    notices: z.array(z.object({ id: z.number(), title: z.string(), body: z.string(), publishedAt: sentDateTime() })),
    consultations: z.array(
      z.object({
        id: z.number(),
        title: z.string(),
        body: z.string(),
        opensAt: sentDateTime(),
        closesAt: sentDateTime(),
        phase: z.enum(PHASES),
        responseSummary: z.string().nullable(),
        attachments: z.array(consultationAttachment.pick({ id: true, name: true })),
      }),
    ),
    voteResults: z.array(
      z.object({
        id: z.number(),
        title: z.string(),
        closedAt: sentDateTime(),
        budgetCapYuan: z.number(),
        results: voteResults,
      }),
    ),
    /** 四议两公开 records whose resolution is published, with their public steps only. */
    decisions: z.array(
      z.object({
        id: z.number(),
        title: z.string(),
        summary: z.string(),
        status: z.string(),
        published: z.array(z.object({ kind: z.string(), note: z.string(), recordedAt: sentDateTime() })),
        votes: z.array(
          z.object({
            kind: z.string(),
            votesFor: z.number().nullable(),
            votesAgainst: z.number().nullable(),
            votesAbstain: z.number().nullable(),
          }),
        ),
      }),
    ),
  }),
});
export type PortalData = z.input<typeof portalResponse>['data'];
export const portalIntroResponse = z.object({ data: z.object({ intro: z.string() }) });
