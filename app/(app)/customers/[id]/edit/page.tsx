import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card } from "@tremor/react";

import { requirePagePermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { isCustomerId } from "@/lib/db/customers";
import { ActivationToggle } from "@/components/customers/activation-toggle";
import { CustomerForm } from "@/components/customers/customer-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("customers"))("form.editTitle") };
}

export default async function EditCustomerPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePagePermission("manageCustomers");
  const { id } = await params;
  const t = await getTranslations();
  const customer = isCustomerId(id) ? await getDb().customer.findUnique({ where: { id } }) : null;
  if (!customer) notFound();
  // Only the edited fields reach the browser.
  const { code, name, vatNumber, taxCode, address, city, province, postalCode, email, phone } =
    customer;
  const { billingMode, lowBalanceThreshold, lowBalanceKind, notes } = customer;
  const values = {
    ...{ code, name, vatNumber, taxCode, address, city, province, postalCode, email, phone },
    ...{ billingMode, lowBalanceThreshold, lowBalanceKind, notes },
  };

  return (
    <div className="flex flex-col gap-4">
      <div>
        <Link
          href={`/customers/${customer.id}`}
          className="text-tremor-default text-tremor-brand hover:underline"
        >
          ← {customer.name}
        </Link>
        <h1 className="mt-2 text-tremor-title font-semibold text-tremor-content-strong">
          {t("customers.form.editTitle")}
        </h1>
      </div>
      <Card>
        <CustomerForm customerId={customer.id} values={values} />
      </Card>
      <Card className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-tremor-default text-tremor-content">
          {t(customer.active ? "customers.form.activeHint" : "customers.form.inactiveHint")}
        </p>
        <ActivationToggle customerId={customer.id} active={customer.active} />
      </Card>
    </div>
  );
}
