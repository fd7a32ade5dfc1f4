/**
 * Serialises async sections per key: write units of one tenant run one after
 * another, while units of different tenants never wait for each other.
 */
export class KeyedMutex {
  readonly #tails = new Map<string, Promise<void>>();

  async run<T>(key: string, section: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const current = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = previous.then(() => current);
    this.#tails.set(key, tail);
    await previous;
    try {
      return await section();
    } finally {
      release();
      // Drop the entry once nobody queued behind us, so idle tenants cost nothing.
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    }
  }
}
