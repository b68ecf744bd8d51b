-- redact_pii(t): free text with personal identifiers replaced by [email], [id] and [phone].
-- contact_key(t) and contact_hash(t, salt): the first of those identifiers, normalised (and hashed),
-- so that complaints from one person can be linked without storing the identifier.
--
-- Why the patterns look the way they do:
-- * RE2 has no lookaround. A number must not be cut out of a longer digit run, so each number
--   pattern is preceded by a captured boundary, re-emitted as \1, and followed by \b (RE2's
--   zero-width ASCII word boundary: the next character is not [0-9A-Za-z_]). Because \b consumes
--   nothing, two numbers separated by one character ("138...,139...") are both found.
-- * The boundary (^|[^0-9.]|[^0-9]\.) refuses a number that follows "digit." so the groups of a
--   Vietnamese amount ("1.090.000.000 đồng") are never read as a phone starting 090; "Tel.0912..."
--   still matches because a letter precedes the dot.
-- * A letter before the number is allowed ("CMND123456789", "SĐT0912345678").
-- * Order: e-mail first (its local part may hold digits), then ID numbers (so an 18-digit ID is
--   not half-read as a phone), then phones.
-- * Chinese resident ID: 6-digit region (first digit 1-8), birth date YYYYMMDD (or YYMMDD in the
--   old 15-digit form), 3-digit sequence, check digit 0-9 or X. Requiring a valid month and day
--   keeps order numbers and timestamps out.
-- * Vietnamese BHYT card: 2 letters, benefit level 1-5, then 12 digits; spaces, dots or dashes
--   may appear between any digits ("HC 4 79 79 15 123 456").
-- * Vietnamese CCCD: 12 digits starting with a 0xx province code and a 0-3 gender/century digit,
--   optionally grouped by three. Old CMND: 9 digits starting 0-3; nine-digit runs ending in 000
--   are left alone because those are amounts (350000000 đồng), not card numbers.
-- * Phones, tried in this order at each position: Chinese mobile 1[3-9]x xxxx xxxx (optional
--   +86/0086); Vietnamese numbers after +84/0084/84; Vietnamese mobile 0[35789] + 8 digits with
--   any grouping; +44 and +1 numbers; US (xxx) xxx-xxxx, which needs separators so a bare
--   10-digit amount is not taken; zero-leading landlines (CN 010-12345678, (021)12345678,
--   0755 8888 8888; VN 024 3869 3731, 028.3855.4269; UK 020 7946 0958, 07700 900123), at
--   least 10 digits so the 0xx 000 000 groups of a space-grouped amount are not taken; any
--   other +country number. Nothing matches without a leading 0, +, 00 or a mobile prefix, so
--   service lines 12345, 115, 120 and 1900 9095, dates, times, money and room numbers pass.
-- * Two cheap gates run before any replacement, because ingest throughput depends on them.
--   Most feedback has no digit and no @: eleven contains() calls (memchr, no regex) send it
--   straight back. Texts with digits (dates, money, rooms) then need one regex scan for a run
--   of 9+ digits with at most two separators between digits ([ .-()]); every number pattern
--   below has at least 9 digits, so only texts that can hold one reach the three
--   regexp_replace passes. On 1M mixed zh/vi/en rows this halves the cost of a single regex
--   gate. Keep the gate in step when a pattern is added or made shorter.
-- The patterns are macros of their own so that redaction and contact_key (below) share one
-- definition. A macro's constant result is folded before the regex is compiled, so they cost
-- nothing over literals. In the number patterns group 1 is the boundary and group 2 the number.
create or replace macro pii_email_pattern() as
  '[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}';

create or replace macro pii_id_pattern() as
  '(^|[^0-9.]|[^0-9]\.)([1-8][0-9]{5} ?(?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01]) ?[0-9]{3}[0-9Xx]|[1-8][0-9]{7}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}|[A-Za-z]{2}[ .\-]?[1-5](?:[ .\-]?[0-9]){12}|0[0-9]{2}[ .\-]?[0-3][0-9]{2}[ .\-]?[0-9]{3}[ .\-]?[0-9]{3}|[0-3][0-9]{5}(?:[1-9][0-9]{2}|0[1-9][0-9]|00[1-9]))\b';

