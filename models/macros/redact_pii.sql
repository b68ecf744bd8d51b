-- redact_pii(t): free text with personal identifiers replaced by [email], [id] and [phone], and
-- the names that follow (or in Chinese, precede) a patient or staff title replaced by a role
-- token. It is the one redaction of every free-text value hearken publishes: text, comments,
-- department names as written, locations, raw coded values, quarantined values, file names.
-- contact_key(t) and contact_hash(t, salt): the first of those identifiers, normalised (and hashed),
-- so that complaints from one person can be linked without storing the identifier.
--
-- Why the patterns look the way they do:
-- * Numbers and e-mail addresses are looked for in the text folded as Unicode NFKC folds the
--   characters they are written with: the full-width digits, letters and ＠＋－．（）＿％ of the
--   U+FF01-U+FF5E block (１３８, ａ＠ｂ.com) and the ideographic and no-break spaces. DuckDB has
--   nfc_normalize only, and NFKC in TypeScript would be a second place values enter (file names,
--   departments and coded values come through SQL too), so the fold is a translate() here. Other
--   full-width punctuation (，：！) stays as written. The fold runs only on texts the gates let
--   through (a run of nine digits or an @), so other texts keep their own characters.
-- * RE2 has no lookaround. A number must not be cut out of a longer digit run, so each number
--   pattern is preceded by a captured boundary, re-emitted as \1, and followed by \b (RE2's
--   zero-width ASCII word boundary: the next character is not [0-9A-Za-z_]). Because \b consumes
--   nothing, two numbers separated by one character ("138...,139...") are both found.
-- * The boundary (^|[^0-9.]|[^0-9]\.) refuses a number that follows "digit." so the groups of a
--   Vietnamese amount ("1.090.000.000 đồng") are never read as a phone starting 090; "Tel.0912..."
--   still matches because a letter precedes the dot.
-- * A letter before the number is allowed ("CMND123456789", "SĐT0912345678").
-- * ID numbers are also refused after "digit space" or "digit dash": grouped 3-3-3-3 like a CCCD,
--   the last groups of "1 000 000 000 000 đồng" would otherwise be one.
-- * Order: e-mail first (its local part may hold digits), then ID numbers (so an 18-digit ID is
--   not half-read as a phone), then phones.
-- * E-mail: the local part and the domain may hold any letters (nguyễn.văn@bệnhviện.vn,
--   张三@例子.中国, IDN); the top-level domain is Latin letters, two Han characters (中国, 公司)
--   or punycode (xn--fiqs8s), so the Chinese text after an address is not taken with it. A Han
--   local part takes the Han text before it too: RE2 cannot tell where a name starts there.
-- * Chinese resident ID: 6-digit region (first digit 1-8), birth date YYYYMMDD (or YYMMDD in the
--   old 15-digit form), 3-digit sequence, check digit 0-9 or X; a space, dot or dash may part
--   region, year, month-and-day and sequence (110101-19900307-1234). Requiring a valid month and
--   day keeps order numbers and timestamps out.
-- * Vietnamese BHYT card: 2 letters, benefit level 1-5, then 12 digits; spaces, dots or dashes
--   may appear between any digits ("HC 4 79 79 15 123 456").
-- * Vietnamese CCCD: 12 digits starting with a 0xx province code and a 0-3 gender/century digit,
--   contiguous or grouped 3-3-3-3 or 4-4-4. Old CMND: 9 digits starting 0-3; nine-digit runs
--   ending in 000 are left alone because those are amounts (350000000 đồng), not card numbers.
-- * Phones, tried in this order at each position, each in the groupings people write (one space,
--   dot or dash between groups), never "any digits with any separators", which would take dates
--   (05.03.2024 07.03.2024) and amounts:
--   Chinese mobile 1[3-9]x as 3-4-4, 3-3-5 or 11 digits, with +86, 0086, (+86) or a bare 86;
--   Vietnamese numbers after +84/0084/84; Vietnamese mobile 03/05/07/08/09 as 10 digits, 3-3-4,
--   4-3-3, 2-4-4 (09 1234 5678) or 1-3-3-3 (0 912 345 678); +44 and +1 numbers; US (xxx)
--   xxx-xxxx, which needs separators so a bare 10-digit amount is not taken; zero-leading
--   landlines (CN 010-12345678, (021)12345678, 0755 8888 8888; VN 024 3869 3731, 028.3855.4269,
--   0236 3 822 222; UK 020 7946 0958, 0161 496 0000, 01632 960123, 07700 900123), at least 10
--   digits so the 0xx 000 000 groups of a space-grouped amount are not taken; any other
--   +country number. Nothing matches without a leading 0, +, 00, 84, 86 or a mobile prefix, so
--   service lines 12345, 115, 120 and 1900 9095, dates, times, money and room numbers pass.
--   Not found: landline numbers written without their area code (8888 8888), which look like
--   any other eight digits.
-- * Two cheap gates run before any replacement, because ingest throughput depends on them.
--   Most feedback has no digit and no @: contains() calls (memchr, no regex) send it straight
--   back; the full-width digits and ＠ are looked for only in text with no ASCII digit or @.
--   Texts with digits (dates, money, rooms) then need one regex scan for a run of 9+ digits with
--   at most two separators between digits; every number pattern below has at least 9 digits, so
--   only texts that can hold one reach the replacement passes. On 1M mixed zh/vi/en rows this
--   halves the cost of a single regex gate. Keep the gate in step when a pattern is added or
--   made shorter.
-- The patterns are macros of their own so that redaction and contact_key (below) share one
-- definition. A macro's constant result is folded before the regex is compiled, so they cost
-- nothing over literals. In the number patterns group 1 is the boundary and group 2 the number.
create or replace macro pii_folded(t) as
  translate(t, '％（）＋－．０１２３４５６７８９＠ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ＿ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ' || chr(12288) || chr(160), '%()+-.0123456789@ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz  ');

