/**
 * Chinese feedback text: patients' own words for the hospital register (phone notes, walk-ins,
 * website and WeChat/Weibo posts, suggestion-box slips) and the operator's third-person summary
 * on 12345 work orders ("来电人反映……诉求：……").
 */
import type { Rng } from '../../../pipeline/detect/prng.ts';
import { civilFromDay } from '../dates.ts';
import type { Category } from '../model.ts';
import { pickScoped, SlotFiller, type Scope } from './fill.ts';
import type { DeptContext, TextContext } from './types.ts';

export const HOSPITAL_ZH = '江州市第一人民医院';

const generic: DeptContext = {
  say: ['医院'],
  places: ['门诊大厅', '住院部1楼大厅', '收费处', '医院正门'],
  svc: ['看病', '复查', '开药'],
  roles: ['工作人员', '护士', '医生', '导诊护士'],
};

const contexts: Record<string, DeptContext> = {
  outpatient: { ward: false, say: ['门诊', '门诊部'], places: ['门诊大厅', '门诊楼1楼挂号窗口', '门诊2楼候诊区', '门诊自助机区域', '门诊楼3楼诊室'], svc: ['看专家门诊', '复诊', '开药', '看普通门诊'], roles: ['导诊护士', '分诊台护士', '门诊医生', '志愿者'] },
  billing: { clinical: false, ward: false, say: ['收费处', '挂号收费窗口'], places: ['门诊1楼收费处', '挂号窗口', '自助缴费机', '住院结算窗口'], svc: ['缴费', '挂号', '退费', '医保结算'], roles: ['收费员', '挂号员', '窗口工作人员'] },
  emergency: { say: ['急诊', '急诊科'], places: ['急诊大厅', '急诊抢救室', '急诊输液室', '急诊分诊台', '急诊留观室'], svc: ['看急诊', '输液', '做急诊CT', '缝针'], roles: ['分诊护士', '急诊医生', '值班医生', '护工', '保安'] },
  paediatrics: { rels: ['孩子', '儿子', '女儿', '孙子', '外孙女'], say: ['儿科', '儿科门诊'], places: ['儿科候诊区', '儿科输液室', '儿科病房', '儿科门诊3诊室'], svc: ['给孩子看发烧', '给孩子输液', '做雾化', '查血常规'], roles: ['儿科医生', '护士', '分诊护士'] },
  respiratory: { say: ['呼吸科', '呼吸内科'], places: ['呼吸科门诊', '呼吸科病房', '肺功能室'], svc: ['查肺功能', '看咳嗽', '做雾化', '住院治疗肺炎'], roles: ['主治医生', '护士', '值班医生'] },
  fever_clinic: { ward: false, say: ['发热门诊'], places: ['发热门诊候诊区', '发热门诊采样点', '发热门诊输液区'], svc: ['看发烧', '查甲流', '查血常规'], roles: ['医生', '护士', '保安'] },
  cardiology: { say: ['心内科', '心血管内科'], places: ['心内科病房', '心内科门诊', '导管室门口', '住院部7楼护士站'], svc: ['做冠脉造影', '放支架', '做心电图', '做心脏彩超', '做Holter'], roles: ['主治医生', '护士', '值班医生', '护工'] },
  gastro: { say: ['消化内科', '消化科'], places: ['内镜中心', '消化内科病房', '住院部5楼护士站'], svc: ['做胃镜', '做肠镜', '做无痛胃肠镜', '住院治疗'], roles: ['医生', '护士', '内镜室护士'] },
  neurology: { say: ['神经内科'], places: ['神经内科病房', '神经内科门诊'], svc: ['做头颅核磁', '看头晕', '住院治疗脑梗'], roles: ['医生', '护士', '护工'] },
  endocrine: { say: ['内分泌科'], places: ['内分泌科门诊', '内分泌科病房'], svc: ['调血糖', '开胰岛素', '查甲功'], roles: ['医生', '护士'] },
  nephrology: { say: ['肾内科'], places: ['血液透析室', '肾内科病房'], svc: ['做透析', '查肾功能'], roles: ['医生', '透析室护士'] },
  general_surgery: { say: ['普外科'], places: ['普外科病房', '手术室门口', '住院部9楼'], svc: ['做阑尾手术', '做胆囊手术', '做疝气手术', '换药'], roles: ['主刀医生', '护士', '值班医生'] },
  orthopaedics: { say: ['骨科'], places: ['骨科病房', '骨科门诊', '住院部6楼'], svc: ['做膝关节置换', '做骨折手术', '打石膏', '取钢板'], roles: ['骨科医生', '护士', '护工'] },
  neurosurgery: { say: ['神经外科'], places: ['神经外科病房', '神经外科监护室'], svc: ['做开颅手术', '术后复查'], roles: ['医生', '护士'] },
  urology: { say: ['泌尿外科'], places: ['泌尿外科病房', '碎石室'], svc: ['做碎石', '做前列腺手术'], roles: ['医生', '护士'] },
  obgyn: { rels: ['爱人', '女儿', '儿媳', '老婆'], say: ['妇产科', '产科', '妇科'], places: ['产科病房', '产房门口', '妇科门诊', '产检门诊', '住院部4楼'], svc: ['产检', '生孩子', '做四维彩超', '做剖宫产', '做糖耐'], roles: ['助产士', '产科医生', '护士'] },
  ophthalmology: { say: ['眼科'], places: ['眼科门诊', '眼科病房'], svc: ['做白内障手术', '验光', '查眼底'], roles: ['眼科医生', '护士'] },
  ent: { say: ['耳鼻喉科'], places: ['耳鼻喉科门诊'], svc: ['做鼻内镜', '看中耳炎', '做扁桃体手术'], roles: ['医生', '护士'] },
  dental: { ward: false, say: ['口腔科'], places: ['口腔科门诊'], svc: ['拔牙', '补牙', '做根管治疗', '种牙'], roles: ['牙医', '护士'] },
  dermatology: { ward: false, say: ['皮肤科'], places: ['皮肤科门诊'], svc: ['看湿疹', '做激光'], roles: ['医生'] },
  oncology: { say: ['肿瘤科'], places: ['肿瘤科病房', '化疗室', '放疗中心'], svc: ['做化疗', '做放疗', '做PICC维护'], roles: ['医生', '护士'] },
  icu: { say: ['ICU', '重症监护室'], places: ['ICU门口', 'ICU家属等候区'], svc: ['探视', '住ICU'], roles: ['ICU医生', '护士'] },
  rehab: { say: ['康复科'], places: ['康复治疗大厅'], svc: ['做康复训练', '做针灸理疗'], roles: ['康复治疗师', '医生'] },
  tcm: { ward: false, say: ['中医科'], places: ['中医科门诊', '煎药室'], svc: ['开中药', '代煎中药', '做针灸'], roles: ['中医大夫', '煎药室工作人员'] },
  admissions: { clinical: false, ward: false, say: ['住院处', '住院部'], places: ['住院处办理窗口', '住院部1楼大厅', '出入院结算处'], svc: ['办住院', '办出院', '交押金', '排床位'], roles: ['窗口工作人员', '住院处工作人员'] },
  lab: { clinical: false, ward: false, say: ['检验科', '化验室'], places: ['门诊2楼采血处', '检验科采血窗口', '自助取报告机'], svc: ['抽血', '化验', '取化验单', '做尿检'], roles: ['采血护士', '检验科工作人员'] },
  radiology: { clinical: false, ward: false, say: ['放射科', '影像科'], places: ['放射科CT室', '核磁共振室', '放射科登记台', '门诊楼负一楼'], svc: ['做CT', '做核磁', '拍片子', '做增强CT'], roles: ['技师', '登记处工作人员'] },
  ultrasound: { clinical: false, ward: false, say: ['超声科', 'B超室'], places: ['超声科候诊区', 'B超室门口'], svc: ['做B超', '做彩超', '做甲状腺彩超'], roles: ['B超医生', '登记护士'] },
  pharmacy: { clinical: false, ward: false, say: ['药房', '门诊药房'], places: ['门诊西药房', '中药房', '住院药房', '急诊药房'], svc: ['取药', '退药', '开药'], roles: ['药房工作人员', '药剂师'] },
  checkup: { clinical: false, ward: false, say: ['体检中心'], places: ['体检中心', '体检中心2楼'], svc: ['做入职体检', '做单位体检', '取体检报告', '做体检胃肠镜'], roles: ['体检中心工作人员', '前台'] },
  security: { clinical: false, ward: false, say: ['保安'], places: ['医院正门', '急诊入口', '地下停车场入口', '住院部门口'], svc: ['进出医院', '停车'], roles: ['保安', '保安队长'] },
  facilities: { clinical: false, ward: false, say: ['医院后勤'], places: ['地下停车场', '3号楼电梯', '门诊2楼卫生间', '住院部开水间', '营养食堂', '住院部B座电梯', '医院门口'], svc: ['停车', '吃饭', '打开水'], roles: ['保洁阿姨', '维修师傅', '食堂工作人员'] },
  insurance_office: { clinical: false, ward: false, say: ['医保办', '医保窗口'], places: ['医保窗口', '门诊1楼医保办'], svc: ['医保报销', '办异地就医备案', '办门特'], roles: ['医保办工作人员', '窗口工作人员'] },
  medical_affairs: { clinical: false, ward: false, say: ['医务处'], places: ['医患沟通办公室'], svc: ['反映医疗问题', '复印病历'], roles: ['医务处工作人员'] },
  sleep: { ward: false, say: ['睡眠医学中心', '睡眠中心'], places: ['睡眠监测室'], svc: ['做睡眠监测', '看失眠'], roles: ['医生', '技师'] },
  day_surgery: { ward: false, say: ['日间手术中心', '日间病房'], places: ['日间手术中心', '日间病房护士站'], svc: ['做日间手术', '做白内障日间手术', '做术前检查'], roles: ['医生', '护士'] },
  internet_hospital: { ward: false, say: ['互联网医院', '线上问诊'], places: ['互联网医院'], svc: ['线上复诊', '线上开药', '在线咨询'], roles: ['线上医生', '客服'] },
};

