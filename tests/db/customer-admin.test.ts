import { beforeEach, describe, expect, it } from "vitest";

import { lookupBalances } from "@/lib/db/balance-lookup";
import { createContract, updateContract } from "@/lib/db/contracts";
import { createCustomer, setCustomerActive, updateCustomer } from "@/lib/db/customer-admin";
import { recordLedgerEntry } from "@/lib/db/ledger";
import { contractInputSchema } from "@/lib/validations/contract";
import { customerInputSchema } from "@/lib/validations/customer";

import { rejectionOf } from "./app-error";
import { createUser, resetDatabase, testDb } from "./helpers";

const customerInput = (overrides: Record<string, unknown> = {}) =>
  customerInputSchema.parse({
    code: "C100",
    name: "Ferramenta Bianchi",
    vatNumber: "IT 01234567897",
    city: "Como",
    province: "co",
    billingMode: "PREPAID",
    lowBalanceKind: "MINUTES",
    lowBalanceThreshold: "60",
    ...overrides,
  });

const contractInput = (overrides: Record<string, unknown> = {}) =>
  contractInputSchema.parse({ number: "2026/001", startsOn: "2026-01-01", ...overrides });

async function auditOf(entityId: string) {
  return testDb().auditEvent.findMany({ where: { entityId }, orderBy: { createdAt: "asc" } });
}

describe("customer administration", () => {
  beforeEach(resetDatabase);

  it("creates a customer with an audit event", async () => {
    const admin = await createUser("ADMIN");

    const customer = await createCustomer(testDb(), { actorId: admin.id, input: customerInput() });

    expect(customer).toMatchObject({ code: "C100", vatNumber: "01234567897", province: "CO" });
    const [event] = await auditOf(customer.id);
    expect(event.action).toBe("customer.create");
    expect(event.actorId).toBe(admin.id);
    expect(event.after).toMatchObject({ code: "C100", lowBalanceThreshold: 60 });
  });

  it("rejects a duplicate code in any case", async () => {
    const admin = await createUser("ADMIN");
    await createCustomer(testDb(), { actorId: admin.id, input: customerInput() });

    const error = await rejectionOf(
      createCustomer(testDb(), { actorId: admin.id, input: customerInput({ code: "c100" }) }),
    );

    expect(error.messageKey).toBe("customer.codeTaken");
    expect(error.fields.map((field) => field.field)).toEqual(["code"]);
    expect(await testDb().customer.count()).toBe(1);
    expect(await testDb().auditEvent.count()).toBe(1);
  });

  it("records before and after of an edit", async () => {
    const admin = await createUser("ADMIN");
    const customer = await createCustomer(testDb(), { actorId: admin.id, input: customerInput() });

    await updateCustomer(testDb(), {
      actorId: admin.id,
      customerId: customer.id,
      input: customerInput({ billingMode: "POSTPAID", lowBalanceThreshold: "" }),
    });

    const events = await auditOf(customer.id);
    expect(events.map((event) => event.action)).toEqual(["customer.create", "customer.update"]);
    expect(events[1].before).toMatchObject({ billingMode: "PREPAID", lowBalanceThreshold: 60 });
    expect(events[1].after).toMatchObject({ billingMode: "POSTPAID", lowBalanceThreshold: null });
  });

  it("rejects an edit to another customer's code and changes nothing", async () => {
    const admin = await createUser("ADMIN");
    await createCustomer(testDb(), { actorId: admin.id, input: customerInput() });
    const other = await createCustomer(testDb(), {
      actorId: admin.id,
      input: customerInput({ code: "C200", name: "Other" }),
    });

    const error = await rejectionOf(
      updateCustomer(testDb(), {
        actorId: admin.id,
        customerId: other.id,
        input: customerInput({ code: "C100", name: "Renamed" }),
      }),
    );

    expect(error.messageKey).toBe("customer.codeTaken");
    const stored = await testDb().customer.findUniqueOrThrow({ where: { id: other.id } });
    expect(stored).toMatchObject({ code: "C200", name: "Other" });
  });

  it("deactivates and reactivates keeping ledger and lookup", async () => {
    const admin = await createUser("ADMIN");
    const customer = await createCustomer(testDb(), { actorId: admin.id, input: customerInput() });
    await recordLedgerEntry(testDb(), {
      customerId: customer.id,
      authorId: admin.id,
      entry: { kind: "TOP_UP", minutes: 90 },
    });

    await setCustomerActive(testDb(), {
      actorId: admin.id,
      customerId: customer.id,
      active: false,
    });
    const [found] = await lookupBalances(testDb(), "C100");

    expect(found).toMatchObject({ active: false, balanceMinutes: 90 });
    expect(await testDb().ledgerEntry.count({ where: { customerId: customer.id } })).toBe(1);

    await setCustomerActive(testDb(), { actorId: admin.id, customerId: customer.id, active: true });
    const actions = (await auditOf(customer.id)).map((event) => event.action);
    expect(actions).toEqual([
      "customer.create",
      "ledger.append",
      "customer.deactivate",
      "customer.reactivate",
    ]);
  });
});