create or replace macro pii_email_pattern() as
  '(?:[A-Za-z0-9._%+\-\p{Latin}\p{M}]+|\p{Han}+)@[\p{L}\p{M}\p{N}\-]+(?:\.[\p{L}\p{M}\p{N}\-]+)*\.(?:xn--[A-Za-z0-9\-]+|[\p{Latin}\p{M}]{2,}|\p{Han}{2})';

create or replace macro pii_id_pattern() as
  '(^|[^0-9 .\-]|[^0-9][ .\-])([1-8][0-9]{5}[ .\-]?(?:18|19|20)[0-9]{2}[ .\-]?(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[ .\-]?[0-9]{3}[0-9Xx]|[1-8][0-9]{7}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}|[A-Za-z]{2}[ .\-]?[1-5](?:[ .\-]?[0-9]){12}|0[0-9]{2}[ .\-]?[0-3][0-9]{2}[ .\-]?[0-9]{3}[ .\-]?[0-9]{3}|0[0-9]{2}[0-3][ .\-]?[0-9]{4}[ .\-]?[0-9]{4}|[0-3][0-9]{5}(?:[1-9][0-9]{2}|0[1-9][0-9]|00[1-9]))\b';

create or replace macro pii_phone_pattern() as
  '(^|[^0-9.]|[^0-9]\.)((?:(?:\+|00)86[ \-]?|\(\+86\) ?|86[ \-]?)?1[3-9][0-9](?:[ .\-]?[0-9]{4}[ .\-]?[0-9]{4}|[ .\-]?[0-9]{3}[ .\-]?[0-9]{5})|(?:(?:\+|00)84|\(\+84\))[ .\-]?(?:\(0\)[ .\-]?)?(?:[35789](?:[ .\-]?[0-9]){8}|2(?:[ .\-]?[0-9]){9})|84[35789][0-9]{8}|0[35789][0-9](?:[ .\-]?[0-9]){7}|0[35789][ .\-]?[0-9]{4}[ .\-]?[0-9]{4}|0[ .\-]?[35789][0-9]{2}[ .\-]?[0-9]{3}[ .\-]?[0-9]{3}|(?:\+|00)44[ .\-]?(?:\(0\)[ .\-]?)?[1-9](?:[ .\-]?[0-9]){8,9}|(?:\+|00)1[ .\-]?(?:\([2-9][0-9]{2}\)|[2-9][0-9]{2})[ .\-]?[0-9]{3}[ .\-]?[0-9]{4}|(?:\([2-9][0-9]{2}\) ?|[2-9][0-9]{2}[ .\-])[0-9]{3}[ .\-][0-9]{4}|(?:\(0[1-9][0-9]\)|0[1-9][0-9])[ .\-]?(?:[0-9]{4}[ .\-]?[0-9]{3,4}|[0-9]{3}[ .\-]?[0-9]{4})|(?:\(0[1-9][0-9]{2,3}\)|0[1-9][0-9]{2,3})[ .\-]?[0-9]{3,4}[ .\-]?[0-9]{3,4}|0[1-9][0-9]{2}[ .\-]?[0-9][ .\-]?[0-9]{3}[ .\-]?[0-9]{3}|\+[1-9][0-9]{0,2}[ .\-]?(?:[0-9][ .\-]?){7,11}[0-9])\b';

