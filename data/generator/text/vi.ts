/**
 * Vietnamese feedback text: hotline notes, suggestion-box letters, Zalo/Facebook messages
 * (a share typed without diacritics) and walk-in complaints, plus survey comments.
 */
import type { Rng } from '../../../pipeline/detect/prng.ts';
import { civilFromDay } from '../dates.ts';
import type { Category } from '../model.ts';
import { capitalize, pickScoped, SlotFiller, groupDots, stripVietnamese } from './fill.ts';
import type { DeptContext, TextContext } from './types.ts';

const generic: DeptContext = {
  say: ['bệnh viện'],
  places: ['sảnh chính', 'khu khám bệnh', 'hành lang tầng 1', 'cổng bệnh viện'],
  svc: ['khám bệnh', 'tái khám', 'lấy thuốc'],
  roles: ['nhân viên', 'điều dưỡng', 'bác sĩ', 'nhân viên hướng dẫn'],
};

const contexts: Record<string, DeptContext> = {
  outpatient: { ward: false, say: ['Khoa Khám bệnh', 'khu khám bệnh'], places: ['khu khám bệnh BHYT', 'quầy tiếp đón', 'phòng khám số 5', 'phòng khám số 12', 'khu chờ khám tầng 1', 'quầy lấy số thứ tự'], svc: ['khám BHYT', 'khám dịch vụ', 'tái khám', 'lấy thuốc BHYT'], roles: ['nhân viên tiếp đón', 'bác sĩ khám', 'điều dưỡng phát số', 'nhân viên quầy BHYT'] },
  emergency: { say: ['Khoa Cấp cứu', 'phòng cấp cứu'], places: ['phòng cấp cứu', 'khu lưu bệnh cấp cứu', 'cửa Khoa Cấp cứu'], svc: ['cấp cứu', 'truyền dịch', 'khâu vết thương', 'chụp CT cấp cứu'], roles: ['bác sĩ trực', 'điều dưỡng trực', 'bảo vệ', 'kíp trực'] },
  paediatrics: { rels: ['con', 'cháu', 'con trai', 'con gái'], say: ['Khoa Nhi'], places: ['Khoa Nhi tầng 3', 'phòng khám Nhi', 'buồng bệnh Nhi', 'phòng khí dung'], svc: ['khám cho cháu', 'khí dung cho cháu', 'truyền dịch cho cháu', 'xét nghiệm máu cho cháu'], roles: ['bác sĩ Nhi', 'điều dưỡng', 'bác sĩ trực'] },
  obgyn: { rels: ['vợ', 'con gái', 'con dâu'], say: ['Khoa Sản'], places: ['phòng sinh', 'Khoa Sản tầng 4', 'phòng khám thai'], svc: ['khám thai', 'sinh mổ', 'sinh thường', 'siêu âm thai'], roles: ['nữ hộ sinh', 'bác sĩ Sản', 'điều dưỡng'] },
  internal: { say: ['Khoa Nội tổng hợp', 'khoa Nội'], places: ['buồng bệnh 305', 'khoa Nội tầng 2', 'hành lang khoa Nội'], svc: ['điều trị nội trú', 'truyền dịch', 'làm xét nghiệm'], roles: ['bác sĩ điều trị', 'điều dưỡng', 'hộ lý'] },
  cardiology: { say: ['Khoa Nội tim mạch', 'khoa Tim mạch'], places: ['buồng bệnh tim mạch', 'phòng điện tim'], svc: ['đo điện tim', 'siêu âm tim', 'đặt stent', 'điều trị tăng huyết áp'], roles: ['bác sĩ điều trị', 'điều dưỡng'] },
  endocrine: { say: ['Khoa Nội tiết'], places: ['phòng khám nội tiết'], svc: ['điều chỉnh đường huyết', 'tiêm insulin', 'khám tiểu đường'], roles: ['bác sĩ', 'điều dưỡng'] },
  infectious: { say: ['Khoa Truyền nhiễm'], places: ['Khoa Truyền nhiễm', 'buồng cách ly'], svc: ['điều trị sốt xuất huyết', 'truyền dịch', 'xét nghiệm tiểu cầu'], roles: ['bác sĩ', 'điều dưỡng'] },
  icu: { say: ['Khoa Hồi sức tích cực', 'khoa Hồi sức'], places: ['cửa phòng Hồi sức', 'khu chờ người nhà'], svc: ['thăm người nhà', 'điều trị hồi sức'], roles: ['bác sĩ hồi sức', 'điều dưỡng'] },
  general_surgery: { say: ['Khoa Ngoại tổng hợp', 'khoa Ngoại'], places: ['phòng mổ', 'Khoa Ngoại tầng 5', 'buồng bệnh hậu phẫu'], svc: ['mổ ruột thừa', 'mổ sỏi mật', 'thay băng', 'cắt chỉ'], roles: ['bác sĩ phẫu thuật', 'điều dưỡng', 'bác sĩ trực'] },
  orthopaedics: { say: ['Khoa Ngoại chấn thương', 'khoa Chấn thương'], places: ['Khoa Ngoại chấn thương tầng 5', 'phòng bó bột', 'buồng bệnh 502'], svc: ['mổ kết hợp xương', 'bó bột', 'tháo nẹp vít', 'thay băng'], roles: ['bác sĩ', 'điều dưỡng', 'hộ lý'] },
  tcm: { say: ['Khoa Y học cổ truyền'], places: ['phòng châm cứu', 'phòng vật lý trị liệu'], svc: ['châm cứu', 'xoa bóp bấm huyệt', 'sắc thuốc'], roles: ['y sĩ', 'kỹ thuật viên'] },
  ophthalmology: { say: ['Khoa Mắt'], places: ['phòng khám Mắt'], svc: ['mổ đục thủy tinh thể', 'đo thị lực', 'khám mắt'], roles: ['bác sĩ', 'điều dưỡng'] },
  ent: { say: ['Khoa Tai mũi họng'], places: ['phòng nội soi TMH'], svc: ['nội soi tai mũi họng', 'mổ amidan'], roles: ['bác sĩ', 'điều dưỡng'] },
  dental: { ward: false, say: ['Khoa Răng hàm mặt'], places: ['phòng khám Răng hàm mặt'], svc: ['nhổ răng', 'hàn răng', 'lấy cao răng'], roles: ['bác sĩ', 'điều dưỡng'] },
  lab: { clinical: false, ward: false, say: ['Khoa Xét nghiệm'], places: ['phòng lấy máu xét nghiệm', 'quầy trả kết quả xét nghiệm'], svc: ['lấy máu xét nghiệm', 'xét nghiệm nước tiểu', 'lấy kết quả xét nghiệm'], roles: ['kỹ thuật viên xét nghiệm', 'nhân viên lấy máu'] },
  radiology: { clinical: false, ward: false, say: ['Khoa Chẩn đoán hình ảnh'], places: ['phòng chụp X-quang', 'phòng chụp CT', 'phòng siêu âm số 2', 'phòng chụp MRI'], svc: ['chụp X-quang', 'chụp CT', 'chụp MRI', 'siêu âm ổ bụng'], roles: ['kỹ thuật viên', 'bác sĩ siêu âm'] },
  pharmacy: { clinical: false, ward: false, say: ['Khoa Dược', 'quầy cấp phát thuốc'], places: ['quầy cấp phát thuốc BHYT', 'nhà thuốc bệnh viện'], svc: ['lĩnh thuốc BHYT', 'mua thuốc'], roles: ['dược sĩ', 'nhân viên phát thuốc'] },
  nutrition: { clinical: false, ward: false, say: ['Khoa Dinh dưỡng', 'căng tin'], places: ['căng tin', 'bếp ăn bệnh viện'], svc: ['đặt suất ăn bệnh lý', 'mua cơm'], roles: ['nhân viên căng tin', 'nhân viên phát cơm'] },
  infection_control: { clinical: false, ward: false, say: ['Khoa Kiểm soát nhiễm khuẩn'], places: ['nhà vệ sinh tầng 2', 'khu giặt là'], svc: ['vệ sinh buồng bệnh'], roles: ['hộ lý', 'nhân viên vệ sinh'] },
  billing: { clinical: false, ward: false, say: ['Phòng Tài chính kế toán', 'quầy thu viện phí'], places: ['quầy thu viện phí', 'quầy thanh toán ra viện', 'quầy tạm ứng'], svc: ['thanh toán viện phí', 'tạm ứng viện phí', 'hoàn ứng'], roles: ['nhân viên thu ngân', 'kế toán viện phí'] },
  admin: { clinical: false, ward: false, say: ['bệnh viện'], places: ['bãi gửi xe', 'nhà vệ sinh tầng 2', 'thang máy nhà B', 'cổng bệnh viện', 'nhà để xe máy'], svc: ['gửi xe'], roles: ['nhân viên giữ xe', 'bảo vệ', 'nhân viên kỹ thuật'] },
  social_work: { clinical: false, ward: false, say: ['Phòng Công tác xã hội'], places: ['bàn hướng dẫn', 'quầy công tác xã hội'], svc: ['hỗ trợ người bệnh'], roles: ['nhân viên công tác xã hội', 'tình nguyện viên'] },
  stroke_unit: { say: ['Đơn vị Đột quỵ'], places: ['Đơn vị Đột quỵ'], svc: ['điều trị đột quỵ', 'tiêu sợi huyết'], roles: ['bác sĩ', 'điều dưỡng'] },
  on_demand_ward: { say: ['khu điều trị theo yêu cầu'], places: ['phòng dịch vụ tầng 7'], svc: ['nằm phòng dịch vụ'], roles: ['điều dưỡng', 'nhân viên'] },
};

