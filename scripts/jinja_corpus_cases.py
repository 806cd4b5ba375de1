"""Cases for the Jinja differential test corpus.

Each case is a dict {"name", "context", "template"} (optionally "strict").
The expected outputs are produced by Python's jinja2 3.1 via
scripts/gen_jinja_corpus.py.  Naming:

  expr_ stmt_ loop_ set_ macro_ call_ filter_ test_ global_ method_ ws_ raw_
  dbt_      templates in the style of real dbt macros / models
  err_      must raise (parse or render time)
  strict_   rendered with StrictUndefined (strict_err_ must raise)

Contexts must be JSON (no tuples, no non-string keys): the Swift side only
ever sees the JSON written into the .txt file.
"""

CASES = []


def C(name, template, context=None, **extra):
    case = {"name": name, "context": context if context is not None else {}, "template": template}
    case.update(extra)
    CASES.append(case)


# ---------------------------------------------------------------------------
# Basic syntax: text, comments, trailing newlines, stray braces
# ---------------------------------------------------------------------------

C("expr_plain_text", "hello world")
C("expr_empty_template", "")
C("expr_print_variable", "Hello {{ name }}!", {"name": "World"})
C("expr_print_no_spaces", "{{name}}|{{  name  }}", {"name": "x"})
C("expr_multiline_template", "line one\n{{ a }}\nline three\n  {{ b }}  \nend", {"a": 1, "b": "two"})
C("ws_trailing_newline_removed", "abc\n")
C("ws_two_trailing_newlines_keep_one", "abc\n\n")
C("ws_no_trailing_newline", "abc")
C("ws_trailing_newline_after_tag", "{{ 1 }}\n")
C("ws_only_newline", "\n")
C("ws_crlf_normalised", "a\r\nb\r\n{{ 'c' }}\r\nd")
C("ws_leading_newline_kept", "\n\nx")
C("expr_comment_inline", "a{# a comment #}b")
C("expr_comment_multiline", "before\n{# line 1\n   line 2 {{ not evaluated }}\n   {% if %} #}\nafter")
C("expr_comment_with_braces", "{# {{ x }} {% for %} #}ok")
C("expr_comment_only", "{# nothing #}")
C("expr_stray_braces_text", "a { b } c {} } { {x} }}")
C("expr_stray_single_brace_around_expr", "{ {{ x }} } {{ '{' ~ x ~ '}' }}", {"x": 1})
C("expr_brace_strings_in_expr", "{{ '{{' }}x{{ '}}' }} {{ '{%' ~ '%}' }}")
C("expr_percent_and_hash_text", "100% sure # not a comment {# but this is #}!")
C("expr_closing_delims_in_text", "a }} b %} c #} d")
C("expr_unicode_text", "héllo – ünïcode ✓ {{ s }} 日本", {"s": "ñ"})

# ---------------------------------------------------------------------------
# Whitespace control
# ---------------------------------------------------------------------------

C("ws_expr_strip_both", "a  \n  {{- 'x' -}}  \n  b")
C("ws_expr_strip_left", "a  \n  {{- 'x' }}  \n  b")
C("ws_expr_strip_right", "a  \n  {{ 'x' -}}  \n  b")
C("ws_block_default_keeps_newlines", "<ul>\n{% for i in xs %}\n  <li>{{ i }}</li>\n{% endfor %}\n</ul>", {"xs": [1, 2]})
C("ws_block_strip_both", "<ul>\n{%- for i in xs -%}\n  <li>{{ i }}</li>\n{%- endfor -%}\n</ul>", {"xs": [1, 2]})
C("ws_block_strip_left_only", "a\n  {%- if true %}\n  b\n  {%- endif %}\nc")
C("ws_block_strip_right_only", "a\n  {% if true -%}\n  b\n  {% endif -%}\nc")
C("ws_comment_strip", "a  {#- c -#}  b\n{#- c2 #}\nc")
C("ws_comment_strip_right", "a {# c -#}\n\n   b")
C("ws_strip_across_multiple_newlines", "x\n\n\n{{- 1 -}}\n\n\ny")
C("ws_set_strip", "{%- set a = 1 -%}\n\n{{ a }}\n{%- set b = 2 %}\n{{ b }}")
C("ws_if_else_strip_mixed", "[\n{%- if flag %}\n yes\n{%- else -%}\n no\n{% endif -%}\n]", {"flag": False})
C("ws_macro_strip", "{%- macro m(x) -%}\n  <{{ x }}>\n{%- endmacro -%}\n{{ m(1) }}\n{{- m(2) }}")
C("ws_strip_tabs_and_spaces", "a\t \t{{- 'b' -}}\t \tc")
C("ws_strip_does_not_cross_text", "a b{{- '' -}}c d")
C("ws_plus_sign_is_not_special", "a\n  {%+ if true %}b{% endif %}")

# ---------------------------------------------------------------------------
# Raw blocks
# ---------------------------------------------------------------------------

C("raw_basic", "{% raw %}{{ x }} {% if %}{# c #}{% endraw %}", {"x": 1})
C("raw_multiline", "a\n{% raw %}\n  {{ x }}\n  {% for i in y %}\n{% endraw %}\nb")
C("raw_whitespace_control", "a  {%- raw -%}  {{ x }}  {%- endraw -%}  b")
C("raw_strip_outer_only", "a  {%- raw %}  {{ x }}  {% endraw -%}  b")
C("raw_contains_endfor_and_comment_end", "{% raw %}{% endfor %} #} }}{% endraw %}")
C("raw_mixed_with_expressions", "{{ 1 }}{% raw %}{{ 2 }}{% endraw %}{{ 3 }}")
C("raw_empty", "[{% raw %}{% endraw %}]")

# ---------------------------------------------------------------------------
# Literals and printing (Python repr rules)
# ---------------------------------------------------------------------------

C("expr_string_single_double_quotes", """{{ 'single' }} {{ "double" }} {{ "it's" }} {{ 'say "hi"' }}""")
C("expr_string_escapes", r"""{{ 'a\nb' }}|{{ 'tab\there' }}|{{ 'back\\slash' }}|{{ 'it\'s' }}|{{ "q\"q" }}""")
C("expr_string_unicode_escapes", r"""{{ '\u00e9' }}{{ '\x41' }}{{ 'é' }}{{ '\u2713' }}""")
C("expr_string_adjacent_concatenation", """{{ 'a' "b" 'c' }}""")
C("expr_int_literals", "{{ 0 }} {{ 42 }} {{ 1_000 }} {{ 1_000_000 }} {{ 00 }}")
C("expr_int_hex_octal_binary", "{{ 0x1F }} {{ 0o17 }} {{ 0b101 }} {{ 0xff + 1 }}")
C("expr_float_literals", "{{ 1.5 }} {{ 1e3 }} {{ 1E3 }} {{ 2.5e-3 }} {{ 1_0.5 }} {{ 0.0 }}")
C("expr_bool_none_literals", "{{ true }} {{ True }} {{ false }} {{ False }} {{ none }} {{ None }}")
C("expr_print_list_repr", """{{ [1, 'a', "b", none, true, 1.0, [2]] }}""")
C("expr_print_tuple_repr", "{{ (1,) }} {{ () }} {{ (1, 2) }} {{ ('a', (none,)) }}")
C("expr_print_dict_repr", """{{ {'a': 1, 2: 'b', 'c': [1, {'d': none}]} }} {{ {} }}""")
C("expr_print_bare_tuple", "{{ 1, 2 }}")
C("expr_trailing_commas", "{{ [1, 2,] }} {{ {'a': 1,} }} {{ (1, 2,) }}")
C("expr_repr_string_quoting", r"""{{ ["it's", 'a"b', 'both\'"', 'plain'] }}""")
C("expr_repr_string_escapes", r"""{{ ['a\nb', 'tab\t', 'back\\', 'é', '\x01'] }}""")
C("expr_repr_context_values", "{{ data }}", {"data": {"name": "x", "tags": ["a", "b"], "n": None, "ok": True, "f": 2.0}})
C("expr_float_repr", "{{ 1.0 }} {{ 0.1 + 0.2 }} {{ 1e16 }} {{ 1e15 }} {{ 2.5e-7 }} {{ 0.0001 }} {{ 123456789.123 }}")
C("expr_float_repr_more", "{{ 1/3 }} {{ 2/3 }} {{ 100.0 }} {{ 1e22 }} {{ 1.5e300 * 1 }} {{ -0.0 }} {{ 3.0 * 1.1 }}")
C("expr_division_results", "{{ 10 / 4 }} {{ 4 / 2 }} {{ 1 / 3 }} {{ -1 / 3 }} {{ 7 / 7 }}")
C("expr_big_ints", "{{ 9223372036854775807 }} {{ -9223372036854775807 }} {{ 2 ** 62 }} {{ 10 ** 18 }} {{ 4294967296 * 4 }}")
C("expr_context_number_types", "{{ i }} {{ f }} {{ f2 }} {{ i / 2 }} {{ f * 2 }}", {"i": 3, "f": 2.5, "f2": 10.0})

# ---------------------------------------------------------------------------
# Operators
# ---------------------------------------------------------------------------

C("expr_arith_ints", "{{ 1 + 2 }} {{ 5 - 7 }} {{ 3 * 4 }} {{ 7 / 2 }} {{ 7 // 2 }} {{ 7 % 3 }} {{ 2 ** 10 }}")
C("expr_arith_floats", "{{ 1.5 + 2.5 }} {{ 0.5 - 1 }} {{ 1.5 * 2 }} {{ 7.5 // 2 }} {{ 7.5 % 2 }} {{ 2 ** 0.5 }} {{ 2 ** -1 }}")
C("expr_floor_div_mod_negative", "{{ -7 // 2 }} {{ 7 // -2 }} {{ -7 % 3 }} {{ 7 % -3 }} {{ -7 % -3 }} {{ -7.5 % 2 }} {{ -7.5 // 2 }}")
C("expr_arith_mixed_context", "{{ a + b }} {{ a * b }} {{ a - b }} {{ a / b }} {{ a // b }}", {"a": 7, "b": 2.0})
C("expr_unary_minus_plus", "{{ -x }} {{ - -x }} {{ +x }} {{ -(x + 1) }} {{ +1.5 }} {{ -0 }}", {"x": 2})
C("expr_unary_minus_binds_looser_than_pow", "{{ -2 ** 2 }} {{ (-2) ** 2 }} {{ -(2 ** 2) }} {{ 2 ** 3 ** 2 }}")
C("expr_unary_minus_before_filter", "{{ -3 | abs }} {{ -x | abs }} {{ -3.7 | int }}", {"x": 5})
C("expr_string_concat_plus", "{{ 'a' + 'b' }} {{ s + '!' }}", {"s": "hi"})
C("expr_string_concat_tilde", "{{ 'a' ~ 1 ~ none ~ true ~ 1.5 }} {{ 'x' ~ [1, 'y'] }} {{ 1 ~ 2 }}")
C("expr_tilde_with_undefined", "[{{ 'a' ~ missing ~ 'b' }}]")
C("expr_tilde_precedence", "{{ 'a' ~ 2 * 3 }} {{ (1 + 2) ~ 3 }} {{ 'n=' ~ (1 + 2) }} {{ 2 * 3 ~ 4 }}")
C("expr_string_repeat", "{{ 'ab' * 3 }} {{ 3 * 'x' }} [{{ 'a' * 0 }}] [{{ 'a' * -1 }}]")
C("expr_list_concat_repeat", "{{ [1] + [2, 3] }} {{ [0] * 3 }} {{ [] * 5 }} {{ xs + ['z'] }}", {"xs": ["a"]})
C("expr_comparisons", "{{ 1 < 2 }} {{ 2 <= 2 }} {{ 3 > 4 }} {{ 4 >= 4 }} {{ 1 != 2 }} {{ 'a' < 'b' }} {{ 'B' < 'a' }}")
C("expr_chained_comparison", "{{ 1 < x < 3 }} {{ 1 < x > 5 }} {{ 3 > x > 1 }} {{ 1 == 1 == 1 }} {{ 0 < x <= 2 < 3 }}", {"x": 2})
C("expr_equality_across_types", "{{ 1 == 1.0 }} {{ 1 == true }} {{ 0 == false }} {{ '1' == 1 }} {{ none == none }} {{ none == false }} {{ [1] == [1] }} {{ (1, 2) == [1, 2] }}")
C("expr_list_comparison", "{{ [1, 2] < [1, 3] }} {{ [1] < [1, 0] }} {{ 'abc' < 'abd' }} {{ (1, 2) == (1, 2) }}")
C("expr_in_operator", "{{ 'b' in 'abc' }} {{ '' in 'abc' }} {{ 2 in [1, 2] }} {{ 'a' in {'a': 1} }} {{ 1 in {'a': 1} }} {{ 3 not in [1] }} {{ not 3 in [1] }}")
C("expr_in_context_values", "{{ 'x' in tags }} {{ 'k' in cfg }} {{ 'v' in cfg }} {{ 'ell' in word }}", {"tags": ["x", "y"], "cfg": {"k": "v"}, "word": "hello"})
C("expr_and_or_return_operands", "{{ 0 or 'x' }}|{{ '' and 1 }}|{{ 1 and 2 }}|{{ none or [] }}|{{ [] or {} or '' or 0 or none }}|{{ 'a' or 'b' }}|{{ 0 and 1 }}|{{ [] and 1 }}")
C("expr_not_operator", "{{ not 0 }} {{ not 'a' }} {{ not not 'a' }} {{ not [] }} {{ not none }} {{ not missing }}")
C("expr_and_or_precedence", "{{ true or false and false }} {{ (true or false) and false }} {{ not true or true }} {{ not (true or true) }} {{ 1 and 'x' or 'y' }} {{ 0 and 'x' or 'y' }}")
C("expr_arith_precedence", "{{ 1 + 2 * 3 }} {{ (1 + 2) * 3 }} {{ 2 * 3 ** 2 }} {{ 10 - 4 - 3 }} {{ 2 ** 2 * 3 }} {{ 17 % 5 * 2 }} {{ 10 / 4 * 2 }}")
C("expr_not_binds_looser_than_is", "{{ not missing is defined }} {{ not 1 == 2 }} {{ not 'a' in 'abc' }}")
C("expr_conditional_with_else", "{{ 'y' if x else 'n' }} {{ 'y' if not x else 'n' }} {{ 1 if false else 2 + 3 }}", {"x": 1})
C("expr_conditional_without_else", "[{{ 'y' if false }}] [{{ 'y' if true }}] {{ ('y' if false) is defined }}")
C("expr_conditional_nested", "{% for v in [1, 2, 3] %}{{ 'one' if v == 1 else 'two' if v == 2 else 'many' }} {% endfor %}")
C("expr_attribute_and_subscript", "{{ d.a }} {{ d['a'] }} {{ d.b.c }} {{ d['b']['c'] }} {{ d.b['c'] }} {{ d['k-1'] }}", {"d": {"a": 1, "b": {"c": "deep"}, "k-1": "dash"}})
C("expr_list_index_negative", "{{ xs[0] }} {{ xs[-1] }} {{ xs[-2] }} {{ xs.0 }} {{ xs.1 }} {{ rows[1].name }} {{ rows[-1]['name'] }}", {"xs": [10, 20, 30], "rows": [{"name": "a"}, {"name": "b"}]})
C("expr_subscript_with_expression", "{{ d[key] }} {{ d[key ~ '2'] }} {{ xs[i + 1] }} {{ d[xs[0]] }}", {"d": {"k": 1, "k2": 2, "a": 3}, "key": "k", "xs": ["a", "b", "c"], "i": 0})
C("expr_missing_key_and_index_print_empty", "[{{ d.zz }}][{{ d['zz'] }}][{{ xs[10] }}][{{ xs['a'] }}][{{ none.x }}]", {"d": {}, "xs": [1]})
C("expr_dict_method_shadows_key", "{{ d['items'] }} {{ d.items is callable }} {{ d['values'] }} {{ d.keys is callable }} {{ d.name }}", {"d": {"items": 5, "values": [1], "name": "n"}})
C("expr_slicing_lists", "{{ xs[1:] }} {{ xs[:-1] }} {{ xs[::2] }} {{ xs[::-1] }} {{ xs[1:3] }} {{ xs[5:] }} {{ xs[-2:] }} {{ xs[:] }}", {"xs": [1, 2, 3, 4, 5]})
C("expr_slicing_strings", "{{ s[1:] }} {{ s[:-1] }} {{ s[::2] }} {{ s[::-1] }} {{ s[-3:] }} {{ s[2:4] }} [{{ s[10:] }}] {{ s[0] }} {{ s[-1] }}", {"s": "abcdef"})
C("expr_slicing_with_vars", "{{ xs[a:b] }} {{ xs[:n] }} {{ xs[n:] }}", {"xs": [1, 2, 3, 4], "a": 1, "b": 3, "n": 2})
C("expr_call_positional_keyword", "{{ '{0}-{x}'.format(1, x=2) }} {{ dict(a=1, b='c') }} {{ range(1, 4)|list }}")
C("expr_filter_basic", "{{ 'x'|upper }} {{ 'x' | upper }} {{ 'a-b'|replace('-', '_') }} {{ 'abc'|length }}")
C("expr_filter_chained", "{{ '  Hello  '|trim|lower|replace('l', 'L') }} {{ [3, 1, 2]|sort|first }} {{ xs|map('upper')|join('/') }}", {"xs": ["a", "b"]})
C("expr_filter_on_parenthesised", "{{ (1 + 2)|string ~ '!' }} {{ ('a' ~ 'b')|upper }} {{ (xs + [0])|sort|list }} {{ (-5)|abs }}", {"xs": [3, 1]})
C("expr_filter_binds_tighter_than_operators", "{{ 'a'|upper ~ 'b' }} {{ 2 * xs|length }} {{ 'x' ~ 'y'|upper }} {{ 1 + xs|sum }}", {"xs": [1, 2]})
C("expr_filter_on_literals", "{{ [1, 2]|sum }} {{ {'b': 1, 'a': 2}|dictsort }} {{ 'abc'|list }} {{ 12|string|length }}")
C("expr_percent_format", "{{ '%s-%05d' % (a, b) }} {{ '%.2f' % 3.14159 }} {{ '%r' % 'x' }} {{ '%x' % 255 }} {{ '100%%' % () }}", {"a": "id", "b": 42})
C("expr_percent_format_more", "{{ '%s' % 'single' }} {{ '%s' % [1, 2] }} {{ '%(a)s/%(b)d' % {'a': 'x', 'b': 2} }} {{ '%5s|%-5s|' % ('r', 'l') }} {{ '%d%%' % 50 }} {{ '%i %o %X %e' % (3, 8, 255, 1234.5) }}")
C("expr_percent_format_float_int", "{{ '%d' % 3.9 }} {{ '%s' % 1.0 }} {{ '%.0f' % 2.5 }} {{ '%.1f' % 0.05 }} {{ '%+d' % 5 }} {{ '%s' % none }}")
C("expr_is_test_forms", "{{ 6 is divisibleby 3 }} {{ 6 is divisibleby(4) }} {{ x is not none }} {{ x is none }} {{ 'a' is in 'abc' }} {{ 3 is gt 2 }} {{ 3 is not lt(2) }}", {"x": 1})
C("expr_is_test_in_if", "{% if n is odd %}odd{% else %}even{% endif %} {% if n is not divisibleby 5 %}nd5{% endif %}", {"n": 7})
C("expr_nested_data_access", "{{ cfg.models[0].columns[1].name }} {{ cfg['models'][0]['columns']|length }}", {"cfg": {"models": [{"columns": [{"name": "id"}, {"name": "ts"}]}]}})
C("expr_string_literal_is_str", "{{ 'abc'.upper() }} {{ 'a b'.split() }} {{ '  x  '.strip() }}")
C("expr_concat_in_loop_output", "{% for i in range(3) %}{{ 'col_' ~ i ~ (', ' if not loop.last else '') }}{% endfor %}")
C("expr_bool_arith", "{{ true + 1 }} {{ true + true }} {{ false * 5 }} {{ 10 * true }}")
C("expr_none_prints_none", "{{ none }}|{{ x }}|{{ [x] }}|{{ x ~ '' }}", {"x": None})
C("expr_empty_values_print", "[{{ '' }}][{{ [] }}][{{ {} }}][{{ 0 }}][{{ false }}]")

