"use client";
import { useLocale, useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatNumber, formatSek, formatSekShort, type UiLocale } from "@/lib/domain/format";

const ROW = 56;

/**
 * A bar chart; the same numbers always stand in a table beside it, so the picture is one image to
 * screen readers. Bars lie down so that every name has room on its own line (long names wrap,
 * never cut); amounts in kronor read "250 tkr" and "12,5 mnkr" on the axis. With nothing to show,
 * a short sentence stands in for an empty picture.
 */
export function SimpleBarChart({
  data,
  dataKey,
  label,
  title,
  unit = "sek",
}: {
  data: { name: string; [k: string]: string | number }[];
  dataKey: string;
  label: string;
  title: string;
  unit?: "sek" | "count";
}) {
  const t = useTranslations("common");
  const locale = useLocale() as UiLocale;
  if (!data.some((d) => Number(d[dataKey]) > 0))
    return (
      <p className="my-4 text-muted" data-testid="chart-empty">
        {t("chartEmpty")}
      </p>
    );
  const tick = (v: number) =>
    unit === "sek" ? formatSekShort(v, locale) : formatNumber(v, locale);
  return (
    <div
      role="img"
      aria-label={t("chartLabel", { title })}
      className="w-full"
      style={{ height: data.length * ROW + 48 }}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          data={data}
          layout="vertical"
          margin={{ top: 8, right: 24, bottom: 8, left: 8 }}
          accessibilityLayer={false}
        >
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tick={{ fontSize: 12 }} tickFormatter={tick} />
          <YAxis
            type="category"
            dataKey="name"
            interval={0}
            width={200}
            tick={{ fontSize: 12, width: 190 }}
          />
          <Tooltip
            formatter={(v) => [
              unit === "sek" ? formatSek(Number(v), locale) : formatNumber(Number(v), locale),
              label,
            ]}
          />
          <Bar
            dataKey={dataKey}
            fill="#1d4f91"
            name={label}
            barSize={20}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