const core: Record<Category, readonly string[]> = {
  process: [
    '挂号窗口只开了{n}个，队伍排到了大厅门口，等了{wait}才挂上号',
    '预约的是{hour}的号，到了还要重新排队签到，一直等到{hour2}才叫到我们',
    '{exam}要排到{days}天以后，病情等不了这么久',
    '化验结果说{n2}个小时能出，到现在还查不到，打电话问也没人说得清楚',
    '医保结算系统一直提示失败，在收费处和医保窗口之间来回跑了{n}趟',
    '办出院手续跑了{n}个窗口，从早上九点一直办到中午都没办完',
    '导诊让先去{place}，到了那边又说不归他们管，让回原来的地方，来回折腾了半天',
    '在App上预约了{md}的号，到现场却说没有记录，只能重新挂号',
    '住院床位登记了{days}天，一直没有通知，打电话问只说让等着',
    '{exam}要先缴费、再预约、再排队，一个检查跑了三个地方，流程太繁琐',
    '复印病历要求患者本人带身份证来，{rel}行动不便根本来不了，手续太麻烦',
    '§号源太少，早上七点来排队都挂不上{doc}的号',
    '异地医保备案办了{n}次都没办成，每次要的材料都不一样',
    '叫号系统乱了，后来的人先进去了，我们等了{wait}还没叫到',
    '§医生下午两点半才开诊，{rel}一点多就在门口等着',
    '检查做完了报告要等{n}天才能取，外地来的还得再跑一趟',
    '开了检查单，缴费后才说今天做不了，要改到{n}天以后',
    '{place}的叫号屏坏了，听不清叫号，错过了还要重新排',
    '在{place}排了{wait}的队，前面只有{n}个人在办',
  ],
  attitude: [
    '{role}态度很差，问了两句就不耐烦，让我们自己看墙上的牌子',
    '{role}当着很多人的面大声呵斥老人，一点耐心都没有',
    '§{doc}看诊不到两分钟，问什么都不解释，直接让去缴费',
    '¶晚上按了铃{minsz}护士才来，来了还抱怨我们事多',
    '{role}一边玩手机一边办事，叫了好几遍都不理人',
    '{rel}耳朵不好多问了一句，{role}就翻白眼',
    '{role}说话很冲，说“爱看不看，不看就走”',
    '{role}对外地口音的病人明显不耐烦，说话阴阳怪气',
    '问{role}{place}怎么走，对方头都没抬就说不知道',
    '¶{doc}查房时对家属的提问很敷衍，说“跟你说了你也不懂”',
    '{role}推搡排队的家属，嘴里还骂骂咧咧',
    '反映问题时{role}说“有本事你去投诉”',
    '{role}嫌我们问题多，把病历本直接扔在桌上',
  ],
  quality: [
    '¶{rel}做完手术后伤口一直渗液，换药不及时，现在又发起烧来',
    '§一开始诊断是{diag1}，吃了一周药不见好，到别的医院查出来是{diag2}',
    '§护士给孩子扎了{n}针才扎上，手背都青了',
    '药房取药时没人交代用法，{rel}回家看说明书才知道要饭后吃',
    '¶{rel}术后疼得厉害，反映了{n}次，医生都说正常，也没有进一步检查',
    '{md}抽的血说标本溶血要重抽，又多跑了一趟',
    '§{rel}输液外渗没人及时处理，手臂肿得很厉害',
    '¶同病房{n}个人都在咳嗽发烧，担心交叉感染',
    '§{svc}后出现了并发症，医生事先没有讲清楚风险',
    '§做完{svc}说一切正常，结果回家第二天又疼得来挂急诊',
    '{md}做的CT报告等了好几天才出来，医生看片子也没有详细解释',
    '¶护工给{rel}翻身不及时，骶尾部出现了压疮',
    '§{doc}开的药剂量和说明书不一致，问了也没有解释',
  ],
  cost: [
    '费用清单上多收了{amount}元，{item}明明没做也收了费',
    '同一项{item}收了两次费，找收费处说要去科室开证明才能退',
    '医保报销比例和窗口说的不一样，说好能报{pct}%，结果只报了{pct2}%',
    '用了自费药没有提前告知，结算时才发现多花了{amount}元',
    '退费说要{n}个工作日，已经过了{days}天还没到账',
    '住院押金{big}元，出院一个多月了还没退',
    '一个{item}就收了{amount}元，比别的医院贵很多',
    '门诊特殊病种跑了{n}趟一直办不下来，每次都要先全额自费',
    '微信缴费扣了{amount}元，系统却显示未缴费，让再交一次',
    '¶出院结算时发现床位费多算了{n}天',
    '挂号费和诊查费收了两次，多收了{amount}元，窗口说是系统问题，但没人给退',
  ],
  facility: [
    '{lift}的电梯经常坏，老人只能爬楼梯',
    '{place}附近的卫生间没有纸也没人打扫，味道很大',
    '地下停车场车位太少，排队进场就排了{wait}',
    '候诊区座位不够，{rel}只能站着等了{wait}',
    '指示牌不清楚，找{place}找了半天',
    '病房空调不制冷，{rel}晚上热得根本睡不着',
    '食堂的饭菜是凉的，一份{food}还要{price}元',
    '晚上病区走廊很吵，陪护床也不够，{rel}一晚上没睡好',
    '自助机经常死机，{n}台只有一台能用',
    '开水间{n}天没有热水了，陪护家属只能去外面买',
    '卫生间地面湿滑，{rel}差点摔倒',
    '医院门口电动车乱停，{ampm}救护车都进不来',
    '病房里有蟑螂，跟护士说了{n}次也没人处理',
    '{place}的空调漏水，地上全是水',
    '轮椅不够用，借一个还要交{deposit}元押金',
  ],
};

