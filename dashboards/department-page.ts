import { createHash } from 'node:crypto';
import type { Language } from '../pipeline/config.ts';
import { fixWords } from '../pipeline/fixes/fix-words.ts';
import type { FixReviewRow } from '../pipeline/fixes/fixes.ts';
import { formatNumber, t, type MessageKey } from '../pipeline/i18n.ts';
import { CATEGORIES } from '../pipeline/text/category-lexicon.ts';
import { warningText, type Warning } from '../pipeline/warnings/warnings.ts';
import { formatDate, formatMonth } from '../pipeline/dates.ts';
import { complaintsByCategoryChart, complaintsByChannelChart, type CategoryMonthRow, type ChannelMonthRow } from './charts/complaints-chart.ts';
import { ratesChart, type RateRow } from './charts/rates-chart.ts';
import { satisfactionChart, type SatisfactionTrendRow } from './charts/satisfaction-chart.ts';
import { satisfactionSectionsChart, type SectionTrendRow } from './charts/sections-chart.ts';
import { warningChart } from './charts/warning-chart.ts';
import { filterAttributes, type TableRow } from './filter-table.ts';
import { fill, html, page, table, type PageFrame, type SafeHtml } from './html.ts';
import { rateColumns } from './leadership-page.ts';
import { metaLine, pageTitle, type PageMeta } from './page-meta.ts';
import { dayTag, instantTag, monthTag } from './time-tag.ts';
import { renderPraise, type PraiseData } from './praise-section.ts';

/** One department's complaint-handling numbers of the latest complete month (mart_complaint_kpis). */
export interface PackKpis {
  month: string;
  received: number;
  response_rate: number | null;
  resolution_rate: number | null;
  within_sla_rate: number | null;
}

/** One department's alert pack: published as departments/<slug>.json and rendered as its page. */
export interface DepartmentPack {
  /** The hospital whose department it is (null only for a warning logged before hospitals). */
  hospital: string | null;
  department: string;
  as_of: string;
  generated_at: string;
  /** The department's warnings, the same objects as in warnings.json. */
  warnings: Warning[];
  kpis: PackKpis | null;
  /** What the hospital fixed in the department or for its warnings, as reviewed to the as-of date (mart_fix_reviews). */
  fixes?: FixReviewRow[];
}

/** A department's series for the charts of its page (not part of its pack's JSON). */
export interface DepartmentTrends {
  /** Its rows of mart_satisfaction_trend. */
  satisfaction: SatisfactionTrendRow[];
  /** Its rows of mart_complaint_kpis, the months charted. */
  rates: RateRow[];
  /** Its rows of mart_complaint_monthly by category, the months charted. */
  categories: CategoryMonthRow[];
  /** Its rows of mart_complaint_channels, the months charted: the channel mix. */
  channels?: ChannelMonthRow[];
  /** Its rows of mart_satisfaction_section_trend: satisfaction by section and patient type. */
  sections?: SectionTrendRow[];
  /** Its praise (recognition). */
  praise?: PraiseData;
}

/** One hospital's index of alert packs (PageMeta names the hospital). */
export interface DepartmentIndexData extends PageMeta {
  packs: { slug: string; pack: DepartmentPack }[];
  /** Warnings with no department: they belong to no pack. */
  hospitalWide: Warning[];
}

const SEVERITIES = ['high', 'medium', 'low'] as const;
const STATUS_ORDER = { new: 0, ongoing: 1, resolved: 2 } as const;
const SEVERITY_ORDER = { high: 0, medium: 1, low: 2 } as const;
const MAX_QUOTES = 5;

/**
 * A department's pack file name, the same on every run and safe on any file system: its code and
 * the language of its name (one code names the department in each language, e.g. emergency-zh for
 * 急诊科), or for a name the reference tables do not know, d- and a digest of the name.
 *
 * @example departmentSlug('急诊科', 'emergency', 'zh') // 'emergency-zh'
 */
export function departmentSlug(department: string, code: string | null, nameLanguage: Language | null): string {
  if (code !== null && nameLanguage !== null && /^[A-Za-z0-9_-]{1,64}$/.test(code)) return `${code}-${nameLanguage}`;
  return `d-${createHash('sha256').update(department).digest('hex').slice(0, 10)}`;
}