const core: Record<Category, readonly string[]> = {
  process: [
    'Tôi phải chờ {wait} mới đến lượt khám.',
    'Quầy tiếp đón chỉ mở {n} quầy, người bệnh xếp hàng rất dài.',
    'Làm thủ tục BHYT phải qua {n} quầy, rất mất thời gian.',
    'Kết quả xét nghiệm hẹn {n2} tiếng mà chờ cả buổi vẫn chưa có.',
    'Lấy số thứ tự từ {early} sáng mà {late} mới được khám.',
    'Thủ tục ra viện rườm rà, phải qua {n} quầy, chờ từ sáng đến trưa vẫn chưa xong.',
    'Hẹn {exam} đến {days} ngày sau, quá lâu so với tình trạng bệnh.',
    'Không có người hướng dẫn, phải hỏi {n} người mới biết {place} ở đâu.',
    '§Bác sĩ hẹn {appt} nhưng {late} mới bắt đầu khám.',
    'Chuyển tuyến BHYT phải về tuyến huyện xin giấy, đi lại mất {wait}.',
    'Màn hình gọi số ở {place} bị hỏng, không nghe rõ tên nên bị lỡ lượt.',
    'Đăng ký khám qua ứng dụng cho {rel} rồi nhưng đến nơi vẫn phải xếp hàng lấy số lại.',
    'Chờ {wait} ở {place} mà không ai thông báo gì.',
  ],
  attitude: [
    '{Role} nói chuyện cộc lốc, hỏi đến lần thứ hai là gắt.',
    '{Role} quát người nhà bệnh nhân trước mặt mọi người.',
    '§Bác sĩ khám cho {rel} tôi rất nhanh, không giải thích gì về bệnh.',
    '¶Gọi điều dưỡng trực đêm {mins} phút không thấy đến, đến nơi lại còn cáu.',
    '{Role} vừa làm vừa nghe điện thoại, không trả lời câu hỏi của người bệnh.',
    '{Rel} tôi lớn tuổi nghe không rõ, hỏi lại thì bị {role} nói nặng lời.',
    '{Role} thái độ thờ ơ, bảo "không biết, tự đi mà hỏi".',
    'Khi tôi phản ánh thì {role} nói "muốn kiện đâu thì kiện".',
    '{Role} ở {place} không thèm ngẩng mặt lên khi người bệnh hỏi.',
  ],
  quality: [
    '¶{Rel} tôi mổ xong vết mổ bị chảy dịch, thay băng không đều.',
    '§Ban đầu chẩn đoán là {diag1}, sau lại nói là {diag2}, gia đình rất hoang mang.',
    '§Điều dưỡng chọc ven {n} lần mới được, tay cháu bầm tím hết.',
    'Nhận thuốc cho {rel} tôi mà không ai dặn cách uống, về nhà phải tự đọc hướng dẫn.',
    '¶Cháu sốt cao {temp} độ cả đêm nhưng bác sĩ trực không đến khám lại.',
    '§Dịch truyền của {rel} tôi bị thoát mạch, tay sưng to mà không ai xử lý kịp thời.',
    '§Sau khi {svc} thì bị biến chứng, bác sĩ không giải thích trước về nguy cơ.',
    '¶Cùng phòng có {n} người ho, sốt, sợ bị lây nhiễm chéo.',
    'Mẫu máu lấy ngày {dm} bị hỏng, phải quay lại lấy máu lần nữa.',
  ],
  cost: [
    'Bảng kê chi phí có khoản {item} tôi không sử dụng nhưng vẫn bị tính {amount}.',
    'Bị thu tiền hai lần cho cùng một lần {item}.',
    'Thẻ BHYT đúng tuyến mà vẫn phải đóng thêm {amount}.',
    'Không được thông báo trước thuốc ngoài danh mục BHYT, phải tự trả {amount}.',
    'Tiền tạm ứng {big} ra viện đã {days} ngày mà chưa được hoàn.',
    'Viện phí hết {big}, cao hơn nhiều so với bác sĩ nói lúc nhập viện.',
    'BHYT chỉ thanh toán {pct2}% trong khi thẻ của tôi được hưởng {pct}%.',
    'Chuyển khoản viện phí {amount} rồi nhưng hệ thống vẫn báo chưa thanh toán.',
  ],
  facility: [
    'Nhà vệ sinh ở {place} bẩn, không có nước.',
    'Bãi gửi xe chật, sáng {dm} xe máy phải để tràn ra đường.',
    'Phòng bệnh nóng, quạt hỏng {n} ngày không ai sửa.',
    'Ghế chờ ở {place} không đủ, người già phải đứng.',
    'Thang máy nhà B hỏng {n} ngày nay, người bệnh phải đi bộ lên tầng.',
    'Căng tin đồ ăn nguội mà một suất cơm những {meal}.',
    'Một giường bệnh phải nằm ghép hai người, {rel} tôi không ngủ được.',
    'Biển chỉ dẫn không rõ ràng, tìm {place} mất nhiều thời gian.',
    'Buồng bệnh {room} có nhiều muỗi, không có màn.',
    'Nước nóng ở nhà tắm của khoa hỏng {n} ngày rồi.',
    'Máy lấy số tự động ở {place} hay bị treo.',
    'Vòi nước nhà vệ sinh gần {place} hỏng, nước chảy lênh láng.',
  ],
};

