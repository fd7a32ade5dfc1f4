import type { Decision, Explanation, TraceStep } from "./decision.js";

/**
 * Joins a decision and its steps into an explanation: the steps as data, and
 * the same as lines for a log, headed by the verdict.
 */
export function explanation(decision: Decision, steps: readonly TraceStep[]): Explanation {
  const verdict = decision.allowed ? "allowed" : "denied";
  const lines = [
    `${verdict} (${decision.reason}) at the ${decision.step} step`,
    ...steps.map((step) => `${step.step}: ${step.outcome}: ${step.detail}`),
  ];
  return { ...decision, steps, lines };
}
