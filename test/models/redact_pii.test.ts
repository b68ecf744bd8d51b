// redact_pii (models/macros/redact_pii.sql) on realistic zh, vi and en feedback sentences.
// Expected outputs are written by hand from the identifier formats: Chinese resident ID (GB 11643),
// Vietnamese CCCD/CMND and BHYT card numbers, and the national phone numbering plans.
import { describe, expect, it } from 'vitest';
import { macroConnection } from '../support/macro-connection.ts';


const connection = macroConnection('redact_pii');

async function redact(text: string | null): Promise<unknown> {
  const reader = await connection().runAndReadAll('select redact_pii($1) as r', [text]);
  return reader.getRowObjectsJS()[0]?.r;
}

const redacted: ReadonlyArray<readonly [string, string]> = [
  // zh
  ['我的手机是13812345678，请回电', '我的手机是[phone]，请回电'],
  ['联系电话：138-1234-5678，王女士', '联系电话：[phone]，王女士'],
  ['家属电话 +86 139 1234 5678，有事请联系', '家属电话 [phone]，有事请联系'],
  ['请拨0086-13812345678或13912345678找我', '请拨[phone]或[phone]找我'],
  ['手机13812345678,13912345678都可以', '手机[phone],[phone]都可以'],
  ['科室座机010-12345678一直没人接', '科室座机[phone]一直没人接'],
  ['深圳的号码0755 8888 8888，白天可以打', '深圳的号码[phone]，白天可以打'],
  ['请打(021)12345678转护士站', '请打[phone]转护士站'],
  ['患者身份证号110101199003071234，请核实医保', '患者身份证号[id]，请核实医保'],
  ['身份证：11010119900307123X，挂号时被拒', '身份证：[id]，挂号时被拒'],
  ['老人用的是旧身份证110101500307123', '老人用的是旧身份证[id]'],
  ['我的邮箱是zhangsan@163.com，请把检查报告发给我', '我的邮箱是[email]，请把检查报告发给我'],
  ['2024年3月15日在急诊科等了3小时，联系电话13698765432', '2024年3月15日在急诊科等了3小时，联系电话[phone]'],
  ['投诉人：李先生，电话：186 1234 5678，身份证440301198512250018', '投诉人：李先生，电话：[phone]，身份证[id]'],
  // vi
  ['CMND 123456789', 'CMND [id]'],
  ['Số CMND: 024123456, cấp ngày 12/05/2010 tại Hà Nội', 'Số CMND: [id], cấp ngày 12/05/2010 tại Hà Nội'],
  ['CCCD: 001099012345', 'CCCD: [id]'],
  ['Số CCCD 079 203 004 567 của mẹ tôi bị nhập sai', 'Số CCCD [id] của mẹ tôi bị nhập sai'],
  ['Số thẻ BHYT: DN4797915123456', 'Số thẻ BHYT: [id]'],
  ['Thẻ BHYT HC 4 79 79 15 123 456 bị từ chối thanh toán', 'Thẻ BHYT [id] bị từ chối thanh toán'],
  ['Mã thẻ bảo hiểm GD4-01-0123456789 đã hết hạn', 'Mã thẻ bảo hiểm [id] đã hết hạn'],
  ['SĐT 0912 345 678, gọi giờ hành chính', 'SĐT [phone], gọi giờ hành chính'],
  ['Gọi cho tôi qua số 0912.345.678 nhé', 'Gọi cho tôi qua số [phone] nhé'],
  ['sdt0987654321', 'sdt[phone]'],
  ['Người nhà: +84 912 345 678 (chị Lan)', 'Người nhà: [phone] (chị Lan)'],
  ['Số của tôi là 84912345678', 'Số của tôi là [phone]'],
  ['Điện thoại khoa: 024 3869 3731 không ai nghe', 'Điện thoại khoa: [phone] không ai nghe'],
  ['Tổng đài 028.3855.4269 luôn bận', 'Tổng đài [phone] luôn bận'],
  ['Gọi (028) 3855 4269 mãi không được', 'Gọi [phone] mãi không được'],
  ['Email: nguyen.van.a@gmail.com hoặc ĐT 0903 123 456', 'Email: [email] hoặc ĐT [phone]'],
  ['Tôi gọi 0912 345 678 3 lần không ai nghe máy', 'Tôi gọi [phone] 3 lần không ai nghe máy'],
  ['Viện phí 1.250.000 đồng, SĐT 0977 888 999', 'Viện phí 1.250.000 đồng, SĐT [phone]'],
  ['Hai số 0912345678 0987654321 đều là của tôi', 'Hai số [phone] [phone] đều là của tôi'],
  // en
  ['email me at john.smith@nhs.net', 'email me at [email]'],
  ['Please reply to m.jones+complaints@example.co.uk.', 'Please reply to [email].'],
  ['Call me on +44 20 7946 0958 after 5pm', 'Call me on [phone] after 5pm'],
  ['My mobile is 07700 900123', 'My mobile is [phone]'],
  ['Ring the ward on 0161 496 0000, nobody answers', 'Ring the ward on [phone], nobody answers'],
  ['You can reach me at (555) 123-4567', 'You can reach me at [phone]'],
  ['My US number is +1 555-123-4567', 'My US number is [phone]'],
  ["Daughter's number: 555.123.4567", "Daughter's number: [phone]"],
  ['Waited 4 hours in A&E on 12/03/2024, call 020 7946 0958', 'Waited 4 hours in A&E on 12/03/2024, call [phone]'],
  ['Tel.07700900123', 'Tel.[phone]'],
  ['Contact: +33 1 23 45 67 89', 'Contact: [phone]'],
  [
    'My email is Peter.Smith99@Hospital-Mail.org and my phone is 07911 123456',
    'My email is [email] and my phone is [phone]',
  ],
];

