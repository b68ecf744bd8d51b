/**
 * Planted problems: real rises of one issue in one department or place, each with its own
 * wording, lasting two to eight weeks in 2025-2026. They are the ground truth an early-warning
 * run should find. Alongside them, the normal rises it should not flag (winter season,
 * post-holiday rebounds, the steady large departments).
 */
import { weekdayFactor } from './calendars.ts';
import { civilFromDay, dayOf, pad } from './dates.ts';
import { DEPARTMENTS, departmentByKey, type DepartmentSpec } from './departments.ts';
import { buildRecord } from './feedback.ts';
import type { DayRange } from './feedback.ts';
import { HOSPITALS } from './hospitals.ts';
import type { Category, FeedbackEvent, HospitalId, Lang } from './model.ts';
import type { Rng } from '../../pipeline/detect/prng.ts';
import { SlotFiller, stripVietnamese } from './text/fill.ts';
import { HOSPITAL_ZH, thirdPerson } from './text/zh.ts';

export interface PlantedSpec {
  id: string;
  hospital: HospitalId;
  /** Sources that receive the records, with their shares. */
  sources: readonly (readonly [string, number])[];
  deptKey: string;
  department: string;
  category: Category;
  location: string;
  description: string;
  keywords: readonly string[];
  onset: string;
  end: string;
  /** Extra records a day at the plateau (before the weekday pattern). */
  peakPerDay: number;
  channels: readonly (readonly [string, number])[];
  /** Hours of the day the records arrive in, e.g. [21, 5] for a night shift. */
  hours?: readonly [number, number];
  acuteWeek?: boolean;
  core: readonly string[];
  extra: readonly string[];
  asks: readonly string[];
}