describe("contracts", () => {
  beforeEach(resetDatabase);

  it("creates and edits a contract with audit events", async () => {
    const admin = await createUser("ADMIN");
    const customer = await createCustomer(testDb(), { actorId: admin.id, input: customerInput() });

    const contract = await createContract(testDb(), {
      actorId: admin.id,
      customerId: customer.id,
      input: contractInput({ minutesIncluded: "600" }),
    });
    await updateContract(testDb(), {
      actorId: admin.id,
      customerId: customer.id,
      contractId: contract.id,
      input: contractInput({ endsOn: "31/12/2026", minutesIncluded: "900" }),
    });

    const stored = await testDb().contract.findUniqueOrThrow({ where: { id: contract.id } });
    expect(stored.endsOn?.toISOString().slice(0, 10)).toBe("2026-12-31");
    expect(stored.minutesIncluded).toBe(900);
    const events = await auditOf(contract.id);
    expect(events.map((event) => event.action)).toEqual(["contract.create", "contract.update"]);
    expect(events[1].before).toMatchObject({ endsOn: null, minutesIncluded: 600 });
    expect(events[1].after).toMatchObject({ endsOn: "2026-12-31", minutesIncluded: 900 });
  });

  it("rejects a number the customer already uses", async () => {
    const admin = await createUser("ADMIN");
    const customer = await createCustomer(testDb(), { actorId: admin.id, input: customerInput() });
    const other = await createCustomer(testDb(), {
      actorId: admin.id,
      input: customerInput({ code: "C200" }),
    });
    await createContract(testDb(), {
      actorId: admin.id,
      customerId: customer.id,
      input: contractInput(),
    });

    const error = await rejectionOf(
      createContract(testDb(), {
        actorId: admin.id,
        customerId: customer.id,
        input: contractInput(),
      }),
    );
    // Another customer may use the same number.
    await createContract(testDb(), {
      actorId: admin.id,
      customerId: other.id,
      input: contractInput(),
    });

    expect(error.messageKey).toBe("contract.numberTaken");
    expect(error.fields.map((field) => field.field)).toEqual(["number"]);
    expect(await testDb().contract.count({ where: { customerId: customer.id } })).toBe(1);
  });

  it("compares contract numbers ignoring case", async () => {
    const admin = await createUser("ADMIN");
    const customer = await createCustomer(testDb(), { actorId: admin.id, input: customerInput() });
    const first = await createContract(testDb(), {
      actorId: admin.id,
      customerId: customer.id,
      input: contractInput({ number: "K1" }),
    });
    const second = await createContract(testDb(), {
      actorId: admin.id,
      customerId: customer.id,
      input: contractInput({ number: "K2" }),
    });

    const created = await rejectionOf(
      createContract(testDb(), {
        actorId: admin.id,
        customerId: customer.id,
        input: contractInput({ number: "k1" }),
      }),
    );
    const renamed = await rejectionOf(
      updateContract(testDb(), {
        actorId: admin.id,
        customerId: customer.id,
        contractId: second.id,
        input: contractInput({ number: "k1" }),
      }),
    );
    // A contract may change the case of its own number.
    await updateContract(testDb(), {
      actorId: admin.id,
      customerId: customer.id,
      contractId: first.id,
      input: contractInput({ number: "k1" }),
    });

    expect(created.messageKey).toBe("contract.numberTaken");
    expect(renamed.messageKey).toBe("contract.numberTaken");
    const contracts = await testDb().contract.findMany({ where: { customerId: customer.id } });
    expect(contracts.map((contract) => contract.number).sort()).toEqual(["K2", "k1"]);
  });

  it("finds no contract of another customer", async () => {
    const admin = await createUser("ADMIN");
    const customer = await createCustomer(testDb(), { actorId: admin.id, input: customerInput() });
    const other = await createCustomer(testDb(), {
      actorId: admin.id,
      input: customerInput({ code: "C200" }),
    });
    const contract = await createContract(testDb(), {
      actorId: admin.id,
      customerId: customer.id,
      input: contractInput(),
    });

    const error = await rejectionOf(
      updateContract(testDb(), {
        actorId: admin.id,
        customerId: other.id,
        contractId: contract.id,
        input: contractInput({ number: "X" }),
      }),
    );

    expect(error.code).toBe("NOT_FOUND");
  });

  it("links a top-up to a contract of the customer", async () => {
    const admin = await createUser("ADMIN");
    const customer = await createCustomer(testDb(), { actorId: admin.id, input: customerInput() });
    const contract = await createContract(testDb(), {
      actorId: admin.id,
      customerId: customer.id,
      input: contractInput(),
    });

    const entry = await recordLedgerEntry(testDb(), {
      customerId: customer.id,
      authorId: admin.id,
      entry: { kind: "TOP_UP", minutes: 600, contractId: contract.id },
    });

    expect(entry.contractId).toBe(contract.id);
  });
});
