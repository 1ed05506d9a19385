/** A first-come first-served async lock: PGlite has one connection, so callers take turns. */
export class Mutex {
  #tail: Promise<void> = Promise.resolve();

  /** Resolves when the lock is yours, with the function that gives it back (safe to call twice). */
  acquire(): Promise<() => void> {
    let unlock!: () => void;
    const released = new Promise<void>((resolve) => {
      unlock = resolve;
    });
    const turn = this.#tail.then(() => {
      let done = false;
      return () => {
        if (done) return;
        done = true;
        unlock();
      };
    });
    this.#tail = this.#tail.then(() => released);
    return turn;
  }
}
