/**
 * What a built-in step is and what its work receives: shared by built-in-steps.ts and the step
 * helpers it calls (organization-actions.ts), so that neither imports the other for a type.
 */
import type { Knex } from 'knex';
import type { z } from 'zod';
import type { Services } from '../../services';
import type { RequestContext } from '../sessions/request-context';

export interface StepRun {
  services: Services;
  trx: Knex.Transaction;
  userId: string;
  email: string;
  /** Everything saved for earlier steps (the team step needs the organization step's result). */
  stepData: Record<string, unknown>;
  context: RequestContext;
}

export interface BuiltInStep<S extends z.ZodType = z.ZodType> {
  schema: S;
  /** Does the step's work; returns what to keep as the step's data. */
  run?: (run: StepRun, data: z.infer<S>) => Promise<unknown>;
}