-- The two gates: false when the text cannot hold any identifier the patterns find.
create or replace macro pii_may_hold(t) as
  case
    when not (contains(t, '@') or contains(t, '0') or contains(t, '1') or contains(t, '2') or contains(t, '3') or contains(t, '4') or contains(t, '5') or contains(t, '6') or contains(t, '7') or contains(t, '8') or contains(t, '9')
      or contains(t, '０') or contains(t, '１') or contains(t, '２') or contains(t, '３') or contains(t, '４') or contains(t, '５') or contains(t, '６') or contains(t, '７') or contains(t, '８') or contains(t, '９') or contains(t, '＠')) then false
    else regexp_matches(t, '[@＠]|[0-9０-９](?:[ .\-()\x{3000}\x{00A0}．－（）]{0,2}[0-9０-９]){8}')
  end;

-- The passes in their order, on folded text: e-mail addresses out, then ID numbers; phones are
-- looked for last.
create or replace macro pii_without_emails(f) as regexp_replace(f, pii_email_pattern(), '[email]', 'g');

create or replace macro pii_without_ids(f) as regexp_replace(f, pii_id_pattern(), '\1[id]', 'g');

create or replace macro pii_without_numbers(f) as
  regexp_replace(pii_without_ids(pii_without_emails(f)), pii_phone_pattern(), '\1[phone]', 'g');

-- t folded when the gates say it may hold an identifier, else null (and every pass on null is
-- null). Callers use it as an argument, not inside a CASE branch of their own: DuckDB computes a
-- repeated expression once per row, but not inside CASE branches, where contact_key folded and
-- scanned each gated text once per use of it. On 300,000 mixed texts this halved the CPU time of
-- redacting and keying the text at the load (2.2 → 1.2 s), with the same results.
create or replace macro pii_gated_folded(t) as
  case when pii_may_hold(t) then pii_folded(t) end;

-- t with its identifiers out: t itself when the gates say it holds none, else the folded text
-- redacted.
create or replace macro pii_without_identifiers(t) as
  coalesce(pii_without_numbers(pii_gated_folded(t)), t);

