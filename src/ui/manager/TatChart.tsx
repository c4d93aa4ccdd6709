/** The turnaround bars as SVG elements, from the same layout the HTML report draws. */
import { chartLayout } from "../../domain/reports/tat-report";
import { RESOLUTION_GOALS, type TatFigures } from "../../domain/reports/turnaround";

const GOAL_DAYS = `${RESOLUTION_GOALS.slice(0, -1).map((g) => g.days).join(", ")} and ${RESOLUTION_GOALS[RESOLUTION_GOALS.length - 1]!.days}`;
const GOAL_SHARES = RESOLUTION_GOALS.map((g) => `${g.share * 100}%`).join(", ");

export interface TatChartProps {
  readonly title: string;
  readonly figures: readonly TatFigures[];
  readonly id: string;
}

export function TatChart({ title, figures, id }: TatChartProps) {
  const c = chartLayout(figures, { width: 290, label: 110 }); // drawn at the 320 px pane's width, so its text stays at 12 px or more there
  return (
    <figure style={{ margin: 0 }}>
      <svg role="img" aria-labelledby={`${id}-title`} viewBox={`0 0 ${c.width} ${c.height}`} width={c.width} height={c.height} style={{ maxWidth: "100%", height: "auto" }}>
        <title id={`${id}-title`}>Share resolved within the goals, {title}</title>
        {c.legend.map((l) => (
          <g key={l.text}>
            <rect x={l.x} y={l.y} width={10} height={10} fill={l.fill} />
            <text x={l.x + 14} y={l.y + 9} fontSize={12} fill="currentColor">
              {l.text}
            </text>
          </g>
        ))}
        {c.rows.map((r) => (
          <g key={`${r.label}-${r.y}`}>
            <text x={0} y={r.y} fontSize={13} fill="currentColor">
              {r.label}
            </text>
            {r.bars.map((b) => (
              <g key={b.y}>
                <rect x={b.x} y={b.y} width={b.width} height={b.height} fill={b.fill}>
                  <title>{b.title}</title>
                </rect>
                <line x1={b.goalX} x2={b.goalX} y1={b.y - 1} y2={b.y + b.height + 1} stroke="currentColor" strokeWidth={2} />
                <text x={b.textX} y={b.y + b.height} fontSize={12} fill="currentColor">
                  {b.text}
                </text>
              </g>
            ))}
          </g>
        ))}
      </svg>
      <figcaption style={{ fontSize: "0.875rem" }}>Resolved within {GOAL_DAYS} business days, {title}; the black marks are the goals ({GOAL_SHARES}).</figcaption>
    </figure>
  );
}
