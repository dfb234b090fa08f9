// Expiring credit in first-in first-out order. Every debit uses the oldest top-up that has not
// expired yet, so the minutes of a top-up still unused when its expiry comes are the ones that
// expire. Pure: lib/db/credit-expiry.ts loads a customer's ledger and records what this returns.

export interface ExpiryLedgerEntry {
  id: string;
  kind: "TOP_UP" | "POSTPAID_BILLING" | "ADJUSTMENT" | "SESSION";
  minutes: number;
  occurredAt: Date;
  // Insertion order, which breaks ties between entries of the same instant.
  sequence: number;
  expiresAt: Date | null;
  reversesId: string | null;
  // Set on an expiry entry already recorded: the id of the top-up whose minutes it removed.
  expiredTopUpId: string | null;
}

export interface DueExpiry {
  topUpId: string;
  // Unused minutes of the top-up at its expiry, always positive.
  minutes: number;
  expiresAt: Date;
  topUpOccurredAt: Date;
  topUpMinutes: number;
}

interface Lot {
  entryId: string;
  remaining: number;
  expiresAt: Date | null;
  // A lot is closed once it expired or its top-up was reversed, and then takes no refunds.
  closed: boolean;
  expiryHandled: boolean;
}

// The lots a debit took its minutes from, kept so that a reversal of the debit gives them back.
interface Allocation {
  lot: Lot | null;
  minutes: number;
}

/**
 * Returns the top-ups whose expiry is at or before `now` and that still had unused minutes then,
 * with those minutes, in expiry order. A top-up that already has a recorded expiry entry (one with
 * `expiredTopUpId` naming it) is not returned again.
 *
 * Credits other than top-ups (postpaid billings, positive adjustments) never expire. A negative
 * balance is consumption waiting for credit, so the next credit pays it first. A reversed top-up
 * loses its unused minutes, and a reversed debit gives its minutes back to the lots it used (or,
 * when such a lot has expired meanwhile, as credit that does not expire).
 */
