"use client";

import { useTranslations } from "next-intl";

import {
  REGISTRY_DEVICE_KINDS,
  REGISTRY_FIELDS,
  type RegistryDeviceKind,
  type RegistryField,
} from "@/lib/imports/registry-mapping";

export type ColumnChoice = Record<RegistryField, string>;
export type DeviceChoice = Record<RegistryDeviceKind, string>;
export interface FilterChoice {
  column: string;
  value: string;
}

const inputClass =
  "w-full rounded-tremor-small border border-tremor-border bg-white px-3 py-2 text-tremor-default shadow-tremor-input";

/**
 * Selects mapping each customer field and device kind to a column, then the optional row filter
 * and whether customers missing from the file are marked inactive.
 */
export function ColumnMapping(props: {
  headers: string[];
  columns: ColumnChoice;
  devices: DeviceChoice;
  filter: FilterChoice;
  deactivateMissing: boolean;
  disabled: boolean;
  onColumnsChange: (columns: ColumnChoice) => void;
  onDevicesChange: (devices: DeviceChoice) => void;
  onFilterChange: (filter: FilterChoice) => void;
  onDeactivateMissingChange: (deactivate: boolean) => void;
}) {
  const t = useTranslations("imports");
  const { headers, columns, devices, filter, disabled } = props;
  const options = headers.map((header) => (
    <option key={header} value={header}>
      {header}
    </option>
  ));

  return (
    <div className="flex flex-col gap-6">
      <section>
        <h2 className="font-semibold text-tremor-content-strong">{t("mapping.title")}</h2>
        <p className="mb-3 text-tremor-default text-tremor-content">{t("mapping.hint")}</p>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {REGISTRY_FIELDS.map((field) => {
            const required = field === "code" || field === "name";

            return (
              <label key={field} className="flex flex-col gap-1 text-tremor-default">
                <span>
                  {t(`fields.${field}`)}
                  {required && (
                    <span className="ml-1 text-tremor-label text-tremor-content-subtle">
                      ({t("mapping.required")})
                    </span>
                  )}
                </span>
                <select
                  aria-label={t(`fields.${field}`)}
                  data-testid={`mapping-${field}`}
                  value={columns[field]}
                  disabled={disabled}
                  onChange={(event) =>
                    props.onColumnsChange({ ...columns, [field]: event.target.value })
                  }
                  className={inputClass}
                >
                  <option value="">{t("mapping.none")}</option>
                  {options}
                </select>
              </label>
            );
          })}
        </div>
      </section>

      <section>
        <h2 className="font-semibold text-tremor-content-strong">{t("devices.title")}</h2>
        <p className="mb-3 text-tremor-default text-tremor-content">{t("devices.hint")}</p>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {REGISTRY_DEVICE_KINDS.map((kind) => (
            <label key={kind} className="flex flex-col gap-1 text-tremor-default">
              {t(`devices.${kind}`)}
              <select
                aria-label={t(`devices.${kind}`)}
                data-testid={`mapping-device-${kind}`}
                value={devices[kind]}
                disabled={disabled}
                onChange={(event) =>
                  props.onDevicesChange({ ...devices, [kind]: event.target.value })
                }
                className={inputClass}
              >
                <option value="">{t("mapping.none")}</option>
                {options}
              </select>
            </label>
          ))}
        </div>
      </section>

      <section>
        <h2 className="font-semibold text-tremor-content-strong">{t("filter.title")}</h2>
        <p className="mb-3 text-tremor-default text-tremor-content">{t("filter.hint")}</p>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          <label className="flex flex-col gap-1 text-tremor-default">
            {t("filter.column")}
            <select
              aria-label={t("filter.column")}
              data-testid="filter-column"
              value={filter.column}
              disabled={disabled}
              onChange={(event) => props.onFilterChange({ ...filter, column: event.target.value })}
              className={inputClass}
            >
              <option value="">{t("mapping.none")}</option>
              {options}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-tremor-default">
            {t("filter.value")}
            <input
              type="text"
              aria-label={t("filter.value")}
              data-testid="filter-value"
              value={filter.value}
              disabled={disabled}
              onChange={(event) => props.onFilterChange({ ...filter, value: event.target.value })}
              className={inputClass}
            />
          </label>
        </div>
      </section>

      <label className="flex items-start gap-2 text-tremor-default">
        <input
          type="checkbox"
          data-testid="deactivate-missing"
          checked={props.deactivateMissing}
          disabled={disabled}
          onChange={(event) => props.onDeactivateMissingChange(event.target.checked)}
          className="mt-1"
        />
        <span>
          <span className="font-semibold text-tremor-content-strong">
            {t("deactivateMissing.label")}
          </span>
          <span className="block text-tremor-content">{t("deactivateMissing.hint")}</span>
        </span>
      </label>
    </div>
  );
}
