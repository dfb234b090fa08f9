import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@tremor/react";

import { requirePagePermission } from "@/lib/auth/guards";
import { CustomerForm } from "@/components/customers/customer-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("customers"))("form.newTitle") };
}

export default async function NewCustomerPage() {
  await requirePagePermission("manageCustomers");
  const t = await getTranslations();

  return (
    <div className="flex flex-col gap-4">
      <div>
        <Link href="/customers" className="text-tremor-default text-tremor-brand hover:underline">
          ← {t("customers.backToList")}
        </Link>
        <h1 className="mt-2 text-tremor-title font-semibold text-tremor-content-strong">
          {t("customers.form.newTitle")}
        </h1>
      </div>
      <Card>
        <CustomerForm />
      </Card>
    </div>
  );
}
