// Chart.js (vendored in ../vendor) with one look for every page: the Okabe-Ito colour-blind-safe
// palette, currency axes and tooltips. Charts made here are destroyed when the page changes.
import { moneyCompact, money } from './format.js';

export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#332288', '#F0E442'];
export const OTHER = '#9ca3af';
export const colour = (i, label) => (label === 'Other' ? OTHER : PALETTE[i % PALETTE.length]);

const live = new Set();

export function destroyCharts() {
  for (const chart of live) chart.destroy();
  live.clear();
}

function make(canvas, config) {
  const { Chart } = window;
  Chart.defaults.font.family = getComputedStyle(document.documentElement).fontFamily;
  Chart.defaults.color = '#4b5563';
  const chart = new Chart(canvas, config);
  live.add(chart);
  return chart;
}

const moneyTooltip = {
  callbacks: { label: (item) => `${item.dataset.label ?? item.label}: ${money(item.parsed.y ?? item.parsed)}` },
};

const baseOptions = (stacked, legend) => ({
  responsive: true,
  maintainAspectRatio: false,
  animation: false,
  interaction: { mode: 'nearest', intersect: false },
  plugins: { legend: { display: legend, position: 'bottom', labels: { boxWidth: 12, usePointStyle: true } }, tooltip: moneyTooltip },
  scales: {
    x: { stacked, grid: { display: false }, ticks: { maxRotation: 0, autoSkipPadding: 14 } },
    y: { stacked, beginAtZero: true, ticks: { callback: (v) => moneyCompact(v) }, grid: { color: '#eef1f5' } },
  },
});

/** Bars per label, one dataset per series; stacked when there is more than one series. */
export function barChart(canvas, labels, series, { stacked = series.length > 1, onClick } = {}) {
  const options = baseOptions(stacked, series.length > 1);
  if (onClick) {
    options.onClick = (_event, elements) => elements.length && onClick(elements[0].index, elements[0].datasetIndex);
    options.onHover = (event, elements) => { event.native.target.style.cursor = elements.length ? 'pointer' : 'default'; };
  }
  return make(canvas, {
    type: 'bar',
    data: {
      labels,
      datasets: series.map((s, i) => ({ label: s.label, data: s.values, backgroundColor: s.colour ?? colour(i, s.label), borderRadius: 3, maxBarThickness: 48 })),
    },
    options,
  });
}

/** A line per series over the labels (days), with optional highlighted points (anomalies). */
export function lineChart(canvas, labels, series) {
  return make(canvas, {
    type: 'line',
    data: {
      labels,
      datasets: series.map((s, i) => ({
        label: s.label, data: s.values, borderColor: s.colour ?? colour(i, s.label), backgroundColor: s.colour ?? colour(i, s.label),
        borderDash: s.dashed ? [6, 4] : [], pointRadius: s.points ?? 0, pointHoverRadius: 5, borderWidth: 2, tension: 0.2,
        showLine: s.showLine ?? true, fill: false, spanGaps: true,
      })),
    },
    options: baseOptions(false, series.length > 1),
  });
}

/** Shares of a whole, biggest first. */
export function doughnutChart(canvas, labels, values) {
  return make(canvas, {
    type: 'doughnut',
    data: { labels, datasets: [{ data: values, backgroundColor: labels.map((l, i) => colour(i, l)), borderColor: '#fff', borderWidth: 2 }] },
    options: {
      responsive: true, maintainAspectRatio: false, animation: false, cutout: '62%',
      plugins: { legend: { position: 'right', labels: { boxWidth: 12, usePointStyle: true, generateLabels: shortLegend } }, tooltip: { callbacks: { label: (item) => `${item.label}: ${money(item.parsed)}` } } },
    },
  });
}

/** Doughnut legend entries cut to 26 characters (the tooltip keeps the full name). */
function shortLegend(chart) {
  const items = window.Chart.overrides.doughnut.plugins.legend.labels.generateLabels(chart);
  return items.map((item) => ({ ...item, text: item.text.length > 26 ? `${item.text.slice(0, 25)}…` : item.text }));
}

/** Keeps the biggest n entries and folds the rest into 'Other'. */
export function topWithOther(entries, n) {
  const sorted = [...entries].sort((a, b) => b.value - a.value);
  const head = sorted.slice(0, n);
  const rest = sorted.slice(n).reduce((sum, e) => sum + e.value, 0);
  return rest > 0 ? [...head, { label: 'Other', value: rest }] : head;
}
