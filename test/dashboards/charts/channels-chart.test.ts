import { describe, expect, it } from 'vitest';
import { complaintsByChannelChart } from '../../../dashboards/charts/complaints-chart.ts';
import { deepFreeze } from '../../statistics/vectors.ts';
import { description, expectChartSnapshot, tableRows } from './snapshot.ts';

const channels = deepFreeze([
  { month: '2025-05', channel: 'hotline', platform: null, complaints: 4 },
  { month: '2025-05', channel: 'social', platform: 'zalo', complaints: 3 },
  { month: '2025-05', channel: 'social', platform: 'facebook', complaints: 1 },
  { month: '2025-06', channel: 'gov_hotline', platform: null, complaints: 2 },
  { month: '2025-06', channel: 'social', platform: null, complaints: 1 },
  { month: '2025-06', channel: 'social', platform: 'zalo', complaints: 5 },
  { month: '2025-06', channel: 'fax', platform: null, complaints: 1 },
]);

describe('complaintsByChannelChart', () => {
  it('stacks the months by channel as the snapshot', () => {
    expectChartSnapshot('complaints-by-channel', complaintsByChannelChart(channels, { language: 'vi', scope: 'Toàn bệnh viện' }));
  });

  it('orders the channels as the contract lists them, social media by platform, a value not recognised last as written', () => {
    const chart = complaintsByChannelChart(channels, { language: 'en', scope: 'Whole hospital' });
    expect(chart?.value).toContain(
      '<th>Month</th><th class="num">Hotline</th><th class="num">Government hotline (12345)</th><th class="num">Social media</th><th class="num">Social media · Facebook</th><th class="num">Social media · Zalo</th><th class="num">fax</th>',
    );
    expect(tableRows(chart)).toEqual([
      ['2025-05', '4', '0', '0', '1', '3', '0'],
      ['2025-06', '0', '2', '1', '0', '5', '1'],
    ]);
    expect(description(chart)).toContain('In all: Hotline 4, Government hotline (12345) 2, Social media 1, Social media · Facebook 1, Social media · Zalo 8, and fax 1.');
  });

  it('names the Chinese platforms in Chinese', () => {
    const chart = complaintsByChannelChart([{ month: '2025-06', channel: 'social', platform: 'wechat', complaints: 2 }], { language: 'zh', scope: '全院' });
    expect(chart?.value).toContain('社交媒体 · 微信');
  });

  it('draws nothing without complaints', () => {
    expect(complaintsByChannelChart([], { language: 'en', scope: 'x' })).toBeNull();
  });
});