export const PLANTED: readonly PlantedSpec[] = [
  {
    id: 'cn-parking-lift',
    hospital: 'cn',
    sources: [['hospital_hotline', 0.65], ['gov_12345', 0.35]],
    deptKey: 'facilities',
    department: '后勤保障部',
    category: 'facility',
    location: '地下停车场',
    description: 'Underground car park: the B2 lift out of service for weeks and long queues at the exit barrier',
    keywords: ['地下停车场', '电梯', '停运', '排队', '坏了'],
    onset: '2025-03-10',
    end: '2025-04-13',
    peakPerDay: 1.7,
    channels: [['hotline', 45], ['walk_in', 15], ['social', 25], ['website', 15]],
    core: [
      '地下停车场的电梯停运{n}天了，从负二层推着轮椅只能绕到坡道走上来',
      '地下停车场B2的电梯坏了一直没修，老人和孕妇只能走楼梯',
      '地下停车场出口排队排了{wait}，收费道闸只开一个，电梯还停着',
      '停车场电梯贴了张“维修中”就没人管了，已经快两周了',
      '在地下停车场等电梯等了半个多小时，最后只能爬楼梯上到门诊',
      '地下停车场入口堵到了马路上，里面的电梯坏了，大家都挤在楼梯口',
      '{rel}刚做完手术，从地下停车场上楼没有电梯，只能一步一步爬',
    ],
    extra: ['问保安什么时候修好，说不知道。', '这么多天了也没有个通知。', '老人腿脚不好，真的很难。', '出口只有一个人工收费，排队的车一直堵到坡道上。'],
    asks: ['请尽快修好电梯。', '希望尽快解决停车场的问题。', '请医院重视一下。'],
  },
  {
    id: 'cn-lab-double-charge',
    hospital: 'cn',
    sources: [['hospital_hotline', 0.75], ['gov_12345', 0.25]],
    deptKey: 'lab',
    department: '检验科',
    category: 'cost',
    location: '自助缴费机',
    description: 'After the billing-system upgrade, laboratory test fees charged twice at the self-service machines and on WeChat pay',
    keywords: ['检验费', '扣了两次', '重复扣费', '退费', '新系统'],
    onset: '2025-09-01',
    end: '2025-09-28',
    peakPerDay: 1.5,
    channels: [['hotline', 55], ['walk_in', 25], ['social', 10], ['website', 10]],
    core: [
      '在自助机上交检验费，扣了两次钱，化验单上只有一次',
      '抽血的检验费重复扣费{amount}元，收费处说是新系统升级的问题，让等退费',
      '医保卡和微信各扣了一次检验费，一共多扣了{amount}元',
      '检验科开的单子缴费后显示未缴费，又交了一次，结果检验费扣了两次',
      '这几天好多人的检验费都被扣了两次，退费要等{n}个工作日',
      '同一张化验单被重复收费，窗口说新系统上线还在调试',
    ],
    extra: ['扣款记录我都截图了。', '排队退费又排了一个小时。', '问了几个窗口都说不清楚。'],
    asks: ['要求尽快退还重复扣的检验费。', '请尽快退费。', '希望尽快修复收费系统。'],
  },
  {
    id: 'cn-appointment-app-outage',
    hospital: 'cn',
    sources: [['hospital_hotline', 0.8], ['gov_12345', 0.2]],
    deptKey: 'outpatient',
    department: '门诊部',
    category: 'process',
    location: '预约挂号App',
    description: 'Appointment app outage after an update: bookings fail or vanish, fees taken without a booking',
    keywords: ['App', '预约', '挂号失败', '闪退', '预约记录'],
    onset: '2026-05-11',
    end: '2026-05-31',
    peakPerDay: 2.4,
    channels: [['hotline', 50], ['social', 25], ['website', 15], ['walk_in', 10]],
    core: [
      '医院App预约挂号一直提示系统繁忙，刷了一上午都挂不上',
      'App更新后一打开就闪退，预约的号也查不到了',
      '在App上付了挂号费却显示挂号失败，钱扣了号没有',
      'App上显示号源已满，到了现场窗口却说还有号，线上线下不一致',
      '预约短信没收到，App里的预约记录也不见了，到了现场说没有预约',
      '小程序和App都登不上去，只能一大早来现场排队',
    ],
    extra: ['客服电话也一直打不通。', '问了导诊，说这几天系统都有问题。', '老人不会用手机，本来就难，现在更难了。'],
    asks: ['希望尽快修复App。', '请退还扣掉的挂号费。', '希望医院尽快解决预约系统的问题。'],
  },
  {
    id: 'vn-bhyt-verification',
    hospital: 'vn',
    sources: [['sonnam_y_kien_nguoi_benh', 1]],
    deptKey: 'outpatient',
    department: 'Khoa Khám bệnh',
    category: 'process',
    location: 'khu khám bệnh BHYT',
    description: 'Health-insurance (BHYT) card and chip-ID verification failing at outpatient registration; patients sent away or made to pay first',
    keywords: ['thẻ BHYT', 'CCCD', 'không quét được', 'lỗi hệ thống', 'VNeID'],
    onset: '2025-07-01',
    end: '2025-08-10',
    peakPerDay: 1.5,
    channels: [['hotline', 35], ['walk_in', 30], ['social', 25], ['suggestion_box', 10]],
    core: [
      'Quét CCCD gắn chip để khám BHYT nhưng máy báo lỗi, không xác thực được thông tin thẻ BHYT.',
      'Nhân viên bảo cổng giám định BHYT bị lỗi hệ thống, phải chờ {wait} mới làm được thủ tục.',
      'Thẻ BHYT trên VNeID không quét được, bị bắt về nhà lấy thẻ giấy.',
      'Hệ thống không nhận thẻ BHYT nên phải đóng tiền dịch vụ trước, hẹn hoàn lại sau.',
      'Cả buổi sáng quầy tiếp đón báo lỗi hệ thống, không kết nối được cổng BHYT, người bệnh xếp hàng kín sảnh.',
      'Tra cứu thẻ BHYT báo sai thông tin trong khi thẻ vẫn còn hạn.',
    ],
    extra: ['Nhiều người già không biết dùng VNeID.', 'Hỏi thì nhân viên chỉ nói do lỗi hệ thống.', 'Tôi phải xin nghỉ làm nửa ngày.'],
    asks: ['Đề nghị bệnh viện sớm khắc phục lỗi.', 'Mong bệnh viện có phương án cho người bệnh khi hệ thống lỗi.', 'Đề nghị hoàn lại tiền đã đóng.'],
  },
  {
    id: 'vn-paediatric-ward-gastro-cluster',
    hospital: 'vn',
    sources: [['sonnam_y_kien_nguoi_benh', 1]],
    deptKey: 'paediatrics',
    department: 'Khoa Nhi',
    category: 'facility',
    location: 'Khoa Nhi tầng 3',
    description: 'Vomiting and diarrhoea among children and carers on the paediatric ward, with complaints about meals and dirty toilets (norovirus-like cluster)',
    keywords: ['tiêu chảy', 'nôn', 'suất ăn', 'nhà vệ sinh', 'bẩn'],
    onset: '2026-03-02',
    end: '2026-03-22',
    peakPerDay: 1.2,
    channels: [['hotline', 40], ['walk_in', 25], ['social', 30], ['suggestion_box', 5]],
    core: [
      'Cháu nằm ở Khoa Nhi tầng 3, từ hôm qua bị nôn và tiêu chảy, nhiều cháu cùng phòng cũng bị.',
      'Suất ăn phát cho trẻ ở Khoa Nhi có mùi lạ, ăn xong mấy cháu bị đau bụng, tiêu chảy.',
      'Nhà vệ sinh Khoa Nhi tầng 3 bẩn, chất nôn không ai dọn.',
      'Cả phòng có {n} cháu cùng bị nôn, tiêu chảy, đề nghị kiểm tra lại bếp ăn.',
      'Người nhà cũng bị tiêu chảy sau khi ăn cơm căng tin phát lên khoa.',
      'Không có xà phòng rửa tay ở nhà vệ sinh Khoa Nhi, trẻ nôn liên tục.',
    ],
    extra: ['Gia đình rất lo lắng.', 'Điều dưỡng bảo đang theo dõi.', 'Cháu nhà tôi vào viện vì viêm phổi mà giờ lại bị thêm tiêu chảy.'],
    asks: ['Đề nghị bệnh viện kiểm tra vệ sinh an toàn thực phẩm.', 'Mong khoa tăng cường vệ sinh.', 'Đề nghị làm rõ nguyên nhân.'],
  },
  {
    id: 'vn-orthopaedics-renovation',
    hospital: 'vn',
    sources: [['sonnam_y_kien_nguoi_benh', 1]],
    deptKey: 'orthopaedics',
    department: 'Khoa Ngoại chấn thương',
    category: 'facility',
    location: 'Khoa Ngoại chấn thương tầng 5',
    description: 'Ward renovation on the orthopaedic surgery floor: dust, drilling noise and heat; facility-section (C) survey scores fall for two months',
    keywords: ['sửa chữa', 'bụi', 'ồn', 'khoan', 'nóng'],
    onset: '2026-06-01',
    end: '2026-07-31',
    peakPerDay: 0.35,
    channels: [['hotline', 40], ['walk_in', 30], ['suggestion_box', 30]],
    core: [
      'Khoa đang sửa chữa, bụi và ồn cả ngày, người bệnh không nghỉ ngơi được.',
      'Thợ khoan tường từ sáng sớm, tiếng ồn rất khó chịu.',
      'Phòng bệnh nóng vì điều hòa tháo ra để sửa chữa.',
      'Hành lang đầy vật liệu sửa chữa, đi lại bằng nạng rất khó.',
      'Bụi xi măng bay vào buồng bệnh, người bệnh vừa mổ xong.',
    ],
    extra: ['Nhà vệ sinh tạm thì quá ít.', 'Không ai thông báo trước thời gian thi công.'],
    asks: ['Đề nghị bố trí thi công vào giờ hợp lý.', 'Mong bệnh viện chuyển bệnh nhân sang khu khác.'],
  },
  {
    id: 'uk-ae-night-security',
    hospital: 'uk',
    sources: [['pals', 1]],
    deptKey: 'emergency',
    department: 'A&E',
    category: 'attitude',
    location: 'A&E entrance',
    description: 'A night-shift security guard at the A&E entrance being rude and aggressive to patients and relatives',
    keywords: ['security guard', 'night', 'rude', 'entrance', 'aggressive'],
    onset: '2025-10-06',
    end: '2025-11-16',
    peakPerDay: 0.9,
    channels: [['email', 35], ['hotline', 30], ['website', 25], ['social', 10]],
    hours: [21, 5],
    acuteWeek: true,
    core: [
      'The security guard on the A&E entrance at night was incredibly rude and shouted at my {rel}.',
      'We arrived at A&E around {time} and the security guard on the door was aggressive and told us to wait outside like everyone else.',
      'A night security guard at the A&E entrance refused to let me in with my {rel}, who has dementia.',
      'The security man on nights at the A&E entrance swore at a young lad in a wheelchair.',
      'Security at the A&E entrance was intimidating and rude at {time} in the morning.',
      'The same security guard was rude to us two nights running at the A&E door.',
    ],
    extra: ['Other people in the queue were shocked.', 'My {rel} was in pain and this made it so much worse.', 'I did not get his name but he was on the door around {time}.'],
    asks: ['I would like this looked into.', 'This needs addressing before someone gets hurt.', 'Please can someone call me back.'],
  },
  {
    id: 'uk-car-park-double-charge',
    hospital: 'uk',
    sources: [['pals', 1]],
    deptKey: 'facilities',
    department: 'Estates and Facilities',
    category: 'cost',
    location: 'multi-storey car park',
    description: 'New car park pay machines and ANPR cameras charging twice and issuing parking charge notices to people who paid',
    keywords: ['car park', 'charged twice', 'pay machine', 'ANPR', 'parking charge notice'],
    onset: '2026-01-12',
    end: '2026-02-22',
    peakPerDay: 1.2,
    channels: [['email', 35], ['website', 30], ['hotline', 25], ['social', 10]],
    core: [
      'The new pay machines in the multi-storey car park charged me twice for one visit.',
      'I paid £{park} at the machine but still got a parking charge notice from the new ANPR system.',
      'My bank shows two payments for parking on {dm} because the car park machine took the money twice.',
      'The ANPR camera did not register my blue badge and I was sent a parking charge notice for £{pcn}.',
      'The contactless reader in the multi-storey car park keeps charging twice.',
      'Since the new parking system came in I have been charged twice on every visit.',
    ],
    extra: ['I have my bank statement as proof.', 'Nobody at main reception knew anything about it.', 'I visit my {rel} every day so this adds up.'],
    asks: ['I would like a refund.', 'Please cancel the charge notice.', 'Please fix the machines.'],
  },
  {
    id: 'uk-discharge-medication-delays',
    hospital: 'uk',
    sources: [['pals', 1]],
    deptKey: 'pharmacy',
    department: 'Pharmacy',
    category: 'process',
    location: 'discharge lounge',
    description: 'Discharges held up for hours waiting for take-home medication (TTOs) from pharmacy',
    keywords: ['discharge', 'medication', 'TTO', 'waiting', 'discharge lounge'],
    onset: '2026-08-03',
    end: '2026-09-06',
    peakPerDay: 1.1,
    channels: [['hotline', 40], ['email', 30], ['website', 20], ['walk_in', 10]],
    core: [
      'My {rel} was told at 10am she could go home but we waited until 7pm for her discharge medication.',
      'We sat in the discharge lounge for {hours} hours waiting for pharmacy to send up the TTOs.',
      'Discharge was delayed all day because pharmacy had not done the medication.',
      'The ward said the TTO had been sent to pharmacy at lunchtime and it arrived after 9pm.',
      'Pharmacy seems to be the bottleneck for every discharge at the moment and my {rel} lost a whole day.',
      'Nobody could tell us where the discharge medication was and we were in the discharge lounge from 11 until 6.',
    ],
    extra: ['The bed was needed by someone else all that time.', 'My {rel} is frail and was exhausted.', 'We had to pay for extra parking while we waited.'],
    asks: ['Please look into why this keeps happening.', 'I would like an explanation.', 'Something needs to change.'],
  },
];

