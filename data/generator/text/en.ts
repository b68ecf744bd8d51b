/**
 * English (NHS PALS-style) feedback text: phone-line notes, e-mails, website forms, comment cards
 * and social media posts.
 */
import type { Rng } from '../../../pipeline/detect/prng.ts';
import { civilFromDay, weekday } from '../dates.ts';
import type { Category } from '../model.ts';
import { capitalize, pickScoped, SlotFiller } from './fill.ts';
import type { DeptContext, TextContext } from './types.ts';

const generic: DeptContext = {
  say: ['the hospital'],
  places: ['main reception', 'the main entrance', 'the outpatients corridor', 'the car park'],
  svc: ['an appointment', 'a follow-up', 'a blood test'],
  roles: ['receptionist', 'nurse', 'doctor', 'member of staff'],
};

const contexts: Record<string, DeptContext> = {
  emergency: { say: ['A&E', 'the Emergency Department'], places: ['the A&E waiting room', 'A&E majors', 'the A&E entrance', 'ambulance handover', 'the paediatric A&E'], svc: ['treatment for a head injury', 'stitches', 'an X-ray', 'chest pains'], roles: ['triage nurse', 'receptionist', 'A&E doctor', 'security guard', 'nurse in charge'] },
  amu: { say: ['AMU', 'the Acute Medical Unit'], places: ['AMU', 'the AMU assessment bay'], svc: ['an assessment', 'an admission'], roles: ['registrar', 'nurse', 'healthcare assistant'] },
  outpatient: { ward: false, say: ['Outpatients', 'the outpatient clinic'], places: ['outpatients reception', 'Clinic 4', 'the outpatients waiting area', 'the self check-in kiosks'], svc: ['a clinic appointment', 'a follow-up appointment', 'a telephone appointment'], roles: ['receptionist', 'the consultant', 'clinic nurse', 'booking clerk'] },
  cardiology: { say: ['Cardiology', 'the cardiology clinic'], places: ['the Cardiac Day Unit', 'Ward 7B', 'the echo department'], svc: ['an angiogram', 'an echo', 'a 24-hour ECG', 'a pacemaker check'], roles: ['the consultant', 'cardiac nurse', 'physiologist'] },
  respiratory: { say: ['Respiratory', 'the respiratory ward'], places: ['Ward 12', 'the respiratory clinic'], svc: ['lung function tests', 'oxygen assessment', 'treatment for pneumonia'], roles: ['the registrar', 'nurse', 'physiotherapist'] },
  gastro: { say: ['Gastroenterology', 'the endoscopy unit'], places: ['the Endoscopy Unit', 'Ward 9'], svc: ['a colonoscopy', 'an endoscopy'], roles: ['the consultant', 'endoscopy nurse'] },
  elderly: { say: ['Elderly Care', 'the care of the elderly ward'], places: ['Ward 3', 'Ward 4', 'the day room'], svc: ['rehabilitation', 'a falls assessment'], roles: ['healthcare assistant', 'staff nurse', 'ward sister', 'the doctor'] },
  general_surgery: { say: ['General Surgery', 'the surgical ward'], places: ['Ward 10', 'the Surgical Assessment Unit', 'theatre reception'], svc: ['a gallbladder operation', 'a hernia repair', 'surgery'], roles: ['the surgeon', 'staff nurse', 'the anaesthetist'] },
  orthopaedics: { say: ['Orthopaedics', 'the fracture clinic'], places: ['the fracture clinic', 'Ward 6', 'the plaster room'], svc: ['a hip replacement', 'a knee replacement', 'a cast change'], roles: ['the consultant', 'physiotherapist', 'plaster technician'] },
  paediatrics: { rels: ['son', 'daughter', 'little boy', 'little girl'], say: ['Paediatrics', 'the children\'s ward'], places: ['the Children\'s Ward', 'the children\'s assessment unit', 'the paediatric outpatients'], svc: ['an assessment', 'blood tests', 'a nebuliser'], roles: ['the paediatrician', 'children\'s nurse', 'play specialist'] },
  obgyn: { rels: ['wife', 'partner', 'daughter'], say: ['Maternity', 'the maternity unit'], places: ['the Labour Ward', 'the postnatal ward', 'the antenatal clinic', 'triage'], svc: ['my 20-week scan', 'an induction', 'a caesarean section', 'an antenatal check'], roles: ['midwife', 'the obstetrician', 'maternity support worker'] },
  ophthalmology: { ward: false, say: ['the Eye Clinic', 'Ophthalmology'], places: ['the Eye Clinic'], svc: ['cataract surgery', 'eye injections', 'a pressure check'], roles: ['the optometrist', 'the consultant', 'clinic nurse'] },
  oncology: { say: ['Oncology', 'the cancer centre'], places: ['the Chemotherapy Day Unit', 'the Macmillan centre'], svc: ['chemotherapy', 'radiotherapy', 'a PICC line flush'], roles: ['oncology nurse', 'the consultant'] },
  icu: { say: ['Critical Care', 'ICU'], places: ['the ICU relatives room', 'Critical Care'], svc: ['visiting', 'treatment on ICU'], roles: ['ICU nurse', 'the consultant'] },
  radiology: { clinical: false, ward: false, say: ['Radiology', 'X-ray'], places: ['the X-ray waiting area', 'the MRI unit', 'the CT scanner'], svc: ['an MRI scan', 'a CT scan', 'an ultrasound', 'an X-ray'], roles: ['radiographer', 'receptionist'] },
  pathology: { clinical: false, ward: false, say: ['the blood test clinic', 'Phlebotomy'], places: ['the phlebotomy waiting area', 'Phlebotomy'], svc: ['a blood test', 'bloods'], roles: ['phlebotomist', 'receptionist'] },
  pharmacy: { clinical: false, ward: false, say: ['Pharmacy', 'the pharmacy'], places: ['the pharmacy counter', 'the discharge lounge', 'the outpatient pharmacy'], svc: ['a prescription to collect', 'discharge medication'], roles: ['pharmacist', 'pharmacy technician'] },
  facilities: { clinical: false, ward: false, say: ['the hospital'], places: ['the car park', 'the multi-storey car park', 'the main entrance toilets', 'the restaurant', 'Ward 7B', 'the lifts by main reception'], svc: ['parking', 'a meal'], roles: ['car park attendant', 'porter', 'cleaner', 'catering staff'] },
  transport: { clinical: false, ward: false, say: ['patient transport'], places: ['the transport lounge', 'the main entrance'], svc: ['hospital transport home', 'transport to dialysis'], roles: ['transport crew', 'transport booking line'] },
  appointments: { clinical: false, ward: false, say: ['the appointments centre', 'the booking team'], places: ['the appointments line'], svc: ['an appointment to rebook', 'a referral'], roles: ['booking clerk', 'call handler'] },
  virtual_ward: { ward: false, say: ['the virtual ward'], places: ['home'], svc: ['monitoring at home', 'a remote review'], roles: ['virtual ward nurse', 'clinician'] },
  long_covid: { ward: false, say: ['the Long Covid clinic'], places: ['the Long Covid clinic'], svc: ['an assessment', 'fatigue management'], roles: ['occupational therapist', 'clinician'] },
};