# ---------------------------------------------------------------------------
# Python methods on strings, lists, dicts
# ---------------------------------------------------------------------------

C("method_str_case", "{{ s.lower() }} {{ s.upper() }} {{ s.title() }} {{ s.capitalize() }} {{ s.swapcase() }}", {"s": "hELLO wOrld it's"})
C("method_str_strip", "[{{ s.strip() }}][{{ s.lstrip() }}][{{ s.rstrip() }}][{{ t.strip('x') }}][{{ t.lstrip('xa') }}][{{ t.rstrip('x') }}]", {"s": "  pad  ", "t": "xxaxbxx"})
C("method_str_split", "{{ s.split() }} {{ s.split(' ') }} {{ c.split(',') }} {{ c.split(',', 1) }} {{ c.rsplit(',', 1) }} {{ ''.split(',') }}", {"s": " a  b c ", "c": "x,y,,z"})
C("method_str_split_maxsplit_kw", "{{ 'a.b.c'.split('.', maxsplit=1) }} {{ 'a b'.split(none, 1) }}")
C("method_str_replace", "{{ s.replace('a', 'o') }} {{ s.replace('a', 'o', 1) }} {{ s.replace('zz', 'y') }} {{ s.replace('', '-') }}", {"s": "banana"})
C("method_str_startswith_endswith", "{{ s.startswith('ab') }} {{ s.endswith('yz') }} {{ s.startswith(('x', 'a')) }} {{ s.endswith(('q', 'z')) }} {{ s.startswith('b', 1) }}", {"s": "abxyz"})
C("method_str_format_positional", "{{ '{} and {}'.format('a', 'b') }} {{ '{1}{0}{1}'.format('x', 'y') }} {{ '{}'.format(none) }} {{ '{}'.format([1]) }}")
C("method_str_format_named", "{{ '{name} is {age}'.format(name='Bob', age=30) }} {{ '{0}.{t}'.format('s', t='tbl') }} {{ '{d[k]}'.format(d={'k': 'v'}) }}")
C("method_str_format_specs", "{{ '{:.2f}'.format(3.14159) }}|{{ '{:>8}'.format('r') }}|{{ '{:<6}'.format('l') }}|{{ '{:^7}'.format('c') }}|{{ '{:,}'.format(1234567) }}|{{ '{:05d}'.format(42) }}|{{ '{:x}'.format(255) }}|{{ '{:.1%}'.format(0.256) }}")
C("method_str_format_braces", "{{ '{{literal}} {}'.format('x') }} {{ '{!r}'.format('q') }}")
C("method_str_join", "{{ ', '.join(xs) }} {{ ''.join(['a', 'b']) }} {{ '-'.join('abc') }} {{ ','.join(d) }}", {"xs": ["x", "y"], "d": {"k1": 1, "k2": 2}})
C("method_str_count_find", "{{ s.count('a') }} {{ s.count('an') }} {{ s.find('n') }} {{ s.find('z') }} {{ s.rfind('a') }} {{ s.index('b') }}", {"s": "banana"})
C("method_str_predicates", "{{ '123'.isdigit() }} {{ 'abc'.isalpha() }} {{ 'ab1'.isalnum() }} {{ '  '.isspace() }} {{ 'Ab'.islower() }} {{ 'AB'.isupper() }}")
C("method_str_misc", "{{ 'a'.zfill(3) }} {{ 'ab'.center(6, '*') }} {{ 'x'.ljust(3, '.') }}| {{ 'x'.rjust(3) }} {{ 'a=b=c'.partition('=') }}")
C("method_list_append_do", "{% set xs = [1] %}{% do xs.append(2) %}{% do xs.append([3]) %}{{ xs }}")
C("method_list_append_set_underscore", "{% set xs = [] %}{% set _ = xs.append('a') %}{% set _ = xs.append('b') %}{{ xs }} {{ _ }}")
C("method_list_extend_insert", "{% set xs = [1, 2] %}{% do xs.extend([3, 4]) %}{% do xs.insert(0, 0) %}{% do xs.insert(-1, 'x') %}{{ xs }}")
C("method_list_pop", "{% set xs = [1, 2, 3, 4] %}{{ xs.pop() }} {{ xs.pop(0) }} {{ xs }} {{ xs.pop(-1) }} {{ xs }}")
C("method_list_index_count", "{{ xs.index('b') }} {{ xs.count('a') }} {{ xs.count('z') }} {{ xs.index('a', 1) }}", {"xs": ["a", "b", "a", "c"]})
C("method_list_remove_reverse_sort", "{% set xs = [3, 1, 2, 1] %}{% do xs.remove(1) %}{{ xs }}{% do xs.reverse() %}{{ xs }}{% do xs.sort() %}{{ xs }}")
C("method_list_mutate_context", "{% do xs.append(4) %}{{ xs|length }} {{ xs }}", {"xs": [1, 2, 3]})
C("method_list_append_returns_none", "{{ xs.append(1) }} {{ xs }}", {"xs": []})
C("method_dict_items_keys_values", "{% for k, v in d.items() %}{{ k }}={{ v }};{% endfor %} {{ d.keys()|list }} {{ d.values()|list }} {{ d.items()|list }}", {"d": {"b": 1, "a": 2}})
C("method_dict_get", "{{ d.get('a') }} {{ d.get('z') }} {{ d.get('z', 'dflt') }} {{ d.get('z', none) is none }} {{ d.get('a', 9) }}", {"d": {"a": 1}})
C("method_dict_update", "{% set d = {'a': 1} %}{% do d.update({'b': 2}) %}{% do d.update(c=3) %}{% do d.update({'a': 0}) %}{{ d }}")
C("method_dict_pop_setdefault", "{% set d = {'a': 1, 'b': 2} %}{{ d.pop('a') }} {{ d.pop('z', 'none') }} {{ d }} {{ d.setdefault('c', []) }} {% do d.setdefault('c', []).append(1) %}{{ d }} {{ d.setdefault('b', 5) }}")
C("method_dict_copy_is_independent", "{% set a = {'x': 1} %}{% set b = a.copy() %}{% do b.update({'y': 2}) %}{{ a }} {{ b }}")
C("method_dict_shared_reference", "{% set a = {'x': 1} %}{% set b = a %}{% do b.update({'y': 2}) %}{{ a }}")
C("method_mutation_through_macro_arg", "{% macro add(cols, name) %}{% do cols.append(name) %}{% endmacro %}{% set cols = ['id'] %}{{ add(cols, 'ts') }}{{ add(cols, 'v') }}{{ cols|join(',') }}")
C("method_dict_mutation_in_loop_visible", "{% set seen = {} %}{% for x in xs %}{% do seen.update({x: seen.get(x, 0) + 1}) %}{% endfor %}{{ seen }}", {"xs": ["a", "b", "a", "c", "a"]})
C("method_list_mutation_in_loop_visible", "{% set out = [] %}{% for x in xs if x is odd %}{% do out.append(x * 10) %}{% endfor %}{{ out }}", {"xs": [1, 2, 3, 4, 5]})
C("method_chained_calls", "{{ s.strip().lower().replace(' ', '_') }} {{ s.split()[1].upper() }}", {"s": "  Hello World  "})
C("method_int_float_methods", "{{ (255).bit_length() }} {{ (2.5).is_integer() }} {{ (3.0).is_integer() }}")

# ---------------------------------------------------------------------------
# if / elif / else
# ---------------------------------------------------------------------------

C("stmt_if_basic", "{% if x %}yes{% endif %}|{% if not x %}no{% endif %}", {"x": True})
C("stmt_if_elif_else", "{% for n in [1, 2, 3, 4] %}{% if n == 1 %}one{% elif n == 2 %}two{% elif n == 3 %}three{% else %}other{% endif %} {% endfor %}")
C("stmt_if_nested", "{% if a %}{% if b %}ab{% else %}a{% endif %}{% else %}{% if b %}b{% else %}none{% endif %}{% endif %}", {"a": True, "b": False})
C("stmt_if_truthiness_empty", "{% for v in [[], {}, '', 0, 0.0, none, false, [0], ' ', '0', 1, -1] %}{% if v %}T{% else %}F{% endif %}{% endfor %}")
C("stmt_if_truthiness_context", "{% if el %}1{% endif %}{% if ed %}2{% endif %}{% if es %}3{% endif %}{% if missing %}4{% endif %}{% if nz %}5{% endif %}{% if nn %}6{% endif %}", {"el": [], "ed": {}, "es": "", "nz": 0, "nn": None})
C("stmt_if_truthiness_nonempty", "{% if l %}1{% endif %}{% if d %}2{% endif %}{% if s %}3{% endif %}{% if n %}4{% endif %}{% if f %}5{% endif %}", {"l": [0], "d": {"a": None}, "s": " ", "n": -1, "f": 0.1})
C("stmt_if_undefined_is_false", "{% if missing %}yes{% else %}no{% endif %} {% if d.attr is defined %}d{% else %}u{% endif %}", {"d": {}})
C("stmt_if_complex_condition", "{% if (a > 1 and b) or c in ['x', 'y'] %}match{% endif %}", {"a": 0, "b": True, "c": "y"})
C("stmt_if_multiline", "{% if\n   x\n   and y\n%}both{% endif %}", {"x": 1, "y": 2})
C("stmt_if_inline_elif_chain_whitespace", "{% if x == 'a' %}\nA\n{% elif x == 'b' %}\nB\n{% endif %}\n", {"x": "b"})

# ---------------------------------------------------------------------------
# for loops
# ---------------------------------------------------------------------------

C("loop_over_list", "{% for x in xs %}[{{ x }}]{% endfor %}", {"xs": ["a", "b", "c"]})
C("loop_over_string", "{% for ch in 'abc' %}{{ ch }}.{% endfor %}")
C("loop_over_dict_keys", "{% for k in d %}{{ k }},{% endfor %}", {"d": {"z": 1, "a": 2, "m": 3}})
C("loop_over_dict_items", "{% for k, v in d.items() %}{{ k }}={{ v }} {% endfor %}", {"d": {"z": 1, "a": 2}})
C("loop_over_dictsort", "{% for k, v in d|dictsort %}{{ k }}={{ v }} {% endfor %}", {"d": {"z": 1, "a": 2, "m": 0}})
C("loop_tuple_unpacking", "{% for a, b in pairs %}{{ a }}:{{ b }} {% endfor %}{% for (a, b) in [(1, 2)] %}{{ a + b }}{% endfor %}", {"pairs": [[1, "x"], [2, "y"]]})
C("loop_nested_unpacking", "{% for a, (b, c) in [[1, [2, 3]], [4, [5, 6]]] %}{{ a }}{{ b }}{{ c }} {% endfor %}")
C("loop_else_when_empty", "{% for x in [] %}{{ x }}{% else %}empty{% endfor %}|{% for x in [1] %}{{ x }}{% else %}empty{% endfor %}")
C("loop_else_when_all_filtered", "{% for x in [1, 2] if x > 5 %}{{ x }}{% else %}none matched{% endfor %}")
C("loop_index_variables", "{% for x in 'abc' %}{{ loop.index }}{{ loop.index0 }}{{ loop.revindex }}{{ loop.revindex0 }}{{ loop.length }} {% endfor %}")
C("loop_first_last", "{% for x in xs %}{% if loop.first %}<{% endif %}{{ x }}{% if not loop.last %},{% else %}>{% endif %}{% endfor %}", {"xs": [1, 2, 3]})
C("loop_single_item_first_and_last", "{% for x in [1] %}{{ loop.first }} {{ loop.last }} {{ loop.length }} {{ loop.revindex }}{% endfor %}")
C("loop_cycle", "{% for x in range(5) %}{{ loop.cycle('odd', 'even') }} {% endfor %}|{% for x in range(4) %}{{ loop.cycle(1, 2, 3) }}{% endfor %}")
C("loop_previtem_nextitem", "{% for x in xs %}({{ loop.previtem }}|{{ x }}|{{ loop.nextitem }}){% endfor %}", {"xs": [1, 2, 3]})
C("loop_previtem_is_undefined_on_first", "{% for x in [1, 2] %}{{ loop.previtem is defined }}/{{ loop.nextitem is defined }} {% endfor %}")
C("loop_changed", "{% for x in [1, 1, 2, 2, 1, 3] %}{% if loop.changed(x) %}{{ x }}{% endif %}{% endfor %}")
C("loop_depth_flat", "{% for x in [1, 2] %}{{ loop.depth }}{{ loop.depth0 }}{% endfor %}")
C("loop_filter_condition", "{% for x in xs if x > 1 %}{{ x }}:{{ loop.index }}/{{ loop.length }}{{ '!' if loop.last }} {% endfor %}", {"xs": [3, 1, 2, 0, 5]})
C("loop_filter_with_test", "{% for x in xs if x is not none and x is string %}{{ loop.index0 }}={{ x }} {% endfor %}", {"xs": ["a", None, 1, "b"]})
C("loop_filter_uses_outer_vars", "{% set min = 2 %}{% for x in xs if x >= min %}{{ x }}{% endfor %}", {"xs": [1, 2, 3]})
C("loop_nested_loop_shadowing", "{% for x in 'ab' %}{% for y in 'xyz' %}{{ loop.index }}{% endfor %}:{{ loop.index }} {% endfor %}")
C("loop_outer_loop_via_set", "{% for x in 'ab' %}{% set outer = loop %}{% for y in 'xy' %}{{ outer.index }}.{{ loop.index }} {% endfor %}{% endfor %}")
C("loop_variable_does_not_leak", "{% for x in [1, 2] %}{% endfor %}[{{ x }}]|{% for y in [1] %}{% endfor %}[{{ y }}]", {"x": "outer"})
C("loop_loop_undefined_outside", "[{{ loop }}][{{ loop is defined }}]")
C("loop_recursive_tree", "{% for n in tree recursive %}{{ n.name }}{% if n.children %}({{ loop(n.children) }}){% endif %}{% if not loop.last %},{% endif %}{% endfor %}",
  {"tree": [{"name": "a", "children": [{"name": "b", "children": []}, {"name": "c", "children": [{"name": "d"}]}]}, {"name": "e"}]})
