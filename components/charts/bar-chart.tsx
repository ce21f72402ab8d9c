"use client";
import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/** A bar chart; the same numbers always stand in a table beside it, so the picture is one image to screen readers. */
export function SimpleBarChart({
  data,
  dataKey,
  label,
  title,
}: {
  data: { name: string; [k: string]: string | number }[];
  dataKey: string;
  label: string;
  title: string;
}) {
  const t = useTranslations("common");
  return (
    <div role="img" aria-label={t("chartLabel", { title })} className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          data={data}
          margin={{ top: 8, right: 8, bottom: 8, left: 8 }}
          accessibilityLayer={false}
        >
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            dataKey="name"
            tick={{ fontSize: 12 }}
            interval={0}
            angle={-20}
            textAnchor="end"
            height={60}
          />
          <YAxis
            tick={{ fontSize: 12 }}
            width={80}
            tickFormatter={(v: number) =>
              new Intl.NumberFormat("sv-SE", { notation: "compact" }).format(v)
            }
          />
          <Tooltip formatter={(v) => [new Intl.NumberFormat("sv-SE").format(Number(v)), label]} />
          <Bar dataKey={dataKey} fill="#1d4f91" name={label} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