const core: Record<Category, readonly string[]> = {
  process: [
    'We waited {wait} to be seen and nobody told us what was happening.',
    '§My {clinic} appointment was cancelled {times} by text with no explanation.',
    'I have been waiting {weeks} weeks for a follow-up letter that never arrived.',
    'My {rel}\'s discharge took all day because we were waiting for medication from pharmacy.',
    'I rang the appointments line {n} times and was left on hold for over {mins} minutes each time.',
    'The referral to {say} was lost and I had to start again with my GP.',
    'Results were supposed to be back in {n} days but nobody has contacted me.',
    'I was sent a letter for {svc} on a date that had already passed.',
    'The self check-in kiosk at {place} did not recognise my appointment and the queue at reception was huge.',
    'We were moved between three different waiting areas in {place} without any explanation.',
    'Clinic was running {mins} minutes late and nobody updated the board.',
  ],
  attitude: [
    'The {role} was rude and dismissive when I asked a simple question.',
    'The {role} rolled their eyes and walked off mid-sentence.',
    'Nobody introduced themselves to my {rel} or explained what they were doing.',
    'The {role} spoke to my {rel} as if they were a child.',
    '¶My {rel} was made to feel like a nuisance for asking for pain relief.',
    'The {role} on the desk in {place} did not even look up.',
    'When I raised a concern the {role} told me to "put it in writing then".',
  ],
  quality: [
    '§My {rel} was sent home and had to come back two days later with {diag2}.',
    '¶The cannula was left in for {n} days and my {rel}\'s arm became red and swollen.',
    '¶My {rel}\'s medication was given late on the ward, more than once.',
    '¶Nobody checked the pressure areas and my {rel} developed a sore.',
    'The scan was reported as normal but a second opinion found {diag2}.',
    '¶Call bells were left ringing for {mins} minutes at night.',
    '¶My {rel} was not helped to eat and the food tray was taken away untouched.',
    '§I was told it was {diag1} but it turned out to be {diag2}.',
  ],
  cost: [
    'I was charged £{park} for parking even though the clinic ran {mins} minutes late.',
    'The pay machine in {carpark} took payment twice from my card.',
    'I received a parking charge notice for £{pcn} despite paying at the machine.',
    'I was asked to pay for {item} which I was told would be covered by the NHS.',
    'The refund I was promised has not appeared after {weeks} weeks.',
    'Blue badge holders are still being charged £{park} to park.',
  ],
  facility: [
    'The toilets near {place} were dirty and had run out of paper.',
    'The lift near {place} was out of order and my {rel} uses a wheelchair.',
    'There were not enough seats in {place} and people were sitting on the floor.',
    'The car park was full at {clock} and I missed my appointment while looking for a space.',
    'Signage to {place} is confusing and I got lost twice.',
    'The ward was far too hot, {temp} degrees, and the windows do not open.',
    'The food was cold and my {rel}\'s dietary needs were ignored.',
    'The hand gel dispensers at {place} were empty.',
    'There is no water fountain in {place}.',
  ],
};