/** Rises that are normal and should not be flagged. */
export interface NormalRise {
  id: string;
  hospital: HospitalId;
  sources: readonly string[];
  departments: readonly string[];
  description: string;
  category: Category | null;
  keywords: readonly string[];
  start: string;
  end: string;
  kind: 'seasonal' | 'post_holiday' | 'steady_large';
}

const MAIN_RISES: readonly NormalRise[] = [
  ...(['2024', '2025', '2026'] as const).flatMap((y): NormalRise[] => {
    const prev = String(Number(y) - 1);
    const start = y === '2024' ? '2024-01-01' : `${prev}-12-01`;
    return [
      { id: `cn-winter-${y}`, hospital: 'cn', sources: ['hospital_hotline', 'gov_12345'], departments: ['儿科', '呼吸与危重症医学科', '呼吸内科', '发热门诊', '急诊科'], description: 'Winter respiratory season: more paediatric, respiratory, fever-clinic and emergency feedback, mostly about waiting', category: 'process', keywords: ['排队', '等了', '发烧', '孩子'], start, end: `${y}-02-28`, kind: 'seasonal' },
      { id: `vn-winter-${y}`, hospital: 'vn', sources: ['sonnam_y_kien_nguoi_benh'], departments: ['Khoa Nhi', 'Khoa Nội tổng hợp', 'Khoa Cấp cứu'], description: 'Winter respiratory season in northern Viet Nam', category: 'process', keywords: ['chờ', 'khám'], start, end: `${y}-02-28`, kind: 'seasonal' },
      { id: `uk-winter-${y}`, hospital: 'uk', sources: ['pals'], departments: ['Emergency Department', 'A&E', 'Acute Medical Unit', 'Respiratory Medicine', 'Paediatrics'], description: 'NHS winter pressures: A&E waits and respiratory admissions', category: 'process', keywords: ['waited', 'hours', 'seen'], start, end: `${y}-02-28`, kind: 'seasonal' },
    ];
  }),
  { id: 'cn-winter-2026-27', hospital: 'cn', sources: ['hospital_hotline', 'gov_12345'], departments: ['儿科', '呼吸与危重症医学科', '发热门诊', '急诊科'], description: 'Start of the 2026-27 winter season', category: 'process', keywords: ['排队', '发烧'], start: '2026-11-01', end: '2026-11-15', kind: 'seasonal' },
  ...(['2024', '2025', '2026'] as const).map((y): NormalRise => ({ id: `vn-dengue-${y}`, hospital: 'vn', sources: ['sonnam_y_kien_nguoi_benh'], departments: ['Khoa Truyền nhiễm', 'Khoa Nhi', 'Khoa Cấp cứu'], description: 'Dengue season (peak late September)', category: null, keywords: ['sốt xuất huyết', 'tiểu cầu'], start: `${y}-08-01`, end: `${y}-10-31`, kind: 'seasonal' })),
  { id: 'cn-spring-festival-2024', hospital: 'cn', sources: ['hospital_hotline', 'gov_12345'], departments: [], description: 'Rebound after the Spring Festival holiday', category: null, keywords: [], start: '2024-02-18', end: '2024-02-27', kind: 'post_holiday' },
  { id: 'cn-spring-festival-2025', hospital: 'cn', sources: ['hospital_hotline', 'gov_12345'], departments: [], description: 'Rebound after the Spring Festival holiday', category: null, keywords: [], start: '2025-02-05', end: '2025-02-14', kind: 'post_holiday' },
  { id: 'cn-spring-festival-2026', hospital: 'cn', sources: ['hospital_hotline', 'gov_12345'], departments: [], description: 'Rebound after the Spring Festival holiday', category: null, keywords: [], start: '2026-02-24', end: '2026-03-05', kind: 'post_holiday' },
  { id: 'cn-national-day-2024', hospital: 'cn', sources: ['hospital_hotline', 'gov_12345'], departments: [], description: 'Rebound after the National Day week', category: null, keywords: [], start: '2024-10-08', end: '2024-10-17', kind: 'post_holiday' },
  { id: 'cn-national-day-2025', hospital: 'cn', sources: ['hospital_hotline', 'gov_12345'], departments: [], description: 'Rebound after the National Day and Mid-Autumn week', category: null, keywords: [], start: '2025-10-09', end: '2025-10-18', kind: 'post_holiday' },
  { id: 'cn-national-day-2026', hospital: 'cn', sources: ['hospital_hotline', 'gov_12345'], departments: [], description: 'Rebound after the National Day week', category: null, keywords: [], start: '2026-10-08', end: '2026-10-17', kind: 'post_holiday' },
  { id: 'vn-tet-2024', hospital: 'vn', sources: ['sonnam_y_kien_nguoi_benh'], departments: [], description: 'Rebound after Tết', category: null, keywords: [], start: '2024-02-15', end: '2024-02-24', kind: 'post_holiday' },
  { id: 'vn-tet-2025', hospital: 'vn', sources: ['sonnam_y_kien_nguoi_benh'], departments: [], description: 'Rebound after Tết', category: null, keywords: [], start: '2025-02-03', end: '2025-02-12', kind: 'post_holiday' },
  { id: 'vn-tet-2026', hospital: 'vn', sources: ['sonnam_y_kien_nguoi_benh'], departments: [], description: 'Rebound after Tết', category: null, keywords: [], start: '2026-02-23', end: '2026-03-04', kind: 'post_holiday' },
  { id: 'uk-christmas-2025', hospital: 'uk', sources: ['pals'], departments: [], description: 'Rebound after the Christmas and New Year closures', category: null, keywords: [], start: '2025-01-02', end: '2025-01-11', kind: 'post_holiday' },
  { id: 'uk-christmas-2026', hospital: 'uk', sources: ['pals'], departments: [], description: 'Rebound after the Christmas and New Year closures', category: null, keywords: [], start: '2026-01-02', end: '2026-01-11', kind: 'post_holiday' },
  { id: 'cn-outpatient-steady', hospital: 'cn', sources: ['hospital_hotline', 'gov_12345'], departments: ['门诊部'], description: 'The outpatient department is the largest source of feedback every week; large but steady', category: 'process', keywords: [], start: '2024-01-01', end: '2026-11-15', kind: 'steady_large' },
  { id: 'vn-outpatient-steady', hospital: 'vn', sources: ['sonnam_y_kien_nguoi_benh'], departments: ['Khoa Khám bệnh'], description: 'The outpatient clinic is large but steady', category: 'process', keywords: [], start: '2024-01-01', end: '2026-11-15', kind: 'steady_large' },
  { id: 'uk-ae-steady', hospital: 'uk', sources: ['pals'], departments: ['Emergency Department', 'A&E', 'Outpatients'], description: 'A&E and Outpatients are large but steady outside winter', category: 'process', keywords: [], start: '2024-01-01', end: '2026-11-15', kind: 'steady_large' },
];