-- Names. A name is recognised only by the title next to it: 患者/病人/家属/患儿 + a Chinese name,
-- a Chinese surname (with up to two more characters) + 医生/大夫/医师/护士/护士长/主任,
-- Vietnamese "bệnh nhân", "người nhà", "bác sĩ", "BS.", "điều dưỡng", "y tá" + capitalised words,
-- English "Dr", "Doctor", "Nurse", "Sister", "Mr", "Mrs", "Ms", "Miss", "patient" + capitalised
-- words. The name gives way to a role token in the text's language: 患者[姓名], [医生], bác sĩ
-- [tên], Dr [name]. Patients' and staff names are separate passes, so that a place that shows
-- staff names (a hospital's own packs: redact_pii_keep_staff) can leave the staff pass out and nothing else.
-- * Chinese has no spaces, so a name is told by its surname: one of the common single surnames or
--   the four common double ones. Surnames that are everyday words before 医生 or after 患者 are left
--   out (任: 主任医生, 管: 主管护士, 习: 实习医生, 方: 对方, 于: 患者于昨日, 高: 患者高烧, 常),
--   so those names stay; a word that starts with a listed surname (患者周末) loses its text.
-- * Vietnamese and English names are capitalised words after the title; words that name a place
--   or a role rather than a person (Khoa, Phòng, Ward, Bay, Experience, Practitioner, ...) are
--   marked first with U+E000, which no name pattern starts with, and the mark is removed after.
create or replace macro pii_zh_surname() as
  '(?:欧阳|司马|诸葛|上官|[王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁沈姜范傅钟卢汪戴崔陆廖姚邹熊金邱秦江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵钱严覃武孟白])';

-- Each title with what may follow it before the name: spaces, or after an abbreviation a dot and
-- optional spaces ("Dr. Smith", "BS.Lan"); a full word then a dot is a sentence's end, not a title.
create or replace macro pii_vi_patient_title() as '(?i:bệnh nhân|người nhà) +';
create or replace macro pii_vi_staff_title() as '(?:(?i:bs)\. *|(?i:bác sĩ|bác sỹ|điều dưỡng|y tá|bs) +)';
create or replace macro pii_en_patient_title() as '(?:(?:Mrs|Mr|Ms|Mx)\. *|(?:Mrs|Mr|Ms|Mx|Miss|[Pp]atient) +)';
create or replace macro pii_en_staff_title() as '(?:Dr\. *|(?:Dr|[Dd]octor|[Nn]urse|Sister) +)';

-- a title, then up to four capitalised words (Nguyễn Văn An, O'Brien); group 2 is the title
create or replace macro pii_name_after_title(title) as
  '(^|[^\p{L}\p{M}])(' || title || ')\p{Lu}[\p{L}\p{M}''’\-]*(?: \p{Lu}[\p{L}\p{M}''’\-]*){0,3}';

create or replace macro pii_place_word() as
  '(?:Khoa|Phòng|Bệnh|Viện|Trung|Tầng|Khu|Trưởng|Phó|Ward|Bay|Room|Bed|Unit|Department|Clinic|Hospital|Floor|Team|Services?|Advice|Experience|Liaison|Transport|Safety|Care|Practitioner|Station|Office|Records|Portal|Consultant|Manager|Specialist|Registrar|I)\b';

create or replace macro pii_places_marked(t) as
  regexp_replace(t, '(^|[^\p{L}\p{M}])(' || pii_vi_patient_title() || '|' || pii_vi_staff_title() || '|' || pii_en_patient_title() || '|' || pii_en_staff_title() || ')(' || pii_place_word() || ')', '\1\2' || chr(57344) || '\3', 'g');

create or replace macro pii_without_zh_patient_names(t) as
  regexp_replace(t, '(患者|病人|家属|患儿)([:：]? ?)(?:[小老阿]' || pii_zh_surname() || '|' || pii_zh_surname() || '\p{Han}{1,2})', '\1\2[姓名]', 'g');

create or replace macro pii_without_zh_staff_names(t) as
  regexp_replace(t, '[小老]?' || pii_zh_surname() || '\p{Han}{0,2}?(护士长|医生|大夫|医师|护士|主任)', '[\1]', 'g');

create or replace macro pii_without_latin_patient_names(t) as
  regexp_replace(regexp_replace(t,
    pii_name_after_title(pii_vi_patient_title()), '\1\2[tên]', 'g'),
    pii_name_after_title(pii_en_patient_title()), '\1\2[name]', 'g');

create or replace macro pii_without_latin_staff_names(t) as
  regexp_replace(regexp_replace(t,
    pii_name_after_title(pii_vi_staff_title()), '\1\2[tên]', 'g'),
    pii_name_after_title(pii_en_staff_title()), '\1\2[name]', 'g');

-- The gate of the name passes: one regex match for a title next to what may be a name. A third of feedback mentions a
-- doctor or nurse, few by name; a match is one DFA scan (cheaper here than the twenty contains()
-- calls the titles' spellings would need) and costs far less than the replacements. The gate
-- reads the text as given: a macro's parameter is substituted as an expression, so a gate
-- between passes would copy (and compile and run) every earlier pass once per use.
create or replace macro pii_may_name(t) as
  regexp_matches(t, '(?:患者|病人|家属|患儿)[:：]? ?[小老阿]?' || pii_zh_surname() || '|' || pii_zh_surname() || '\p{Han}{0,2}(?:医生|大夫|医师|护士|主任)'
    || '|(?:(?i:bệnh nhân|người nhà|bác sĩ|bác sỹ|điều dưỡng|y tá|bs)|Mrs|Mr|Ms|Mx|Miss|[Pp]atient|Dr|[Dd]octor|[Nn]urse|Sister)\.? *\p{Lu}');

create or replace macro pii_without_patient_names(t) as
  pii_without_zh_patient_names(pii_without_latin_patient_names(t));

create or replace macro pii_without_staff_names(t) as
  pii_without_zh_staff_names(pii_without_latin_staff_names(t));

-- Every pass but the staff names', on text the name gate let through: place words still marked.
create or replace macro pii_without_all_but_staff_names(t) as
  pii_without_patient_names(pii_places_marked(pii_without_identifiers(t)));

-- Each pass reads its argument once, so the nesting stays linear; the one gate reads t.
create or replace macro redact_pii(t) as
  case
    when pii_may_name(t) then replace(pii_without_staff_names(pii_without_all_but_staff_names(t)), chr(57344), '')
    else pii_without_identifiers(t)
  end;

-- withhold_pii(v), or withheld_if_redacted(v, redact_pii(v)) where many values are redacted in
-- one call (input_values_cleaned): a short value that names a thing (a department, a coded value) with nothing of
-- it kept when any of it is personal data: "张三 13812345678" in `department` is a person, not a
-- department, and redact_pii would keep the bare name 张三, which no title marks.
create or replace macro withheld_if_redacted(v, redacted) as
  case when redacted <> v then '[withheld]' else v end;
create or replace macro withhold_pii(v) as withheld_if_redacted(v, redact_pii(v));

-- redact_pii_keep_staff(t): redact_pii without the staff-name pass, so 王医生, bác sĩ Lan and Dr
-- Smith stay while patients' names, numbers, IDs and e-mail addresses go. Only for the quotes of a
-- hospital's own department packs, when its config asks for staff names there (README, Privacy).
create or replace macro redact_pii_keep_staff(t) as
  case
    when pii_may_name(t) then replace(pii_without_all_but_staff_names(t), chr(57344), '')
    else pii_without_identifiers(t)
  end;

-- contact_key(t): one identifier of the person who wrote t, normalised, or null: the first phone
-- number, else the first e-mail address, else the first ID number (phones first because they are
-- what a caller to any hotline leaves; "first" is in the text). Each is found by the pass redaction
-- uses, on the folded text as redaction sees it at that pass, so a number inside an e-mail address or an
-- ID is never read as a phone. Normalised forms, prefixed by their kind so kinds never collide:
-- * phone: digits only, an international 00 dropped; a Chinese mobile with +86/0086/86 or a
--   leading 0 becomes its 11 digits (13800138000); a Vietnamese number with +84/0084/84 (and an
--   optional (0)) becomes its national form with a leading 0 (0912345678); others keep their digits.
-- * email: lower case. * id: upper case, without spaces, dots or dashes.
-- d is read once: a macro's argument is copied wherever it is used, and d holds the phone pass
-- (folded text, e-mail, ID and phone patterns), so each use of d added those regexes to the
-- statement to bind and compile; as a CASE over d, contact_key cost 29 ms per call site, now 15.
create or replace macro pii_phone_digits_key(d) as
  'phone:' || regexp_replace(regexp_replace(d, '^(?:86|0)?(1[3-9][0-9]{9})$', '\1'), '^840?([1-9][0-9]{8,9})$', '0\1');

create or replace macro pii_phone_key(p) as
  pii_phone_digits_key(regexp_replace(regexp_replace(p, '[^0-9]', '', 'g'), '^00', ''));

create or replace macro pii_contact_key_folded(f) as
  coalesce(
    pii_phone_key(nullif(regexp_extract(pii_without_ids(pii_without_emails(f)), pii_phone_pattern(), 2), '')),
    'email:' || lower(nullif(regexp_extract(f, pii_email_pattern()), '')),
    'id:' || upper(regexp_replace(nullif(regexp_extract(pii_without_emails(f), pii_id_pattern(), 2), ''), '[ .\-]', '', 'g'))
  );

create or replace macro contact_key(t) as pii_contact_key_folded(pii_gated_folded(t));

-- contact_hash(t, salt): sha256 of the warehouse's salt (warehouse_secrets) and contact_key(t), or
-- null. Salted, so the hash of a known number cannot be computed without the warehouse.
create or replace macro contact_hash(t, salt) as sha256(salt || contact_key(t));
