/**
 * The DOM side of acct's events. Their names and details are the contract's
 * (contract/events.ts, where the reason they live there is given); here is what needs the DOM:
 * the details made from an error or an onboarding answer, and the entries in the DOM's event
 * maps, so that `element.addEventListener('acct-error', e => e.detail.code)` — or on `document`
 * or `window`, since every acct event bubbles and is composed — is typed for TypeScript users.
 * `GlobalEventHandlersEventMap` is the map that HTMLElementEventMap, DocumentEventMap and
 * WindowEventMap all extend, so one declaration covers the three. An element fires them with
 * `emit()` (acct-element.ts), which accepts only the names of `AcctEventMap`.
 */
import type {
  AcctErrorDetail,
  AcctEventMap,
  AcctOnboardingCompleteDetail,
  AcctStepDataDetail,
} from '../../../contract/events.js';
import type { OnboardingState } from '../../../contract/onboarding.js';
import { ApiError } from './api-client.js';
import { errorMessage, type Translation } from './i18n/index.js';

export type * from '../../../contract/events.js';

/** The `acct-error` detail for a failure, with the message in the element's language. */
export function errorDetail(t: Translation, error: unknown): AcctErrorDetail {
  return {
    code: error instanceof ApiError ? error.code : 'unknown',
    status: error instanceof ApiError ? error.status : 0,
    message: errorMessage(t, error),
  };
}

/** The completion detail from an onboarding answer. */
export function completeDetail(state: OnboardingState): AcctOnboardingCompleteDetail {
  return {
    path: state.path ? { id: state.path.id, name: state.path.name } : undefined,
    role: state.role ?? null,
    useCase: state.useCase ?? null,
    stepData: state.stepData ?? {},
    completedAt: state.completedAt ?? null,
  };
}

/** Each acct event as the DOM delivers it. */
export type AcctDomEventMap = { [K in keyof AcctEventMap]: CustomEvent<AcctEventMap[K]> };

declare global {
  interface GlobalEventHandlersEventMap extends AcctDomEventMap {
    /** Fired by a site's content slotted into `<acct-onboarding>`, not by acct (contract/events.ts). */
    'acct-step-data': CustomEvent<AcctStepDataDetail>;
  }
}