const detail: Record<Category, readonly string[]> = {
  process: ['现场也没有人维持秩序。', '好几个老人站不住，只能坐在台阶上。', '问工作人员只说系统慢。', '前面有人插队也没人管。', '孩子一直哭闹，大人也很着急。', '我们是从外县赶过来的，来回一趟很不容易。', '同样的问题已经不是第一次了。'],
  attitude: ['旁边很多病人都看不下去了。', '我们是来看病的，不是来受气的。', '老人当场就哭了。', '事后问她工号，她转身就走了。', '当时是{hour}左右，很多人可以作证。'],
  quality: ['现在{rel}还在住院，全家都很担心。', '我们要求查看病历，科室一直推脱。', '已经多花了好几千块钱。', '我们对治疗过程有很大疑问。'],
  cost: ['费用清单我们都拍照保存了。', '找了几个窗口都说不归自己管。', '钱不多，但这种做法让人寒心。', '我们是低保户，这笔钱对我们不是小数目。'],
  facility: ['已经不是一两天的事了。', '老人和孕妇很不方便。', '跟工作人员说了，说会报修，但一直没人来。', '这么大的医院，这点小事都做不好。'],
};

const emotion = ['真的很气人！', '让人非常失望。', '作为三甲医院，这样的管理实在说不过去。', '老人折腾得够呛。', '心里很不舒服。', '实在让人无语。'];