const detail: Record<Category, readonly string[]> = {
  process: ['My {rel} is elderly and found the wait exhausting.', 'This is the third time this has happened.', 'I had taken a day off work for this.'],
  attitude: ['Other patients noticed and looked embarrassed for us.', 'It was a very distressing time for the family.', 'I understand staff are busy but this was unacceptable.'],
  quality: ['We are worried about what else has been missed.', 'I would like to see the notes.', 'My {rel} is now back in hospital.'],
  cost: ['I have kept the receipts.', 'Nobody at reception could help.', 'This is money we can ill afford.'],
  facility: ['I reported it to a member of staff but nothing was done.', 'It is not the first time.', 'It did not give a good impression of the hospital.'],
};

const cardLead = ['Visited {say} on {weekday}.', 'Comment card, {dm}.', 'Here with my {rel} today.', 'Attending {say} this week.'];

const request = ['I would like an explanation.', 'Please can someone look into this.', 'I would like this to be treated as a formal complaint.', 'I hope lessons will be learned.', 'Could someone get back to me?', 'I would appreciate a response.'];

const openers = [
  'I attended {say} on {weekday} {dm} with my {rel}.',
  '¶My {rel} was admitted to {say} last week.',
  '¶I am writing on behalf of my {rel}, who is an inpatient under {say}.',
  '§I had {svc} in {say} on {dm}.',
  'I brought my {rel} to {say} on {weekday} evening.',
];

const praiseLead = [
  '¶My {rel} was in {say} for {days} days.',
  'I attended {say} on {dm}.',
  'I just wanted to write and say thank you.',
  'We were in {say} last {weekday}.',
];
const praiseCore = [
  'I want to say a huge thank you to the staff at {place}.',
  'The {role} was kind, patient and explained everything clearly.',
  '§{Doc} and the team in {say} were outstanding.',
  'Thank you to the team who looked after my {rel} so well.',
  'Everyone in {say} was brilliant despite how busy it was.',
  '¶The care my {rel} received in {say} was exceptional from start to finish.',
  'A special mention to the {role} who sat with my {rel} when they were frightened.',
  '§{Doc} took the time to listen and never made us feel rushed.',
  'The {role} went above and beyond to get us home on time.',
  '¶The nurses in {say} treated my {rel} with real dignity.',
];
const praiseDetail = ['It made a difficult day so much easier.', 'You could see how stretched they were, but it never showed.', 'We will never forget it.', 'Nothing was too much trouble.', ''];
const praiseClose = ['Please pass on our thanks.', 'You should be proud of them.', 'Thank you all.', 'Please make sure they hear this.', ''];