/** The methods' names in words, beside the only page that shows them; a detector's own name (farrington_flexible, ears_c2, …) is shown as written. */
const methodCopy: Record<Language, Readonly<Record<string, string>>> = {
  en: { 'working-day SLA': 'time limit in working days', 'sentinel patterns': 'serious-event patterns', xmr: 'XmR control chart', xmr_weekly: 'weekly XmR control chart', funnel: 'funnel plot' },
  zh: { 'working-day SLA': '按工作日计算的办理时限', 'sentinel patterns': '严重事件识别规则', xmr: 'XmR 控制图', xmr_weekly: '每周 XmR 控制图', funnel: '漏斗图' },
  vi: { 'working-day SLA': 'thời hạn tính theo ngày làm việc', 'sentinel patterns': 'mẫu nhận diện sự cố nghiêm trọng', xmr: 'biểu đồ kiểm soát XmR', xmr_weekly: 'biểu đồ kiểm soát XmR theo tuần', funnel: 'biểu đồ phễu' },
};

/**
 * A warning's method in the reader's words: each of its methods (joined by `+` where several
 * raised it) named in the language, a detector's own name as written.
 *
 * @example methodText('working-day SLA', 'zh') // '按工作日计算的办理时限'
 */
export function methodText(method: string, language: Language): string {
  const names = methodCopy[language];
  return method.split('+').map((part) => names[part] ?? part).join(' + ');
}

/**
 * What a detector's cell counts, for people: its parts after the dimension, a category in the
 * reader's words and a term without its language code.
 *
 * @example cellLabel(['department', '门诊部', 'process'], 'zh') // '门诊部 · 管理流程'
 */
function cellLabel(cell: readonly string[], language: Language): string {
  const [dimension, ...parts] = cell;
  const category = (code: string) => ((CATEGORIES as readonly string[]).includes(code) ? t(language, `category.${code}` as MessageKey) : code);
  if (dimension === 'department') return [parts[0] ?? '', category(parts[1] ?? '')].join(' · ');
  if (dimension === 'category') return category(parts[0] ?? '');
  if (dimension === 'term') return parts[1] ?? '';
  return parts.join(' · ');
}

/** Open warnings (new before ongoing, the most severe first), then those resolved this run. */
function ordered(warnings: readonly Warning[]): { open: Warning[]; resolved: Warning[] } {
  const sorted = [...warnings].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  return { open: sorted.filter((w) => w.status !== 'resolved'), resolved: sorted.filter((w) => w.status === 'resolved') };
}

/** The formatters every block of these pages shares, in the reader's language (`html` escapes what they return). */
function formatters(language: Language) {
  const m = (key: MessageKey, values?: Record<string, string | number>) => t(language, key, values);
  const n = (value: number, digits = 0) => formatNumber(language, Number(value.toFixed(digits)));
  // "label: " with the colon and space of the language (Chinese writes a full-width colon, no space)
  const label = (key: MessageKey) => m('pack.label', { label: t(language, key) });
  return { m, n, label };
}

/** A warning's summary and suggested action in the page's language, its dates written as that language writes them. */
export function warningWords(warning: Warning, language: Language): Pick<Warning, 'summary' | 'suggested_action'> {
  return warningText(warning, language, { day: (date) => formatDate(language, date), month: (month) => formatMonth(language, month) });
}

/** The anchor of a warning on its department's page, which the first page's list links to. */
export function warningAnchor(id: string): string {
  return `warning-${id}`;
}

/**
 * One warning as a department head reads it: what, how bad, what to do by when, then the
 * evidence (the counts against their expectation, quotes, the cells that signalled, record ids).
 */