const request: Record<Category, readonly string[]> = {
  process: ['希望医院尽快核实处理。', '希望能增加窗口，缩短排队时间。', '请相关部门给个说法。', '希望优化流程，方便病人。', '望回复。'],
  attitude: ['希望加强对工作人员的管理和培训。', '要求相关人员道歉。', '请医院严肃处理。', '希望院领导重视。'],
  quality: ['要求医院给出合理解释。', '请医务处调查处理。', '希望医院重视医疗安全。', '要求退还相关费用并给个说法。'],
  cost: ['要求退还多收的费用。', '请尽快核实并退费。', '希望医院给出明细说明。', '请给个说法。'],
  facility: ['请尽快安排维修。', '希望医院尽快改善。', '希望能重视一下。', '请后勤部门处理。'],
};

const praiseLead = [
  '¶{rel}前段时间在{say}住院，',
  '{md}我在{say}{svc}，',
  '写这几句话是想表扬一下，',
  '¶{rel}在{say}{bed}床住了{days}天，',
  '上周带{rel}来{say}，',
];
const praiseCore = [
  '§{say}的{doc}看病特别耐心，把病情讲得清清楚楚',
  '¶{doc}手术做得非常成功，{rel}术后恢复得很好',
  '¶{doc}半夜还到病房来看{rel}，非常负责',
  '¶{say}的护士们很细心，每天按时换药，还教我们出院后怎么护理',
  '{place}的导诊护士主动帮老人挂号取药，全程陪同',
  '{role}看到我们推着轮椅不方便，主动帮忙开门按电梯',
  '¶医护人员都很热情周到，{rel}出院时全家都很感动',
  '{say}的{role}服务很好，有问必答，态度和蔼',
  '§{doc}没有开不必要的检查，处处替病人省钱',
  '{role}不厌其烦地给老人讲怎么用自助机',
  '§{doc}一上午看了几十个病人，对每个人都很耐心',
  '¶{say}的{role}每天查房都问得很仔细，{rel}很信任他们',
];
const praiseDetail = ['在这么忙的情况下还这么耐心。', '让我们全家都很感动。', '还主动留了电话让我们有问题随时问。', '我们是外地来的，人生地不熟，多亏了他们。', '比我们想象的好太多了。', ''];
const praiseClose = ['特此表扬！', '已送上锦旗一面，表示感谢。', '希望医院给予表彰。', '这样的好医生应该多表扬。', '衷心感谢！', '谢谢你们！', '祝好人一生平安。'];