C("loop_recursive_depth", "{% for n in tree recursive %}{{ '  ' * loop.depth0 }}{{ loop.depth }}:{{ n.k }}\n{% if n.c %}{{ loop(n.c) }}{% endif %}{% endfor %}",
  {"tree": [{"k": "root", "c": [{"k": "x", "c": [{"k": "y"}]}, {"k": "z"}]}]})
C("loop_over_range", "{% for i in range(3) %}{{ i }}{% endfor %}|{% for i in range(2, 5) %}{{ i }}{% endfor %}|{% for i in range(10, 0, -3) %}{{ i }},{% endfor %}")
C("loop_over_nested_lists", "{% for row in m %}{% for c in row %}{{ c }}{% if not loop.last %} {% endif %}{% endfor %}\n{% endfor %}", {"m": [[1, 2], [3, 4]]})
C("loop_over_list_of_dicts", "{% for r in rows %}{{ r.id }}:{{ r['name']|upper }};{% endfor %}", {"rows": [{"id": 1, "name": "a"}, {"id": 2, "name": "b"}]})
C("loop_undefined_iterates_empty", "[{% for x in missing %}{{ x }}{% endfor %}]{% for x in missing %}{% else %}else{% endfor %}")
C("loop_loop_length_with_filter_in_nested", "{% for x in xs if x %}{{ loop.length }}{% for y in xs %}{{ loop.length }}{% endfor %} {% endfor %}", {"xs": [0, 1, 2]})
C("loop_revindex_with_filter", "{% for x in range(6) if x is even %}{{ x }}:{{ loop.revindex }}:{{ loop.revindex0 }} {% endfor %}")
C("loop_set_inside_loop_per_iteration", "{% for x in [1, 2, 3] %}{% set y = x * 2 %}{{ y }}{% endfor %}")
C("loop_reads_outer_then_shadows", "{% set y = 'outer' %}{% for i in [1] %}{{ y }}{% set y = 'inner' %}-{{ y }}{% endfor %}-{{ y }}")
C("loop_mutating_list_while_building", "{% set acc = [] %}{% for x in range(3) %}{% do acc.append(acc|length) %}{% endfor %}{{ acc }}")
C("loop_over_dict_values_sorted", "{% for v in d.values()|sort %}{{ v }}{% endfor %}", {"d": {"a": 3, "b": 1, "c": 2}})
C("loop_items_filter", "{% for k, v in d|items %}{{ k }}{{ v }}{% endfor %}", {"d": {"x": 1, "y": 2}})
C("loop_loop_index_arith", "{% for x in xs %}{{ (loop.index0 * 10) + x }}{{ ',' if loop.revindex > 1 }}{% endfor %}", {"xs": [1, 2, 3]})

# ---------------------------------------------------------------------------
# set / scoping / namespace / with
# ---------------------------------------------------------------------------

C("set_simple", "{% set a = 1 %}{% set b = 'two' %}{% set c = [a, b] %}{{ a }} {{ b }} {{ c }}")
C("set_tuple_unpacking", "{% set a, b = 1, 2 %}{{ a }}{{ b }} {% set (c, d) = [3, 4] %}{{ c }}{{ d }} {% set e, f = 'xy' %}{{ e }}{{ f }}")
C("set_swap", "{% set a, b = 1, 2 %}{% set a, b = b, a %}{{ a }}{{ b }}")
C("set_block", "{% set sql %}select *\nfrom {{ tbl }}{% endset %}[{{ sql }}] {{ sql|length }}", {"tbl": "t"})
C("set_block_with_filter", "{% set x | upper %}ab{{ 'c' }}{% endset %}{{ x }}")
C("set_block_with_chained_filters", "{% set y | trim | replace('a', 'b') | upper %}  aa {% endset %}[{{ y }}]")
C("set_block_with_whitespace_control", "{%- set body -%}\n   select 1\n{%- endset -%}\n[{{ body }}]")
C("set_block_is_string", "{% set n %}42{% endset %}{{ n is string }} {{ n|int + 1 }}")
C("set_overwrites_context", "{{ x }}{% set x = 'local' %}{{ x }}", {"x": "ctx"})
C("set_top_level_read_before_assign", "{{ x }}|{% set x = 1 %}{{ x }}", {"x": 2})
C("set_inside_for_does_not_leak", "{% set c = 0 %}{% for i in [1, 2, 3] %}{% set c = c + i %}{% endfor %}{{ c }}")
C("set_inside_if_leaks", "{% if true %}{% set q = 5 %}{% endif %}{{ q }}|{% if false %}{% else %}{% set r = 6 %}{% endif %}{{ r }}")
C("set_namespace_carries_out_of_loop", "{% set ns = namespace(total=0, names=[]) %}{% for r in rows %}{% set ns.total = ns.total + r.v %}{% do ns.names.append(r.n) %}{% endfor %}{{ ns.total }} {{ ns.names }}",
  {"rows": [{"n": "a", "v": 1}, {"n": "b", "v": 2}]})
C("set_namespace_found_flag", "{% set ns = namespace(found=false) %}{% for x in xs %}{% if x == 'b' %}{% set ns.found = true %}{% endif %}{% endfor %}{{ ns.found }}", {"xs": ["a", "b"]})
C("set_namespace_missing_attr", "{% set ns = namespace(a=1) %}[{{ ns.nope }}][{{ ns.nope is defined }}][{{ ns.a is defined }}]")
C("set_namespace_self_reference", "{% set ns = namespace(items=[], count=0) %}{% for i in range(3) %}{% set ns.count = ns.count + ns.items|length %}{% do ns.items.append(i) %}{% endfor %}{{ ns.count }} {{ ns.items }}")
C("set_namespace_nested_loops", "{% set ns = namespace(n=0) %}{% for a in range(3) %}{% for b in range(a) %}{% set ns.n = ns.n + 1 %}{% endfor %}{% endfor %}{{ ns.n }}")
C("set_in_macro_does_not_leak", "{% macro m() %}{% set leaked = 1 %}{{ leaked }}{% endmacro %}{{ m() }}[{{ leaked }}]")
C("set_with_block_scope", "{% with a = 1, b = 2 %}{{ a + b }}{% set c = 3 %}{{ c }}{% endwith %}[{{ a }}{{ b }}{{ c }}]")
C("set_with_block_sees_outer", "{% set x = 'o' %}{% with y = x ~ '!' %}{{ x }}{{ y }}{% endwith %}")
C("set_with_block_no_args", "{% with %}{% set t = 1 %}{{ t }}{% endwith %}[{{ t }}]")
C("set_with_block_shadow_restores", "{% set a = 'outer' %}{% with a = 'inner' %}{{ a }}{% endwith %} {{ a }}")
C("set_loop_var_from_outer_after_loop", "{% set i = 'keep' %}{% for i in [1, 2] %}{% endfor %}{{ i }}")
C("set_expression_list_value", "{% set xs = [1, 2] + [3] %}{% set d = {'k': xs} %}{{ d.k|sum }}")
C("set_multiple_targets_from_call", "{% set head, tail = 'a.b.c'.split('.', 1) %}{{ head }}|{{ tail }}")
C("set_in_nested_if_inside_for", "{% for x in [1] %}{% if true %}{% set z = 'in' %}{% endif %}{{ z }}{% endfor %}[{{ z }}]")

# ---------------------------------------------------------------------------
# Macros
# ---------------------------------------------------------------------------

C("macro_basic", "{% macro hello(name) %}Hello {{ name }}!{% endmacro %}{{ hello('a') }} {{ hello(name='b') }}")
C("macro_defaults", "{% macro m(a, b=2, c='x') %}{{ a }}-{{ b }}-{{ c }}{% endmacro %}{{ m(1) }} {{ m(1, 3) }} {{ m(1, c='y') }} {{ m(a=0, b=none) }}")
C("macro_missing_arg_is_undefined", "{% macro m(a, b) %}[{{ a }}][{{ b }}][{{ b is defined }}]{% endmacro %}{{ m(1) }}")
C("macro_default_refers_to_earlier_arg", "{% macro m(a, b=a ~ '!') %}{{ b }}{% endmacro %}{{ m('x') }} {{ m('x', 'y') }}")
C("macro_varargs", "{% macro m(a) %}{{ a }}{{ varargs }}{% for v in varargs %}<{{ v }}>{% endfor %}{% endmacro %}{{ m(1) }} {{ m(1, 2, 3) }}")
C("macro_kwargs", "{% macro m(a=1) %}{{ a }} {{ kwargs }}{% for k, v in kwargs|dictsort %} {{ k }}={{ v }}{% endfor %}{% endmacro %}{{ m() }} | {{ m(z=3, a=2, y=4) }}")
C("macro_varargs_and_kwargs", "{% macro m() %}{{ varargs }}|{{ kwargs }}{% endmacro %}{{ m(1, 'two', k=3) }}")
C("macro_returns_string_used_in_expression", "{% macro m() %}  padded  {% endmacro %}[{{ m()|trim }}] {{ m()|length }} {{ (m() ~ 'x')|replace(' ', '') }}")
C("macro_result_to_int", "{% macro n() %}{{ 40 + 2 }}{% endmacro %}{{ n()|int + 1 }} {{ n() ~ '' == '42' }}")
C("macro_calls_macro", "{% macro q(x) %}\"{{ x }}\"{% endmacro %}{% macro cols(xs) %}{% for x in xs %}{{ q(x) }}{% if not loop.last %}, {% endif %}{% endfor %}{% endmacro %}{{ cols(['a', 'b']) }}")
C("macro_recursive", "{% macro countdown(n) %}{{ n }}{% if n > 0 %} {{ countdown(n - 1) }}{% endif %}{% endmacro %}{{ countdown(4) }}")
C("macro_recursive_factorial", "{% macro fact(n) %}{% if n <= 1 %}1{% else %}{{ fact(n - 1)|int * n }}{% endif %}{% endmacro %}{{ fact(6) }}")
C("macro_attributes", "{% macro m(a, b=1) %}{{ varargs }}{% endmacro %}{{ m.name }} {{ m.arguments }} {{ m.catch_kwargs }} {{ m.catch_varargs }} {{ m.caller }}")
C("macro_attributes_kwargs_caller", "{% macro m() %}{{ kwargs }}{{ caller() }}{% endmacro %}{{ m.catch_kwargs }} {{ m.catch_varargs }} {{ m.caller }} {{ m.arguments }}")
C("macro_is_callable_and_defined", "{% macro m() %}{% endmacro %}{{ m is callable }} {{ m is defined }}")
C("macro_sees_template_vars_at_call", "{% macro m() %}{{ g }}{% endmacro %}{% set g = 'late' %}{{ m() }}")
C("macro_closure_sees_later_toplevel_set", "{% macro m() %}[{{ g }}]{% endmacro %}{{ m() }}{% set g = 'late' %}{{ m() }}[{{ g }}]", {"g": "ctx"})
C("macro_does_not_see_caller_loop_var", "{% macro m() %}[{{ item }}]{% endmacro %}{% for item in [1, 2] %}{{ m() }}{% endfor %}{% set item = 'top' %}{{ m() }}")
C("macro_sees_context", "{% macro m() %}{{ target.name }}{% endmacro %}{{ m() }}", {"target": {"name": "dev"}})
C("macro_arg_shadows_global", "{% macro m(x) %}{{ x }}{% endmacro %}{{ m('arg') }} {{ x }}", {"x": "ctx"})
C("macro_mutates_argument", "{% macro add(d, k, v) %}{% do d.update({k: v}) %}{% endmacro %}{% set cfg = {} %}{{ add(cfg, 'a', 1) }}{{ add(cfg, 'b', 2) }}{{ cfg }}")
C("macro_in_dict_called_by_name", "{% macro a() %}A{% endmacro %}{% macro b(x) %}B{{ x }}{% endmacro %}{% set reg = {'a': a, 'b': b} %}{{ reg['a']() }}{{ reg.b(1) }}")
C("macro_whitespace_in_body", "{% macro m() %}\n  line\n{% endmacro %}[{{ m() }}]")
C("macro_passing_macro_as_arg", "{% macro apply(f, x) %}{{ f(x) }}{% endmacro %}{% macro twice(x) %}{{ x }}{{ x }}{% endmacro %}{{ apply(twice, 'ab') }}")
C("macro_default_list_not_shared_mutation", "{% macro m(acc=[]) %}{% do acc.append(1) %}{{ acc|length }}{% endmacro %}{{ m() }}{{ m() }}{{ m() }}")
C("macro_defined_in_loop_body", "{% for x in [1, 2] %}{% macro show() %}<{{ x }}>{% endmacro %}{{ show() }}{% endfor %}")
C("macro_keyword_then_positional_mix", "{% macro m(a, b, c=3) %}{{ a }}{{ b }}{{ c }}{% endmacro %}{{ m(1, c=9, b=2) }}")
C("macro_loop_inside_macro", "{% macro listing(xs) %}{% for x in xs %}{{ loop.index }}.{{ x }} {% endfor %}{% endmacro %}{{ listing(['a', 'b']) }}{{ listing([]) }}")

# ---------------------------------------------------------------------------
# call blocks / caller
# ---------------------------------------------------------------------------

C("call_basic", "{% macro wrap() %}<{{ caller() }}>{% endmacro %}{% call wrap() %}inner{% endcall %}")
C("call_caller_multiple_times", "{% macro twice() %}{{ caller() }}|{{ caller() }}{% endmacro %}{% call twice() %}x{% endcall %}")
C("call_caller_with_args", "{% macro each(users) %}{% for u in users %}{{ caller(u) }}{% if not loop.last %}, {% endif %}{% endfor %}{% endmacro %}{% call(user) each(users) %}{{ user.name }}({{ user.age }}){% endcall %}",
  {"users": [{"name": "a", "age": 1}, {"name": "b", "age": 2}]})
C("call_caller_with_two_args", "{% macro m() %}{{ caller(1, 2) }}{{ caller('x', 'y') }}{% endmacro %}{% call(a, b) m() %}[{{ a }}{{ b }}]{% endcall %}")
C("call_caller_default_args", "{% macro m() %}{{ caller() }}{{ caller('z') }}{% endmacro %}{% call(v='d') m() %}<{{ v }}>{% endcall %}")
C("call_block_sees_outer_vars", "{% set who = 'world' %}{% macro m() %}{{ caller() }}{% endmacro %}{% call m() %}hi {{ who }}{% endcall %}")
C("call_macro_with_args", "{% macro box(title, width=10) %}[{{ title }}:{{ width }}:{{ caller()|trim }}]{% endmacro %}{% call box('T', width=3) %}  body  {% endcall %}")
C("call_macro_caller_unused_but_referenced", "{% macro m() %}no caller used{% if false %}{{ caller() }}{% endif %}{% endmacro %}{% call m() %}ignored{% endcall %}")
C("call_nested_call_blocks", "{% macro outer() %}O({{ caller() }}){% endmacro %}{% macro inner() %}I({{ caller() }}){% endmacro %}{% call outer() %}{% call inner() %}x{% endcall %}{% endcall %}")
C("call_caller_output_filtered", "{% macro up() %}{{ caller()|upper }}{% endmacro %}{% call up() %}shout {{ 1 + 1 }}{% endcall %}")
C("call_caller_is_defined_in_macro", "{% macro m() %}{{ caller is defined }}{% endmacro %}{{ m() }} {% call m() %}{% endcall %}")
C("call_multiline_body", "{% macro sql() %}select\n{{ caller() }}from t{% endmacro %}{% call sql() %}  a,\n  b\n{% endcall %}")

# ---------------------------------------------------------------------------
# do / filter blocks
# ---------------------------------------------------------------------------

