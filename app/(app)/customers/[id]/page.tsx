import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card } from "@tremor/react";

import { getCurrentUser, requirePagePermission } from "@/lib/auth/guards";
import { can } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { applyDueExpiries } from "@/lib/db/credit-expiry";
import { getCustomerOrThrow, isCustomerId, listLedgerEntries } from "@/lib/db/customers";
import { listDevices } from "@/lib/db/devices";
import { getGlobalBillingRules } from "@/lib/db/sessions";
import { readCustomerBillingRules } from "@/lib/db/sessions/customer-billing-rules";
import { resolveBillingRules } from "@/lib/domain/billing-rules";
import { isAppError } from "@/lib/errors";
import { formatMinutes } from "@/lib/i18n/format";
import { BalanceValue } from "@/components/customers/balance-value";
import { ContractManager } from "@/components/customers/contract-manager";
import { DeviceManager } from "@/components/customers/device-manager";
import { LedgerEntryForm } from "@/components/customers/ledger-entry-form";
import { LedgerTable } from "@/components/customers/ledger-table";
import { BillingRulesForm } from "@/components/settings/billing-rules-form";
import { Pagination, parsePage } from "@/components/ui/pagination";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

async function loadCustomer(id: string) {
  try {
    return await getCustomerOrThrow(getDb(), id);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

// The title names the customer only for users who may see it; a 403 page must not leak it.
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const user = await getCurrentUser();
  const id = (await params).id;
  if (!user || !can(user.role, "viewCustomers") || !isCustomerId(id)) return {};

  const customer = await getDb().customer.findUnique({ where: { id }, select: { name: true } });

  return { title: customer?.name ?? (await getTranslations("errors"))("notFoundTitle") };
}

export default async function CustomerPage({ params, searchParams }: Props) {
  const user = await requirePagePermission("viewCustomers");
  const { id } = await params;
  const page = parsePage((await searchParams).page);
  const t = await getTranslations();

  // Expired credit leaves the balance before it is shown, also between the scheduled runs.
  if (isCustomerId(id)) await applyDueExpiries(getDb(), { customerId: id });
  const customer = await loadCustomer(id);
  const ledger = await listLedgerEntries(getDb(), { customerId: id, page });
  const devices = await listDevices(getDb(), id);
  const canEditRules = can(user.role, "manageBillingRules");
  const canManage = can(user.role, "manageCustomers");
  const globalRules = canEditRules ? await getGlobalBillingRules(getDb()) : {};
  const threshold =
    customer.lowBalanceThreshold === null
      ? t("common.none")
      : customer.lowBalanceKind === "MINUTES"
        ? t("customers.thresholdMinutes", { minutes: formatMinutes(customer.lowBalanceThreshold) })
        : t("customers.thresholdPercent", { percent: customer.lowBalanceThreshold });

  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href="/customers" className="text-tremor-default text-tremor-brand hover:underline">
          ← {t("customers.backToList")}
        </Link>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <h1 className="text-tremor-title font-semibold text-tremor-content-strong">
            {customer.name}
          </h1>
          {!customer.active && (
            <span
              className="rounded bg-gray-200 px-2 text-tremor-label text-gray-800"
              data-testid="customer-inactive"
            >
              {t("customers.inactive")}
            </span>
          )}
          {canManage && (
            <Link
              href={`/customers/${customer.id}/edit`}
              className="text-tremor-default text-tremor-brand hover:underline"
            >
              {t("customers.form.editLink")}
            </Link>
          )}
        </div>
        <p className="font-mono text-tremor-default text-tremor-content">{customer.code}</p>
      </div>

      <div className="grid gap-4 md:grid-cols-3">
        <Card>
          <p className="text-tremor-default text-tremor-content">{t("customers.balance")}</p>
          <p className="mt-1 text-tremor-metric font-semibold" data-testid="customer-balance">
            <BalanceValue minutes={customer.balanceMinutes} />
          </p>
          <p className="text-tremor-label text-tremor-content">{t("customers.minutesResidual")}</p>
        </Card>
        <Card>
          <dl className="grid grid-cols-2 gap-2 text-tremor-default">
            <dt className="text-tremor-content">{t("customers.billingMode")}</dt>
            <dd>{t(`common.billingMode.${customer.billingMode}`)}</dd>
            <dt className="text-tremor-content">{t("customers.threshold")}</dt>
            <dd>{threshold}</dd>
            <dt className="text-tremor-content">{t("customers.vatNumber")}</dt>
            <dd>{customer.vatNumber ?? t("common.none")}</dd>
            <dt className="text-tremor-content">{t("customers.city")}</dt>
            <dd>
              {[customer.city, customer.province && `(${customer.province})`]
                .filter(Boolean)
                .join(" ") || t("common.none")}
            </dd>
          </dl>
        </Card>
        <Card>
          <h2 className="font-medium text-tremor-content-strong">{t("customers.notes")}</h2>
          <p className="mt-2 whitespace-pre-line text-tremor-default text-tremor-content">
            {customer.notes ?? t("common.none")}
          </p>
        </Card>
      </div>

      <Card>
        <h2 className="mb-3 font-medium text-tremor-content-strong">{t("customers.contracts")}</h2>
        <ContractManager
          customerId={customer.id}
          canManage={canManage}
          contracts={customer.contracts.map((contract) => ({
            id: contract.id,
            number: contract.number,
            startsOn: contract.startsOn.toISOString().slice(0, 10),
            endsOn: contract.endsOn?.toISOString().slice(0, 10) ?? null,
            minutesIncluded: contract.minutesIncluded,
            notes: contract.notes,
          }))}
        />
      </Card>

      <Card className="p-0">
        <h2 className="px-6 pt-4 font-medium text-tremor-content-strong">
          {t("sessions.devices.title")}
        </h2>
        <DeviceManager
          customerId={customer.id}
          devices={devices.map(({ id: deviceId, kind, remoteId, label }) => ({
            id: deviceId,
            kind,
            remoteId,
            label,
          }))}
          canManage={can(user.role, "manageDevices")}
        />
      </Card>

      {can(user.role, "recordLedgerEntry") && (
        <Card>
          <h2 className="mb-3 font-medium text-tremor-content-strong">
            {t("customers.entryForm.title")}
          </h2>
          <LedgerEntryForm
            customerId={customer.id}
            contracts={customer.contracts.map((contract) => ({
              id: contract.id,
              number: contract.number,
            }))}
          />
        </Card>
      )}

      <Card className="p-0">
        <h2 className="px-6 pt-4 font-medium text-tremor-content-strong">
          {t("customers.ledger.title")}
        </h2>
        <LedgerTable rows={ledger.rows} canReverse={can(user.role, "reverseLedgerEntry")} />
      </Card>
      <Pagination
        basePath={`/customers/${customer.id}`}
        params={{}}
        page={Math.min(page, ledger.pages)}
        pages={ledger.pages}
      />

      {canEditRules && (
        <Card>
          <h2 className="mb-3 font-medium text-tremor-content-strong">
            {t("sessions.settings.customerTitle")}
          </h2>
          <BillingRulesForm
            endpoint={`/api/customers/${customer.id}/billing-rules`}
            title={t("sessions.settings.customerTitle")}
            emptyMeans={t("sessions.settings.emptyMeansInherit")}
            rules={readCustomerBillingRules(customer.billingRules)}
            inherited={resolveBillingRules({ settings: globalRules })}
          />
        </Card>
      )}
    </div>
  );
}
