/**
 * Charts as plain SVG (no chart library to ship): bars, stacked bars, a line, a heat map and a Pareto.
 * Labels are text nodes, so names from the database render as text.
 */
import type { ComponentChildren } from 'preact';
import { t } from './words.ts';

/** What a screen reader says for a chart: its figures as "label value" pairs (the picture is decoration), or that there are none. */
const spoken = (pairs: [string, string][]) => (pairs.length ? pairs.map(([label, value]) => `${label} ${value}`).join('; ') : t('noData'));

const PALETTE = ['#0f6e5f', '#1565c0', '#ef6c00', '#c62828', '#6a1b9a', '#2e7d32', '#00838f', '#8d6e63'];

export function Chart({ title, children, testId }: { title: string; children: ComponentChildren; testId?: string }) {
  return (
    <figure class="chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      {children}
    </figure>
  );
}

/** Horizontal bars with a value label; `max` fixes the scale (1 for rates). */
export function Bars({
  rows,
  max,
  format = String,
  target,
}: {
  rows: { label: string; value: number | null }[];
  max?: number;
  format?: (v: number) => string;
  target?: number;
}) {
  const top = max ?? Math.max(1, ...rows.map((r) => r.value ?? 0));
  const h = 22;
  const width = 640;
  const left = 200;
  return (
    <svg
      viewBox={`0 0 ${width} ${rows.length * h + 10}`}
      width="100%"
      role="img"
      aria-label={spoken(rows.map((r) => [r.label, r.value === null ? '—' : format(r.value)]))}
    >
      {rows.map((r, i) => {
        const w = r.value === null ? 0 : ((width - left - 70) * r.value) / top;
        return (
          <g key={i} transform={`translate(0 ${i * h + 4})`}>
            <text x={left - 6} y={14} text-anchor="end" font-size="12">
              {r.label}
            </text>
            <rect
              x={left}
              y={2}
              width={Math.max(0, w)}
              height={h - 6}
              fill={target !== undefined && r.value !== null && r.value < target ? '#c62828' : '#0f6e5f'}
              rx="3"
            />
            <text x={left + w + 6} y={14} font-size="12">
              {r.value === null ? '—' : format(r.value)}
            </text>
          </g>
        );
      })}
      {target !== undefined ? (
        <line
          x1={left + ((width - left - 70) * target) / top}
          x2={left + ((width - left - 70) * target) / top}
          y1={0}
          y2={rows.length * h + 6}
          stroke="#ef6c00"
          stroke-dasharray="4 3"
        />
      ) : null}
    </svg>
  );
}