C("stmt_do_expression", "{% set xs = [] %}{% do xs.append(1) %}{% do xs.append(xs[0] + 1) %}{% do 1 + 1 %}{{ xs }}")
C("stmt_do_discards_value", "[{% do 'ignored'|upper %}]")
C("stmt_filter_block", "{% filter upper %}hello {{ name }}{% endfilter %}", {"name": "bob"})
C("stmt_filter_block_chained", "{% filter trim | upper | replace('A', '4') %}  abc  {% endfilter %}")
C("stmt_filter_block_with_args", "{% filter replace('x', 'y') %}xox{% endfilter %}|{% filter indent(2, true) %}a\nb{% endfilter %}")
C("stmt_filter_block_nested", "{% filter upper %}a{% filter lower %}BC{% endfilter %}d{% endfilter %}")
C("stmt_with_block", "{% with x = 1 %}{% with y = x + 1 %}{{ x }}{{ y }}{% endwith %}{% endwith %}")

# ---------------------------------------------------------------------------
# Filters
# ---------------------------------------------------------------------------

C("filter_abs", "{{ -3|abs }} {{ (-3)|abs }} {{ 2.5|abs }} {{ (-2.5)|abs }} {{ 0|abs }} {{ x|abs }}", {"x": -7})
C("filter_attr", "[{{ d|attr('a') }}] {{ (d|attr('keys'))()|list }} {{ s|attr('upper') is callable }}", {"d": {"a": 1}, "s": "x"})
C("filter_capitalize", "{{ 'hELLO wORLD'|capitalize }} {{ ''|capitalize }} {{ '1abc'|capitalize }}")
C("filter_center", "[{{ 'ab'|center(6) }}][{{ 'abc'|center(2) }}]")
C("filter_default", "{{ missing|default('d') }} {{ none|default('d') }} [{{ ''|default('d') }}] {{ 0|default('d') }} {{ false|default('d') }} {{ x|default('d') }}", {"x": "set"})
C("filter_default_boolean", "{{ ''|default('d', true) }} {{ 0|default('d', boolean=true) }} {{ none|default('d', true) }} {{ []|default('empty', true) }} {{ 'v'|default('d', true) }}")
C("filter_default_alias_d", "{{ missing|d('x') }} {{ missing|d }}|{{ ''|d('y', true) }}")
C("filter_default_chained_attr", "{{ cfg.schema|default('public') }} {{ cfg.missing|default(cfg.fallback) }}", {"cfg": {"schema": "s", "fallback": "f"}})
C("filter_dictsort", "{{ d|dictsort }} {{ d|dictsort(reverse=true) }} {{ d|dictsort(by='value') }}", {"d": {"b": 2, "A": 3, "c": 1}})
C("filter_dictsort_case_sensitive", "{{ d|dictsort }} {{ d|dictsort(true) }} {{ d|dictsort(case_sensitive=true, reverse=true) }}", {"d": {"b": 1, "C": 2, "a": 3}})
C("filter_first_last", "{{ xs|first }} {{ xs|last }} {{ 'abc'|first }} {{ 'abc'|last }} [{{ []|first }}][{{ []|last }}]", {"xs": [1, 2, 3]})
C("filter_float", "{{ '1.5'|float }} {{ 3|float }} {{ 'x'|float }} {{ 'x'|float(1.5) }} {{ 'x'|float(default=2) }} {{ ' 2 '|float }} {{ '1e3'|float }}")
C("filter_int", "{{ '42'|int }} {{ '4.7'|int }} {{ 3.9|int }} {{ 'x'|int }} {{ 'x'|int(7) }} {{ 'x'|int(default=-1) }} {{ none|int }} {{ true|int }}")
C("filter_int_base", "{{ '0x1A'|int(base=16) }} {{ '1A'|int(0, 16) }} {{ '101'|int(base=2) }} {{ '0b11'|int(0, 0) }} {{ '777'|int(base=8) }} {{ 'zz'|int(5, 10) }}")
C("filter_format", "{{ '%s=%d'|format('a', 1) }} {{ '%(k)s!'|format(k='v') }} {{ '%.3f'|format(2) }} {{ '%s'|format([1]) }}")
C("filter_groupby", "{% for g in users|groupby('city') %}{{ g.grouper }}: {{ g.list|map(attribute='name')|join(', ') }}; {% endfor %}",
  {"users": [{"name": "a", "city": "NY"}, {"name": "b", "city": "LA"}, {"name": "c", "city": "NY"}]})
C("filter_groupby_unpack", "{% for city, items in users|groupby('city') %}{{ city }}={{ items|length }} {% endfor %}",
  {"users": [{"name": "a", "city": "b"}, {"name": "b", "city": "a"}, {"name": "c", "city": "b"}]})
C("filter_groupby_dotted_attribute", "{% for g in rows|groupby('addr.zip') %}{{ g.grouper }}:{{ g.list|map(attribute='id')|list }} {% endfor %}",
  {"rows": [{"id": 1, "addr": {"zip": "20"}}, {"id": 2, "addr": {"zip": "10"}}, {"id": 3, "addr": {"zip": "20"}}]})
C("filter_groupby_default", "{% for g in rows|groupby('team', default='none') %}{{ g.grouper }}:{{ g.list|length }} {% endfor %}",
  {"rows": [{"team": "x"}, {}, {"team": "x"}, {"team": "a"}]})
C("filter_groupby_repr", "{{ rows|groupby('k') }}", {"rows": [{"k": 2, "v": "a"}, {"k": 1, "v": "b"}]})
C("filter_groupby_index_attr", "{% for g in pairs|groupby(0) %}{{ g.grouper }}={{ g.list|map('last')|join('') }} {% endfor %}", {"pairs": [["x", 1], ["y", 2], ["x", 3]]})
C("filter_groupby_case_sensitive", "{% for g in rows|groupby('c') %}{{ g.grouper }}{{ g.list|length }} {% endfor %}|{% for g in rows|groupby('c', case_sensitive=true) %}{{ g.grouper }}{{ g.list|length }} {% endfor %}",
  {"rows": [{"c": "a"}, {"c": "A"}, {"c": "b"}]})
C("filter_indent", "{{ text|indent }}|\n{{ text|indent(2) }}|\n{{ text|indent(2, true) }}|\n{{ text|indent(2, blank=true) }}|", {"text": "a\nb\n\nc"})
C("filter_indent_string_width_and_first", "{{ 'a\nb'|indent('> ', first=true) }}|{{ 'one'|indent(4, true) }}|{{ 'x\ny\n'|indent(2) }}|")
C("filter_join", "{{ [1, 2, 3]|join }} {{ [1, 2, 3]|join(', ') }} {{ 'abc'|join('-') }} {{ []|join(',') }}|{{ users|join(', ', attribute='name') }}", {"users": [{"name": "a"}, {"name": "b"}]})
C("filter_join_mixed_types", "{{ [1, none, true, 'x', 1.5]|join('|') }}")
C("filter_length_count", "{{ [1, 2]|length }} {{ 'abc'|length }} {{ {'a': 1}|length }} {{ ''|count }} {{ missing|length }} {{ range(5)|count }}")
C("filter_list", "{{ 'abc'|list }} {{ {'a': 1, 'b': 2}|list }} {{ range(3)|list }} {{ (1, 2)|list }} {{ missing|list }}")
C("filter_lower_upper", "{{ 'AbC'|lower }} {{ 'AbC'|upper }} {{ 'straße'|upper }} {{ 'ÉCOLE'|lower }}")
C("filter_map_attribute", "{{ users|map(attribute='name')|list }} {{ users|map(attribute='age')|sum }} {{ users|map(attribute='x', default='?')|list }}",
  {"users": [{"name": "a", "age": 3}, {"name": "b", "age": 4}]})
C("filter_map_filter_with_args", "{{ xs|map('upper')|list }} {{ xs|map('replace', 'a', 'o')|join(',') }} {{ ['1', '2']|map('int')|sum }} {{ xs|map('truncate', 3, true, '')|list }}", {"xs": ["abcde", "bar"]})
C("filter_map_nested_attribute", "{{ rows|map(attribute='meta.owner')|join(',') }} {{ rows|map(attribute='tags.0')|list }}", {"rows": [{"meta": {"owner": "x"}, "tags": ["t1"]}, {"meta": {"owner": "y"}, "tags": ["t2"]}]})
C("filter_map_missing_attribute_repr", "{{ rows|map(attribute='b')|list }} {{ rows|map(attribute='b')|join(',') }}", {"rows": [{"a": 1}, {"b": 2}]})
C("filter_max_min", "{{ [3, 1, 2]|max }} {{ [3, 1, 2]|min }} {{ ['b', 'A', 'c']|max }} {{ ['b', 'A', 'c']|min }} [{{ []|max }}]")
C("filter_max_min_case_sensitive", "{{ ['B', 'a']|max }} {{ ['B', 'a']|max(case_sensitive=true) }} {{ ['B', 'a']|min(true) }}")
C("filter_max_min_attribute", "{{ (rows|max(attribute='v')).n }} {{ (rows|min(attribute='v')).n }}", {"rows": [{"n": "a", "v": 2}, {"n": "b", "v": 9}, {"n": "c", "v": 1}]})
C("filter_replace", "{{ 'aaa'|replace('a', 'b') }} {{ 'aaa'|replace('a', 'b', 2) }} {{ 'a.b.c'|replace('.', '') }} {{ 'x'|replace('', '-') }} {{ 'abc'|replace('b', count=1, new='B', old='b') if false else 'skip' }}")
C("filter_select_reject", "{{ xs|select|list }} {{ xs|reject|list }} {{ xs|select('odd')|list }} {{ xs|reject('odd')|list }}", {"xs": [0, 1, 2, 3, 4, 5]})
C("filter_select_with_test_args", "{{ xs|select('>', 2)|list }} {{ xs|select('equalto', 2)|list }} {{ xs|reject('in', [1, 2])|list }} {{ xs|select('divisibleby', 2)|list }} {{ words|select('in', 'xaybz')|list }}",
  {"xs": [1, 2, 3, 4], "words": ["a", "c", "z"]})
C("filter_select_string_tests", "{{ vals|select('string')|list }} {{ vals|reject('none')|list }} {{ vals|select('number')|list }} {{ vals|select('defined')|list|length }}", {"vals": ["a", 1, None, 2.5, "b"]})
C("filter_selectattr_rejectattr", "{{ users|selectattr('active')|map(attribute='name')|join(',') }} {{ users|rejectattr('active')|map(attribute='name')|join(',') }}",
  {"users": [{"name": "a", "active": True}, {"name": "b", "active": False}, {"name": "c", "active": True}]})
C("filter_selectattr_with_test", "{{ users|selectattr('age', 'gt', 30)|map(attribute='name')|list }} {{ users|selectattr('age', '<=', 30)|map(attribute='name')|list }} {{ users|rejectattr('name', 'in', ['a', 'c'])|map(attribute='name')|list }} {{ users|selectattr('role', 'defined')|list|length }}",
  {"users": [{"name": "a", "age": 40, "role": "x"}, {"name": "b", "age": 20}, {"name": "c", "age": 30}]})
C("filter_selectattr_equalto_string", "{{ cols|selectattr('type', 'equalto', 'int')|map(attribute='name')|join(',') }} {{ cols|selectattr('type', '==', 'text')|list|length }}",
  {"cols": [{"name": "id", "type": "int"}, {"name": "n", "type": "text"}, {"name": "k", "type": "int"}]})
C("filter_reverse", "{{ 'abc'|reverse }} {{ [1, 2, 3]|reverse|list }} {{ [1, 2, 3]|reverse|join('') }} {% for x in 'xy'|list|reverse %}{{ x }}{% endfor %}")
C("filter_round", "{{ 2.5|round }} {{ 3.5|round }} {{ 2.4|round }} {{ 3.14159|round(2) }} {{ 2.675|round(2) }} {{ 42|round }} {{ -1.5|round }} {{ 1234.5|round(-2) }}")
C("filter_round_methods", "{{ 2.1|round(method='ceil') }} {{ 2.9|round(method='floor') }} {{ 2.123|round(2, 'ceil') }} {{ 2.129|round(2, 'floor') }} {{ 42|round(method='ceil') }} {{ -2.5|round(0, 'floor') }} {{ 2.5|round(0, 'common') }}")
C("filter_sort", "{{ [3, 1, 2]|sort }} {{ [3, 1, 2]|sort(reverse=true) }} {{ ['b', 'a', 'C']|sort }} {{ ['b', 'a', 'C']|sort(case_sensitive=true) }} {{ 'cab'|sort }}")
C("filter_sort_attribute", "{{ rows|sort(attribute='v')|map(attribute='n')|join }} {{ rows|sort(attribute='n', reverse=true)|map(attribute='n')|join }}",
  {"rows": [{"n": "b", "v": 2}, {"n": "a", "v": 3}, {"n": "c", "v": 1}]})
C("filter_sort_multiple_attributes", "{{ rows|sort(attribute='g,v')|map(attribute='n')|join(' ') }} {{ rows|sort(attribute='g, n', reverse=true)|map(attribute='n')|join(' ') }}",
  {"rows": [{"n": "a", "g": 2, "v": 1}, {"n": "b", "g": 1, "v": 5}, {"n": "c", "g": 2, "v": 0}, {"n": "d", "g": 1, "v": 2}]})
C("filter_sort_stable", "{{ rows|sort(attribute='k')|map(attribute='id')|join }}", {"rows": [{"k": 1, "id": "a"}, {"k": 0, "id": "b"}, {"k": 1, "id": "c"}, {"k": 0, "id": "d"}]})
C("filter_sort_dotted_attribute", "{{ rows|sort(attribute='m.p')|map(attribute='id')|join }}", {"rows": [{"id": "x", "m": {"p": 3}}, {"id": "y", "m": {"p": 1}}]})
C("filter_string", "{{ 1|string ~ 'x' }} {{ none|string }} {{ [1, 'a']|string }} {{ true|string|lower }} {{ 1.0|string }} {{ {'a': 1}|string }}")
C("filter_sum", "{{ [1, 2, 3]|sum }} {{ [1, 2]|sum(start=10) }} {{ rows|sum(attribute='v') }} {{ [0.1, 0.2]|sum }} {{ []|sum }} {{ [1.5, 2]|sum }}", {"rows": [{"v": 2}, {"v": 5}]})
C("filter_title", "{{ 'hello world'|title }} {{ \"it's a dog's-life (ok)\"|title }} {{ 'hELLO'|title }} {{ 'snake_case_name'|title }}")
C("filter_tojson", "{{ {'b': 1, 'a': [1, 2.5, none, true]}|tojson }} {{ 'x'|tojson }} {{ 5|tojson }} {{ none|tojson }}")
C("filter_tojson_escaping", "{{ {'k': \"it's <b> & more\"}|tojson }} {{ 'quote\"q'|tojson }} {{ 'é'|tojson }}")
C("filter_tojson_indent", "{{ {'b': {'y': 1, 'x': [1]}, 'a': 'v'}|tojson(indent=2) }}")
C("filter_tojson_context", "{{ cfg|tojson }}", {"cfg": {"materialized": "table", "tags": ["a", "b"], "enabled": True, "n": 1.5}})
C("filter_trim", "[{{ '  x  '|trim }}][{{ 'xxaxx'|trim('x') }}][{{ '\n\tx \n'|trim }}][{{ '--a--'|trim('-a') }}]")
C("filter_truncate", "{{ s|truncate(9) }}|{{ s|truncate(11) }}|{{ s|truncate(9, true) }}|{{ s|truncate(5, end='>') }}|{{ s|truncate(9, leeway=0) }}|{{ s|truncate(100) }}", {"s": "hello world foo bar"})
C("filter_truncate_leeway", "{{ 'hello world'|truncate(9) }}|{{ 'hello world'|truncate(8, false, '..', 0) }}|{{ 'abcdefghij'|truncate(5, true, '', 0) }}|{{ 'abcdefghij'|truncate(5) }}")
C("filter_unique", "{{ ['a', 'A', 'b', 'a']|unique|list }} {{ ['a', 'A', 'b']|unique(case_sensitive=true)|list }} {{ [3, 1, 3, 2, 1]|unique|list }}")
C("filter_unique_attribute", "{{ rows|unique(attribute='k')|map(attribute='id')|list }}", {"rows": [{"k": "x", "id": 1}, {"k": "X", "id": 2}, {"k": "y", "id": 3}]})
C("filter_wordcount", "{{ 'hello big world'|wordcount }} {{ ''|wordcount }} {{ 'one,two three-four'|wordcount }}")
C("filter_items", "{{ d|items|list }} {% for k, v in d|items %}{{ k }}{{ v }}{% endfor %} {{ missing|items|list }}", {"d": {"b": 1, "a": 2}})
C("filter_batch_slice", "{{ [1, 2, 3, 4, 5]|batch(2)|list }} {{ [1, 2, 3]|batch(2, 'x')|list }} {{ [1, 2, 3, 4, 5]|slice(2)|list }}")
C("filter_escape_safe", "{{ '<a href=\"x\">&</a>'|e }} {{ '<b>'|escape }} {{ '<i>'|safe }}")
C("filter_upper_on_numbers", "{{ 12|upper }} {{ none|lower }} {{ true|upper }}")
C("filter_on_undefined", "[{{ missing|upper }}][{{ missing|trim }}][{{ missing|list }}][{{ missing|join(',') }}][{{ missing|default('') }}]")
C("filter_attribute_name_collision", "{{ rows|map(attribute='items')|list }}", {"rows": [{"items": 1}, {"items": 2}]})

