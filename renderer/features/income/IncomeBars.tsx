import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMoney } from '@renderer/ui/format';
import type { IncomeBar } from './incomeStore';

/** Net income per month or year, the tax withheld stacked on top: the whole bar is the gross. */
export function IncomeBars({ bars, currency, locale }: { bars: IncomeBar[]; currency: string; locale: string }): ReactElement {
  const { t } = useTranslation('income');
  const compact = new Intl.NumberFormat(locale, { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 });
  return (
    <div className="income-chart" role="img" aria-label={t('barsLabel', { bars: bars.map((b) => t('barNet', { label: b.label, net: formatMoney(b.net, currency, locale) })).join(', ') })}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={bars} margin={{ top: 8, right: 8, bottom: 0, left: 8 }} barCategoryGap="25%">
          <CartesianGrid stroke="var(--border)" vertical={false} />
          <XAxis dataKey="label" stroke="var(--text-3)" tickLine={false} fontSize={12} interval="preserveStartEnd" />
          <YAxis orientation="right" stroke="var(--text-3)" tickLine={false} axisLine={false} width={64} fontSize={12} tickFormatter={(v: number) => compact.format(v)} />
          <Tooltip
            cursor={{ fill: 'var(--surface-hover)' }}
            contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)', borderRadius: 8, fontSize: 12 }}
            labelStyle={{ color: 'var(--text)', fontWeight: 600 }}
            formatter={(value, name) => [formatMoney(Number(value), currency, locale), name]}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="net" name={t('net')} stackId="income" fill="var(--series-3)" maxBarSize={56} isAnimationActive={false} />
          <Bar dataKey="tax" name={t('taxWithheld')} stackId="income" fill="var(--series-7)" maxBarSize={56} radius={[3, 3, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