const detail: Record<Category, readonly string[]> = {
  process: ['Người già, trẻ nhỏ phải đứng chờ rất mệt.', 'Nhà tôi ở huyện xa, đi lại rất vất vả.', 'Hỏi thì nhân viên chỉ bảo chờ.', 'Tình trạng này kéo dài đã lâu.'],
  attitude: ['Nhiều người bệnh xung quanh cũng bất bình.', 'Chúng tôi đến viện để chữa bệnh chứ không phải để bị quát.', 'Tôi đã hỏi tên nhưng nhân viên không trả lời.'],
  quality: ['Hiện {rel} tôi vẫn đang nằm viện, gia đình rất lo lắng.', 'Gia đình đề nghị được xem hồ sơ bệnh án.', 'Gia đình đã tốn thêm nhiều chi phí.'],
  cost: ['Tôi vẫn giữ đủ hóa đơn, biên lai.', 'Hỏi mấy quầy đều bảo không phải việc của mình.', 'Gia đình tôi hoàn cảnh khó khăn.'],
  facility: ['Đã báo nhân viên nhưng chưa thấy ai sửa.', 'Người già và phụ nữ có thai rất bất tiện.', 'Tình trạng này đã nhiều ngày.'],
};

const emotion = ['Gia đình tôi rất bức xúc.', 'Thật sự rất thất vọng.', 'Người bệnh đã mệt lại càng mệt hơn.', 'Bệnh viện tuyến tỉnh mà như vậy là không được.'];