const unchanged: readonly string[] = [
  '2024-03-15 我来就诊，挂号排队很久',
  '2024年3月15日上午9点30分到门诊',
  'Ngày 15/03/2024 lúc 08:30 tôi đến khám',
  '费用¥1,280.50太贵了',
  'Viện phí 1.250.000 đồng là quá cao',
  '住院押金350000元',
  'Parking cost £45.60 for one afternoon',
  '3楼12床的病人一直在叫',
  'Tôi nằm phòng 305, giường 12',
  '我今年65岁，腿脚不方便',
  'Waited 3 hours and 45 minutes to be seen',
  '等了2小时还没看上病',
  'Only 60% of the staff wore masks',
  '我打了12345热线投诉',
  'Tôi đã gọi 115 nhưng xe cấp cứu đến muộn',
  '打120叫的救护车',
  'Gọi đường dây nóng Bộ Y tế 1900 9095 để phản ánh',
  'Tổng chi phí 1.090.000.000 đồng cho ca ghép gan',
  'Tổng chi phí 1 090 000 000 đồng cho ca ghép gan',
  'Tổng chi phí 1 000 000 000 000 đồng, tạm ứng 2 000 000 đồng',
  'Bảo hiểm chi trả 350000000 đồng',
  'Hẹn tái khám 05.03.2024 đến 07.03.2024',
  '2024-03-15 08:30:00 入院，2024-03-18 10:00:00 出院',
  '住院号2024001234，床号12',
  'Blood pressure 140/90, temperature 37.5',
  'BP 120/80 at 10:30, seen by the doctor in bay 4',
  'Hóa đơn số 0012345 ngày 01/02/2024',
  'Called 111 and then 999 for an ambulance',
  '订单号20240315083000的退费还没到账',
  'Room 1203, Ward 7B, bed 4',
  '',
];