/** A department's names in the east campus for the main campus's names, by their shared key. */
function eastCampusNames(names: readonly string[]): string[] {
  const namesOf = (spec: DepartmentSpec) => [spec.name, ...(spec.variants ?? []).map(([variant]) => variant)];
  const keys = new Set(DEPARTMENTS.cn.filter((spec) => namesOf(spec).some((name) => names.includes(name))).map((spec) => spec.key));
  return DEPARTMENTS.cn_east.filter((spec) => keys.has(spec.key)).flatMap(namesOf);
}

/** The main campus's seasons, rebounds and steady departments, in the east campus too: same city, same calendar. */
export const NORMAL_RISES: readonly NormalRise[] = [
  ...MAIN_RISES,
  ...MAIN_RISES.filter((rise) => rise.hospital === 'cn').map((rise): NormalRise => ({ ...rise, id: rise.id.replace(/^cn-/, 'cn-east-'), hospital: 'cn_east', sources: ['hospital_hotline'], departments: eastCampusNames(rise.departments) })),
];

/** Share of the plateau rate on a day of the problem: a few days' ramp up, a tail at the end. */
function intensity(day: number, onset: number, end: number): number {
  const up = Math.min(1, 0.35 + (0.65 * (day - onset)) / 5);
  const down = Math.min(1, 0.3 + (0.7 * (end - day)) / 6);
  return Math.max(0, Math.min(up, down));
}