const request: Record<Category, readonly string[]> = {
  process: ['Đề nghị bệnh viện xem xét, cải tiến quy trình.', 'Mong bệnh viện bố trí thêm quầy.', 'Rất mong nhận được phản hồi.'],
  attitude: ['Đề nghị bệnh viện nhắc nhở nhân viên.', 'Mong Ban Giám đốc chấn chỉnh thái độ nhân viên.', 'Đề nghị bệnh viện xem xét, xử lý.'],
  quality: ['Đề nghị bệnh viện giải thích rõ.', 'Mong bệnh viện xem xét trách nhiệm.', 'Đề nghị bệnh viện kiểm tra lại.'],
  cost: ['Đề nghị hoàn trả số tiền thu sai.', 'Đề nghị bệnh viện kiểm tra lại bảng kê.', 'Mong được giải thích rõ các khoản thu.'],
  facility: ['Mong bệnh viện sớm khắc phục.', 'Đề nghị sửa chữa sớm.', 'Mong Ban Giám đốc quan tâm.'],
};

const praiseLead = [
  '¶{Rel} tôi vừa điều trị tại {say} {days} ngày.',
  'Ngày {dm} tôi đưa {rel} đến {say}.',
  'Tôi viết mấy dòng này để cảm ơn.',
  '¶Gia đình bệnh nhân giường {bed}, {say} xin gửi lời cảm ơn.',
];
const praiseCore = [
  '§Tôi xin gửi lời cảm ơn chân thành đến {doc} và tập thể {say}.',
  '§Các bác sĩ, điều dưỡng {say} rất tận tình, chu đáo.',
  '§{Doc} khám kỹ, giải thích dễ hiểu cho gia đình.',
  '¶Cảm ơn kíp trực đêm {dm} đã cấp cứu kịp thời cho {rel} tôi.',
  'Nhân viên ở {place} nhiệt tình hướng dẫn người già làm thủ tục.',
  '¶Trong {days} ngày nằm viện, {rel} tôi được chăm sóc rất chu đáo.',
  '{Role} rất nhẹ nhàng, lịch sự, hỏi gì cũng trả lời.',
  '§{Doc} đã theo dõi sát sao, gia đình rất yên tâm.',
  '{Role} ở {place} đã giúp {rel} tôi đẩy xe lăn đi làm các xét nghiệm.',
  '¶Điều dưỡng khoa {say} chăm sóc {rel} tôi như người nhà.',
];
const praiseDetail = ['Dù rất đông bệnh nhân nhưng mọi người vẫn vui vẻ.', 'Gia đình tôi rất cảm động.', 'Không hề có chuyện phong bì, quà cáp.', 'Tôi ở huyện xa lên nên được giúp đỡ rất nhiều.', ''];
const praiseClose = ['Chúc các y bác sĩ luôn mạnh khỏe.', 'Gia đình xin chân thành cảm ơn!', 'Mong bệnh viện biểu dương.', 'Xin cảm ơn!', 'Chúc bệnh viện ngày càng phát triển.'];