# ---------------------------------------------------------------------------
# Tests
# ---------------------------------------------------------------------------

C("test_defined_undefined", "{{ x is defined }} {{ missing is defined }} {{ missing is undefined }} {{ d.k is defined }} {{ d.z is defined }} {{ none is defined }}", {"x": 1, "d": {"k": None}})
C("test_none", "{{ none is none }} {{ x is none }} {{ 0 is none }} {{ missing is none }} {{ x is not none }}", {"x": None})
C("test_number_integer_float", "{{ 1 is number }} {{ 1.5 is number }} {{ '1' is number }} {{ true is number }} {{ 1 is integer }} {{ 1.0 is integer }} {{ true is integer }} {{ 1.0 is float }} {{ 1 is float }}")
C("test_string_mapping", "{{ 'a' is string }} {{ 1 is string }} {{ {} is mapping }} {{ [] is mapping }} {{ d is mapping }} {{ namespace() is mapping }}", {"d": {"a": 1}})
C("test_iterable_sequence", "{{ [] is iterable }} {{ 'a' is iterable }} {{ {} is iterable }} {{ 1 is iterable }} {{ [] is sequence }} {{ 'a' is sequence }} {{ {} is sequence }} {{ 1 is sequence }} {{ range(2) is sequence }}")
C("test_boolean_true_false", "{{ true is boolean }} {{ 1 is boolean }} {{ true is true }} {{ 1 is true }} {{ false is false }} {{ 0 is false }} {{ none is false }}")
C("test_comparison_tests", "{{ 2 is eq 2 }} {{ 2 is ne 3 }} {{ 1 is lt 2 }} {{ 2 is le 2 }} {{ 3 is gt 2 }} {{ 2 is ge 3 }}")
C("test_comparison_aliases", "{{ 2 is equalto 2 }} {{ 3 is greaterthan 2 }} {{ 1 is lessthan 2 }} {{ xs|select('==', 2)|list }} {{ xs|select('!=', 2)|list }} {{ xs|select('<', 2)|list }} {{ xs|select('<=', 2)|list }} {{ xs|select('>', 2)|list }} {{ xs|select('>=', 2)|list }}", {"xs": [1, 2, 3]})
C("test_comparison_alias_names_in_select", "{{ xs|select('eq', 2)|list }} {{ xs|select('ne', 2)|list }} {{ xs|select('lt', 2)|list }} {{ xs|select('le', 2)|list }} {{ xs|select('gt', 2)|list }} {{ xs|select('ge', 2)|list }} {{ xs|select('greaterthan', 1)|list }} {{ xs|select('lessthan', 3)|list }}", {"xs": [1, 2, 3]})
C("test_in", "{{ 1 is in [1, 2] }} {{ 'a' is in 'cat' }} {{ 'k' is in {'k': 1} }} {{ 5 is not in [1] }}")
C("test_divisibleby_even_odd", "{{ 9 is divisibleby 3 }} {{ 9 is divisibleby(2) }} {{ 0 is even }} {{ -3 is odd }} {{ -2 is even }} {{ 7 is odd }} {{ 10 is even }}")
C("test_lower_upper", "{{ 'abc' is lower }} {{ 'aBc' is lower }} {{ 'ABC1' is upper }} {{ 'abc1' is lower }} {{ '123' is upper }}")
C("test_callable", "{{ range is callable }} {{ 'x' is callable }} {{ 'x'.upper is callable }} {{ dict is callable }} {{ none is callable }}")
C("test_sameas", "{{ none is sameas none }} {{ true is sameas true }} {{ false is sameas 0 }} {{ x is sameas x }} {{ [] is sameas [] }}", {"x": [1]})
C("test_filter_test_tests", "{{ 'upper' is filter }} {{ 'nofilter' is filter }} {{ 'odd' is test }} {{ 'notest' is test }}")
C("test_negated_forms", "{{ 1 is not string }} {{ 'a' is not string }} {{ missing is not defined }} {{ 4 is not divisibleby 3 }}")
C("test_in_select_reject", "{{ xs|select('even')|list }} {{ xs|reject('even')|list }} {{ xs|select('gt', 2)|list }} {{ xs|select('lessthan', 3)|list }} {{ ys|reject('sameas', none)|list }}", {"xs": [1, 2, 3, 4], "ys": [1, None, 2]})
C("test_in_conditions", "{% for v in ['a', 1, none, [1], {'k': 1}, 2.5] %}{% if v is string %}s{% elif v is mapping %}m{% elif v is number %}n{% elif v is none %}0{% elif v is iterable %}i{% endif %}{% endfor %}")
C("test_escaped", "{{ 'x' is escaped }} {{ ('x'|e) is escaped }}")

# ---------------------------------------------------------------------------
# Globals
# ---------------------------------------------------------------------------

C("global_range", "{{ range(3)|list }} {{ range(1, 4)|list }} {{ range(0, 10, 3)|list }} {{ range(5, 0, -2)|list }} {{ range(0)|list }} {{ range(-2)|list }}")
C("global_range_len_index", "{{ range(10)|length }} {{ range(3)[1] }} {{ range(2, 8)|last }} {{ 3 in range(5) }}")
C("global_range_repr", "{{ range(3) }} {{ range(1, 5, 2) }}")
C("global_dict", "{{ dict(a=1) }} {{ dict(a=1, b='x') }} {{ dict() }} {{ dict(d, c=3) }} {{ dict(a=1).a }}", {"d": {"z": 0}})
C("global_cycler", "{% set c = cycler('a', 'b', 'c') %}{{ c.current }}{{ c.next() }}{{ c.next() }}{{ c.current }}{{ c.next() }}{{ c.next() }}{% do c.reset() %}{{ c.current }}{{ c.next() }}")
C("global_cycler_in_loop", "{% set row = cycler('odd', 'even') %}{% for x in range(3) %}{{ row.next() }} {% endfor %}")
C("global_joiner", "{% set j = joiner(', ') %}{% for x in xs %}{{ j() }}{{ x }}{% endfor %}|{% set j2 = joiner() %}{% for x in xs %}{{ j2() }}{{ x }}{% endfor %}|{% set j3 = joiner(' AND ') %}[{{ j3() }}][{{ j3() }}]", {"xs": [1, 2, 3]})
C("global_namespace_kwargs", "{% set ns = namespace(a=1, b='x') %}{{ ns.a }}{{ ns.b }}{% set ns.a = ns.a + 1 %}{% set ns.c = [1] %}{{ ns.a }}{{ ns.c }}")
C("global_namespace_from_dict", "{% set ns = namespace({'a': 1}, b=2) %}{{ ns.a }}{{ ns.b }} {{ ns['a'] }}")
C("global_namespace_repr", "{{ namespace(a=1, b=[2]) }}")
C("global_lipsum_is_callable_only", "{{ lipsum is callable }}")

# ---------------------------------------------------------------------------
# Undefined (lenient default)
# ---------------------------------------------------------------------------

C("expr_undefined_prints_empty", "[{{ missing }}][{{ missing ~ 'x' }}][{{ d.nope }}][{{ d['nope'] }}][{{ xs[9] }}]", {"d": {}, "xs": []})
C("expr_undefined_checks", "{{ missing is defined }} {{ missing|default('dflt') }} {{ missing is undefined }} {{ missing == none }} {{ missing|length }} {{ missing|list }}")
C("expr_undefined_attribute_of_dict_key", "[{{ cfg.meta }}] {{ cfg.meta is defined }} {{ cfg.meta|default({}) }}", {"cfg": {}})
C("expr_undefined_in_boolean_ops", "{{ missing or 'fallback' }} [{{ missing and 'x' }}] {{ not missing }}")
C("expr_undefined_iteration", "{% for x in missing %}never{% endfor %}[{{ missing|join(',') }}]")
C("expr_undefined_equality", "{{ missing == missing }} {{ missing != 1 }} {{ missing == '' }}")

# ---------------------------------------------------------------------------
# Strict undefined
# ---------------------------------------------------------------------------

C("strict_defined_values_render", "{{ a }} {{ d.k }} {% for x in xs %}{{ x }}{% endfor %}", {"a": 1, "d": {"k": "v"}, "xs": [1, 2]})
C("strict_is_defined_ok", "{{ missing is defined }} {{ d.nope is defined }} {{ missing is undefined }}", {"d": {}})
C("strict_default_ok", "{{ missing|default('d') }} {{ d.nope|default('e') }} {{ missing|d('f') }}", {"d": {}})
C("strict_if_defined_guard", "{% if missing is defined and missing %}x{% else %}guarded{% endif %}")
C("strict_get_method_ok", "[{{ d.get('nope') }}] {{ d.get('nope', 'dflt') }}", {"d": {}})
C("strict_none_value_is_defined", "{{ x }} {{ x is none }} {{ x|default('d') }}", {"x": None})
C("strict_err_print_undefined", "{{ missing }}")
C("strict_err_undefined_attribute", "{{ d.nope }}", {"d": {}})
C("strict_err_undefined_subscript", "{{ d['nope'] }}", {"d": {}})
C("strict_err_iterate_undefined", "{% for x in missing %}{{ x }}{% endfor %}")
C("strict_err_if_undefined", "{% if missing %}x{% endif %}")
C("strict_err_concat_undefined", "{{ 'a' ~ missing }}")
C("strict_err_undefined_filter_arg", "{{ 'a'|replace(missing, 'b') }}")
C("strict_err_undefined_length", "{{ missing|length }}")
C("strict_err_macro_missing_arg", "{% macro m(a) %}{{ a }}{% endmacro %}{{ m() }}")
C("strict_err_undefined_equality", "{{ missing == 1 }}")

# ---------------------------------------------------------------------------
# Error cases
# ---------------------------------------------------------------------------

# parse time
C("err_unclosed_if", "{% if true %}x")
C("err_unclosed_for", "{% for x in xs %}{{ x }}")
C("err_unclosed_macro", "{% macro m() %}body")
C("err_unclosed_print", "{{ x ")
C("err_unclosed_statement", "{% if x ")
C("err_unclosed_comment", "{# never closed")
C("err_unclosed_raw", "{% raw %}abc")
C("err_unclosed_string", "{{ 'abc }}")
C("err_unclosed_list", "{{ [1, 2 }}")
C("err_unclosed_paren", "{{ (1 + 2 }}")
C("err_unknown_tag", "{% frobnicate %}")
C("err_endfor_without_for", "{% endfor %}")
C("err_endif_without_if", "text {% endif %}")
C("err_else_without_if", "{% else %}")
C("err_mismatched_end_tag", "{% if x %}{% endfor %}")
C("err_missing_expression", "{{ }}")
C("err_dangling_operator", "{{ 1 + }}")
C("err_two_expressions", "{{ 1 5 }}")
C("err_assignment_in_print", "{{ x = 1 }}")
C("err_set_to_literal", "{% set 1 = 2 %}")
C("err_for_missing_in", "{% for x xs %}{% endfor %}")
C("err_dict_missing_colon", "{{ {'a' 1} }}")
C("err_macro_without_name", "{% macro %}{% endmacro %}")
C("err_leading_dot_float", "{{ .5 }}")
C("err_trailing_dot_float", "{{ 1. }}")
C("err_unknown_filter", "{{ x|nofilter }}")
C("err_unknown_filter_in_filter_block", "{% filter nosuch %}x{% endfilter %}")
C("err_unknown_test", "{{ x is notatest }}")
C("err_break_not_enabled", "{% for x in xs %}{% break %}{% endfor %}", {"xs": [1]})
C("err_continue_not_enabled", "{% for x in xs %}{% continue %}{% endfor %}", {"xs": [1]})
C("err_elif_after_else", "{% if a %}{% else %}{% elif b %}{% endif %}")
C("err_endblock_name_mismatch", "{% block a %}{% endblock b %}")
C("err_triple_brace_is_dict_literal", "{{{ x }}}", {"x": 1})
C("err_operator_test_name_after_is", "{{ 2 is == 2 }}")
C("err_test_defined_on_attr_of_undefined", "{% if missing.attr is defined %}d{% endif %}")
C("err_call_block_macro_without_caller", "{% macro m() %}no caller used{% endmacro %}{% call m() %}ignored{% endcall %}")
C("err_macro_closure_toplevel_set_shadows_context", "{% macro m() %}{{ t.type }}{% endmacro %}{{ m() }}{% set t = {'type': 'x'} %}", {"t": {"type": "ctx"}})
C("err_set_attribute_on_dict", "{% set d = {} %}{% set d.x = 1 %}")
C("err_set_attribute_on_undefined", "{% set nope.x = 1 %}")
C("err_unary_minus_applies_before_filter", "{{ -xs|length }}", {"xs": [1, 2]})
C("err_keyword_before_positional", "{{ f(a=1, 2) }}")
C("err_slice_step_zero", "{{ 'abc'[1:2:0] }}")
C("err_unknown_filter_in_taken_branch", "{% if true %}{{ x|nofilter }}{% endif %}")
C("err_unknown_test_in_taken_branch", "{% if true %}{{ x is nosuchtest }}{% endif %}")
C("err_none_plus_int", "{{ x + 1 }}", {"x": None})
C("err_loop_not_visible_in_macro", "{% macro m() %}{{ loop.index }}{% endmacro %}{% for x in [1] %}{{ m() }}{% endfor %}")
C("err_empty_if_condition", "{% if %}x{% endif %}")
C("err_elif_without_if", "{% elif x %}")
C("err_stray_endraw", "{% endraw %}")
C("err_concat_missing_operand", "{{ 'a' ~ }}")
C("err_include_without_loader", "{% include 'x.sql' %}")
# render time
C("err_undefined_attribute_of_undefined", "{{ missing.attr }}")
C("err_undefined_attribute_of_missing_dict_key", "{{ d.nokey.attr }}", {"d": {}})
C("err_attribute_of_int", "{{ d.a.b.c }}", {"d": {"a": 1}})
C("err_call_undefined", "{{ missing() }}")
C("err_call_unknown_method", "{{ 'abc'.nomethod() }}")
C("err_arith_with_undefined", "{{ missing + 1 }}")
C("err_subscript_undefined", "{{ missing[0] }}")
C("err_call_string", "{{ 'x'() }}")
C("err_call_int", "{{ (1)() }}")
C("err_macro_too_many_positional", "{% macro m(a) %}{{ a }}{% endmacro %}{{ m(1, 2) }}")
C("err_macro_unknown_keyword", "{% macro m(a) %}{{ a }}{% endmacro %}{{ m(z=1) }}")
C("err_macro_duplicate_argument", "{% macro m(a) %}{{ a }}{% endmacro %}{{ m(1, a=2) }}")
C("err_macro_used_before_definition", "{{ m() }}{% macro m() %}x{% endmacro %}")
C("err_caller_without_call_block", "{% macro m() %}{{ caller() }}{% endmacro %}{{ m() }}")
C("err_division_by_zero", "{{ 1 / 0 }}")
C("err_floor_division_by_zero", "{{ x // 0 }}", {"x": 5})
C("err_modulo_by_zero", "{{ 5 % 0 }}")
C("err_int_plus_str", "{{ 1 + 'a' }}")
C("err_str_minus_int", "{{ 'a' - 1 }}")
C("err_tilde_then_plus_precedence", "{{ 'a' ~ 1 + 2 }}")
C("err_str_times_str", "{{ 'x' * 'y' }}")
C("err_compare_str_int", "{{ 'a' < 1 }}")
C("err_sort_mixed_types", "{{ [1, 'a']|sort }}")
C("err_unhashable_dict_key", "{{ {[1]: 'x'} }}")
C("err_unhashable_dict_key_dict", "{{ {{}: 1} }}")
C("err_iterate_none", "{% for x in none %}{% endfor %}")
C("err_iterate_int", "{% for x in n %}{% endfor %}", {"n": 5})
C("err_unpack_too_many", "{% for a, b in [[1, 2, 3]] %}{% endfor %}")
C("err_unpack_too_few", "{% set a, b = [1] %}")
C("err_length_of_int", "{{ 5|length }}")
C("err_divisibleby_zero", "{{ 6 is divisibleby 0 }}")
C("err_in_int", "{{ 'a' in 1 }}")
C("err_range_zero_step", "{{ range(1, 5, 0)|list }}")
C("err_list_pop_empty", "{{ [].pop() }}")
C("err_dict_pop_missing", "{{ {}.pop('x') }}")
C("err_percent_format_wrong_type", "{{ '%d' % 'x' }}")
C("err_percent_format_too_few_args", "{{ '%s %s' % ('a',) }}")
C("err_map_unknown_filter", "{{ xs|map('nosuch')|list }}", {"xs": [1]})
C("err_sum_attribute_missing", "{{ xs|sum(attribute='v') }}", {"xs": [1, 2]})
C("err_python_builtin_not_global", "{{ int('3') }}")
C("err_none_attribute_call", "{{ x.upper() }}", {"x": None})

