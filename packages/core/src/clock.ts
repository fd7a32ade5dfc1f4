/** The source of time for every timestamp Rookery writes. Injected for deterministic tests. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
