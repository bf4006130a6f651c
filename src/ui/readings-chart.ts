/**
 * The geometry of a readings chart (an objective's measurements, a metric's readings): dates on a
 * time axis, values on a scale with round ticks that takes in the target, in pixels of the width
 * the chart has, so its text stays readable on a phone instead of shrinking with the drawing.
 */
export interface Reading {
  date: string;
  value: number;
}

export interface ChartBox {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const DAY = 86_400_000;
const time = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** Round tick values (1, 2 or 5 times a power of ten apart) covering min..max. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (min === max) {
    const pad = Math.abs(min) / 10 || 1;
    min -= pad;
    max += pad;
  }
  const raw = (max - min) / Math.max(1, count - 1);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
  const ticks: number[] = [];
  // Rounding to the step's decimals keeps 0.1 + 0.2 from reading 0.30000000000000004.
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  for (let v = Math.floor(min / step) * step; v <= max + step / 2; v += step) ticks.push(Number(v.toFixed(decimals)));
  if (ticks[ticks.length - 1]! < max) ticks.push(Number((ticks[ticks.length - 1]! + step).toFixed(decimals)));
  return ticks;
}

/** Readings with a date and a value, oldest first. */
export function datedReadings(readings: readonly { date: string | null; value: number | null }[]): Reading[] {
  return readings
    .filter((r): r is Reading => typeof r.date === 'string' && typeof r.value === 'number' && Number.isFinite(time(r.date)))
    .slice()
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export function chartModel(points: readonly Reading[], target: number | null, width: number, height: number, box: ChartBox) {
  const values = [...points.map((p) => p.value), ...(target === null ? [] : [target])];
  const yTicks = niceTicks(Math.min(...values), Math.max(...values), height < 200 ? 4 : 5);
  const yMin = yTicks[0]!;
  const yMax = yTicks[yTicks.length - 1]!;
  const first = time(points[0]!.date);
  const last = time(points[points.length - 1]!.date);
  // One reading, or all on one day: a fortnight either side, so the point sits in the middle.
  const [xMin, xMax] = first === last ? [first - 14 * DAY, last + 14 * DAY] : [first, last];
  const plotW = width - box.left - box.right;
  const plotH = height - box.top - box.bottom;
  const x = (date: string) => box.left + ((time(date) - xMin) / (xMax - xMin)) * plotW;
  const y = (v: number) => box.top + plotH - ((v - yMin) / (yMax - yMin)) * plotH;
  // Dates under the axis, about 90 px each: as many as fit, always the first and the last reading
  // (those two sit inside the plot's ends, so a neighbour keeps a wider berth from them).
  const GAP = 100;
  const END_GAP = 140;
  const fit = Math.max(2, Math.floor(plotW / GAP));
  const step = Math.max(1, Math.ceil((points.length - 1) / (fit - 1)));
  const dated = points.filter((_, i) => i % step === 0 || i === points.length - 1);
  const lastX = x(points[points.length - 1]!.date);
  const xTicks: { date: string; x: number }[] = [];
  for (const p of dated) {
    const at = x(p.date);
    const prev = xTicks[xTicks.length - 1];
    if (prev?.date === p.date) continue;
    if (p === dated[dated.length - 1]) {
      // The last reading's date is always shown; a neighbour too close to it gives way.
      if (prev && xTicks.length > 1 && at - prev.x < END_GAP) xTicks.pop();
      xTicks.push({ date: p.date, x: at });
    } else if (!prev || (at - prev.x >= (xTicks.length === 1 ? END_GAP : GAP) && lastX - at >= END_GAP)) xTicks.push({ date: p.date, x: at });
  }
  return {
    points: points.map((p) => ({ ...p, x: x(p.date), y: y(p.value) })),
    yTicks: yTicks.map((v) => ({ value: v, y: y(v) })),
    xTicks,
    targetY: target === null ? null : y(target),
    plot: { left: box.left, right: width - box.right, top: box.top, bottom: height - box.bottom },
  };
}