class PlantedSlots extends SlotFiller {
  constructor(
    private readonly lang: Lang,
    private readonly day: number,
    rng: Rng,
  ) {
    super(rng);
  }

  protected value(name: string): string | undefined {
    const { rng, lang } = this;
    switch (name) {
      case 'n': return lang === 'zh' ? rng.pick(['三', '四', '五', '七']) : String(rng.int(3, 6));
      case 'wait': return lang === 'zh' ? rng.pick(['四十分钟', '一个多小时', '半个多小时']) : rng.pick(['hơn 1 tiếng', '2 tiếng', 'cả buổi sáng']);
      case 'amount': return String(rng.pick([12, 35, 58, 86, 120, 156, 230, 315, 460]));
      case 'rel': return lang === 'zh' ? rng.pick(['我母亲', '我父亲', '老人', '我爱人']) : rng.pick(['mother', 'father', 'wife', 'husband', 'son', 'daughter', 'nan']);
      case 'time': return rng.pick(['11pm', 'midnight', '1am', '2am', '3am', '10.30pm']);
      case 'hours': return String(rng.int(5, 9));
      case 'park': return rng.pick(['4.50', '6.00', '8.50', '11.00']);
      case 'pcn': return rng.pick(['60', '70', '100']);
      case 'dm': {
        const { m, d } = civilFromDay(this.day - rng.int(0, 3));
        return `${d}/${pad(m)}`;
      }
      default: return undefined;
    }
  }
}

