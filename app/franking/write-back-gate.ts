/**
 * Buying before writing back (ADR 026). While a process buys stamps for any batch, its write-backs go a
 * few groups at a time, so the CPU the process has goes to the merchants still waiting for their labels;
 * once nothing is being bought, every write-back group goes at once (each is still paced by its shop's
 * Shopify bucket). The narrow width is at least one group, so write-backs never starve behind a steady
 * stream of purchases.
 */
export class WriteBackGate {
  private inFlight = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    /** Groups at once across the process while something is bought (≥ 1). */
    private readonly widthWhileBuying: number,
    /** Whether any run of this process is buying now. */
    private readonly buyingNow: () => boolean,
  ) {
    if (!Number.isInteger(widthWhileBuying) || widthWhileBuying < 1)
      throw new RangeError(`widthWhileBuying must be a whole number ≥ 1, not ${widthWhileBuying}`);
  }

  /** Waits for a turn; call the returned function when the group is done (twice is harmless). */
  async turn(): Promise<() => void> {
    if (this.waiting.length === 0 && this.inFlight < this.width()) this.inFlight++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve)); // wake() counted it in
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inFlight--;
      this.wake();
    };
  }

  /** Lets waiting groups go as far as the width allows now: call it when buying may have ended. */
  wake(): void {
    while (this.waiting.length > 0 && this.inFlight < this.width()) {
      this.inFlight++;
      this.waiting.shift()?.();
    }
  }

  /** Groups writing now and groups waiting for a turn (for tests and logs). */
  get counts(): { inFlight: number; waiting: number } {
    return { inFlight: this.inFlight, waiting: this.waiting.length };
  }

  private width(): number {
    return this.buyingNow() ? this.widthWhileBuying : Number.POSITIVE_INFINITY;
  }
}