const consultLead = ['您好，', '你好，', '麻烦问一下，', '打扰一下，', '医生您好，'];
const consultContext = [
  '我{rel}下周要来{say}{svc}，',
  '我们是从外地过来的，',
  '¶我是{say}{bed}床病人家属，',
  '孩子明天要来看病，',
  '老人腿脚不方便，',
  '我在网上看到{say}可以预约，',
  '医生让我下个月复查，',
  '§{md}在{say}看过，',
  '我{rel}{md}在{say}{svc}，',
];
const consultAsk = ['请问', '想问一下', '咨询一下', '问一下', ''];
const consultCore = [
  '§{say}{doc}哪天出诊？',
  '异地医保怎么备案，在贵院住院能不能直接结算？',
  '体检报告多久能出，能不能在App上查？',
  '住院需要带哪些材料？',
  '抽血需要空腹吗，几点之前要到？',
  '停车场晚上几点关门，收费标准是多少？',
  '病历复印需要什么手续，可以代办吗？',
  '§周末{say}开不开？',
  '§{svc}大概要多少钱，医保能报多少？',
  '§怎么在网上预约{say}的号？',
  '出生医学证明在哪里办理？',
  '门诊特殊病种怎么申请？',
  '{place}在几楼，从哪个门进比较近？',
  '{exam}需要提前预约吗，要等几天？',
  '¶{say}的探视时间是几点到几点？',
  '在App上挂的号能不能退，退费多久到账？',
  '{exam}之前需要注意什么？',
  '医保卡丢了还能不能挂号看病？',
  '§{say}有没有夜间门诊？',
  '§开的药吃完了，能不能不挂号直接开药？',
  '能不能用电子医保凭证结算？',
];
const consultClose = ['谢谢！', '麻烦回复一下。', '急，谢谢。', '盼复。'];

