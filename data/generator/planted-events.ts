/**
 * Planted single events for the per-kind evaluation (issue 13): serious events that one record
 * describes (a sentinel should raise each within a week), records that use the same words in a
 * harmless sense (none should raise one), and one-day blips (a burst of ordinary complaints on one
 * day in one department, then nothing: no rise). Each is a record of its own, added to the
 * baseline from its own random stream, so the rest of the sample does not move.
 */
import { dayOf } from './dates.ts';
import { departmentByKey } from './departments.ts';
import { buildRecord, type DayRange } from './feedback.ts';
import { HOSPITALS } from './hospitals.ts';
import type { Category, FeedbackEvent, HospitalId } from './model.ts';
import type { Rng } from '../../pipeline/detect/prng.ts';

export interface PlantedEventSpec {
  id: string;
  /** serious: a sentinel must raise it; harmless: a sentinel must not; blip: a detector must not warn of it. */
  role: 'serious' | 'harmless' | 'blip';
  hospital: HospitalId;
  source: string;
  deptKey: string;
  category: Category;
  day: string;
  /** The event class a serious record describes (data/text/sentinel/), for the truth file. */
  eventClass?: string;
  /** The records' texts: one for a serious or harmless record, several for a blip (all on its day). */
  texts: readonly string[];
}

export const PLANTED_EVENTS: readonly PlantedEventSpec[] = [
  { id: 'cn-fall-fracture', role: 'serious', hospital: 'cn', source: 'hospital_hotline', deptKey: 'orthopaedics', category: 'quality', day: '2025-05-14', eventClass: 'fall', texts: ['我父亲夜里自己去厕所，护工不在，从床边摔下去，第二天拍片说是股骨颈骨折。'] },
  { id: 'cn-wrong-infusion', role: 'serious', hospital: 'cn', source: 'hospital_hotline', deptKey: 'cardiology', category: 'quality', day: '2025-11-20', eventClass: 'medication_error', texts: ['护士把隔壁床的吊瓶挂到了我母亲身上，输了一半才发现名字不对。'] },
  { id: 'cn-press-threat', role: 'serious', hospital: 'cn', source: 'gov_12345', deptKey: 'emergency', category: 'attitude', day: '2026-04-08', eventClass: 'press_threat', texts: ['来电人反映：其在急诊科被医生推搡，来电人表示如不给说法将联系电视台曝光。'] },
  { id: 'cn-harmless-fall', role: 'harmless', hospital: 'cn', source: 'hospital_hotline', deptKey: 'billing', category: 'cost', day: '2025-06-18', texts: ['药品跌价了，为什么收费处还按原来的价格收？'] },
  { id: 'cn-harmless-death', role: 'harmless', hospital: 'cn', source: 'hospital_hotline', deptKey: 'outpatient', category: 'process', day: '2026-02-10', texts: ['排队排了三个小时，累死了，能不能多开几个窗口。'] },
  { id: 'vn-fall-bed', role: 'serious', hospital: 'vn', source: 'sonnam_y_kien_nguoi_benh', deptKey: 'internal', category: 'quality', day: '2025-09-09', eventClass: 'fall', texts: ['Đêm qua bố tôi tự đi vệ sinh, không có ai trực, bị trượt chân đập đầu xuống sàn phải khâu 5 mũi.'] },
  { id: 'vn-wrong-drug', role: 'serious', hospital: 'vn', source: 'sonnam_y_kien_nguoi_benh', deptKey: 'paediatrics', category: 'quality', day: '2026-01-21', eventClass: 'medication_error', texts: ['Điều dưỡng tiêm nhầm thuốc của bệnh nhi giường bên cho con tôi, cháu bị sốc phải chuyển hồi sức.'] },
  { id: 'vn-harmless-bargain', role: 'harmless', hospital: 'vn', source: 'sonnam_y_kien_nguoi_benh', deptKey: 'nutrition', category: 'cost', day: '2025-10-15', texts: ['Căng tin bán đồ ăn đắt, người nhà phải ngã giá mới mua được.'] },
  { id: 'vn-harmless-negated', role: 'harmless', hospital: 'vn', source: 'sonnam_y_kien_nguoi_benh', deptKey: 'orthopaedics', category: 'facility', day: '2026-05-12', texts: ['Sàn hành lang rất trơn, may mà mẹ tôi không bị ngã.'] },
  { id: 'uk-unexpected-death', role: 'serious', hospital: 'uk', source: 'pals', deptKey: 'amu', category: 'quality', day: '2025-08-19', eventClass: 'unexpected_death', texts: ['My dad was admitted with a chest infection and was sitting up talking; the next morning we were told he had passed away and nobody can tell us why.'] },
  { id: 'uk-legal-threat', role: 'serious', hospital: 'uk', source: 'pals', deptKey: 'obgyn', category: 'quality', day: '2026-03-11', eventClass: 'legal_threat', texts: ['I have instructed a solicitor about the way my labour was handled and the injury to my baby.'] },
  { id: 'uk-harmless-asleep', role: 'harmless', hospital: 'uk', source: 'pals', deptKey: 'outpatient', category: 'process', day: '2025-12-03', texts: ['The clinic ran two hours late and my husband fell asleep in the waiting room.'] },
  { id: 'uk-harmless-kill-time', role: 'harmless', hospital: 'uk', source: 'pals', deptKey: 'radiology', category: 'process', day: '2026-06-23', texts: ['There was nothing to do to kill time while waiting for the scan, not even a working TV.'] },
  {
    id: 'cn-one-day-blip',
    role: 'blip',
    hospital: 'cn',
    source: 'hospital_hotline',
    deptKey: 'ultrasound',
    category: 'process',
    day: '2025-12-16',
    texts: ['超声科叫号屏今天上午坏了，排队乱了。', '今天超声科叫号系统出故障，等了很久。', '超声科上午叫号不显示，只能一直问。', '今天在超声科排队，叫号屏黑屏。', '超声科叫号乱了一上午。'],
  },
  {
    id: 'vn-one-day-blip',
    role: 'blip',
    hospital: 'vn',
    source: 'sonnam_y_kien_nguoi_benh',
    deptKey: 'radiology',
    category: 'process',
    day: '2026-08-18',
    texts: ['Sáng nay máy chụp X-quang hỏng, phải chờ rất lâu.', 'Hôm nay chờ chụp phim cả buổi vì máy lỗi.', 'Khoa CĐHA sáng nay máy hỏng, người bệnh chờ kín hành lang.', 'Chờ chụp X-quang từ 7 giờ đến 11 giờ vì máy lỗi.'],
  },
];

/** The records of the planted events inside the range, each labelled with its event's id. */
export function plantedEventRecords(root: Rng, range: DayRange): FeedbackEvent[] {
  return PLANTED_EVENTS.filter((spec) => dayOf(spec.day) >= range.from && dayOf(spec.day) <= range.to).flatMap((spec) => {
    const hospital = HOSPITALS[spec.hospital];
    const source = hospital.sources.find((s) => s.name === spec.source);
    if (!source) throw new Error(`planted event ${spec.id}: unknown source ${spec.source}`);
    const dept = departmentByKey(spec.hospital, spec.deptKey);
    return spec.texts.map((text, i) =>
      buildRecord(root.fork(`planted-event/${spec.id}/${i}`), hospital, source, dept, dayOf(spec.day), {
        kind: 'complaint',
        category: spec.category,
        text: () => text,
        planted: spec.id,
      }),
    );
  });
}
