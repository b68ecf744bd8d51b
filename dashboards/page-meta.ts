import type { Language } from '../pipeline/config.ts';
import { t } from '../pipeline/i18n.ts';
import { fill, html, type SafeHtml } from './html.ts';
import { dayTag, instantTag } from './time-tag.ts';

/** What every page says about itself: whose it is, when, from which data and by which run it was built. */
export interface PageMeta {
  /** The hospital the page is about; null on a page that is about every hospital (the group's). */
  hospital: string | null;
  asOf: string;
  generatedAt: string;
  runId: string;
  /** The hospital's time zone (the config's where the page is every hospital's): the build time is written in it. */
  timeZone?: string;
}

/**
 * The line under a page's title: the hospital (when the page is one hospital's), the build time,
 * the last day of data and the run id, so a printed page can be traced back to its run.
 *
 * @example metaLine({ hospital: '总院', asOf: '2025-06-30', generatedAt: '2025-07-01T06:00:00+08:00', runId: 'r1' }, 'zh')
 * // <p class="meta"><strong>医院：总院</strong> · 生成于 <time datetime="2025-07-01T06:00:00+08:00">2025年7月1日 06:00 (+08:00)</time>，数据截至 <time datetime="2025-06-30">2025年6月30日</time>。 · 运行编号 r1</p>
 */
export function metaLine(meta: PageMeta, language: Language): SafeHtml {
  const hospital = meta.hospital === null ? '' : html`<strong class="hospital">${t(language, 'site.hospital', { hospital: meta.hospital })}</strong> · `;
  const built = fill(t(language, 'site.builtAt'), { generated: instantTag(language, meta.generatedAt, meta.timeZone), asOf: dayTag(language, meta.asOf) });
  return html`<p class="meta">${hospital}${built} · ${t(language, 'site.runId', { runId: meta.runId })}</p>`;
}

/**
 * A page's title with the hospital it is about, so tabs and printouts of two hospitals differ.
 *
 * @example pageTitle('高频事项', { hospital: '分院' }) // '高频事项 · 分院'
 */
export function pageTitle(title: string, meta: Pick<PageMeta, 'hospital'>): string {
  return meta.hospital === null ? title : `${title} · ${meta.hospital}`;
}