function renderWarning(warning: Warning, language: Language): SafeHtml {
  const { m, n, label } = formatters(language);
  const fact = (key: MessageKey, value: string | SafeHtml) => html`<li><strong>${label(key)}</strong>${value}</li>`;
  // satisfaction_drop counts in percent; the other kinds count records
  const unit = warning.kind === 'satisfaction_drop' ? '%' : '';
  const words = warningWords(warning, language);
  const q = (value: number) => (value < 0.001 ? `< ${n(0.001, 3)}` : n(value, 3));
  const item = (text: string) => html`<li>${text}</li>`;
  const twoWeeks = warning.two_weeks;
  const bound = twoWeeks?.upperbound ?? warning.upperbound;
  const facts = [
    warning.keywords.length > 0 ? fact('pack.keywords', warning.keywords.join(', ')) : '',
    warning.category !== null ? fact('pack.category', m(`category.${warning.category}` as MessageKey)) : '',
    warning.location !== null ? fact('pack.location', warning.location) : '',
    // a sentinel is one serious record, whatever the counts, and a breach's count is its days overdue, which its summary says: an expected 0 beside either says nothing
    warning.kind === 'sentinel' || warning.kind === 'sla_breach' || twoWeeks !== undefined ? '' : item(m('pack.observed', { observed: `${n(warning.observed, 1)}${unit}`, expected: `${n(warning.expected, 1)}${unit}` })),
    // a rise raised over two weeks is shown by those two weeks' figures, as its summary states them
    twoWeeks === undefined ? '' : html`<li>${fill(m('pack.observedTwoWeeks'), { from: dayTag(language, twoWeeks.period_start), observed: n(twoWeeks.observed, 1), expected: n(twoWeeks.expected, 1) })}</li>`,
    bound != null ? item(m('pack.upperbound', { bound: `${n(bound, 1)}${unit}` })) : '',
    warning.baseline_start != null && warning.baseline_end != null ? html`<li>${fill(m('pack.baseline'), { start: dayTag(language, warning.baseline_start), end: dayTag(language, warning.baseline_end) })}</li>` : '',
    fact('pack.method', methodText(warning.method, language)),
    warning.q_value !== undefined ? fact('pack.qValue', q(warning.q_value)) : '',
  ];
  const quotes = (warning.quotes ?? []).slice(0, MAX_QUOTES);
  const signals = warning.signals ?? [];
  // each record as its (source, id) pair, as the feedback export lists it: an id alone is unique only within its source
  const ids = warning.evidence.length > 0 ? warning.evidence.map((record) => `${record.source} · ${record.id}`) : warning.evidence_ids;
  const parts = [
    html`<h3>${m(`warning.kind.${warning.kind}`)}</h3>`,
    html`<p class="meta">${label('pack.severity')}<strong>${m(`warning.severity.${warning.severity}`)}</strong> · ${label('pack.status')}${m(`warning.status.${warning.status}`)} · ${label('pack.period')}${fill(m('pack.range'), { start: dayTag(language, warning.period_start), end: dayTag(language, warning.period_end) })}</p>`,
    html`<p>${words.summary}</p>`,
    html`<p><strong>${label('pack.action')}</strong>${words.suggested_action}</p>`,
    html`<p><strong>${label('pack.due')}</strong>${dayTag(language, warning.due_date)}</p>`,
    warning.reopened_reason === undefined ? '' : html`<p><strong>${warning.reopened_reasons?.[language] ?? warning.reopened_reason}</strong></p>`,
    html`<ul>${facts}</ul>`,
  ];
  const weekly = warning.weekly ?? [];
  const chart = weekly.length === 0 ? null : warningChart(weekly, { language, cell: cellLabel(signals[0]?.cell ?? [], language) || (warning.department ?? ''), week: warning.period_start });
  if (chart !== null) parts.push(chart);
  if (quotes.length > 0) parts.push(html`<h4>${m('pack.quotes')}</h4>`, ...quotes.map((quote) => html`<blockquote>${quote}</blockquote>`));
  if (signals.length > 0) {
    parts.push(
      html`<h4>${m('pack.signals')}</h4>`,
      table(
        [m('pack.signalKind'), m('pack.cell'), m('pack.observedShort'), m('pack.expectedShort'), m('pack.bound'), 'q', m('pack.method')],
        signals.map((s) => [
          m(`warning.kind.${s.kind}`),
          cellLabel(s.cell, language) || s.cell.join(' · '),
          n(s.observed),
          n(s.expected, 1),
          s.upperbound === null ? '–' : n(s.upperbound, 1),
          q(s.q_value),
          s.method,
        ]),
        { numeric: [2, 3, 4, 5] },
      ),
    );
  }
  if (ids.length > 0) {
    // record ids, not personal data: folded away, as a long list matters to few readers
    parts.push(html`<details><summary>${m('pack.evidence', { count: formatNumber(language, ids.length) })}</summary><p><small>${ids.join(', ')}</small></p></details>`);
  }
  // a quote or an id list may hold one long unbroken string: it wraps rather than widen the page
  return html`<section id="${warningAnchor(warning.id)}" style="overflow-wrap:anywhere">\n${parts.map((part) => html`${part}\n`)}</section>`;
}