const suggestLead = ['作为经常来看病的老病号，', '每次来医院都发现，', '看到很多老人不会用自助机，', '¶最近陪{rel}住院，', '提个小建议：', '意见：'];
const suggestCore = [
  '建议{place}增加座椅和充电插座',
  '建议优化App挂号流程，增加分时段预约',
  '建议增加周末门诊',
  '建议停车场增加指引标识和空位显示',
  '建议食堂增加清淡的病号饭',
  '建议检验报告可以在手机上直接查询',
  '建议给老年人开设绿色通道，安排志愿者帮忙操作自助机',
  '§建议{say}候诊区增加叫号屏',
  '建议夜间急诊增加一个收费窗口',
  '¶建议病房提供陪护床租赁',
  '建议在{place}附近增加饮水机',
  '建议{exam}的预约时间精确到半小时，不要让病人一早来干等',
  '建议在{place}设置老年人优先窗口',
  '建议{place}的指示牌做得再大一些',
  '建议门诊大厅多安排几名导诊志愿者',
  '建议医保结算和缴费合并在一个窗口办理',
];
const suggestContext = ['{md}陪{rel}来{say}{svc}，', '{md}{ampm}在{place}等了{wait}，', '我{rel}每个月都要来{say}复查，', '¶{rel}在{say}住了{days}天，'];
const suggestReason = ['这样能方便很多老人。', '能少跑很多冤枉路。', '别的医院已经这样做了。', '病人和家属都会感谢的。', ''];
const suggestClose = ['谢谢！', '希望采纳。', '希望医院考虑。'];

const openers = [
  '{md}{ampm}，我带{rel}到{say}{svc}。',
  '§本人于{md}在贵院{say}就诊。',
  '¶我是{say}{bed}床患者家属。',
  '¶{rel}在{say}住院已经{days}天了。',
  '{md}{ampm}陪{rel}来医院{svc}。',
  '{md}{ampm}我去了一趟{place}。',
];

const demand12345: Record<Category, readonly string[]> = {
  process: ['希望医院核实处理并给予答复', '希望医院优化就医流程', '要求医院尽快解决'],
  attitude: ['要求医院对相关工作人员进行批评教育', '希望医院核实处理并给予答复', '要求相关人员道歉'],
  quality: ['要求医院给予合理解释', '希望相关部门调查处理', '要求医院核实处理'],
  cost: ['要求医院退还多收费用', '希望医院核实收费情况', '希望相关部门加强监管'],
  facility: ['希望医院尽快改善', '希望医院尽快维修', '希望医院核实处理并给予答复'],
};

const surnames = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗'];
const relatives = ['母亲', '父亲', '爱人', '孩子', '老人', '婆婆', '岳母', '奶奶', '外公', '儿子', '女儿'];
const waits = ['两个多小时', '三个小时', '一个半小时', '四十多分钟', '一上午', '整整一下午', '快四个小时', '一个多小时'];
const exams = ['做核磁', '做胃镜', '做CT', '做彩超', '排手术', '做肠镜', '做心脏彩超'];
const items = ['CT检查费', '心电图', '血常规', '床位费', '护理费', '输液费', '换药费', '一次性耗材', '留置针', '彩超', '诊查费'];
const diagnoses: readonly (readonly [string, string])[] = [
  ['胃炎', '胆结石'],
  ['感冒', '肺炎'],
  ['扭伤', '骨折'],
  ['肠胃炎', '阑尾炎'],
  ['颈椎病', '脑梗'],
  ['普通咳嗽', '支原体肺炎'],
  ['湿疹', '带状疱疹'],
];

