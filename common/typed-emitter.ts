type AnyListener = (...args: unknown[]) => void;

/** A tiny typed event emitter: `on()` returns its own unsubscribe function. */
export class TypedEmitter<Events extends Record<string, unknown[]>> {
  private readonly listeners = new Map<keyof Events, Set<AnyListener>>();

  on<K extends keyof Events>(event: K, listener: (...args: Events[K]) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    set.add(listener as unknown as AnyListener);
    return () => this.off(event, listener);
  }

  off<K extends keyof Events>(event: K, listener: (...args: Events[K]) => void): void {
    this.listeners.get(event)?.delete(listener as unknown as AnyListener);
  }

  protected emit<K extends keyof Events>(event: K, ...args: Events[K]): void {
    for (const l of [...(this.listeners.get(event) ?? [])]) {
      try {
        l(...(args as unknown[]));
      } catch {
        // A listener's bug must not break the service that emits.
      }
    }
  }

  removeAllListeners(): void {
    this.listeners.clear();
  }
}
