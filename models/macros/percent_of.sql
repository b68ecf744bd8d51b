-- A rate as the contract's tables give it (section 5): `part` out of `whole` in percent, 0..100;
-- blank (null), not 0, when `whole` is 0.
create or replace macro percent_of(part, whole) as
    case when whole > 0 then 100.0 * part / whole end;