// Names next to a patient or staff title give way to a role token in the text's language; the
// title, department and place names stay. Tokens: 患者[姓名], [医生] (the title), bác sĩ [tên], Dr [name].
const names: ReadonlyArray<readonly [string, string]> = [
  // zh: patient title + name, surname (+ given name) + staff title
  ['患者张三在急诊科等了三个小时', '患者[姓名]急诊科等了三个小时'],
  ['病人家属：李四很不满意', '病人家属：[姓名]不满意'],
  ['患儿欧阳娜娜发烧一夜', '患儿[姓名]发烧一夜'],
  ['急诊科的王医生态度很差', '急诊科的[医生]态度很差'],
  ['刘晓明大夫和陈护士长都很负责', '[大夫]和[护士长]都很负责'],
  ['骨科赵主任一直不回复', '骨科[主任]一直不回复'],
  // vi: title + capitalised words
  ['Bác sĩ Nguyễn Văn An khoa Nhi rất tận tình', 'Bác sĩ [tên] khoa Nhi rất tận tình'],
  ['BS. Lan trả lời qua loa', 'BS. [tên] trả lời qua loa'],
  ['Điều dưỡng Trần Thị Mai không hướng dẫn', 'Điều dưỡng [tên] không hướng dẫn'],
  ['Người nhà bệnh nhân Lê Văn Tám phải chờ ngoài hành lang', 'Người nhà bệnh nhân [tên] phải chờ ngoài hành lang'],
  ['y tá Hoa quát bệnh nhân', 'y tá [tên] quát bệnh nhân'],
  // en: title + capitalised words
  ['Seen by Dr Smith in bay 4', 'Seen by Dr [name] in bay 4'],
  ["Dr. O'Brien never came back", 'Dr. [name] never came back'],
  ['Nurse Jane Doe was rude to my mother', 'Nurse [name] was rude to my mother'],
  ['My father, patient John Smith, waited all night', 'My father, patient [name], waited all night'],
  ['Mrs Patel in Ward 3 was not fed', 'Mrs [name] in Ward 3 was not fed'],
];

// Department, place and role words after a title, and titles with no name, are kept as written.
const keptNames: readonly string[] = [
  '急诊科医生和护士都很忙',
  '主任医生说没有床位',
  '主治医生和实习医生都不在',
  '患者在候诊区等了很久',
  '儿科护士站没人',
  'Bác sĩ Khoa Nhi rất tận tình',
  'Bác sĩ Trưởng khoa đã xin lỗi',
  'bác sĩ khám rất qua loa, điều dưỡng không hướng dẫn',
  'Bệnh viện Bạch Mai, Khoa Cấp cứu, tầng 2',
  'The nurse was rude and the doctor never came',
  'I told the nurse I was in pain',
  'I told the doctor. The wait was long',
  'Patient Experience team never replied',
  'Nurse Practitioner clinic was cancelled',
  'Waited in A&E and then on Ward 7B',
];

describe('redact_pii', () => {
  it.each(names)('takes the name out of %s', async (text, expected) => {
    expect(await redact(text)).toBe(expected);
  });

  it.each(keptNames)('keeps "%s"', async (text) => {
    expect(await redact(text)).toBe(text);
  });

  it.each(redacted)('redacts %s', async (text, expected) => {
    expect(await redact(text)).toBe(expected);
  });

  it.each(unchanged)('leaves "%s" unchanged', async (text) => {
    expect(await redact(text)).toBe(text);
  });

  it('returns NULL for NULL', async () => {
    expect(await redact(null)).toBeNull();
  });

  it('redacts a whole column in one query', async () => {
    const reader = await connection().runAndReadAll(
      `select list(redact_pii(t) order by i) as r from (values (1, $1), (2, $2), (3, NULL)) v(i, t)`,
      ['电话13812345678', 'không có số'],
    );
    expect(reader.getRowObjectsJS()[0]?.r).toEqual(['电话[phone]', 'không có số', null]);
  });
});