create or replace macro pii_phone_pattern() as
  '(^|[^0-9.]|[^0-9]\.)((?:(?:\+|00)86[ \-]?|\(\+86\) ?)?1[3-9][0-9](?:[ \-]?[0-9]{4}){2}|(?:(?:\+|00)84|\(\+84\))[ .\-]?(?:\(0\)[ .\-]?)?(?:[35789](?:[ .\-]?[0-9]){8}|2(?:[ .\-]?[0-9]){9})|84[35789][0-9]{8}|0[35789][0-9](?:[ .\-]?[0-9]){7}|(?:\+|00)44[ .\-]?(?:\(0\)[ .\-]?)?[1-9](?:[ .\-]?[0-9]){8,9}|(?:\+|00)1[ .\-]?(?:\([2-9][0-9]{2}\)|[2-9][0-9]{2})[ .\-]?[0-9]{3}[ .\-]?[0-9]{4}|(?:\([2-9][0-9]{2}\) ?|[2-9][0-9]{2}[ .\-])[0-9]{3}[ .\-][0-9]{4}|(?:\(0[1-9][0-9]\)|0[1-9][0-9])[ .\-]?(?:[0-9]{4}[ .\-]?[0-9]{3,4}|[0-9]{3}[ .\-]?[0-9]{4})|(?:\(0[1-9][0-9]{2,3}\)|0[1-9][0-9]{2,3})[ .\-]?[0-9]{3,4}[ .\-]?[0-9]{3,4}|\+[1-9][0-9]{0,2}[ .\-]?(?:[0-9][ .\-]?){7,11}[0-9])\b';

-- The two gates: false when the text cannot hold any identifier the patterns find.
create or replace macro pii_may_hold(t) as
  case
    when not (contains(t, '@') or contains(t, '0') or contains(t, '1') or contains(t, '2') or contains(t, '3') or contains(t, '4') or contains(t, '5') or contains(t, '6') or contains(t, '7') or contains(t, '8') or contains(t, '9')) then false
    else regexp_matches(t, '@|[0-9](?:[ .\-()]{0,2}[0-9]){8}')
  end;

-- The passes in their order: e-mail addresses out, then ID numbers; phones are looked for last.
create or replace macro pii_without_emails(t) as regexp_replace(t, pii_email_pattern(), '[email]', 'g');

create or replace macro pii_without_ids(t) as regexp_replace(t, pii_id_pattern(), '\1[id]', 'g');

create or replace macro redact_pii(t) as
  case
    when not pii_may_hold(t) then t
    else regexp_replace(pii_without_ids(pii_without_emails(t)), pii_phone_pattern(), '\1[phone]', 'g')
  end;

-- contact_key(t): one identifier of the person who wrote t, normalised, or null: the first phone
-- number, else the first e-mail address, else the first ID number (phones first because they are
-- what a caller to any hotline leaves; "first" is in the text). Each is found by the pass redaction
-- uses, on the text as redaction sees it at that pass, so a number inside an e-mail address or an
-- ID is never read as a phone. Normalised forms, prefixed by their kind so kinds never collide:
-- * phone: digits only, an international 00 dropped; a Chinese mobile with +86/0086/86 or a
--   leading 0 becomes its 11 digits (13800138000); a Vietnamese number with +84/0084/84 (and an
--   optional (0)) becomes its national form with a leading 0 (0912345678); others keep their digits.
-- * email: lower case. * id: upper case, without spaces, dots or dashes.
create or replace macro pii_phone_digits_key(d) as
  'phone:' || case
    when regexp_full_match(d, '(?:86|0)?1[3-9][0-9]{9}') then right(d, 11)
    when regexp_full_match(d, '840?[1-9][0-9]{8,9}') then '0' || regexp_replace(d, '^840?', '')
    else d
  end;

create or replace macro pii_phone_key(p) as
  pii_phone_digits_key(regexp_replace(regexp_replace(p, '[^0-9]', '', 'g'), '^00', ''));

create or replace macro contact_key(t) as
  case
    when pii_may_hold(t) then coalesce(
      pii_phone_key(nullif(regexp_extract(pii_without_ids(pii_without_emails(t)), pii_phone_pattern(), 2), '')),
      'email:' || lower(nullif(regexp_extract(t, pii_email_pattern()), '')),
      'id:' || upper(regexp_replace(nullif(regexp_extract(pii_without_emails(t), pii_id_pattern(), 2), ''), '[ .\-]', '', 'g'))
    )
  end;

-- contact_hash(t, salt): sha256 of the warehouse's salt (warehouse_secrets) and contact_key(t), or
-- null. Salted, so the hash of a known number cannot be computed without the warehouse.
create or replace macro contact_hash(t, salt) as sha256(salt || contact_key(t));