# ---------------------------------------------------------------------------
# Extra edge cases (precedence, unicode, numeric formatting, dynamic args)
# ---------------------------------------------------------------------------

C("expr_filter_with_empty_parens", "{{ s|upper() }} {{ xs|join() }} {{ xs|first() }} {{ xs|length() }}", {"s": "ab", "xs": [1, 2]})
C("expr_filter_binds_to_else_branch_only", "{{ 'a' if true else 'b'|upper }} {{ 'a' if false else 'b'|upper }} {{ xs|length > 2 }} {{ not xs|length }}", {"xs": [1, 2, 3]})
C("expr_multiline_expression", "{{\n  a\n  +\n  b\n}}|{{ [\n  1,\n  2\n]|sum }}", {"a": 1, "b": 2})
C("expr_keyword_like_attribute_names", "[{{ d.for }}][{{ d.in }}][{{ d.if }}][{{ d['not'] }}]", {"d": {"for": 1, "in": 2, "if": 3, "not": 4}})
C("expr_string_vs_int_keys", "{{ d['1'] }}|{{ d[1] }}|{{ d.1 }}|{{ d.a['2'] }}", {"d": {"1": "one", "a": {"2": "two"}}})
C("expr_unicode_codepoint_semantics", "{{ s|length }} {{ e|length }} {{ s[::-1] }} {{ s[1:] }} {{ s|upper }} {{ e|list|length }}", {"s": "e\u0301x", "e": "\U0001F44D\U0001F3FD"})
C("expr_unicode_string_ordering", "{{ ['é', 'Z', 'a']|sort }} {{ ['é', 'z', 'a']|sort(case_sensitive=true) }} {{ 'é' > 'z' }} {{ ['b', 'É', 'e']|max }}")
C("expr_float_repr_extremes", "{{ 1e100 }} {{ 1e-5 }} {{ 123456789012345678.0 }} {{ 10 ** 17 / 1 }} {{ 0.001 }} {{ 12345.678 }} {{ 1.10 ~ '' }} {{ 3 * 0.1 }}")
C("expr_float_int_mixing", "{{ 7 / 2.0 }} {{ -7 // 2.0 }} {{ 2 * 1.0 }} {{ 1 + 1e0 }} {{ 6 / 3 * 2 }} {{ (6 / 3)|int }}")
C("expr_dynamic_call_args", "{% macro m(a, b) %}{{ a }}{{ b }}{% endmacro %}{{ '{}-{}'.format(*xs) }} {{ dict(**d) }} {{ m(*[1, 2]) }} {{ m(**{'a': 3, 'b': 4}) }} {{ m(1, **{'b': 5}) }}", {"xs": [1, 2], "d": {"k": "v"}})
C("expr_unknown_filter_in_untaken_branch", "{% if false %}{{ x|nofilter }}{% endif %}{% if false %}{{ x is nosuchtest }}{% endif %}ok")
C("expr_filter_exists_guard", "{% if 'nofilter' is filter %}{{ x|nofilter }}{% else %}fallback{% endif %} {% if 'upper' is filter %}{{ 'y'|upper }}{% endif %}")
C("expr_whitespace_only_after_strip", "   {{- '' -}}   \n  ")
C("filter_int_python_parsing", "{{ '1_000'|int }} {{ ' 42 '|int }} {{ '3.0'|int }} {{ '-4.5'|int }} {{ '1e3'|int }} {{ '1,000'|int }} {{ '+7'|int }}")
C("filter_round_int_precision", "{{ 7|round(1) }} {{ 7.25|round(1) }} {{ 7.35|round(1) }} {{ 0.5|round }} {{ 1.5|round }} {{ 7|round(1, 'floor') }}")
C("filter_tojson_numbers_and_tuples", "{{ [1.0, 0.1, 1e16, -0.0, 3, 'é', (1, 2)]|tojson }} {{ {'k': none, 'b': false}|tojson }}")
C("filter_on_dicts", "{{ d|join(',') }} {{ d|first }} {{ d|last }} {{ d|length }} {{ d|list }} {{ d|sort }}", {"d": {"b": 1, "a": 2}})
C("filter_block_with_loop", "{% filter upper %}{% for x in xs %}a{{ x }}{% endfor %}{% endfilter %}", {"xs": [1, 2]})
C("loop_reassign_loop_var", "{% for x in [1, 2, 3] %}{% set x = x * 2 %}{{ x }}{% endfor %}")
C("loop_nested_same_name", "{% for i in range(2) %}{% for i in range(2) %}{{ i }}{% endfor %}{{ i }}|{% endfor %}")
C("loop_else_set_does_not_leak", "{% for x in [] %}{% else %}{% set z = 1 %}{{ z }}{% endfor %}[{{ z }}]")
C("loop_filter_and_sort", "{% for k, v in d.items()|sort if v %}{{ k }}{% endfor %} {% for r in rows|sort(attribute='n') %}{{ r.n }}{% endfor %}", {"d": {"b": 1, "a": 2, "c": 0}, "rows": [{"n": 2}, {"n": 1}]})
C("call_caller_with_kwargs", "{% macro m() %}{{ caller(x=1) }}{{ caller(2) }}{% endmacro %}{% call(x) m() %}<{{ x }}>{% endcall %}")

# ---------------------------------------------------------------------------
# dbt-style templates
# ---------------------------------------------------------------------------


_TARGET_DEV = {"name": "dev", "schema": "dbt_alice", "database": "analytics", "type": "postgres"}
_TARGET_PROD = {"name": "prod", "schema": "analytics", "database": "analytics", "type": "redshift"}

C("dbt_generate_schema_name_default", """\
{%- macro generate_schema_name(custom_schema_name, node) -%}
    {%- set default_schema = target.schema -%}
    {%- if custom_schema_name is none -%}
        {{ default_schema }}
    {%- else -%}
        {{ default_schema }}_{{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro -%}
{{ generate_schema_name(none, node) }}
{{ generate_schema_name('  marketing ', node) }}
{{ generate_schema_name(node.config.schema, node) }}
""", {"target": _TARGET_DEV, "node": {"name": "orders", "config": {"schema": "finance"}}})

C("dbt_generate_schema_name_by_env", """\
{%- macro generate_schema_name(custom_schema_name, node) -%}
    {%- if target.name == 'prod' and custom_schema_name -%}
        {{ custom_schema_name | trim }}
    {%- elif custom_schema_name -%}
        {{ target.schema }}_{{ custom_schema_name | trim }}
    {%- else -%}
        {{ target.schema }}
    {%- endif -%}
{%- endmacro -%}
{% for n in nodes -%}
{{ n.name }} -> {{ generate_schema_name(n.schema, n) }}
{% endfor %}""", {"target": _TARGET_PROD, "nodes": [{"name": "stg_orders", "schema": "staging"}, {"name": "dim_customers", "schema": None}, {"name": "fct_sales", "schema": ""}]})

C("dbt_generate_alias_name", """\
{%- macro generate_alias_name(custom_alias_name=none, node=none) -%}
    {%- if custom_alias_name -%}
        {{ custom_alias_name | trim }}
    {%- elif node.version -%}
        {{ return_name ~ node.name ~ "_v" ~ (node.version | replace(".", "_")) }}
    {%- else -%}
        {{ node.name }}
    {%- endif -%}
{%- endmacro -%}
{%- set return_name = '' -%}
{%- for n in nodes %}
{{ generate_alias_name(n.alias, n) }}
{%- endfor %}""", {"nodes": [{"name": "orders", "alias": None, "version": None}, {"name": "customers", "alias": " cust ", "version": 2}, {"name": "events", "version": "1.5"}]})

C("dbt_surrogate_key", """\
{%- macro generate_surrogate_key(field_list) -%}
{%- set default_null_value = '_dbt_utils_surrogate_key_null_' -%}
{%- set fields = [] -%}
{%- for field in field_list -%}
    {%- do fields.append(
        "coalesce(cast(" ~ field ~ " as varchar), '" ~ default_null_value ~ "')"
    ) -%}
    {%- if not loop.last %}
        {%- do fields.append("'-'") -%}
    {%- endif -%}
{%- endfor -%}
md5(cast({{ fields | join(' || ') }} as varchar))
{%- endmacro -%}
select
    {{ generate_surrogate_key(['customer_id', 'order_date']) }} as order_key,
    {{ generate_surrogate_key(['id']) }} as id_key
from orders""")

C("dbt_surrogate_key_varargs_legacy", """\
{%- macro surrogate_key(field_list) -%}
    {%- if varargs | length >= 1 or field_list is string -%}
        {%- set field_list = [field_list] + varargs | list -%}
    {%- endif -%}
    md5({% for f in field_list -%}
        coalesce(cast({{ f }} as text), '')
        {%- if not loop.last %} || '-' || {% endif -%}
    {%- endfor %})
{%- endmacro -%}
{{ surrogate_key('a', 'b', 'c') }}
{{ surrogate_key(['x', 'y']) }}
{{ surrogate_key('solo') }}""")

C("dbt_star_columns", """\
{%- macro star(columns, except=[], relation_alias=none, prefix='', suffix='') -%}
    {%- set include_cols = [] -%}
    {%- for col in columns -%}
        {%- if col | lower not in except | map('lower') | list -%}
            {%- do include_cols.append(col) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- for col in include_cols %}
    {% if relation_alias %}{{ relation_alias }}.{% endif %}"{{ col }}"{% if prefix or suffix %} as "{{ prefix ~ col ~ suffix }}"{% endif %}
    {%- if not loop.last %},{% endif %}
    {%- endfor -%}
{%- endmacro -%}
select
{{- star(cols, except=['_LOADED_AT', 'secret']) }}
from raw
;
select
{{- star(cols[:2], relation_alias='o', prefix='order_') }}
from raw as o""", {"cols": ["id", "status", "amount", "_loaded_at", "secret"]})

C("dbt_column_list_commas", """\
select
{% for col in columns %}
    {{ col.name }}{% if col.alias %} as {{ col.alias }}{% endif %}{{ "," if not loop.last }}
{% endfor %}
from {{ source_table }}
""", {"columns": [{"name": "id"}, {"name": "created", "alias": "created_at"}, {"name": "amt", "alias": "amount"}], "source_table": "raw.payments"})

C("dbt_pivot", """\
{%- macro pivot(column, values, alias=True, agg='sum', cmp='=', prefix='', suffix='', then_value=1, else_value=0, quote_identifiers=True, distinct=False) -%}
  {%- for value in values %}
  {{ agg }}(
    {% if distinct %} distinct {% endif %}
    case
    when {{ column }} {{ cmp }} '{{ value | replace("'", "''") }}'
      then {{ then_value }}
    else {{ else_value }}
    end
  )
  {%- if alias -%}
    {%- if quote_identifiers %}
        as "{{ prefix ~ value ~ suffix }}"
    {%- else %}
        as {{ prefix ~ value ~ suffix }}
    {%- endif -%}
  {%- endif -%}
  {%- if not loop.last %},{% endif -%}
  {%- endfor %}
{%- endmacro -%}
select
  size,
  {{ pivot('color', ['red', "o'range"], suffix='_count') }}
from items
group by size""")

C("dbt_pivot_options", """\
{%- macro pivot(column, values, agg='sum', then_value=1, else_value=0, prefix='', quote_identifiers=true) -%}
{%- for v in values -%}
{{ agg }}(case when {{ column }} = '{{ v }}' then {{ then_value }} else {{ else_value }} end) as {{ '"' if quote_identifiers }}{{ prefix }}{{ v | lower | replace(' ', '_') }}{{ '"' if quote_identifiers }}
{%- if not loop.last %},
{% endif -%}
{%- endfor -%}
{%- endmacro -%}
{{ pivot('status', statuses, agg='max', then_value='amount', else_value='null', prefix='amt_', quote_identifiers=false) }}""",
  {"statuses": ["Paid", "Past Due", "Refunded"]})

C("dbt_unpivot", """\
{%- macro unpivot(relation, columns, exclude, field_name='field_name', value_name='value', cast_to='varchar') -%}
  {%- set include_cols = [] -%}
  {%- for col in columns if col.name not in exclude -%}
    {%- do include_cols.append(col) -%}
  {%- endfor -%}
  {%- for col in include_cols %}
    select
      {%- for exc in exclude %}
      {{ exc }},
      {%- endfor %}
      cast('{{ col.name }}' as varchar) as {{ field_name }},
      cast({{ col.name }} as {{ cast_to }}) as {{ value_name }}
    from {{ relation }}
    {% if not loop.last -%}
    union all
    {% endif -%}
  {%- endfor -%}
{%- endmacro -%}
{{ unpivot('analytics.metrics', cols, ['id', 'day'], field_name='metric') }}""",
  {"cols": [{"name": "id"}, {"name": "day"}, {"name": "clicks"}, {"name": "views"}]})

C("dbt_union_relations", """\
{%- macro union_relations(relations, source_column_name='_dbt_source_relation') -%}
    {%- set column_override = {} -%}
    {%- set ordered_column_names = [] -%}
    {%- set column_types = {} -%}
    {%- for relation in relations -%}
        {%- for col in relation.columns -%}
            {%- if col.name | lower not in ordered_column_names -%}
                {%- do ordered_column_names.append(col.name | lower) -%}
                {%- do column_types.update({col.name | lower: col.type}) -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endfor -%}
    {%- for relation in relations %}
    (
        select
            cast('{{ relation.name }}' as varchar) as {{ source_column_name }},
            {%- set present = relation.columns | map(attribute='name') | map('lower') | list %}
            {% for col_name in ordered_column_names -%}
            {%- if col_name in present -%}
                {{ col_name }}
            {%- else -%}
                cast(null as {{ column_types[col_name] }}) as {{ col_name }}
            {%- endif -%}
            {%- if not loop.last %},
            {% endif -%}
            {%- endfor %}
        from {{ relation.name }}
    )
    {% if not loop.last %}union all{% endif -%}
    {%- endfor -%}
{%- endmacro -%}
{{ union_relations(rels) }}""", {"rels": [
    {"name": "raw.us_orders", "columns": [{"name": "ID", "type": "int"}, {"name": "amount", "type": "numeric"}]},
    {"name": "raw.eu_orders", "columns": [{"name": "id", "type": "int"}, {"name": "vat", "type": "numeric"}, {"name": "amount", "type": "numeric"}]}]})

C("dbt_date_spine", """\
{%- macro get_powers_of_two(upper_bound) -%}
    {%- if upper_bound <= 0 -%}
        {{ 0 }}
    {%- else -%}
        {%- set ns = namespace(n=0) -%}
        {%- for i in range(64) if 2 ** i < upper_bound -%}
            {%- set ns.n = i + 1 -%}
        {%- endfor -%}
        {{ ns.n }}
    {%- endif -%}
{%- endmacro -%}
{%- macro generate_series(upper_bound) -%}
    {%- set n = get_powers_of_two(upper_bound) | int -%}
    with p as (
        select 0 as generated_number union all select 1
    ), unioned as (
    select
    {% for i in range(n) %}
    p{{ i }}.generated_number * power(2, {{ i }})
    {{ ' + ' if not loop.last else '' }}
    {%- endfor %}
    + 1 as generated_number
    from
    {% for i in range(n) %}
    p as p{{ i }}
    {{ ' cross join ' if not loop.last else '' }}
    {%- endfor %}
    )
    select * from unioned
    where generated_number <= {{ upper_bound }}
    order by generated_number
{%- endmacro -%}
{{ get_powers_of_two(1) }} {{ get_powers_of_two(10) }} {{ get_powers_of_two(16) }} {{ get_powers_of_two(365) }}
{{ generate_series(5) }}""")