/** The department's fixes (整改 → 复查): what was done, when, and whether complaints fell since. */
function renderFixes(fixes: readonly FixReviewRow[], language: Language): SafeHtml | '' {
  if (fixes.length === 0) return '';
  const items = fixes.map((fix) => {
    const said = fixWords(fix, language);
    const done = fix.action === null ? '' : html` · ${t(language, 'fix.done', { action: fix.action })}`;
    return html`<li><strong>${said.verdict}</strong> · ${said.about} · ${fill(t(language, 'fix.fixedOn'), { day: dayTag(language, fix.fixed_on) })}${done}<br><small>${said.detail}</small></li>`;
  });
  return html`<h2>${t(language, 'fix.title')}</h2>
<ul style="overflow-wrap:anywhere">${items}</ul>`;
}

function renderWarnings(warnings: readonly Warning[], language: Language): SafeHtml {
  return html`${warnings.map((warning) => html`${renderWarning(warning, language)}\n`)}`;
}

/**
 * A department's alert pack (未诉先办): its open warnings (new, then ongoing; the most severe
 * first) with their evidence and suggested actions, or a plain "no open warnings"; the warnings
 * resolved this run; the department's complaint-handling numbers of the latest complete month; and
 * charts of its trends: its satisfaction index on its XmR chart, its complaint-handling rates and
 * its complaints by category, month by month. It only formats what the pipeline computed; every
 * string is escaped.
 *
 * With `build`, the page also names its hospital and the run that built it, and links back to its
 * hospital's index of departments (`index`, beside it; index.html by default).
 *
 * @example renderDepartmentPage({ department: '急诊科', as_of: '2025-06-30', warnings: [], kpis: null, ... }, 'zh', { satisfaction: [], rates: [], categories: [] })
 */
export function renderDepartmentPage(
  data: DepartmentPack,
  language: Language,
  trends: DepartmentTrends = { satisfaction: [], rates: [], categories: [] },
  build?: Pick<PageMeta, 'hospital' | 'runId' | 'timeZone'> & { index?: string },
  frame?: PageFrame,
): string {
  const { m, n } = formatters(language);
  const { open, resolved } = ordered(data.warnings);
  const percent = (value: number | null) => (value === null ? '–' : `${n(value, 1)}%`);
  const kpis =
    data.kpis === null
      ? ''
      : html`<h2>${fill(m('pack.kpis'), { month: monthTag(language, data.kpis.month) })}</h2>\n${table(
          [m('leadership.received'), m('leadership.responseRate'), m('leadership.resolutionRate'), m('leadership.withinSla')],
          [[n(data.kpis.received), percent(data.kpis.response_rate), percent(data.kpis.resolution_rate), percent(data.kpis.within_sla_rate)]],
          { numericFrom: 0 },
        )}`;
  const scope = data.department;
  const charts = [
    satisfactionChart(trends.satisfaction, { language, scope }),
    satisfactionSectionsChart(trends.sections ?? [], { language, scope }),
    ratesChart(trends.rates, { language, scope, rates: rateColumns(language) }),
    complaintsByCategoryChart(trends.categories, { language, scope }),
    complaintsByChannelChart(trends.channels ?? [], { language, scope }),
  ].filter((chart) => chart !== null);
  const body = html`
<p><a href="${build?.index ?? 'index.html'}">← ${m('pack.allDepartments')}</a> · <a href="../index.html">${m('site.title')}</a></p>
<h1>${data.department}</h1>
${build === undefined ? html`<p class="meta">${fill(m('site.builtAt'), { generated: instantTag(language, data.generated_at), asOf: dayTag(language, data.as_of) })}</p>` : metaLine({ ...build, asOf: data.as_of, generatedAt: data.generated_at }, language)}
<p>${m('pack.intro')}</p>
<h2>${m('pack.open')}</h2>
${open.length === 0 ? html`<p><strong>${m('pack.noOpen')}</strong></p>` : renderWarnings(open, language)}
${resolved.length === 0 ? '' : html`<h2>${m('pack.resolved')}</h2>\n${renderWarnings(resolved, language)}`}
${renderFixes(data.fixes ?? [], language)}
${kpis}
${charts.length === 0 ? '' : html`<h2>${m('pack.trends')}</h2>\n${charts}`}
${trends.praise === undefined ? '' : renderPraise(trends.praise, language, scope)}
`;
  return page({ lang: language, title: pageTitle(t(language, 'pack.title', { department: data.department }), { hospital: build?.hospital ?? null }), body, frame });
}