const consultContext = [
  'Mẹ tôi tuần sau phải vào viện.',
  'Nhà tôi ở huyện xa.',
  '¶Con tôi đang nằm ở {say}.',
  '§Tôi có hẹn tái khám ở {say}.',
  'Tôi có thẻ BHYT đăng ký ở tuyến huyện.',
  'Bố tôi đi lại khó khăn.',
  'Ngày {dm} tôi có đưa {rel} đến {say}.',
  'Tôi định đưa {rel} đi {svc}.',
];
const consultAsk = ['Cho tôi hỏi', 'Xin hỏi', 'Tôi muốn hỏi', 'Cho em hỏi', 'Ad cho hỏi'];
const consultCore = [
  '§{say} khám vào những ngày nào?',
  'thủ tục chuyển tuyến BHYT như thế nào?',
  'khám sức khỏe lái xe cần mang theo giấy tờ gì?',
  'bệnh viện có khám BHYT vào thứ Bảy không?',
  '§chi phí {svc} khoảng bao nhiêu, BHYT chi trả bao nhiêu phần trăm?',
  'có thể đặt lịch khám qua Zalo được không?',
  '¶giờ thăm bệnh nhân ở {say} là mấy giờ?',
  'làm lại giấy ra viện bị mất thì làm thế nào?',
  'thẻ BHYT hết hạn thì có khám được không?',
  'khám BHYT có dùng CCCD gắn chip thay thẻ được không?',
  '{exam} có cần nhịn ăn không?',
  '{place} ở tầng mấy?',
  'muốn xin bản sao bệnh án thì làm thế nào?',
  '§bác sĩ ở {say} có khám ngoài giờ không?',
  'đặt lịch {exam} trước được không, phải chờ mấy ngày?',
  'có chỗ gửi xe ô tô cho người nhà không?',
];
const consultClose = ['Xin cảm ơn.', 'Cảm ơn ad.', 'Mong được trả lời sớm.'];