C("dbt_date_spine_days", """\
{%- macro date_spine(datepart, start_date, end_date) -%}
with rawdata as (
    select row_number() over (order by 1) - 1 as n
    from {{ numbers_table }}
    limit {{ days }}
),
all_periods as (
    select (
        {{ dateadd(datepart, 'n', start_date) }}
    ) as date_{{ datepart }}
    from rawdata
)
select * from all_periods
where date_{{ datepart }} <= {{ end_date }}
{%- endmacro -%}
{%- macro dateadd(datepart, interval, from_date_or_timestamp) -%}
    {%- if target.type == 'postgres' -%}
    {{ from_date_or_timestamp }} + ((interval '1 {{ datepart }}') * ({{ interval }}))
    {%- else -%}
    dateadd({{ datepart }}, {{ interval }}, {{ from_date_or_timestamp }})
    {%- endif -%}
{%- endmacro -%}
{%- set days = ((end_ts - start_ts) / 86400) | round(0, 'ceil') | int -%}
{{ date_spine('day', "'2024-01-01'::date", "'2024-01-31'::date") }}""",
  {"target": _TARGET_DEV, "numbers_table": "util.numbers", "start_ts": 1704067200, "end_ts": 1706659200})

C("dbt_incremental_filter_on", """\
select
    event_id,
    user_id,
    occurred_at
from {{ source_relation }}
{% if is_incremental %}
  -- this filter will only be applied on an incremental run
  where occurred_at > (select max(occurred_at) from {{ this }})
{% endif %}
""", {"is_incremental": True, "this": "analytics.dbt_alice.events", "source_relation": "raw.events"})

C("dbt_incremental_filter_off", """\
select
    event_id,
    occurred_at
from {{ source_relation }}
{%- if is_incremental %}
where occurred_at > (select max(occurred_at) from {{ this }})
{%- endif %}
""", {"is_incremental": False, "this": "analytics.dbt_alice.events", "source_relation": "raw.events"})

C("dbt_incremental_lookback", """\
{%- set lookback_days = vars.get('lookback_days', 3) -%}
{%- set unique_key = config.get('unique_key') -%}
select * from {{ src }}
{%- if is_incremental and config.materialized == 'incremental' %}
where updated_at >= (
    select dateadd(day, -{{ lookback_days }}, max(updated_at)) from {{ this }}
)
{%- if unique_key is string %}
-- unique key: {{ unique_key }}
{%- elif unique_key is iterable %}
-- unique keys: {{ unique_key | join(', ') }}
{%- endif %}
{%- endif %}""", {"is_incremental": True, "vars": {"lookback_days": 7}, "config": {"materialized": "incremental", "unique_key": ["order_id", "line_no"]},
                     "src": "staging.order_lines", "this": "marts.order_lines"})

C("dbt_config_merge", """\
{%- set defaults = {
    'materialized': 'view',
    'tags': ['base'],
    'persist_docs': {'relation': false, 'columns': false},
    'enabled': true
} -%}
{%- set final = {} -%}
{%- do final.update(defaults) -%}
{%- do final.update(project_config) -%}
{%- do final.update(model_config) -%}
{%- set tags = defaults.tags + project_config.get('tags', []) + model_config.get('tags', []) -%}
{%- do final.update({'tags': tags | unique | list}) -%}
{%- for key, value in final | dictsort %}
{{ key }}: {{ value }}
{%- endfor %}
{{ final | tojson }}""", {"project_config": {"materialized": "table", "tags": ["nightly"], "schema": "marts"},
                          "model_config": {"tags": ["finance", "nightly"], "persist_docs": {"relation": True}}})

C("dbt_config_get_with_defaults", """\
{%- set materialized = config.get('materialized', 'view') -%}
{%- set sort_key = config.get('sort', none) -%}
{%- set dist = config.get('dist', 'even') -%}
create {{ 'table' if materialized == 'table' else 'view' }} {{ this }}
{%- if materialized == 'table' %}
  diststyle {{ 'key distkey(' ~ dist ~ ')' if dist not in ['even', 'all', 'auto'] else dist }}
  {%- if sort_key %}
  sortkey({{ sort_key if sort_key is string else sort_key | join(', ') }})
  {%- endif %}
{%- endif %}
as (
  select 1
)""", {"config": {"materialized": "table", "sort": ["created_at", "id"], "dist": "customer_id"}, "this": "marts.fct_orders"})

C("dbt_namespace_accumulator", """\
{%- set ns = namespace(conditions=[], has_date=false, count=0) -%}
{%- for f in filters -%}
    {%- if f.value is none -%}
        {%- do ns.conditions.append(f.column ~ ' is null') -%}
    {%- elif f.value is string -%}
        {%- do ns.conditions.append(f.column ~ " = '" ~ f.value ~ "'") -%}
    {%- elif f.value is iterable -%}
        {%- do ns.conditions.append(f.column ~ " in (" ~ f.value | join(', ') ~ ")") -%}
    {%- else -%}
        {%- do ns.conditions.append(f.column ~ ' = ' ~ f.value) -%}
    {%- endif -%}
    {%- if 'date' in f.column %}{% set ns.has_date = true %}{% endif -%}
    {%- set ns.count = ns.count + 1 -%}
{%- endfor -%}
select * from orders
{%- if ns.conditions %}
where {{ ns.conditions | join('\\n  and ') }}
{%- endif %}
-- {{ ns.count }} filters, date filter: {{ ns.has_date }}""", {"filters": [
    {"column": "status", "value": "shipped"}, {"column": "region_id", "value": [1, 2, 3]},
    {"column": "deleted_at", "value": None}, {"column": "order_date", "value": 20240101}]})

C("dbt_varargs_kwargs_macro", """\
{%- macro coalesce_cols() -%}
coalesce({{ varargs | join(', ') }}{% if kwargs.get('default') is not none %}, {{ kwargs['default'] }}{% endif %})
{%- endmacro -%}
{%- macro build_select(table) -%}
select {{ varargs | join(', ') if varargs else '*' }} from {{ table }}
{%- for k, v in kwargs | dictsort %}
{{ k | replace('_', ' ') }} {{ v }}
{%- endfor %}
{%- endmacro -%}
{{ coalesce_cols('a', 'b') }}
{{ coalesce_cols('x', default="'n/a'") }}
{{ build_select('t') }}
{{ build_select('t', 'id', 'name', order_by='id', limit=10) }}""")

C("dbt_whitespace_controlled_sql", """\
with source as (

    select * from {{ src }}

),

renamed as (

    select
        {%- for col in cols %}
        {{ col.src }} as {{ col.dst }}
        {%- if not loop.last %},{% endif %}
        {%- endfor %}

    from source
    {%- if where %}
    where {{ where }}
    {%- endif %}

)

select * from renamed
""", {"src": "raw.jaffle_shop.customers", "cols": [{"src": "id", "dst": "customer_id"}, {"src": "first_name", "dst": "first_name"}, {"src": "last_name", "dst": "last_name"}], "where": "id is not null"})

C("dbt_set_block_fragment", """\
{%- set recent_filter -%}
    created_at >= current_date - interval '{{ days }} days'
{%- endset -%}
{%- set base_columns %}
    id,
    created_at,
    status
{%- endset -%}
select {{ base_columns }}
from orders
where {{ recent_filter }}
union all
select {{ base_columns }}
from returns
where {{ recent_filter }} and status = 'returned'
-- filter length: {{ recent_filter | length }}""", {"days": 30})

C("dbt_set_block_with_filter", """\
{%- set header | trim | upper -%}
   select distinct
{%- endset -%}
{%- set cols | replace('\\n', ' ') | trim -%}
  id,
  name
{%- endset -%}
{{ header }} {{ cols }} from t""")

C("dbt_tojson_config", """\
{%- set meta = {
    'owner': model.owner,
    'tags': model.tags | sort,
    'contains_pii': model.pii,
    'sla_hours': 24,
    'description': "Orders <daily> & 'refunds'"
} -%}
-- meta: {{ meta | tojson }}
comment on table {{ model.relation }} is '{{ meta | tojson | replace("'", "''") }}';
{{ {'columns': model.columns} | tojson(indent=2) }}""", {"model": {"owner": "data-eng", "tags": ["zeta", "alpha"], "pii": False, "relation": "marts.orders", "columns": ["id", "total"]}})

C("dbt_dispatch_by_name", """\
{%- macro default__datediff(first_date, second_date, datepart) -%}
    datediff({{ datepart }}, {{ first_date }}, {{ second_date }})
{%- endmacro -%}
{%- macro postgres__datediff(first_date, second_date, datepart) -%}
    {%- if datepart == 'day' -%}
        ({{ second_date }}::date - {{ first_date }}::date)
    {%- else -%}
        extract({{ datepart }} from ({{ second_date }} - {{ first_date }}))
    {%- endif -%}
{%- endmacro -%}
{%- set macros = {
    'default__datediff': default__datediff,
    'postgres__datediff': postgres__datediff
} -%}
{%- macro datediff(a, b, part, adapter) -%}
    {%- set impl = macros.get(adapter ~ '__datediff', macros['default__datediff']) -%}
    {{ impl(a, b, part) }}
{%- endmacro -%}
{%- for adapter in ['postgres', 'snowflake'] %}
{{ adapter }}: {{ datediff('start_at', 'end_at', 'day', adapter) }}
{{ adapter }}: {{ datediff('start_at', 'end_at', 'month', adapter) }}
{%- endfor %}""")

C("dbt_dispatch_search_order", """\
{%- macro default__safe_cast(field, type) -%}cast({{ field }} as {{ type }}){%- endmacro -%}
{%- macro snowflake__safe_cast(field, type) -%}try_cast({{ field }} as {{ type }}){%- endmacro -%}
{%- macro bigquery__safe_cast(field, type) -%}safe_cast({{ field }} as {{ type }}){%- endmacro -%}
{%- set registry = {
    'default__safe_cast': default__safe_cast,
    'snowflake__safe_cast': snowflake__safe_cast,
    'bigquery__safe_cast': bigquery__safe_cast
} -%}
{%- macro dispatch(macro_name, adapter_type) -%}
    {%- set ns = namespace(found=none) -%}
    {%- for prefix in [adapter_type, 'default'] -%}
        {%- set key = prefix ~ '__' ~ macro_name -%}
        {%- if ns.found is none and key in registry -%}
            {%- set ns.found = registry[key] -%}
        {%- endif -%}
    {%- endfor -%}
    {{ ns.found(*varargs) }}
{%- endmacro -%}
{% for a in adapters -%}
{{ a }} => {{ dispatch('safe_cast', a, 'amount', 'numeric(10,2)') }}
{% endfor %}""", {"adapters": ["snowflake", "bigquery", "postgres", "redshift"]})

C("dbt_accepted_values_test", """\
{%- macro test_accepted_values(model, column_name, values, quote=True) -%}
with all_values as (

    select
        {{ column_name }} as value_field,
        count(*) as n_records

    from {{ model }}
    group by {{ column_name }}

)

select *
from all_values
where value_field not in (
    {% for value in values -%}
        {% if quote -%}
        '{{ value }}'
        {%- else -%}
        {{ value }}
        {%- endif -%}
        {%- if not loop.last -%},{%- endif %}
    {%- endfor %}
)
{%- endmacro -%}
{{ test_accepted_values('analytics.orders', 'status', ['placed', 'shipped', 'completed']) }}
---
{{ test_accepted_values('analytics.orders', 'priority', [1, 2, 3], quote=false) }}""")

C("dbt_not_null_and_unique_tests", """\
{%- macro test_not_null(model, column_name) -%}
select {{ column_name }}
from {{ model }}
where {{ column_name }} is null
{%- endmacro -%}
{%- macro test_unique(model, column_name) -%}
select
    {{ column_name }} as unique_field,
    count(*) as n_records
from {{ model }}
where {{ column_name }} is not null
group by {{ column_name }}
having count(*) > 1
{%- endmacro -%}
{%- for t in tests %}
-- {{ t.name }} on {{ t.column }}
{%- if t.name == 'not_null' %}
{{ test_not_null(t.model, t.column) }}
{%- elif t.name == 'unique' %}
{{ test_unique(t.model, t.column) }}
{%- endif %}
{%- endfor %}""", {"tests": [{"name": "not_null", "model": "stg_users", "column": "user_id"}, {"name": "unique", "model": "stg_users", "column": "email"}]})

C("dbt_relationships_test", """\
{%- macro test_relationships(model, column_name, to, field) -%}
with child as (
    select {{ column_name }} as from_field
    from {{ model }}
    where {{ column_name }} is not null
),

parent as (
    select {{ field }} as to_field
    from {{ to }}
)

select
    from_field

from child
left join parent
    on child.from_field = parent.to_field

where parent.to_field is null
{%- endmacro -%}
{{ test_relationships(model='analytics.orders', column_name='customer_id', to='analytics.customers', field='id') }}""")

C("dbt_in_list_quoting", """\
{%- macro sql_in_list(values) -%}
    ({%- for v in values -%}
        {%- if v is none -%}null
        {%- elif v is number -%}{{ v }}
        {%- else -%}'{{ v | string | replace("'", "''") }}'
        {%- endif -%}
        {{- ', ' if not loop.last -}}
    {%- endfor -%})
{%- endmacro -%}
where country in {{ sql_in_list(countries) }}
  and code in {{ sql_in_list([1, 2.5, none, "O'Brien", true]) }}""", {"countries": ["US", "Côte d'Ivoire"]})

C("dbt_grant_statements", """\
{%- macro apply_grants(relation, grants) -%}
{%- for privilege, grantees in grants.items() -%}
  {%- for grantee in grantees | unique | sort %}
grant {{ privilege }} on {{ relation }} to {{ grantee }};
  {%- endfor -%}
{%- endfor -%}
{%- endmacro -%}
{{ apply_grants('analytics.marts.orders', grant_config) }}
{%- if not grant_config %}
-- no grants
{%- endif %}""", {"grant_config": {"select": ["reporter", "bi_user", "reporter"], "insert": ["loader"]}})

C("dbt_model_with_ctes", """\
{%- set refs = {
    'orders': '"analytics"."staging"."stg_orders"',
    'customers': '"analytics"."staging"."stg_customers"',
    'payments': '"analytics"."staging"."stg_payments"'
} -%}
{%- macro ref(name) -%}{{ refs[name] }}{%- endmacro -%}
{%- set payment_methods = ['credit_card', 'coupon', 'bank_transfer', 'gift_card'] -%}
with orders as (
    select * from {{ ref('orders') }}
),

payments as (
    select * from {{ ref('payments') }}
),

order_payments as (
    select
        order_id,
        {% for payment_method in payment_methods -%}
        sum(case when payment_method = '{{ payment_method }}' then amount else 0 end) as {{ payment_method }}_amount,
        {% endfor -%}
        sum(amount) as total_amount
    from payments
    group by order_id
)

select * from orders
left join order_payments using (order_id)
""")

C("dbt_snapshot_check_cols", """\
{%- macro snapshot_check_condition(check_cols) -%}
    {%- set conditions = [] -%}
    {%- for col in check_cols -%}
        {%- set cond -%}
        (snapshotted_data.{{ col }} != source_data.{{ col }}
         or (snapshotted_data.{{ col }} is null) != (source_data.{{ col }} is null))
        {%- endset -%}
        {%- do conditions.append(cond) -%}
    {%- endfor -%}
    {{ conditions | join('\\n    or ') }}
{%- endmacro -%}
select *
from snapshotted_data
join source_data using (id)
where
    {{ snapshot_check_condition(['status', 'email']) }}""")

C("dbt_merge_statement", """\
{%- macro get_merge_sql(target, source, unique_key, dest_columns) -%}
    {%- set update_columns = dest_columns | reject('equalto', unique_key) | list -%}
merge into {{ target }} as DBT_INTERNAL_DEST
    using {{ source }} as DBT_INTERNAL_SOURCE
    on DBT_INTERNAL_SOURCE.{{ unique_key }} = DBT_INTERNAL_DEST.{{ unique_key }}

{% if update_columns -%}
when matched then update set
    {% for column_name in update_columns -%}
        {{ column_name }} = DBT_INTERNAL_SOURCE.{{ column_name }}
        {%- if not loop.last %}, {%- endif %}
    {% endfor %}
{%- endif %}

when not matched then insert
    ({{ dest_columns | join(', ') }})
values
    ({% for c in dest_columns %}DBT_INTERNAL_SOURCE.{{ c }}{{ ', ' if not loop.last }}{% endfor %})
{%- endmacro -%}
{{ get_merge_sql('analytics.orders', 'orders__dbt_tmp', 'order_id', ['order_id', 'status', 'amount']) }}""")

C("dbt_create_table_as", """\
{%- macro create_table_as(temporary, relation, sql) -%}
  {%- set sql_header = config.get('sql_header', none) -%}
  {{ sql_header if sql_header is not none }}
  create {% if temporary -%}
    temporary
  {%- elif config.get('unlogged') -%}
    unlogged
  {%- endif %} table {{ relation }}
  as (
    {{ sql | indent(4) }}
  );
{%- endmacro -%}
{{ create_table_as(false, 'analytics.t', 'select 1 as id\\nunion all\\nselect 2') }}
{{ create_table_as(true, 't__dbt_tmp', 'select 1') }}""", {"config": {"unlogged": True, "sql_header": "set search_path = analytics;"}})

