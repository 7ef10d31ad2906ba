import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "~/components/ui";
import { HEALTH, SCHEMES } from "~/features/reports/schema";
import { NATIONAL, type NationalFigure } from "~/features/stats/national";
import type { Figures } from "~/features/stats/publish";

// Server-rendered HTML bars: no chart library reaches the browser.

async function formatters() {
  const locale = await getLocale();
  return {
    pct: (v: number) => new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(v),
    num: (v: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(v),
  };
}

function Bar({ value, national }: { value: number; national?: number }) {
  return (
    <div className="relative h-3 rounded bg-stone-200" aria-hidden="true">
      <div className="h-3 rounded bg-brand-700" style={{ width: `${Math.min(100, value * 100)}%` }} />
      {national !== undefined ? <div className="absolute -top-1 h-5 w-0.5 bg-stone-900" style={{ left: `${Math.min(100, national * 100)}%` }} /> : null}
    </div>
  );
}

async function NationalNote({ figure, format }: { figure: NationalFigure; format: (v: number) => string }) {
  const t = await getTranslations("stats");
  const key = figure.source === "labourLaw" ? "legal" : figure.bound === "lt" ? "nationalLt" : "national";
  return (
    <p className="text-sm text-stone-700">
      {t(key, { value: format(figure.value) })} <span className="block text-xs">{t(`source.${figure.source}`)}</span>
    </p>
  );
}

export async function ShareRow({ label, value, national }: { label: string; value: number; national?: NationalFigure }) {
  const { pct } = await formatters();
  return (
    <li className="space-y-1">
      <div className="flex justify-between gap-2">
        <span>{label}</span>
        <span className="font-bold">{pct(value)}</span>
      </div>
      <Bar value={value} national={national?.value} />
      {national ? <NationalNote figure={national} format={pct} /> : null}
    </li>
  );
}

/** The headline figures of one group (a platform, or all platforms). */
export async function FigureCard({ title, figures }: { title: string; figures: Figures }) {
  const [t, tr, { num }] = await Promise.all([getTranslations("stats"), getTranslations("reports"), formatters()]);
  const employee = figures.pension.EMPLOYEE_FLEXIBLE + figures.pension.EMPLOYEE_EMPLOYER;
  const health = [...HEALTH].sort((a, b) => figures.health[b] - figures.health[a]).filter((h) => figures.health[h] > 0);
  return (
    <Card className="space-y-4">
      <div>
        <h2 className="text-lg font-bold">{title}</h2>
        <p className="text-sm text-stone-700">{t("basedOn", { n: figures.n })}</p>
      </div>
      <dl className="grid grid-cols-2 gap-3">
        <div className="rounded-lg bg-stone-100 p-3">
          <dt className="text-sm">{t("m.medianHours")}</dt>
          <dd className="text-2xl font-bold">{figures.medianHours === null ? "—" : t("m.hours", { value: num(figures.medianHours) })}</dd>
          <dd className="text-xs text-stone-700">
            {t("legal", { value: t("m.hours", { value: NATIONAL.legalHours.value }) })} · {t(`source.${NATIONAL.legalHours.source}`)}
          </dd>
        </div>
        <div className="rounded-lg bg-stone-100 p-3">
          <dt className="text-sm">{t("m.medianHourly")}</dt>
          <dd className="text-2xl font-bold">{figures.medianHourly === null ? "—" : t("m.yuanHour", { value: num(figures.medianHourly) })}</dd>
        </div>
      </dl>
      <ul className="space-y-4">
        <ShareRow label={t("m.noContract")} value={figures.noContract} />
        <ShareRow label={t("m.noSocialInjury")} value={figures.noSocialInjury} />
        <ShareRow label={t("m.over8h")} value={figures.over8h} />
        <ShareRow label={t("m.over6d")} value={figures.over6d} />
        <ShareRow label={t("m.accident")} value={figures.accident} />
        <ShareRow label={t("m.deactivated")} value={figures.deactivated} />
      </ul>
      <section className="space-y-3">
        <h3 className="font-bold">{t("m.pensionTitle")}</h3>
        <ul className="space-y-4">
          <ShareRow label={t("m.employeePension")} value={employee} national={NATIONAL.employeePension} />
          {SCHEMES.map((s) => (
            <ShareRow key={s} label={tr(`scheme.${s}`)} value={figures.pension[s]} national={s === "NONE" ? NATIONAL.noPension : undefined} />
          ))}
          {figures.residentLowest !== null ? <ShareRow label={t("m.residentLowest")} value={figures.residentLowest} national={NATIONAL.residentLowest} /> : null}
        </ul>
      </section>
      {health.length ? (
        <section className="space-y-3">
          <h3 className="font-bold">{t("m.healthTitle")}</h3>
          <ul className="space-y-3">
            {health.map((h) => (
              <ShareRow key={h} label={tr(`healthOpt.${h}`)} value={figures.health[h]} />
            ))}
          </ul>
        </section>
      ) : null}
    </Card>
  );
}