const suggestLead = ['Tôi có ý kiến nhỏ:', 'Là người bệnh thường xuyên đến khám, tôi đề xuất:', '¶Qua mấy ngày người nhà nằm viện, tôi thấy:', 'Góp ý:'];
const suggestCore = [
  'Đề nghị bệnh viện bố trí thêm ghế ngồi tại {place}.',
  'Nên có tin nhắn báo số thứ tự khám để người bệnh không phải ngồi chờ.',
  'Đề nghị mở thêm quầy thu viện phí vào giờ cao điểm.',
  'Bệnh viện nên làm thêm mái che ở bãi gửi xe.',
  'Nên có nước uống miễn phí ở khu chờ khám.',
  'Đề nghị có thêm nhân viên hướng dẫn ở {place}.',
  'Nên cho thanh toán viện phí bằng chuyển khoản, quét mã QR.',
  'Đề nghị lắp thêm quạt ở {place}.',
  'Nên có khu vực ưu tiên cho người cao tuổi ở {place}.',
  'Đề nghị có lịch hẹn giờ cụ thể cho {exam}.',
  'Nên có bảng hướng dẫn quy trình khám BHYT ngay ở cổng.',
  '¶Đề nghị cho người nhà thuê giường gấp buổi tối.',
];
const suggestContext = ['Hôm {dm} tôi đưa {rel} đi {svc}.', 'Tôi chờ ở {place} mất {wait}.', '¶{Rel} tôi nằm viện ở {say} {days} ngày.', 'Tháng nào tôi cũng đưa {rel} đến {say} tái khám.'];
const suggestReason = ['Như vậy người bệnh đỡ vất vả hơn.', 'Nhiều người già không biết phải đi đâu.', 'Mùa hè rất nóng.', ''];

const openers = [
  'Ngày {dm}, tôi đưa {rel} đến {say} để {svc}.',
  '¶Tôi là người nhà bệnh nhân nằm giường {bed}, {say}.',
  'Sáng {dm} tôi đến {place} để {svc}.',
  '¶{Rel} tôi đang điều trị tại {say}.',
  '§Chiều {dm} tôi đưa cháu vào {say} khám.',
  '§Tôi khám BHYT tại {say} ngày {dm}.',
];

const givenNames = ['Hùng', 'Lan', 'Minh', 'Tuấn', 'Hương', 'Thảo', 'Dũng', 'Nga', 'Hải', 'Phương', 'Quang', 'Trang', 'Sơn', 'Hà', 'Long'];
const relatives = ['mẹ', 'bố', 'vợ', 'chồng', 'con', 'cháu', 'bà nội', 'ông ngoại', 'mẹ chồng', 'bà ngoại'];
const waits = ['hơn 2 tiếng', '3 tiếng', 'gần 4 tiếng', 'cả buổi sáng', 'hơn 1 tiếng', '45 phút', 'cả buổi chiều'];
const exams = ['chụp MRI', 'chụp CT', 'nội soi dạ dày', 'siêu âm tim', 'mổ phiên', 'đo mật độ xương'];
const items = ['xét nghiệm máu', 'siêu âm', 'chụp X-quang', 'vật tư tiêu hao', 'tiền giường', 'điện tim', 'dịch truyền'];
const diagnoses: readonly (readonly [string, string])[] = [
  ['viêm dạ dày', 'sỏi mật'],
  ['cảm cúm', 'viêm phổi'],
  ['bong gân', 'gãy xương'],
  ['rối loạn tiêu hóa', 'viêm ruột thừa'],
  ['thoái hóa cột sống', 'nhồi máu não'],
  ['sốt virus', 'sốt xuất huyết'],
];