/** A pack's open warnings (new or ongoing) counted by severity, high first. */
function openCounts(pack: DepartmentPack): number[] {
  const open = pack.warnings.filter((w) => w.status !== 'resolved');
  return SEVERITIES.map((severity) => open.filter((w) => w.severity === severity).length);
}

/**
 * The data of the index's filterable table, a row per pack in the index's order: its hospital and
 * department, its open warnings by severity, and the severities it has open warnings of.
 */
export function departmentIndexData(data: DepartmentIndexData): TableRow[] {
  return data.packs.map(({ pack }) => {
    const [high = 0, medium = 0, low = 0] = openCounts(pack);
    return { hospital: pack.hospital, department: pack.department, high, medium, low, severities: SEVERITIES.filter((_, i) => [high, medium, low][i] !== 0) };
  });
}

/**
 * The index of the alert packs: every department with its open warnings counted by severity
 * (the departments with the most severe first, then by name), linking to its page and JSON; then
 * the hospital-wide warnings, which belong to no department.
 *
 * @example renderDepartmentIndex({ asOf: '2025-06-30', packs: [{ slug: 'emergency-zh', pack }], hospitalWide: [], ... }, 'zh')
 */
export function renderDepartmentIndex(data: DepartmentIndexData, language: Language, frame?: PageFrame): string {
  const { m, n } = formatters(language);
  // with several hospitals, the same department name is one row per hospital: say whose
  const several = new Set(data.packs.map(({ pack }) => pack.hospital)).size > 1;
  const rows = data.packs.map(({ slug, pack }, key) => {
    const department = several ? `${pack.hospital ?? ''} · ${pack.department}` : pack.department;
    return { key, slug, department, counts: openCounts(pack) };
  });
  rows.sort((a, b) => {
    const byCount = a.counts.map((count, i) => (b.counts[i] ?? 0) - count).find((difference) => difference !== 0);
    return byCount ?? (a.department.localeCompare(b.department, language) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  });
  const departments =
    rows.length === 0
      ? html`<p>${fill(m('departments.none'), { asOf: dayTag(language, data.asOf) })}</p>`
      : table(
          [m('departments.department'), ...SEVERITIES.map((severity) => m(`warning.severity.${severity}`)), m('departments.data')],
          rows.map((row) => [
            html`<a href="${row.slug}.html">${row.department}</a>`,
            ...row.counts.map((count) => n(count)),
            // the JSON is published once, beside the default language's pages
            html`<a href="${frame === undefined ? '' : `${frame.root}departments/`}${row.slug}.json">JSON</a>`,
          ]),
          {
            stack: true,
            numeric: [1, 2, 3],
            rowKeys: rows.map((row) => row.key),
            attributes: filterAttributes(
              {
                data: 'departments',
                filters: [
                  ...(several ? [{ field: 'hospital', label: m('site.warningHospital') }] : []),
                  { field: 'department', label: m('departments.department') },
                  { field: 'severities', label: m('site.warningSeverity'), labels: Object.fromEntries(SEVERITIES.map((severity) => [severity, m(`warning.severity.${severity}`)])) },
                ],
                sort: ['department', ...SEVERITIES, null],
              },
              language,
              frame?.departments,
            ),
          },
        );
  const { open, resolved } = ordered(data.hospitalWide);
  const hospitalWide = data.hospitalWide.length === 0 ? html`<p>${m('departments.noHospitalWide')}</p>` : renderWarnings([...open, ...resolved], language);
  const body = html`
<p><a href="../index.html">← ${m('site.title')}</a></p>
<h1>${m('departments.title')}</h1>
${metaLine(data, language)}
<p>${fill(m('departments.intro'), { asOf: dayTag(language, data.asOf) })}</p>
${departments}
<h2>${m('departments.hospitalWide')}</h2>
${hospitalWide}
`;
  return page({ lang: language, title: pageTitle(t(language, 'departments.title'), data), body, frame });
}
