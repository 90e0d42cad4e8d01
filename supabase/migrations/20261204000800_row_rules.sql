-- Issue 20, items 5 to 7: the row rules of issue 13 (private.check_row_rules, fired first on every
-- assessment table and on closed_year) say in Vietnamese, then English, what the new constraints
-- refuse: invisible characters and formulas beyond ASCII in free text, deceptive source links, and
-- dates after today in Viet Nam. Same function, same triggers; only its body changes.

create or replace function private.check_row_rules() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_row jsonb := to_jsonb(new);
  v_bytes int := octet_length(v_row::text);
  v_field record;
  v_invisible text;
  v_problem text;
  v_today date := private.vietnam_today();
begin
  if v_bytes > private.max_row_bytes() then
    raise exception using errcode = '54000',
      message = format('Dòng quá lớn: %s byte (tối đa %s) / row too large: %s bytes (%s at most)',
        v_bytes, private.max_row_bytes(), v_bytes, private.max_row_bytes());
  end if;
  -- Text fields only (strings in the row's JSON; dates and timestamps are short strings too).
  for v_field in
    select key, value #>> '{}' as value from jsonb_each(v_row) where jsonb_typeof(value) = 'string'
  loop
    if char_length(v_field.value) > private.text_limit(v_field.key) then
      raise exception using errcode = '22001',
        message = format('%s dài %s ký tự, tối đa %s / field %s is %s characters long, %s at most',
          private.field_label(v_field.key), char_length(v_field.value), private.text_limit(v_field.key),
          v_field.key, char_length(v_field.value), private.text_limit(v_field.key));
    end if;
    if v_field.key in ('decision_no', 'source', 'note') then
      v_invisible := private.first_invisible(v_field.value, v_field.key = 'note');
      if v_invisible is not null then
        raise exception using errcode = '23514',
          message = format('%s chứa ký tự điều khiển hoặc ký tự định dạng không nhìn thấy (%s)%s, thường do sao chép từ '
            'phần mềm khác: hãy gõ lại / field %s contains an invisible control or format character (%s)%s',
            private.field_label(v_field.key), private.code_point_name(v_invisible),
            case when v_field.key = 'note' then '; ghi chú chỉ được xuống dòng bằng LF' else '' end,
            v_field.key, private.code_point_name(v_invisible),
            case when v_field.key = 'note' then '; a note may only break lines with LF' else '' end);
      end if;
      if private.is_formula_like(v_field.value) then
        raise exception using errcode = '23514',
          message = format('%s không được bắt đầu bằng =, +, -, @ hay | (kể cả dạng chữ rộng toàn khổ, và sau khoảng trắng '
            'hay dấu '') vì bảng tính sẽ chạy nó như công thức: %s / field %s must not start with =, +, -, @ or | '
            '(full width included, also after leading whitespace or an apostrophe): a spreadsheet would run it as a formula',
            private.field_label(v_field.key), left(btrim(v_field.value), 40), v_field.key);
      end if;
    end if;
    if v_field.key = 'source_url' then
      v_problem := private.source_url_problem(v_field.value);
      if v_problem = 'not_http' then
        raise exception using errcode = '23514',
          message = format('Đường dẫn nguồn phải bắt đầu bằng http:// hoặc https://: %s / source_url must be an http or https address',
            left(v_field.value, 40));
      elsif v_problem = 'userinfo' then
        raise exception using errcode = '23514',
          message = format('Đường dẫn nguồn không được có tên người dùng (dấu @ trước tên miền): trang thật là phần sau @: %s '
            '/ source_url must not hold user information (@ before the host): the link goes to the host after @',
            left(v_field.value, 80));
      elsif v_problem is not null then
        raise exception using errcode = '23514',
          message = format('Đường dẫn nguồn chứa khoảng trắng, ký tự không nhìn thấy hoặc ký tự không được phép trong địa chỉ '
            '(chỉ chữ Latin không dấu, số và - . _ ~ : / ? # & = %% …; ký tự khác phải mã hóa %%XX): %s '
            '/ source_url holds whitespace, an invisible character or a character outside RFC 3986 (percent-encode it)',
            left(regexp_replace(v_field.value, '[^ -~]', '?', 'g'), 80));
      end if;
    end if;
    if v_field.key = 'decision_date' and (v_field.value::date < date '2000-01-01' or v_field.value::date > v_today) then
      raise exception using errcode = '23514',
        message = format('Ngày quyết định %s phải từ 01/01/2000 đến hôm nay (%s, giờ Việt Nam) / decision date %s must lie between 2000-01-01 and today (%s in Viet Nam)',
          to_char(v_field.value::date, 'DD/MM/YYYY'), to_char(v_today, 'DD/MM/YYYY'), v_field.value, v_today);
    end if;
    if v_field.key = 'source_date' and v_field.value::date > v_today then
      raise exception using errcode = '23514',
        message = format('Ngày của nguồn %s nằm trong tương lai (hôm nay là %s, giờ Việt Nam) / source date %s is in the future (today is %s in Viet Nam)',
          to_char(v_field.value::date, 'DD/MM/YYYY'), to_char(v_today, 'DD/MM/YYYY'), v_field.value, v_today);
    end if;
  end loop;
  return new;
end
$$;
