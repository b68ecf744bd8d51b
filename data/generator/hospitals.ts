/**
 * The sample hospitals (a Chinese municipal hospital and its second campus, a Vietnamese provincial
 * hospital, an English NHS trust; all invented): who they are, which systems feed them, how many records a day
 * each system sees, through which channels, and how those records are written.
 */
import type { Country } from './calendars.ts';
import type { HospitalId, Kind, Lang } from './model.ts';

export interface SourceSpec {
  /** Value of the `source` column (or the name the pipeline will derive from the file name). */
  name: string;
  /** Baseline records per day at the start of 2024, before weekday, holiday and season factors. */
  perDay: number;
  /** Multiplicative volume trend per year (1.1 = +10 % a year). */
  growthPerYear: number;
  channels: readonly (readonly [string, number])[];
  kinds: readonly (readonly [Kind, number])[];
  /** Share of rows whose category column is left blank. */
  categoryBlank: number;
  /** Share of rows with a location. */
  locationShare: number;
  /** Share of texts with personal data in them. */
  piiRate: number;
  /** Share of a department's rows written with one of its variant spellings (scaled by the variant's own share). */
  variantUse: number;
}

export interface HospitalSpec {
  id: HospitalId;
  lang: Lang;
  country: Country;
  /** The hospital's IANA time zone: its exports' times are local there. */
  timeZone: string;
  /** The hospital's name as the group writes it: its first-level folder, which the pipeline reads the hospital from. */
  folder: string;
  name: string;
  sources: readonly SourceSpec[];
}

export const HOSPITALS: Record<HospitalId, HospitalSpec> = {
  cn: {
    id: 'cn',
    lang: 'zh',
    country: 'cn',
    timeZone: 'Asia/Shanghai',
    folder: '江州市第一人民医院',
    name: '江州市第一人民医院 (Jiangzhou No. 1 People\'s Hospital, tertiary grade A)',
    sources: [
      {
        name: 'hospital_hotline',
        perDay: 19,
        growthPerYear: 1.03,
        channels: [['hotline', 34], ['walk_in', 24], ['website', 8], ['email', 3], ['social', 13], ['suggestion_box', 8]],
        kinds: [['complaint', 58], ['consultation', 20], ['suggestion', 9], ['praise', 13]],
        categoryBlank: 0.2,
        locationShare: 0.6,
        piiRate: 0.035,
        variantUse: 1,
      },
      {
        name: 'gov_12345',
        perDay: 6,
        growthPerYear: 1.12,
        channels: [['gov_hotline', 92], ['website', 8]],
        kinds: [['complaint', 74], ['consultation', 16], ['suggestion', 6], ['praise', 4]],
        categoryBlank: 0.18,
        locationShare: 0.35,
        piiRate: 0.05,
        variantUse: 1.5,
      },
    ],
  },
  cn_east: {
    id: 'cn_east',
    lang: 'zh',
    country: 'cn',
    timeZone: 'Asia/Shanghai',
    folder: '江州市第一人民医院东院区',
    name: '江州市第一人民医院东院区 (the east campus, a former district hospital taken into the group)',
    // the campus keeps the register system it had as a district hospital: the same vendor's, so
    // its ids (TS<yyyymmdd><nnn>) collide with the main campus's, as two hospitals' systems do
    sources: [
      {
        name: 'hospital_hotline',
        perDay: 7,
        growthPerYear: 1.06,
        channels: [['hotline', 40], ['walk_in', 30], ['social', 10], ['suggestion_box', 12], ['website', 8]],
        kinds: [['complaint', 60], ['consultation', 18], ['suggestion', 8], ['praise', 14]],
        categoryBlank: 0.25,
        locationShare: 0.5,
        piiRate: 0.035,
        variantUse: 1,
      },
    ],
  },
  vn: {
    id: 'vn',
    lang: 'vi',
    country: 'vn',
    timeZone: 'Asia/Ho_Chi_Minh',
    folder: 'Bệnh viện Đa khoa tỉnh Sơn Nam',
    name: 'Bệnh viện Đa khoa tỉnh Sơn Nam (provincial general hospital)',
    sources: [
      {
        name: 'sonnam_y_kien_nguoi_benh',
        perDay: 11,
        growthPerYear: 0.97,
        channels: [['hotline', 30], ['suggestion_box', 20], ['social', 22], ['walk_in', 22], ['email', 3], ['website', 3]],
        kinds: [['complaint', 50], ['consultation', 14], ['suggestion', 14], ['praise', 22]],
        categoryBlank: 0.22,
        locationShare: 0.55,
        piiRate: 0.035,
        variantUse: 1,
      },
    ],
  },
  uk: {
    id: 'uk',
    lang: 'en',
    country: 'uk',
    timeZone: 'Europe/London',
    folder: 'Kingsmere and District NHS Foundation Trust',
    name: 'Kingsmere General Hospital, Kingsmere and District NHS Foundation Trust',
    sources: [
      {
        name: 'pals',
        perDay: 14,
        growthPerYear: 1.02,
        channels: [['hotline', 34], ['email', 20], ['website', 14], ['walk_in', 12], ['social', 8], ['suggestion_box', 12]],
        kinds: [['complaint', 55], ['consultation', 20], ['suggestion', 7], ['praise', 18]],
        categoryBlank: 0.2,
        locationShare: 0.6,
        piiRate: 0.03,
        variantUse: 1,
      },
    ],
  },
};

/** Survey volume of the Vietnamese hospital: responses per day across departments. */
export const SURVEY_PER_DAY = 46;
