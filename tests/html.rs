//! Pages saved as HTML: read as the text a browser shows of them.

mod common;

use baogao::html::{looks_like_html, to_text};

#[test]
fn blocks_are_lines_and_source_whitespace_collapses() {
    let page = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n\
        <title>标题_某区政府在线</title>\n<style>p { margin: 0 }</style>\n\
        <script>if (a < b && c > d) { document.write('<p>假</p>'); }</script>\n\
        </head>\n<body>\n<!-- 导航 <p>注释</p> -->\n\
        <div class=\"nav\"><a href=\"/\">首页</a> &gt; <a href='/x?a=1&amp;b=2'>政务公开</a></div>\n\
        <div>\n  <p>&nbsp;&nbsp;今年,全区<b>生产总值</b>增长6.5%。</p>\n\
        <P ALIGN=center>第二段\n  继续。<br>换行后<br/><br/>空一行</P>\n\
        <table><tr><th>指标</th><th>2020年</th></tr>\n<tr><td>GDP</td><td>&#8220;5000&#x201D;亿元</td></tr></table>\n\
        <p>a &lt; b &amp;&amp; c&gt;d; 5<6 &unknown; &#0;</p>\n</div></body></html>\n";
    let want = "首页 > 政务公开\n\
        今年,全区生产总值增长6.5%。\n\
        第二段继续。\n换行后\n\n空一行\n\
        指标\t2020年\nGDP\t“5000”亿元\n\
        a < b && c>d; 5<6 &unknown; &#0;\n";
    assert_eq!(to_text(page), want);
}

#[test]
fn a_source_line_wrapped_between_chinese_characters_is_no_space() {
    let page = "<p>全区经济\n    平稳增长,GDP\n增长6.5%。我们 坚持\n 发展。</p>";
    assert_eq!(
        to_text(page),
        "全区经济平稳增长,GDP 增长6.5%。我们 坚持发展。\n"
    );
}

#[test]
fn preformatted_text_unclosed_cells_and_stray_quotes() {
    assert_eq!(
        to_text("<pre>第一行\n第二行\n\n  三、标题\n</pre><p>后</p>"),
        "第一行\n第二行\n\n三、标题\n后\n"
    );
    assert_eq!(
        to_text("<table><tr><td>指标<td>2020年<tr><td>GDP<td>5000</table>"),
        "指标\t2020年\nGDP\t5000\n"
    );
    // A quote in an unquoted value opens nothing.
    assert_eq!(
        to_text("<p>甲</p><img alt=it's src=x.png><p>乙</p><p>丙'</p>"),
        "甲\n乙\n丙'\n"
    );
    assert_eq!(
        to_text("<p>甲</p><!--><p>乙</p><!---><p>丙</p>"),
        "甲\n乙\n丙\n"
    );
    // References at a text's end without `;`, and control characters.
    assert_eq!(
        to_text("<p>正文&nbsp</p><p>a&#10;b&#13;c&#7;d</p>"),
        "正文\na b cd\n"
    );
}

#[test]
fn unclosed_hidden_elements_and_tags_lose_nothing_before_them() {
    assert_eq!(to_text("<p>正文。</p><script>var x = 1;"), "正文。\n");
    assert_eq!(to_text("<p>正文。</p><a href=\"x"), "正文。\n");
    assert_eq!(to_text("<p>正文。<!-- 未闭合"), "正文。\n");
    assert_eq!(to_text("<p>正文。</p></"), "正文。\n</\n");
}

#[test]
fn only_pages_look_like_html() {
    for path in common::seed_paths() {
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(!looks_like_html(&text), "{path:?}");
    }
    assert!(!looks_like_html("<2020年>规划纲要</p>"));
    assert!(!looks_like_html("正文<p>残留</p>"));
    assert!(looks_like_html(
        "\u{FEFF}\n <!doctype html><html><body>x</body></html>"
    ));
    assert!(looks_like_html("<p>段落</p>"));
}

#[test]
fn a_seed_saved_as_a_page_reads_as_the_seed() {
    for path in common::seed_paths() {
        let text = std::fs::read_to_string(&path).unwrap();
        let lines: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        let escape = |l: &str| {
            l.replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('"', "&quot;")
        };
        let body: String = lines
            .iter()
            .map(|l| {
                format!(
                    "  <p style=\"text-indent:2em\">\n    {}\n  </p>\n",
                    escape(l)
                )
            })
            .collect();
        let page = format!(
            "<html>\n<head><title>页面</title><script>var s = \"</p>\";</script></head>\n\
             <body><div id=\"content\">\n{body}</div></body>\n</html>"
        );
        let want: String = lines.iter().flat_map(|l| [*l, "\n"]).collect();
        assert_eq!(to_text(&page), want, "{path:?}");
    }
}

proptest::proptest! {
    #[test]
    fn reading_a_page_never_panics(s in "[<>&/!?;#a-zA-Z0-9 \"'=\n一二区。]{0,200}") {
        let _ = looks_like_html(&s);
        let _ = to_text(&s);
    }

    #[test]
    fn text_without_markup_keeps_every_visible_character(s in "[^<&]{0,120}") {
        let shown: String = to_text(&s).chars().filter(|c| !c.is_whitespace()).collect();
        let given: String = s.chars().filter(|c| !c.is_whitespace() && *c != '\u{A0}').collect();
        proptest::prop_assert_eq!(shown, given);
    }
}