function contextFor(key: string): DeptContext {
  return contexts[key] ?? generic;
}

class ZhSlots extends SlotFiller {
  private diag: readonly [string, string] | undefined;

  constructor(
    private readonly ctx: TextContext,
    private readonly dc: DeptContext,
    rng: Rng,
  ) {
    super(rng);
  }

  protected value(name: string): string | undefined {
    const { rng, ctx, dc } = this;
    switch (name) {
      case 'md': {
        const { m, d } = civilFromDay(ctx.day - rng.weighted(daysBack));
        return `${m}月${d}日`;
      }
      case 'ampm': return rng.weighted(dayParts);
      case 'rel': return rng.pick(dc.rels ?? relatives);
      case 'say': return rng.pick(dc.say);
      case 'place': return ctx.place || rng.pick(dc.places.length > 0 ? dc.places : generic.places);
      case 'svc': return rng.pick(dc.svc.length > 0 ? dc.svc : generic.svc);
      case 'role': return rng.pick(rng.chance(0.75) ? dc.roles : generic.roles);
      case 'wait': return rng.pick(waits);
      case 'n': return rng.pick(['两', '三', '四', '五']);
      case 'n2': return rng.pick(['2', '3', '4', '6']);
      case 'days': return String(rng.int(3, 20));
      case 'hour': return rng.pick(['8点', '8点半', '9点', '9点半', '10点', '下午2点', '下午3点']);
      case 'hour2': return rng.pick(['11点多', '12点', '快中午', '下午1点', '4点多']);
      case 'doc': return rng.pick(surnames) + rng.pick(['医生', '主任', '大夫', '护士长', '医生']);
      case 'diag1': return (this.diag ??= rng.pick(diagnoses))[0];
      case 'diag2': return (this.diag ??= rng.pick(diagnoses))[1];
      case 'amount': return rng.chance(0.8) ? String(rng.int(3, 60) * 10) : `${rng.int(20, 900)}.${rng.pick(['5', '8', '6'])}`;
      case 'big': return String(rng.int(2, 20) * 1000);
      case 'item': return rng.pick(items);
      case 'exam': return rng.pick(exams);
      case 'pct': return String(rng.pick([70, 75, 80, 85, 90]));
      case 'pct2': return String(rng.pick([40, 50, 55, 60]));
      case 'bed': return String(rng.int(1, 48));
      case 'minsz': return rng.pick(['十几分钟', '二十多分钟', '半个多小时', '快四十分钟']);
      case 'food': return rng.pick(['盒饭', '套餐', '面条', '粥加包子']);
      case 'price': return String(rng.int(15, 38));
      case 'deposit': return rng.pick(['100', '200', '300', '500']);
      case 'lift': return ctx.place.includes('电梯') ? ctx.place.replace(/电梯$/, '') : rng.pick(['3号楼', '住院部B座', '门诊楼', '医技楼']);
      default: return undefined;
    }
  }
}

const daysBack = [[0, 5], [1, 3], [2, 1], [3, 1]] as const;
const dayParts = [['上午', 5], ['下午', 3], ['晚上', 1], ['中午', 1]] as const;

/** The 12345 operator's rewording of a caller's first-person account. */
export function thirdPerson(s: string): string {
  return s.replace(/我们/g, '他们').replace(/本人于/g, '来电人于').replace(/我/g, '其');
}

function sentence(s: string): string {
  return /[。！？]$/.test(s) ? s : `${s}。`;
}