/** Vertical stacked bars over time (issues per day by category or severity). */
export function Stacked({
  columns,
  series,
  labels,
}: {
  columns: { label: string; values: Record<string, number> }[];
  series: string[];
  labels: Record<string, string>;
}) {
  const height = 180;
  const width = 680;
  const top = Math.max(1, ...columns.map((c) => series.reduce((n, s) => n + (c.values[s] ?? 0), 0)));
  const bw = columns.length ? (width - 40) / columns.length : 0;
  return (
    <div>
      <svg
        viewBox={`0 0 ${width} ${height + 24}`}
        width="100%"
        role="img"
        aria-label={spoken(columns.map((c) => [c.label, series.map((k) => `${labels[k] ?? k} ${c.values[k] ?? 0}`).join(', ')]))}
      >
        {/* A scale of whole numbers (0, the middle, the most) with gridlines to read the bars against. */}
        {[...new Set([0, Math.round(top / 2), top])].map((v) => (
          <g key={v}>
            <line x1={36} x2={width} y1={height - (v / top) * (height - 16)} y2={height - (v / top) * (height - 16)} stroke="#eceff1" />
            <text x={32} y={height - (v / top) * (height - 16) + 4} font-size="10" text-anchor="end">
              {v}
            </text>
          </g>
        ))}
        {columns.map((c, i) => {
          let y = height;
          return (
            <g key={c.label}>
              {series.map((s, k) => {
                const v = c.values[s] ?? 0;
                const h = (v / top) * (height - 16);
                y -= h;
                return v ? (
                  <rect key={s} x={40 + i * bw} y={y} width={Math.max(1, bw - 1)} height={h} fill={PALETTE[k % PALETTE.length]}>
                    <title>{`${c.label} ${labels[s] ?? s}: ${v}`}</title>
                  </rect>
                ) : null;
              })}
              {i % Math.ceil(columns.length / 8) === 0 ? (
                <text x={40 + i * bw} y={height + 16} font-size="10">
                  {c.label.slice(5)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <Legend items={series.map((s, k) => ({ label: labels[s] ?? s, colour: PALETTE[k % PALETTE.length] }))} />
    </div>
  );
}

export function Legend({ items }: { items: { label: string; colour: string }[] }) {
  return (
    <p class="legend">
      {items.map((i) => (
        <span key={i.label}>
          <i style={{ background: i.colour }} /> {i.label}
        </span>
      ))}
    </p>
  );
}

/** Missed slots by location (rows) and hour of day (columns). */
export function HeatMap({ rows }: { rows: { label: string; hours: number[] }[] }) {
  const cell = 22;
  const left = 180;
  const top = Math.max(1, ...rows.flatMap((r) => r.hours));
  const shade = (v: number) => (v ? `rgba(198,40,40,${0.15 + (0.85 * v) / top})` : '#eceff1');
  // The legend's steps: none, then up to four counts between 1 and the most in one cell.
  const steps = [...new Set([0, 1, Math.ceil(top / 3), Math.ceil((2 * top) / 3), top])].filter((v) => v <= top);
  const legendY = 30 + rows.length * cell + 10;
  return (
    <svg
      viewBox={`0 0 ${left + 24 * cell} ${legendY + cell + 4}`}
      width="100%"
      role="img"
      aria-label={spoken(
        rows.map((r) => [
          r.label,
          r.hours
            .map((n, h) => (n ? `${h}:00 ${n}` : ''))
            .filter(Boolean)
            .join(', '),
        ]),
      )}
    >
      {/* Axis titles: places down the side, the slot's starting hour across the top. */}
      <text x={left - 6} y={26} text-anchor="end" font-size="11" font-weight="600" data-axis="y">
        {t('location')}
      </text>
      <text x={left} y={11} font-size="11" font-weight="600" data-axis="x">
        {t('hourOfDay')}
      </text>
      {Array.from({ length: 24 }, (_, h) =>
        h % 3 === 0 ? (
          <text key={h} x={left + h * cell + 4} y={26} font-size="10">
            {h}
          </text>
        ) : null,
      )}
      {rows.map((r, i) => (
        <g key={r.label} transform={`translate(0 ${30 + i * cell})`}>
          <text x={left - 6} y={15} text-anchor="end" font-size="11">
            {r.label}
          </text>
          {r.hours.map((v, h) => (
            <rect key={h} x={left + h * cell} y={0} width={cell - 2} height={cell - 2} fill={shade(v)}>
              <title>{`${r.label} ${h}:00 — ${v}`}</title>
            </rect>
          ))}
        </g>
      ))}
      <g transform={`translate(${left} ${legendY})`}>
        <text x={-6} y={14} text-anchor="end" font-size="11">
          {t('missedPerCell')}
        </text>
        {steps.map((v, i) => (
          <g key={v} transform={`translate(${i * 56} 0)`}>
            <rect width={cell - 2} height={cell - 2} fill={shade(v)} />
            <text x={cell + 2} y={14} font-size="11">
              {v}
            </text>
          </g>
        ))}
      </g>
    </svg>
  );
}

/** Causes in descending order with the cumulative share as a line (80/20). */
export function Pareto({ rows }: { rows: { label: string; count: number; cumulative: number }[] }) {
  const width = 680;
  const height = 180;
  const top = Math.max(1, ...rows.map((r) => r.count));
  const bw = rows.length ? (width - 60) / rows.length : 0;
  const points = rows.map((r, i) => `${40 + i * bw + bw / 2},${height - r.cumulative * (height - 10)}`).join(' ');
  // Labels are turned and cut short so neighbours never overlap, however many causes there are.
  const short = (label: string) => (label.length > 10 ? `${label.slice(0, 9)}…` : label);
  return (
    <>
      <svg
        viewBox={`0 -16 ${width + 20} ${height + 96}`}
        width="100%"
        role="img"
        aria-label={spoken(rows.map((r) => [r.label, `${r.count} (${Math.round(r.cumulative * 100)}%)`]))}
      >
        <text x={0} y={-4} font-size="11" font-weight="600" data-axis="y">
          {t('faultCount')}
        </text>
        <text x={width + 16} y={-4} font-size="11" font-weight="600" text-anchor="end" fill="#b35300" data-axis="y2">
          {t('cumulativeShare')}
        </text>
        {/* Count on the left (0 to the most), cumulative share on the right (0–100 %), with gridlines at half and full. */}
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line x1={40} x2={width - 20} y1={height - f * (height - 20)} y2={height - f * (height - 20)} stroke="#eceff1" />
            <text x={34} y={height - f * (height - 20) + 4} font-size="10" text-anchor="end">
              {Math.round(f * top)}
            </text>
            <text x={width - 16} y={height - f * (height - 10) + 4} font-size="10" fill="#b35300">
              {Math.round(f * 100)}%
            </text>
          </g>
        ))}
        {rows.map((r, i) => {
          const h = (r.count / top) * (height - 20);
          return (
            <g key={r.label}>
              <rect x={40 + i * bw + 2} y={height - h} width={bw - 4} height={h} fill="#1565c0" />
              <text x={40 + i * bw + bw / 2} y={height - h - 4} font-size="11" text-anchor="middle">
                {r.count}
              </text>
              <text
                x={40 + i * bw + bw / 2}
                y={height + 12}
                font-size="10"
                text-anchor="end"
                transform={`rotate(-35 ${40 + i * bw + bw / 2} ${height + 12})`}
              >
                <title>{r.label}</title>
                {short(r.label)}
              </text>
            </g>
          );
        })}
        <polyline points={points} fill="none" stroke="#ef6c00" stroke-width="2" />
      </svg>
      <Legend
        items={[
          { label: t('faultCount'), colour: '#1565c0' },
          { label: t('cumulativeShare'), colour: '#ef6c00' },
        ]}
      />
    </>
  );
}

export const pct = (r: number | null | undefined) => (r === null || r === undefined ? '—' : `${(r * 100).toFixed(1)}%`);
