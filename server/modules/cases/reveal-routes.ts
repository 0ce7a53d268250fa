import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { revealContactBody, revealContactResponse } from '../../../contracts/case-contact.ts';
import { idParams } from '../../../contracts/org.ts';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor } from '../../platform/auth/plugin.ts';
import { revealReporterContact } from './commands/reveal-contact.ts';

/** The reporter's contact, masked everywhere else, revealed one case at a time (access: policy.ts canRevealReporterContact). */
export function revealRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/cases/:id/reveal-contact',
      {
        config: { permission: 'cases.reveal-contact' },
        schema: {
          tags: ['cases'],
          summary: '查看反映人完整电话（办理人员，需填写原因，留痕）',
          params: idParams,
          body: revealContactBody,
          response: { 200: revealContactResponse },
        },
      },
      async (request) => ({
        data: await revealReporterContact(
          deps,
          requireActor(request),
          request.params.id,
          request.body.reason,
          request.ip,
        ),
      }),
    );
  };
}
