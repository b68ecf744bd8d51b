import type { Language } from '../pipeline/config.ts';
import { t } from '../pipeline/i18n.ts';
import { html, type SafeHtml } from './html.ts';

/** What every page says about itself: whose it is, when, from which data and by which run it was built. */
export interface PageMeta {
  /** The hospital the page is about; null on a page that is about every hospital (the group's). */
  hospital: string | null;
  asOf: string;
  generatedAt: string;
  runId: string;
}

/**
 * The line under a page's title: the hospital (when the page is one hospital's), the build time,
 * the last day of data and the run id, so a printed page can be traced back to its run.
 *
 * @example metaLine({ hospital: '总院', asOf: '2025-06-30', generatedAt: '2025-07-01T06:00:00+08:00', runId: 'r1' }, 'zh')
 * // <p class="meta"><strong>医院：总院</strong> · 生成于 …，数据截至 2025-06-30。 · 运行编号 r1</p>
 */
export function metaLine(meta: PageMeta, language: Language): SafeHtml {
  const hospital = meta.hospital === null ? '' : html`<strong class="hospital">${t(language, 'site.hospital', { hospital: meta.hospital })}</strong> · `;
  return html`<p class="meta">${hospital}${t(language, 'site.builtAt', { generated: meta.generatedAt, asOf: meta.asOf })} · ${t(language, 'site.runId', { runId: meta.runId })}</p>`;
}

/**
 * A page's title with the hospital it is about, so tabs and printouts of two hospitals differ.
 *
 * @example pageTitle('高频事项', { hospital: '分院' }) // '高频事项 · 分院'
 */
export function pageTitle(title: string, meta: Pick<PageMeta, 'hospital'>): string {
  return meta.hospital === null ? title : `${title} · ${meta.hospital}`;
}