function contextFor(key: string): DeptContext {
  return contexts[key] ?? generic;
}

function money(rng: Rng, lo: number, hi: number, step: number): string {
  const v = rng.int(lo / step, hi / step) * step;
  return rng.weighted([
    [`${groupDots(v)} đồng`, 5],
    [`${groupDots(v)}đ`, 3],
    [`${groupDots(v)} VNĐ`, 1],
  ] as const);
}

class ViSlots extends SlotFiller {
  private diag: readonly [string, string] | undefined;

  constructor(
    private readonly ctx: TextContext,
    private readonly dc: DeptContext,
    rng: Rng,
  ) {
    super(rng);
  }

  private role(): string {
    return this.rng.pick(this.rng.chance(0.75) ? this.dc.roles : generic.roles);
  }

  private doc(): string {
    return `${this.rng.pick(['bác sĩ', 'bác sĩ', 'BS', 'điều dưỡng'])} ${this.rng.pick(givenNames)}`;
  }

  protected value(name: string): string | undefined {
    const { rng, ctx, dc } = this;
    switch (name) {
      case 'dm': {
        const { m, d } = civilFromDay(ctx.day - rng.weighted(daysBack));
        return `${d}/${m}`;
      }
      case 'rel': return rng.pick(dc.rels ?? relatives);
      case 'Rel': return capitalize(rng.pick(dc.rels ?? relatives));
      case 'say': return rng.pick(dc.say);
      case 'place': return ctx.place || rng.pick(dc.places.length > 0 ? dc.places : generic.places);
      case 'svc': return rng.pick(dc.svc.length > 0 ? dc.svc : generic.svc);
      case 'role': return this.role();
      case 'Role': return capitalize(this.role());
      case 'wait': return rng.pick(waits);
      case 'n': return String(rng.int(2, 5));
      case 'n2': return rng.pick(['2', '3', '4']);
      case 'days': return String(rng.int(3, 20));
      case 'doc': return this.doc();
      case 'Doc': return capitalize(this.doc());
      case 'diag1': return (this.diag ??= rng.pick(diagnoses))[0];
      case 'diag2': return (this.diag ??= rng.pick(diagnoses))[1];
      case 'amount': return money(rng, 50_000, 1_500_000, 5_000);
      case 'big': return money(rng, 2_000_000, 30_000_000, 50_000);
      case 'item': return rng.pick(items);
      case 'exam': return rng.pick(exams);
      case 'pct': return rng.pick(['95', '100']);
      case 'pct2': return rng.pick(['40', '60', '80']);
      case 'bed': return String(rng.int(1, 40));
      case 'early': return rng.pick(['5 giờ', '5 giờ rưỡi', '6 giờ']);
      case 'late': return rng.pick(['gần 10 giờ', '10 giờ rưỡi', 'gần trưa', '9 giờ rưỡi']);
      case 'appt': return rng.pick(['7 giờ', '7 giờ rưỡi', '8 giờ']);
      case 'mins': return rng.pick(['15', '20', '30', '40']);
      case 'temp': return rng.pick(['39', '39,5', '40']);
      case 'meal': return rng.pick(['35.000đ', '40.000 đồng', '45 nghìn', '50.000đ']);
      case 'room': return String(rng.pick([2, 3, 4, 5]) * 100 + rng.int(1, 12));
      default: return undefined;
    }
  }
}

const daysBack = [[0, 5], [1, 3], [2, 1], [3, 1]] as const;