export function dueExpiries(entries: readonly ExpiryLedgerEntry[], now: Date): DueExpiry[] {
  const ordered = [...entries].sort(
    (a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || a.sequence - b.sequence,
  );
  const recorded = new Map<string, ExpiryLedgerEntry>();
  for (const entry of ordered) {
    if (entry.expiredTopUpId) recorded.set(entry.expiredTopUpId, entry);
  }
  const topUps = new Map(ordered.filter((entry) => isTopUpLot(entry)).map((e) => [e.id, e]));
  const state = new FifoState();
  const due: DueExpiry[] = [];

  const expireUpTo = (instant: Date) => {
    for (const lot of state.lotsExpiringBy(instant)) {
      const topUp = topUps.get(lot.entryId);
      const recordedEntry = recorded.get(lot.entryId);
      if (recordedEntry) {
        // The recorded minutes leave this lot first; any excess is an ordinary debit.
        state.expireLot(lot, -recordedEntry.minutes);
      } else if (
        !lot.closed &&
        lot.remaining > 0 &&
        topUp &&
        lot.expiresAt &&
        lot.expiresAt <= now
      ) {
        due.push({
          topUpId: lot.entryId,
          minutes: lot.remaining,
          expiresAt: lot.expiresAt,
          topUpOccurredAt: topUp.occurredAt,
          topUpMinutes: topUp.minutes,
        });
        state.expireLot(lot, lot.remaining);
      } else {
        state.expireLot(lot, 0);
      }
    }
  };

  for (const entry of ordered) {
    // Minutes that expire at an instant are no longer usable by an entry of that instant.
    expireUpTo(entry.occurredAt);
    if (entry.expiredTopUpId && topUps.has(entry.expiredTopUpId)) continue;

    state.apply(entry);
  }
  expireUpTo(now);

  return due;
}

function isTopUpLot(entry: ExpiryLedgerEntry): boolean {
  return entry.kind === "TOP_UP" && entry.minutes > 0 && entry.reversesId === null;
}

class FifoState {
  // Every lot in purchase order, also the used-up and closed ones.
  private lots: Lot[] = [];
  private lotsById = new Map<string, Lot>();
  // Minutes used beyond every lot: a negative balance that the next credit pays first.
  private deficit = 0;
  private allocations = new Map<string, Allocation[]>();

  apply(entry: ExpiryLedgerEntry): void {
    if (entry.reversesId && entry.kind === "TOP_UP" && entry.minutes < 0) {
      this.reverseTopUp(entry);
    } else if (entry.reversesId && entry.minutes > 0 && this.allocations.has(entry.reversesId)) {
      this.refund(entry.reversesId, entry.minutes, entry.occurredAt);
    } else if (entry.minutes > 0) {
      const expiresAt = isTopUpLot(entry) ? entry.expiresAt : null;
      this.credit(entry.id, entry.minutes, expiresAt);
    } else {
      this.allocations.set(entry.id, this.debit(-entry.minutes));
    }
  }

  /** Returns the lots whose expiry is at or before `instant` and not handled yet, oldest first. */
  lotsExpiringBy(instant: Date): Lot[] {
    const expiring = this.lots.filter(
      (lot) => lot.expiresAt !== null && !lot.expiryHandled && lot.expiresAt <= instant,
    );

    return expiring.sort((a, b) => a.expiresAt!.getTime() - b.expiresAt!.getTime());
  }

  /** Removes `minutes` from the lot as it expires; minutes beyond its remainder are a debit. */
  expireLot(lot: Lot, minutes: number): void {
    const fromLot = lot.closed ? 0 : Math.min(lot.remaining, minutes);
    lot.remaining -= fromLot;
    lot.closed = true;
    lot.expiryHandled = true;
    if (minutes > fromLot) this.debit(minutes - fromLot);
  }

  private credit(entryId: string, minutes: number, expiresAt: Date | null): void {
    const paid = Math.min(this.deficit, minutes);
    this.deficit -= paid;
    const lot = {
      entryId,
      remaining: minutes - paid,
      expiresAt,
      closed: false,
      expiryHandled: false,
    };
    this.lots.push(lot);
    this.lotsById.set(entryId, lot);
  }

  private debit(minutes: number): Allocation[] {
    const used: Allocation[] = [];
    let left = minutes;
    for (const lot of this.lots) {
      if (left === 0) break;
      if (lot.closed || lot.remaining === 0) continue;

      const drawn = Math.min(lot.remaining, left);
      lot.remaining -= drawn;
      left -= drawn;
      used.push({ lot, minutes: drawn });
    }
    if (left > 0) {
      this.deficit += left;
      used.push({ lot: null, minutes: left });
    }

    return used;
  }

  // A reversed debit gives its minutes back to the lots it used, the last one first, and cancels
  // the deficit it caused. A lot closed in between takes nothing back, so those minutes become
  // credit that does not expire.
  private refund(debitId: string, minutes: number, at: Date): void {
    let left = minutes;
    let free = 0;
    const used = [...(this.allocations.get(debitId) ?? [])].reverse();
    for (const allocation of used) {
      if (left === 0) break;
      const back = Math.min(allocation.minutes, left);
      left -= back;
      const lot = allocation.lot;
      if (lot === null) {
        const paid = Math.min(this.deficit, back);
        this.deficit -= paid;
        free += back - paid;
      } else if (lot.closed || (lot.expiresAt !== null && lot.expiresAt <= at)) {
        free += back;
      } else {
        lot.remaining += back;
      }
    }
    free += left;
    if (free > 0) this.credit(`${debitId}:refund`, free, null);
  }

  // Cancelling a top-up removes what is left of it. The minutes already used from it are taken
  // from the other lots, as if the top-up had never been there.
  private reverseTopUp(entry: ExpiryLedgerEntry): void {
    const lot = entry.reversesId ? this.lotsById.get(entry.reversesId) : undefined;
    const cancelled = -entry.minutes;
    const fromLot = lot && !lot.closed ? Math.min(lot.remaining, cancelled) : 0;
    if (lot) {
      lot.remaining -= fromLot;
      lot.closed = true;
    }
    if (cancelled > fromLot) this.allocations.set(entry.id, this.debit(cancelled - fromLot));
  }
}