const consultContext = [
  'My {rel} has an appointment in {say} next week.',
  'I am coming from out of town.',
  '¶My {rel} is currently an inpatient in {say}.',
  'I use a wheelchair.',
  'I have had a letter about {svc}.',
  'I was in {say} on {dm}.',
  'My {rel} was seen in {say} last {weekday}.',
];
const consultCore = [
  'Could you tell me how to request a copy of my medical records?',
  '¶I would like to know whether my {rel} can have visitors outside the usual times.',
  'How do I change an outpatient appointment?',
  'Is there disabled parking near {place}?',
  'Who do I speak to about property left in {place}?',
  '§Can I bring someone with me to {svc}?',
  '§How long does a referral to {say} usually take?',
  'Is there a hearing loop at {place}?',
  'Which entrance is closest to {place}?',
  'Do I need to fast before {svc}?',
  'Can I claim back my travel costs?',
  'Is there somewhere to charge a phone in {place}?',
  'How do I get an interpreter for my {rel}?',
];
const consultClose = ['Thanks.', 'Many thanks.', 'Thank you in advance.', ''];

const suggestLead = ['Just a suggestion.', 'A small thing that would make a big difference:', 'As a regular visitor,', ''];
const suggestCore = [
  'It would help to have a water fountain in {place}.',
  'Please could there be clearer signs from the car park to {place}.',
  'Text reminders should say which entrance to use.',
  'More seating in {place} would help elderly patients.',
  'A screen showing clinic delays would reduce a lot of frustration.',
  'Parking should be free for people attending regular treatment.',
  'The self check-in screens in {place} need bigger text.',
  '¶Relatives should be able to order a meal in {say}.',
  'It would be good to have a quiet room near {place}.',
  'Phone chargers at {place} would be very welcome.',
];
const suggestContext = ['I was in {place} on {weekday} with my {rel}.', 'We waited {wait} in {place} on {dm}.', '¶My {rel} was in {say} for {days} days.', 'I bring my {rel} to {say} every few weeks.'];
const suggestReason = ['Many people there are elderly or unwell.', 'It would save a lot of stress.', 'Other hospitals already do this.', ''];

const surnames = ['Ahmed', 'Patel', 'Smith', 'Jones', 'Okafor', 'Williams', 'Khan', 'Brown', 'Taylor', 'Evans', 'Murphy', 'Chen'];
const relatives = ['mother', 'father', 'wife', 'husband', 'son', 'daughter', 'partner', 'nan', 'grandad', 'mum', 'dad'];
const waits = ['over four hours', 'seven hours', 'three and a half hours', 'nearly six hours', 'two hours', 'eleven hours'];
const items = ['a wrist splint', 'crutches', 'a copy of the scan', 'the medication', 'a dressing pack'];
const diagnoses: readonly (readonly [string, string])[] = [
  ['a virus', 'pneumonia'],
  ['a sprain', 'a fracture'],
  ['constipation', 'appendicitis'],
  ['anxiety', 'a heart problem'],
  ['a chest infection', 'sepsis'],
];
const dayNames = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function contextFor(key: string): DeptContext {
  return contexts[key] ?? generic;
}

class EnSlots extends SlotFiller {
  private diag: readonly [string, string] | undefined;
  private back: number | undefined;

  constructor(
    private readonly ctx: TextContext,
    private readonly dc: DeptContext,
    rng: Rng,
  ) {
    super(rng);
  }

  private visitDay(): number {
    return this.ctx.day - (this.back ??= this.rng.weighted(daysBack));
  }

  private doc(): string {
    return `${this.rng.pick(['Dr', 'Dr', 'Mr', 'Ms', 'Sister'])} ${this.rng.pick(surnames)}`;
  }