C("dbt_partition_by_config", """\
{%- macro partition_by(raw_partition_by) -%}
  {%- if raw_partition_by is none -%}
  {%- elif raw_partition_by is mapping -%}
    {%- set p = {'data_type': 'date', 'granularity': 'day'} -%}
    {%- do p.update(raw_partition_by) -%}
    {%- if p.data_type == 'int64' -%}
      partition by range_bucket({{ p.field }}, generate_array({{ p.range.start }}, {{ p.range.end }}, {{ p.range.interval }}))
    {%- elif p.data_type in ('timestamp', 'datetime') -%}
      partition by {{ p.data_type }}_trunc({{ p.field }}, {{ p.granularity }})
    {%- else -%}
      partition by {{ p.field }}
    {%- endif -%}
  {%- endif -%}
{%- endmacro -%}
{% for cfg in configs -%}
[{{ partition_by(cfg) }}]
{% endfor %}""", {"configs": [None, {"field": "created_at", "data_type": "timestamp"}, {"field": "user_id", "data_type": "int64", "range": {"start": 0, "end": 100, "interval": 10}}, {"field": "day"}]})

C("dbt_group_by_n", """\
{%- macro group_by(n) -%}
  group by {% for i in range(1, n + 1) -%}
      {{ i }}{{ ',' if not loop.last }}
   {%- endfor -%}
{%- endmacro -%}
select a, b, c, count(*)
from t
{{ group_by(3) }}""")

C("dbt_deduplicate", """\
{%- macro deduplicate(relation, partition_by, order_by) -%}
with row_numbered as (
    select
        _inner.*,
        row_number() over (
            partition by {{ partition_by }}
            order by {{ order_by }}
        ) as rn
    from {{ relation }} as _inner
)

select
    distinct data.*
from {{ relation }} as data
{#- Postgres-style natural join on all columns #}
natural join row_numbered
where row_numbered.rn = 1
{%- endmacro -%}
{{ deduplicate('stg_events', partition_by='event_id', order_by='loaded_at desc') }}""")

C("dbt_case_when_mapping", """\
{%- set status_map = {'p': 'pending', 's': 'shipped', 'c': 'cancelled', 'r': 'returned'} -%}
select
    order_id,
    case status_code
    {%- for code, label in status_map | dictsort %}
        when '{{ code }}' then '{{ label }}'
    {%- endfor %}
        else 'unknown'
    end as status
from orders""")

C("dbt_schema_yaml_render", """\
version: 2

models:
{%- for m in models %}
  - name: {{ m.name }}
    description: "{{ m.description | replace('"', '\\\\"') }}"
    columns:
    {%- for c in m.columns %}
      - name: {{ c.name }}
        {%- if c.tests %}
        tests:
        {%- for t in c.tests %}
          - {{ t }}
        {%- endfor %}
        {%- endif %}
    {%- endfor %}
{%- endfor %}
""", {"models": [{"name": "orders", "description": "One row per \"order\"", "columns": [{"name": "id", "tests": ["unique", "not_null"]}, {"name": "note"}]},
                 {"name": "customers", "description": "Customers", "columns": []}]})

C("dbt_limit_in_dev", """\
select * from {{ src }}
{%- if target.name == 'dev' %}
limit {{ vars.get('dev_row_limit', 100) }}
{%- endif %}
{%- if target.name != 'dev' %}
-- full data in {{ target.name }}
{%- endif %}""", {"src": "raw.clicks", "target": _TARGET_DEV, "vars": {}})

C("dbt_hash_by_adapter", """\
{%- macro hash(field, adapter_type=target.type) -%}
  {%- if adapter_type in ['postgres', 'redshift'] -%}
    md5(cast({{ field }} as varchar))
  {%- elif adapter_type == 'bigquery' -%}
    to_hex(md5(cast({{ field }} as string)))
  {%- else -%}
    md5(cast({{ field }} as {{ 'text' }}))
  {%- endif -%}
{%- endmacro -%}
{{ hash('email') }}
{%- for t in ['bigquery', 'duckdb'] %}
{{ t }}: {{ hash('email', t) }}
{%- endfor %}""", {"target": _TARGET_PROD})

C("dbt_statement_call_block", """\
{%- set results = {} -%}
{%- macro statement(name=none, fetch_result=false, auto_begin=true) -%}
  {%- set sql = caller() -%}
  {%- if name == 'main' -%}
  -- running main statement
  {%- endif %}
  {%- do results.update({name: sql | trim}) %}
  {{ sql | trim }}
{%- endmacro -%}
{% call statement('main', fetch_result=true) -%}
    select count(*) as n
    from {{ relation }}
{%- endcall %}
{% call statement('cleanup') %}drop table if exists {{ relation }}__tmp{% endcall %}
{{ results | dictsort | map('first') | join(',') }}""", {"relation": "analytics.orders"})

C("dbt_quote_identifiers", """\
{%- macro quote(identifier, char='"') -%}
{{ char }}{{ identifier | replace(char, char ~ char) }}{{ char }}
{%- endmacro -%}
{%- macro render_relation(rel, quoting) -%}
  {%- set parts = [] -%}
  {%- for part in ['database', 'schema', 'identifier'] -%}
    {%- if rel[part] -%}
      {%- do parts.append(quote(rel[part]) if quoting.get(part, true) else rel[part]) -%}
    {%- endif -%}
  {%- endfor -%}
  {{ parts | join('.') }}
{%- endmacro -%}
{{ render_relation(rel, {}) }}
{{ render_relation(rel, {'database': false, 'schema': false}) }}
{{ quote('weird"name') }} {{ quote('x', '`') }}""", {"rel": {"database": "analytics", "schema": "dbt_alice", "identifier": "My Table"}})

C("dbt_select_except_rejectattr", """\
{%- set columns = all_columns | rejectattr('name', 'in', excluded) | list -%}
{%- set numeric = columns | selectattr('dtype', 'in', ['int', 'numeric', 'float']) | map(attribute='name') | list -%}
select
  {{ columns | map(attribute='name') | join(',\\n  ') }}
from src;
-- numeric columns: {{ numeric | join(', ') }}
-- {{ columns | length }} of {{ all_columns | length }} columns""", {"all_columns": [
    {"name": "id", "dtype": "int"}, {"name": "email", "dtype": "text"}, {"name": "_fivetran_synced", "dtype": "timestamp"},
    {"name": "score", "dtype": "float"}, {"name": "_fivetran_deleted", "dtype": "bool"}], "excluded": ["_fivetran_synced", "_fivetran_deleted"]})

C("dbt_dynamic_pivot_groupby", """\
{%- set pivot_sql = [] -%}
{%- for g in payments | groupby('method') -%}
  {%- do pivot_sql.append("sum(case when method = '" ~ g.grouper ~ "' then amount end) as " ~ g.grouper ~ "_amount -- " ~ g.list | length ~ " rows") -%}
{%- endfor -%}
select
  order_id,
  {{ pivot_sql | join(',\\n  ') }}
from payments
group by 1""", {"payments": [{"method": "card", "amount": 1}, {"method": "bank", "amount": 2}, {"method": "card", "amount": 3}, {"method": "gift", "amount": 4}]})

C("dbt_audit_columns_namespace", """\
{%- macro audit_columns(invocation_id, include_hash=true) -%}
  {%- set ns = namespace(cols=[]) -%}
  {%- do ns.cols.append("'" ~ invocation_id ~ "' as _dbt_invocation_id") -%}
  {%- do ns.cols.append("current_timestamp as _loaded_at") -%}
  {%- if include_hash -%}
    {%- set ns.cols = ns.cols + ["md5(" ~ kwargs.get('hash_cols', ['id']) | join(" || '|' || ") ~ ") as _row_hash"] -%}
  {%- endif -%}
  {%- for c in ns.cols %}
  {{ c }}{{ ',' if not loop.last }}
  {%- endfor -%}
{%- endmacro -%}
select
  *,
{{- audit_columns('4f1c-99') }}
from stg
-- second form
{{- audit_columns('abc', hash_cols=['a', 'b']) }}
{{- audit_columns('zzz', include_hash=false) }}""")

C("dbt_string_literal_escape", """\
{%- macro string_literal(value) -%}
  '{{ value | replace("\\\\", "\\\\\\\\") | replace("'", "''") }}'
{%- endmacro -%}
{%- macro escape_single_quotes(expression) -%}
{{ expression | replace("'", "\\\\'") }}
{%- endmacro -%}
select
  {{ string_literal("it's") }} as a,
  {{ string_literal('back\\\\slash') }} as b,
  '{{ escape_single_quotes("O'Reilly") }}' as c""")

C("dbt_source_freshness_query", """\
{%- macro collect_freshness(source, loaded_at_field, filter) -%}
select
  max({{ loaded_at_field }}) as max_loaded_at,
  {{ current_timestamp }} as snapshotted_at
from {{ source.database }}.{{ source.schema }}.{{ source.identifier }}
{% if filter -%}
where {{ filter }}
{%- endif %}
{%- endmacro -%}
{%- set current_timestamp = 'current_timestamp::timestamp' -%}
{% for s in sources -%}
{{ collect_freshness(s, s.loaded_at_field | default('_etl_loaded_at', true), s.get('filter')) }}
{% endfor -%}""", {"sources": [
    {"database": "raw", "schema": "stripe", "identifier": "payments", "loaded_at_field": "_batched_at", "filter": "_batched_at > current_date - 3"},
    {"database": "raw", "schema": "shop", "identifier": "orders", "loaded_at_field": ""}]})

C("dbt_get_columns_in_query_style", """\
{%- set column_types = {'id': 'integer', 'amount': 'numeric(18,2)', 'note': 'text', 'created_at': 'timestamp'} -%}
{%- macro cast_columns(types, overrides={}) -%}
  {%- set merged = types.copy() -%}
  {%- do merged.update(overrides) -%}
  {%- for name, dtype in merged.items() %}
  cast({{ name }} as {{ dtype }}) as {{ name }}{% if not loop.last %},{% endif %}
  {%- endfor %}
{%- endmacro -%}
select
{{- cast_columns(column_types, {'note': 'varchar(256)', 'extra': 'boolean'}) }}
from raw_table
-- original note type: {{ column_types.note }}""")

C("dbt_multi_statement_hooks", """\
{%- set pre_hooks = config.get('pre_hook', []) -%}
{%- set post_hooks = config.get('post_hook', []) -%}
{%- if pre_hooks is string %}{% set pre_hooks = [pre_hooks] %}{% endif -%}
{%- if post_hooks is string %}{% set post_hooks = [post_hooks] %}{% endif -%}
{% for hook in pre_hooks -%}
{{ hook | replace('{this}', this) }};
{% endfor -%}
create table {{ this }} as (select 1);
{% for hook in post_hooks -%}
{{ loop.index }}: {{ hook | replace('{this}', this) }};
{% endfor -%}
-- {{ pre_hooks | length + post_hooks | length }} hooks""", {"this": "analytics.t",
                                                         "config": {"pre_hook": "set timezone = 'UTC'", "post_hook": ["analyze {this}", "grant select on {this} to bi"]}})

C("dbt_var_defaults_and_types", """\
{%- set start_date = vars.get('start_date', '2020-01-01') -%}
{%- set countries = vars.get('countries', ['US']) -%}
{%- set min_amount = vars.get('min_amount', 0) | float -%}
{%- set debug = vars.get('debug', false) -%}
select *
from orders
where order_date >= '{{ start_date }}'
  and country in ({% for c in countries %}'{{ c }}'{{ ', ' if not loop.last }}{% endfor %})
  and amount > {{ min_amount }}
{%- if debug %}
-- vars: {{ vars | dictsort | map('join', '=') | join(', ') }}
{%- endif %}""", {"vars": {"countries": ["US", "CA", "MX"], "min_amount": "12.5", "debug": True}})

C("dbt_recursive_macro_hierarchy", """\
{%- macro render_node(node, depth=0) -%}
{{ '  ' * depth }}- {{ node.name }}{% if node.materialized %} ({{ node.materialized }}){% endif %}
{% for child in node.get('children', []) -%}
{{ render_node(child, depth + 1) }}
{%- endfor -%}
{%- endmacro -%}
{{ render_node(dag) }}""", {"dag": {"name": "raw_orders", "children": [
    {"name": "stg_orders", "materialized": "view", "children": [{"name": "fct_orders", "materialized": "incremental"}, {"name": "dim_dates", "materialized": "table"}]},
    {"name": "orders_snapshot", "materialized": "snapshot"}]}})

C("dbt_equal_rowcount_test", """\
{%- macro test_equal_rowcount(model, compare_model, group_by_columns=[]) -%}
{%- if group_by_columns | length > 0 -%}
  {%- set select_gb_cols = group_by_columns | join(', ') + ', ' -%}
  {%- set join_gb_cols -%}
    {% for c in group_by_columns -%}
      and a.{{ c }} = b.{{ c }}
    {% endfor %}
  {%- endset -%}
{%- else -%}
  {%- set select_gb_cols = '' -%}
  {%- set join_gb_cols = '' -%}
{%- endif -%}
with a as (
    select {{ select_gb_cols }}1 as id_dbtutils_test_equal_rowcount, count(*) as count_a
    from {{ model }}
    {{ 'group by ' ~ group_by_columns | join(', ') if group_by_columns }}
),
b as (
    select {{ select_gb_cols }}1 as id_dbtutils_test_equal_rowcount, count(*) as count_b
    from {{ compare_model }}
    {{ 'group by ' ~ group_by_columns | join(', ') if group_by_columns }}
)
select * from a
full join b
  on a.id_dbtutils_test_equal_rowcount = b.id_dbtutils_test_equal_rowcount
  {{ join_gb_cols }}
where count_a != count_b
{%- endmacro -%}
{{ test_equal_rowcount('orders', 'orders_backup') }}
=====
{{ test_equal_rowcount('orders', 'orders_backup', ['region', 'day']) }}""")

C("dbt_cents_to_dollars", """\
{%- macro cents_to_dollars(column_name, scale=2) -%}
    ({{ column_name }} / 100)::numeric(16, {{ scale }})
{%- endmacro -%}
select
    id as payment_id,
    orderid as order_id,
    paymentmethod as payment_method,
    status,
    -- amount is stored in cents, convert it to dollars
    {{ cents_to_dollars('amount') }} as amount,
    {{ cents_to_dollars('fee', scale=4) }} as fee,
    created as created_at
from {{ source_table }}
""", {"source_table": "raw.stripe.payment"})

C("dbt_get_filtered_columns", """\
{%- macro get_filtered_columns_in_relation(columns, except=[]) -%}
    {%- set include_cols = [] -%}
    {%- set except_lower = except | map('lower') | list -%}
    {%- for col in columns -%}
        {%- if col.column | lower not in except_lower -%}
            {%- do include_cols.append(col.column) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return_value(include_cols) }}
{%- endmacro -%}
{%- macro return_value(v) -%}{{ v | join('|') }}{%- endmacro -%}
{%- set cols = get_filtered_columns_in_relation(relation_columns, except=['ID', 'Updated_At']).split('|') -%}
{{ cols | length }} columns: {{ cols }}
{%- for c in cols %}
  , max({{ c }}) as max_{{ c | lower }}
{%- endfor %}""", {"relation_columns": [{"column": "id"}, {"column": "Name"}, {"column": "updated_at"}, {"column": "Score"}]})

C("dbt_conditional_materialization_sql", """\
{%- set materialized = config.materialized -%}
{%- set is_view = materialized == 'view' -%}
{%- set relation = database ~ '.' ~ schema ~ '.' ~ identifier -%}
{%- if is_view -%}
create or replace view {{ relation }} as (
{%- elif materialized == 'table' -%}
create table {{ relation }}__dbt_tmp as (
{%- else -%}
insert into {{ relation }} (
{%- endif %}
{{ sql | indent(2, true) }}
);
{%- if materialized == 'table' %}
alter table {{ relation }} rename to {{ identifier }}__dbt_backup;
alter table {{ relation }}__dbt_tmp rename to {{ identifier }};
drop table if exists {{ relation }}__dbt_backup cascade;
{%- endif %}""", {"config": {"materialized": "table"}, "database": "analytics", "schema": "marts", "identifier": "orders",
                    "sql": "select *\nfrom stg_orders\nwhere amount > 0"})

# A Python-style colon may end a block's opening tag; dbt's own `statement` macro writes
# `{%- if execute: -%}`.
C("stmt_colon_after_block_heads",
  "{% if x: %}a{% elif y: %}b{% else: %}c{% endif %}|{% for i in [1, 2]: %}{{ i }}{% endfor %}|"
  "{% macro m(v): %}<{{ v }}>{% endmacro %}{{ m(1) }}|{% set s: %}S{% endset %}{{ s }}",
  {"x": 0, "y": 1})