/** One Vietnamese feedback text for the context. */
export function composeVi(ctx: TextContext, rng: Rng): string {
  const dc = contextFor(ctx.deptKey);
  const scope = { clinical: dc.clinical ?? true, ward: dc.ward ?? true };
  const s = new ViSlots(ctx, dc, rng);
  const social = ctx.channel === 'social';
  const parts: string[] = [];
  if (social) parts.push(rng.pick(['Bệnh viện ơi,', 'Ad ơi cho em phản ánh:', 'Gửi Ban Giám đốc bệnh viện:', '']));
  else if (ctx.channel === 'suggestion_box' && ctx.kind !== 'praise' && rng.chance(0.4)) parts.push('Kính gửi Ban Giám đốc,');

  switch (ctx.kind) {
    case 'praise':
      if (rng.chance(0.35)) parts.push(s.fill(pickScoped(rng, praiseLead, scope)));
      parts.push(s.fill(pickScoped(rng, praiseCore, scope)));
      if (rng.chance(0.25)) parts.push(s.fill(pickScoped(rng, praiseCore, scope)));
      if (rng.chance(0.35)) parts.push(rng.pick(praiseDetail));
      if (rng.chance(0.6)) parts.push(rng.pick(praiseClose));
      break;
    case 'consultation':
      if (rng.chance(0.3)) parts.push(rng.pick(['Chào bệnh viện,', 'Xin chào,', 'Kính gửi bệnh viện,']));
      if (rng.chance(0.55)) parts.push(s.fill(pickScoped(rng, consultContext, scope)));
      parts.push(`${rng.pick(consultAsk)} ${s.fill(pickScoped(rng, consultCore, scope))}`);
      if (rng.chance(0.3)) parts.push(rng.pick(consultClose));
      break;
    case 'suggestion':
      if (rng.chance(0.35)) parts.push(s.fill(pickScoped(rng, suggestLead, scope)));
      if (rng.chance(0.5)) parts.push(s.fill(pickScoped(rng, suggestContext, scope)));
      parts.push(s.fill(pickScoped(rng, suggestCore, scope)));
      if (rng.chance(0.25)) parts.push(s.fill(pickScoped(rng, suggestCore, scope)));
      if (rng.chance(0.35)) parts.push(rng.pick(suggestReason));
      break;
    default: {
      const cat = ctx.category;
      if (!social && rng.chance(0.65)) parts.push(s.fill(pickScoped(rng, openers, scope)));
      const first = pickScoped(rng, core[cat], scope);
      parts.push(s.fill(first));
      if (rng.chance(0.3)) {
        const second = pickScoped(rng, core[cat], scope);
        if (second !== first) parts.push(s.fill(second));
      }
      if (rng.chance(0.35)) parts.push(s.fill(rng.pick(detail[cat])));
      if (rng.chance(social ? 0.5 : 0.25)) parts.push(rng.pick(emotion));
      if (rng.chance(0.6) || parts.length <= 1) parts.push(rng.pick(request[cat]));
    }
  }
  const text = parts.filter((p) => p !== '').join(' ');
  return social && rng.chance(0.3) ? stripVietnamese(text) : text;
}

/** Short survey comment: praise for high scores, a complaint for low ones. */
export function surveyCommentVi(rng: Rng, deptKey: string, score: number, day: number): string {
  const ctx: TextContext = { kind: 'complaint', category: 'process', deptKey, place: '', channel: 'survey', source: 'survey', day };
  const dc = contextFor(deptKey);
  const scope = { clinical: dc.clinical ?? true, ward: dc.ward ?? true };
  const s = new ViSlots(ctx, dc, rng);
  if (score >= 4.2) {
    return rng.pick([
      'Nhân viên nhiệt tình, chu đáo.',
      'Bác sĩ, điều dưỡng tận tình.',
      'Rất hài lòng.',
      'Cảm ơn các y bác sĩ.',
      'Phòng bệnh sạch sẽ, thoáng mát.',
      'Không có ý kiến gì thêm, hài lòng.',
      'Thủ tục nhanh gọn hơn trước.',
    ]);
  }
  if (score >= 3.75) {
    return rng.pick([
      'Nên có thêm ghế ngồi ở khu chờ.',
      'Mong bệnh viện rút ngắn thời gian chờ.',
      'Nhà vệ sinh cần sạch hơn.',
      'Nên có nước uống cho người nhà.',
      'Thủ tục còn hơi lâu.',
      'Cơ bản là hài lòng.',
    ]);
  }
  const cat = rng.weighted([
    ['process', 4],
    ['facility', 3],
    ['attitude', 2],
    ['cost', 1],
  ] as const);
  const text = s.fill(pickScoped(rng, core[cat], scope));
  return rng.chance(0.15) ? stripVietnamese(text) : text;
}

export { contextFor as viContext };