  protected value(name: string): string | undefined {
    const { rng, ctx, dc } = this;
    switch (name) {
      case 'dm': {
        const { m, d } = civilFromDay(this.visitDay());
        return `${d} ${monthNames[m - 1] ?? ''}`;
      }
      case 'weekday': return dayNames[weekday(this.visitDay())] ?? 'Monday';
      case 'rel': return rng.pick(dc.rels ?? relatives);
      case 'say': return rng.pick(dc.say);
      case 'place': return ctx.place || rng.pick(dc.places.length > 0 ? dc.places : generic.places);
      case 'svc': return rng.pick(dc.svc.length > 0 ? dc.svc : generic.svc);
      case 'role': return rng.pick(rng.chance(0.75) ? dc.roles : generic.roles);
      case 'wait': return rng.pick(waits);
      case 'n': return String(rng.int(3, 8));
      case 'mins': return String(rng.pick([20, 30, 40, 45, 50, 90]));
      case 'weeks': return String(rng.int(3, 14));
      case 'days': return String(rng.int(2, 12));
      case 'clinic': return rng.pick(['outpatient', 'follow-up', 'fracture clinic', 'eye clinic', 'cardiology', 'dermatology']);
      case 'times': return rng.pick(['twice', 'twice', 'three times']);
      case 'carpark': return rng.pick(['the car park', 'the main car park', 'the multi-storey', 'car park B']);
      case 'clock': return rng.pick(['9am', 'half eight', '10.30', '2pm', 'quarter to nine']);
      case 'temp': return String(rng.int(27, 31));
      case 'doc': return this.doc();
      case 'Doc': return capitalize(this.doc());
      case 'diag1': return (this.diag ??= rng.pick(diagnoses))[0];
      case 'diag2': return (this.diag ??= rng.pick(diagnoses))[1];
      case 'park': return rng.pick(['4.50', '6.00', '8.50', '11.00', '12.50']);
      case 'pcn': return rng.pick(['60', '70', '100']);
      case 'item': return rng.pick(items);
      default: return undefined;
    }
  }
}

const daysBack = [[0, 4], [1, 3], [2, 2], [5, 1]] as const;

/** One English feedback text for the context. */
export function composeEn(ctx: TextContext, rng: Rng): string {
  const dc = contextFor(ctx.deptKey);
  const scope = { clinical: dc.clinical ?? true, ward: dc.ward ?? true };
  const s = new EnSlots(ctx, dc, rng);
  const social = ctx.channel === 'social';
  const card = ctx.channel === 'suggestion_box';
  const parts: string[] = [];
  if (social) parts.push(rng.pick(['@KingsmereNHS', '@KingsmereNHS', '']));

  switch (ctx.kind) {
    case 'praise':
      if (!social && rng.chance(0.35)) parts.push(s.fill(pickScoped(rng, praiseLead, scope)));
      parts.push(s.fill(pickScoped(rng, praiseCore, scope)));
      if (!social && rng.chance(0.35)) parts.push(s.fill(pickScoped(rng, praiseCore, scope)));
      if (rng.chance(0.35)) parts.push(rng.pick(praiseDetail));
      parts.push(rng.pick(praiseClose));
      break;
    case 'consultation':
      if (rng.chance(0.25)) parts.push(rng.pick(['Hello,', 'Hi,', 'Good morning,']));
      if (rng.chance(0.6)) parts.push(s.fill(pickScoped(rng, consultContext, scope)));
      parts.push(s.fill(pickScoped(rng, consultCore, scope)));
      parts.push(rng.pick(consultClose));
      break;
    case 'suggestion':
      parts.push(rng.pick(suggestLead));
      if (rng.chance(0.5)) parts.push(s.fill(pickScoped(rng, suggestContext, scope)));
      parts.push(s.fill(pickScoped(rng, suggestCore, scope)));
      if (rng.chance(0.4)) parts.push(rng.pick(suggestReason));
      break;
    default: {
      const cat = ctx.category;
      if (!social && !card && rng.chance(0.65)) parts.push(s.fill(pickScoped(rng, openers, scope)));
      const first = pickScoped(rng, core[cat], scope);
      parts.push(s.fill(first));
      if (!social && rng.chance(0.3)) {
        const second = pickScoped(rng, core[cat], scope);
        if (second !== first) parts.push(s.fill(second));
      }
      if (!card && rng.chance(0.35)) parts.push(s.fill(rng.pick(detail[cat])));
      if (card && parts.length === 1 && rng.chance(0.6)) parts.unshift(s.fill(rng.pick(cardLead)));
      if (social) parts.push(rng.pick(['Not good enough.', 'Shocking.', 'Really disappointed.', 'Sort it out.', '']));
      else if (rng.chance(0.55) || parts.length === 1) parts.push(rng.pick(request));
    }
  }
  return parts.filter((p) => p !== '').join(' ');
}

export { contextFor as enContext };
