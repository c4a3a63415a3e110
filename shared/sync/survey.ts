import { z } from 'zod';
import type { Ticket } from '../model/index.ts';

/** Satisfaction surveys (issue 4): the public answer endpoints and the agents' survey-link endpoint. */
export const surveyRoutes = {
  /** GET: the survey page; POST: its form (application/x-www-form-urlencoded). Public, the token is the credential. */
  page: '/survey/:token',
  /** POST JSON: the same answer for other clients (a mail client's buttons, a chat widget). Public. */
  answer: '/api/v1/surveys/:token',
  /** POST, authenticated: a signed link for one ticket the agent can see. */
  link: '/api/v1/tickets/:id/survey-link',
} as const;

export const surveyLinkPath = (ticketId: string) => surveyRoutes.link.replace(':id', encodeURIComponent(ticketId));
export const surveyPagePath = (token: string) => surveyRoutes.page.replace(':token', token);
export const surveyAnswerPath = (token: string) => surveyRoutes.answer.replace(':token', token);

/** Longest comment kept; a longer one is refused with words, never truncated. */
export const MAX_SURVEY_COMMENT_CHARS = 5000;

/** An answer as a customer sends it: CSAT required, CES and NPS optional, a plain-text comment. */
export const SurveyAnswer = z.object({
  csat: z.number().int().min(1).max(5),
  ces: z.number().int().min(1).max(7).nullable().default(null),
  nps: z.number().int().min(0).max(10).nullable().default(null),
  comment: z.string().max(MAX_SURVEY_COMMENT_CHARS).nullable().default(null),
});
export type SurveyAnswer = z.infer<typeof SurveyAnswer>;

export const SurveyLinkResponse = z.object({ url: z.string(), expiresAt: z.string() });
export type SurveyLinkResponse = z.infer<typeof SurveyLinkResponse>;

/** Days a survey link stays valid after it is made. */
export const SURVEY_LINK_DAYS = 30;

/** Only a solved or closed ticket has a survey link and takes an answer. */
export const takesSurvey = (ticket: Pick<Ticket, 'status'>) => ticket.status === 'solved' || ticket.status === 'closed';