function plantedText(spec: PlantedSpec, source: string, channel: string, day: number, rng: Rng): string {
  const lang = HOSPITALS[spec.hospital].lang;
  const s = new PlantedSlots(lang, day, rng);
  const core = s.fill(rng.pick(spec.core));
  const extra = rng.chance(0.45) ? s.fill(rng.pick(spec.extra)) : '';
  const ask = rng.chance(0.6) ? rng.pick(spec.asks) : '';
  if (lang === 'zh') {
    if (source === 'gov_12345') {
      return `来电人反映：其到${HOSPITAL_ZH}就医时，${thirdPerson(core)}。${thirdPerson(extra)}来电人对此不满，诉求：${ask === '' ? '希望医院尽快解决' : ask.replace(/。$/, '')}。`;
    }
    return `${core}。${extra}${ask}`;
  }
  const text = [core, extra, ask].filter((p) => p !== '').join(' ');
  return lang === 'vi' && channel === 'social' && rng.chance(0.3) ? stripVietnamese(text) : text;
}

/** The extra records of one planted problem inside the range. */
export function plantedEvents(root: Rng, spec: PlantedSpec, range: DayRange): FeedbackEvent[] {
  const hospital = HOSPITALS[spec.hospital];
  const dept = departmentByKey(spec.hospital, spec.deptKey);
  const onset = dayOf(spec.onset);
  const end = dayOf(spec.end);
  const events: FeedbackEvent[] = [];
  for (let day = Math.max(onset, range.from); day <= Math.min(end, range.to); day++) {
    const rng = root.fork(`planted/${spec.id}/${day}`);
    const mean = spec.peakPerDay * intensity(day, onset, end) * weekdayFactor(hospital.country, day, spec.acuteWeek ?? false);
    const count = rng.poisson(mean);
    for (let i = 0; i < count; i++) {
      const sourceName = rng.weighted(spec.sources);
      const source = hospital.sources.find((s) => s.name === sourceName);
      if (!source) throw new Error(`planted ${spec.id}: unknown source ${sourceName}`);
      const channel = sourceName === 'gov_12345' ? 'gov_hotline' : rng.weighted(spec.channels);
      const overrides = {
        kind: 'complaint' as const,
        category: spec.category,
        channel,
        department: spec.department,
        location: spec.location,
        locationShare: 0.7,
        text: (r: Rng) => plantedText(spec, sourceName, channel, day, r),
        planted: spec.id,
      };
      events.push(buildRecord(rng, hospital, source, dept, day, spec.hours ? { ...overrides, hours: spec.hours } : overrides));
    }
  }
  return events;
}
