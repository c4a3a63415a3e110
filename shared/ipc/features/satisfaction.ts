import { z } from 'zod';
import { Id } from '../../model/index.ts';
import { SurveyLinkResponse } from '../../sync/survey.ts';

/** Procedures and events of satisfaction surveys. Spread into shared/ipc/contract.ts. */
export const satisfactionProcedures = {
  /** A signed link the customer answers the survey at, for a solved or closed ticket. Online only: the server signs it. */
  'ticket.surveyLink': { input: z.object({ ticketId: Id }), output: SurveyLinkResponse },
} as const;

export const satisfactionEvents = {} as const;
