import { penguinPolicy } from "../penguin-policy.js";
import type { BenchRequest } from "../world.js";
import type { Engine } from "./engine.js";

const { allows, check } = penguinPolicy;
type Allows = (actor: unknown, action: unknown, target: unknown) => boolean;
type Check = (actor: unknown, action: unknown, target: unknown) => { allowed: boolean };

/** This engine's fast path, the boolean check a service calls on every request. */
export const rookery: Engine<BenchRequest> = {
  name: "rookery",
  prepare: (_world, requests) => [...requests],
  check: (r) => (allows as Allows)(r.actor, r.action, r.target),
};

/** The same engine answering with a full Decision (reason and step), still allocation-free. */
export const rookeryDecision: Engine<BenchRequest> = {
  name: "rookery-decision",
  prepare: (_world, requests) => [...requests],
  check: (r) => (check as Check)(r.actor, r.action, r.target).allowed,
};