/** One Chinese feedback text for the context. */
export function composeZh(ctx: TextContext, rng: Rng): string {
  const dc = contextFor(ctx.deptKey);
  const scope = { clinical: dc.clinical ?? true, ward: dc.ward ?? true };
  const s = new ZhSlots(ctx, dc, rng);
  if (ctx.source === 'gov_12345') return compose12345(ctx, rng, s, scope);

  const social = ctx.channel === 'social';
  const box = ctx.channel === 'suggestion_box';
  const parts: string[] = [];
  if (social) parts.push(rng.pick(['@江州一院 ', '#江州市第一人民医院# ', '@江州市第一人民医院 ', '']));

  switch (ctx.kind) {
    case 'praise':
      if (rng.chance(0.35)) parts.push(s.fill(pickScoped(rng, praiseLead, scope)));
      parts.push(sentence(s.fill(pickScoped(rng, praiseCore, scope))));
      if (rng.chance(0.4)) parts.push(rng.pick(praiseDetail));
      if (rng.chance(0.7)) parts.push(rng.pick(praiseClose));
      break;
    case 'consultation':
      if (rng.chance(0.35)) parts.push(rng.pick(consultLead));
      if (rng.chance(0.6)) parts.push(s.fill(pickScoped(rng, consultContext, scope)));
      parts.push(rng.pick(consultAsk) + s.fill(pickScoped(rng, consultCore, scope)));
      if (rng.chance(0.3)) parts.push(rng.pick(consultClose));
      break;
    case 'suggestion':
      if (rng.chance(0.35)) parts.push(s.fill(pickScoped(rng, suggestLead, scope)));
      if (rng.chance(0.5)) parts.push(s.fill(pickScoped(rng, suggestContext, scope)));
      parts.push(sentence(s.fill(pickScoped(rng, suggestCore, scope))));
      if (rng.chance(0.25)) parts.push(sentence(s.fill(pickScoped(rng, suggestCore, scope))));
      if (rng.chance(0.4)) parts.push(rng.pick(suggestReason));
      if (rng.chance(0.3)) parts.push(rng.pick(suggestClose));
      break;
    default: {
      const cat = ctx.category;
      if (!social && !box && rng.chance(0.7)) parts.push(s.fill(pickScoped(rng, openers, scope)));
      const first = pickScoped(rng, core[cat], scope);
      parts.push(sentence(s.fill(first)));
      if (!box && rng.chance(0.2)) {
        const second = pickScoped(rng, core[cat], scope);
        if (second !== first) parts.push(sentence(s.fill(second)));
      }
      if (rng.chance(social ? 0.3 : 0.45)) parts.push(s.fill(rng.pick(detail[cat])));
      if (rng.chance(social ? 0.6 : 0.25)) parts.push(rng.pick(social ? ['真的无语了！', '太失望了！', '服了！', ...emotion] : emotion));
      if (!social && (rng.chance(0.65) || parts.length === 1)) parts.push(rng.pick(request[cat]));
    }
  }
  const text = parts.join('');
  // Phones left in half-width mode type ASCII commas and question marks.
  return rng.chance(0.04) ? text.replace(/，/g, ',').replace(/？/g, '?') : text;
}

function compose12345(ctx: TextContext, rng: Rng, s: ZhSlots, scope: Scope): string {
  const lead = rng.pick(['来电人反映：', '市民来电反映：', '来电人称：', '市民通过12345热线反映：']);
  switch (ctx.kind) {
    case 'praise':
      return `来电人表扬${HOSPITAL_ZH}${thirdPerson(s.fill(pickScoped(rng, praiseCore, scope)))}，希望给予表扬。`;
    case 'consultation':
    {
      const question = s.fill(pickScoped(rng, consultCore, scope));
      const asked = rng.chance(0.5) ? `来电人咨询：${question}` : `来电人称${thirdPerson(s.fill(pickScoped(rng, consultContext, scope)))}咨询${question}`;
      return `${asked}${rng.chance(0.4) ? '（已转医院答复）' : ''}`;
    }
    case 'suggestion':
      return `来电人${rng.chance(0.5) ? thirdPerson(s.fill(pickScoped(rng, suggestContext, scope))) : '表示，'}${s.fill(pickScoped(rng, suggestCore, scope))}。${rng.chance(0.4) ? rng.pick(suggestReason) : ''}`;
    default: {
      const cat = ctx.category;
      const visit = rng.chance(0.6) ? s.fill(`{md}{ampm}其${rng.chance(0.5) ? '带{rel}' : ''}到${HOSPITAL_ZH}{say}{svc}，`) : `其在${HOSPITAL_ZH}就医时，`;
      let body = thirdPerson(s.fill(pickScoped(rng, core[cat], scope)));
      if (rng.chance(0.3)) body += `，${thirdPerson(s.fill(pickScoped(rng, core[cat], scope)))}`;
      return `${lead}${visit}${body}。来电人对此不满，诉求：${rng.pick(demand12345[cat])}。`;
    }
  }
}

export { contextFor as zhContext };
