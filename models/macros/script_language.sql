-- script_language(text) -> 'zh', 'vi' or 'en': the language a short label (a department name, a
-- place) is written in, told by its letters. Han characters mean Chinese; the letters only
-- Vietnamese uses (ă â đ ê ô ơ ư and tone-marked vowels), or its common institution words typed
-- without diacritics, mean Vietnamese; anything else is taken as English.
create or replace macro script_language(value) as (
    case
        when value is null then null
        when regexp_matches(value, '\p{Han}') then 'zh'
        when regexp_matches(lower(value), '[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹàáèéìíòóùúýãõĩũ]')
            then 'vi'
        when regexp_matches(lower(value), '^(khoa|phong|trung tam|don vi|benh vien|vien) ') then 'vi'
        else 'en'
    end
);
